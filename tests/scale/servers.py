"""Real processes for the scale tests: gunicorn with the production settings, a
throwaway PostgreSQL database, Redis, and moto's S3 server.

Everything listens on 127.0.0.1 and is stopped (and the database dropped) when
the test is done. The tests drive the servers over HTTP the way a browser behind
an HTTPS load balancer does: `Host` names the public site, `X-Forwarded-Proto:
https` says the balancer ended TLS (the production settings trust it through
SECURE_PROXY_SSL_HEADER), and cookies marked Secure are sent back.
"""

import http.client
import http.cookies
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SITE_HOST = "scale.test"
SECRET_KEY = "scale-test-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, timeout, what):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not come up within {timeout}s")
        time.sleep(0.2)


class Process:
    """A child process in its own process group, its output in a log file."""

    def __init__(self, command, env, log_path):
        self.command = [str(part) for part in command]
        self.env = env
        self.log_path = Path(log_path)
        self.process = None

    def start(self):
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        return self

    @property
    def pid(self):
        return self.process.pid

    def log_text(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def manage(env, *args, input=None):
    """Run `manage.py` with `env`; its standard output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=input,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def django_json(env, code):
    """Run Python in a Django shell with `env`; the JSON its last line prints."""
    output = manage(env, "shell", "--no-imports", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


# ---------------------------------------------------------------- PostgreSQL


def postgres_url_from_environment():
    """The PostgreSQL server of DATABASE_URL, or None when the suite runs on SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


class ThrowawayDatabase:
    """`scale_<random>` on the server of `server_url`, dropped on close."""

    def __init__(self, server_url):
        import psycopg

        self.psycopg = psycopg
        parts = urlsplit(server_url)
        self.name = f"scale_{uuid.uuid4().hex[:12]}"
        self.admin_url = parts._replace(path="/postgres").geturl()
        self.url = parts._replace(path=f"/{self.name}").geturl()

    def _execute(self, sql):
        with self.psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql)

    def create(self):
        self._execute(f'CREATE DATABASE "{self.name}"')
        return self

    def drop(self):
        self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# ---------------------------------------------------------------- S3 (moto)


class MotoS3:
    """moto's S3 server (`moto_server`) on a free port, with one bucket."""

    ACCESS_KEY = "scale-test-key"
    SECRET = "scale-test-secret"
    REGION = "us-east-1"

    def __init__(self, log_dir, bucket="scale-media"):
        self.port = free_port()
        self.bucket = bucket
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = Process(
            [BIN / "moto_server", "-H", "127.0.0.1", "-p", self.port],
            {**os.environ, "MOTO_PORT": str(self.port)},
            Path(log_dir) / "moto.log",
        )

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.ACCESS_KEY,
            aws_secret_access_key=self.SECRET,
            region_name=self.REGION,
        )

    def start(self):
        self.process.start()
        wait_until(lambda: socket.create_connection(("127.0.0.1", self.port), 1), 30, "moto")
        self.client().create_bucket(Bucket=self.bucket)
        return self

    def allow_public_read(self, prefix):
        """The bucket policy production uses: anyone may read objects under `prefix`."""
        statement = {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{self.bucket}/{prefix}*",
        }
        policy = {"Version": "2012-10-17", "Statement": [statement]}
        self.client().put_bucket_policy(Bucket=self.bucket, Policy=json.dumps(policy))

    def anonymous_status(self, key):
        """The status of an unsigned GET of `key`, as a visitor's browser makes it."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", f"/{self.bucket}/{key}")
            return connection.getresponse().status
        finally:
            connection.close()

    def keys(self):
        listing = self.client().list_objects_v2(Bucket=self.bucket)
        return [item["Key"] for item in listing.get("Contents", [])]

    def environment(self):
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": self.REGION,
            "AWS_ACCESS_KEY_ID": self.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": self.SECRET,
        }

    def stop(self):
        self.process.stop()


# ---------------------------------------------------------------- gunicorn


def production_environment(database_url, static_root, **extra):
    """What a production container gets, for a test: nothing weakened.

    HTTPS redirects, secure cookies, HSTS and two-step sign-in stay on; the
    tests send `X-Forwarded-Proto: https` as the load balancer does.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "AWS_", "PAGE_CACHE", "GUNICORN_", "WEB_CONCURRENCY"))
        and key not in ("REDIS_URL", "DATABASE_URL", "MEDIA_ROOT", "STATIC_ROOT")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="coalition_site.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS=SITE_HOST,
        CSRF_TRUSTED_ORIGINS=f"https://{SITE_HOST}",
        WAGTAILADMIN_BASE_URL=f"https://{SITE_HOST}",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


class Gunicorn(Process):
    """gunicorn with the project's gunicorn.conf.py, bound to 127.0.0.1 on a free port."""

    def __init__(self, env, log_path, workers=2):
        self.port = free_port()
        super().__init__(
            [
                BIN / "gunicorn",
                "coalition_site.wsgi:application",
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            {**env, "WEB_CONCURRENCY": str(workers), "PORT": str(self.port)},
            log_path,
        )

    def start(self):
        super().start()

        def ready():
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_text()[-3000:]}")
            return Browser(self.port).get("/health/ready/").status == 200

        wait_until(ready, 60, f"gunicorn on port {self.port}")
        return self

    def worker_pids(self):
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        return sorted(int(pid) for pid in children.read_text().split())


# ---------------------------------------------------------------- HTTP


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def header(self, name, default=None):
        return self.headers.get(name, default)

    def __repr__(self):
        return f"<Response {self.status} {self.headers.get('Location', '')}>"


def multipart(fields, files):
    """(body, content type) of a multipart/form-data post."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, filename, content, content_type in files:
        parts.append(
            (
                f"--{boundary}\r\nContent-Disposition: form-data; "
                f'name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n"
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Browser:
    """A browser behind the HTTPS load balancer, talking to one server.

    Keeps its cookies (Secure ones too: the reader's side of the connection is
    HTTPS) and can move them to another server, as a load balancer moves a
    visitor between servers.
    """

    def __init__(self, port, cookies=None):
        self.port = port
        self.cookies = dict(cookies or {})

    def on(self, port):
        """The same visitor, with the same cookies, sent to another server."""
        return Browser(port, self.cookies)

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {
            "Host": SITE_HOST,
            "X-Forwarded-Proto": "https",
            "Connection": "close",
            **(headers or {}),
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            result = Response(response.status, response.headers, response.read())
        finally:
            connection.close()
        for line in result.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie()
            cookie.load(line)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return result

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, files=(), referer=None):
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urlencode(fields).encode(), "application/x-www-form-urlencoded"
        return self.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": content_type,
                "Origin": f"https://{SITE_HOST}",
                "Referer": f"https://{SITE_HOST}{referer or path}",
            },
        )

"""`make container-check`: build the production image from the Dockerfile and check it from outside.

Runs as root on one of our Debian machines (CI runs it after the two test suites):

1. installs podman, runc and debootstrap if missing, and clears podman's default ulimits;
2. builds or reuses the stand-in for `python:3.11-slim` (the registry that serves it cannot be
   reached): Debian bookworm from `debootstrap --variant=minbase` with Debian's Python 3.11,
   cached in .cache/container/;
3. builds the image from the Dockerfile, then a code-only change of it (timed);
4. runs the image against the machine's PostgreSQL and Redis on the host network, and moto's S3
   server: the release step (`migrate`), the demo content, the web server the image's CMD starts,
   and compose.yaml's web, worker and scheduler services (the worker sending queued mail to a
   local SMTP server, aiosmtpd);
5. checks what a visitor, a load balancer and an operator would notice, printing each result, the
   image's size and the build times. Exits 1 if anything failed.

Standard library only; settings through the environment (see `Config`).
"""

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "container"
BASE_IMAGE = "python:3.11-slim"
BASE_PACKAGES = "python3,python3-venv,python-is-python3,ca-certificates,netbase,tzdata"
PODMAN = ["podman", "--runtime", "runc"]
PREFIX = "sactogether-check"
MISSING_LINE = "Sacramento Together production settings: missing environment variable(s): {}"
# Never in the image: development tools, tests, history, local data and secrets.
FORBIDDEN_APP_PATHS = (
    "app/tests/",
    "app/.git",
    "app/.ci/",
    "app/.venv",
    "app/.cache",
    "app/requirements-dev.txt",
    "app/benchmarks/",
    "app/backups/",
    "app/db.sqlite3",
)
SECRET_NAME = re.compile(r"(^|/)(\.env(\..*)?|id_rsa.*|.*\.pem|.*\.key|.*\.sqlite3)$")
DEV_PACKAGES = (
    "pytest",
    "_pytest",
    "pytest_django",
    "xdist",
    "factory",
    "ruff",
    "hadolint",
    "playwright",
    "axe_playwright_python",
    "moto",
    "polib",
    "podman_compose",
    "aiosmtpd",
)
REQUIRED_IN_IMAGE = (
    "app/manage.py",
    "app/gunicorn.conf.py",
    "app/coalition_site/wsgi.py",
    "app/static_collected/staticfiles.json",
    "venv/bin/gunicorn",
)

# Run inside a one-off container (`manage.py shell -c`): an uploaded image and its rendition in
# the configured storage (making moto's bucket first), and one live page of every page type.
FIXTURES = r"""
import io, json
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

bucket = getattr(default_storage, "bucket", None)
if bucket is not None:
    if bucket.creation_date is None:
        bucket.create()
    # As README.md asks of a bucket: renditions public, original uploads not.
    public = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
              "Resource": f"arn:aws:s3:::{bucket.name}/images/*"}
    bucket.Policy().put(Policy=json.dumps({"Version": "2012-10-17", "Statement": [public]}))
buffer = io.BytesIO()
PILImage.new("RGB", (64, 48), (176, 32, 48)).save(buffer, "PNG")
image = get_image_model().objects.create(
    title="Container check", file=ImageFile(buffer, name="container-check.png")
)
pages = {}
for model in get_page_models():
    if model is Page:
        continue
    page = model.objects.live().public().exact_type(model).first()
    parts = page.get_url_parts() if page else None
    pages[model.__name__] = parts[2] if parts else None
result = {
    "rendition": image.get_rendition("fill-32x32").url,
    "original": image.file.url,
    "pages": pages,
}
print("CHECK-JSON " + json.dumps(result))
"""

# An email sent the way the site sends every email: queued, for compose.yaml's worker to send.
QUEUE_MAIL = r"""
import json
from django.core.mail import send_mail
from django_tasks_db.models import DBTaskResult

subject = "Container check: queued mail"
send_mail(subject, "Sent by the worker, not by this process.", None, ["check@example.org"])
waiting = DBTaskResult.objects.filter(task_path="coalition_site.mail.deliver_email", status="READY")
print("CHECK-JSON " + json.dumps({"subject": subject, "queued": waiting.count()}))
"""

# What the queue holds once the worker has had its go: {status: count}, and the tasks that
# failed for another reason than their object being gone (the demo content deletes a page
# after saving it; an index update queued for it then finds nothing, which is harmless).
QUEUE_STATE = r"""
import json
from django.db.models import Count
from django_tasks_db.models import DBTaskResult

rows = DBTaskResult.objects.values("status").annotate(n=Count("id"))
state = {row["status"]: row["n"] for row in rows}
failed = DBTaskResult.objects.filter(status="FAILED").exclude(
    exception_class_path__endswith="DoesNotExist"
)
state["unexpected"] = [f"{r.task_path}: {r.exception_class_path}" for r in failed[:5]]
print("CHECK-JSON " + json.dumps(state))
"""

# A draft of a standard page with a publishing time in the past, for the scheduler to publish.
SCHEDULE = r"""
import json
from datetime import timedelta
from django.utils import timezone
from coalition_site.models import StandardPage

page = StandardPage.objects.live().first()
page.title = "Published by the scheduler"
revision = page.save_revision()
revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
revision.save(update_fields=["approved_go_live_at"])
print("CHECK-JSON " + json.dumps({"path": page.get_url_parts()[2], "title": page.title}))
"""


class Config:
    """Everything that may differ between machines, from the environment."""

    def __init__(self, env=os.environ):
        self.image = env.get("CONTAINER_CHECK_IMAGE", "localhost/sactogether:check")
        self.dockerfile = Path(env.get("CONTAINER_CHECK_DOCKERFILE", ROOT / "Dockerfile"))
        self.web_port = int(env.get("CONTAINER_CHECK_PORT", "8201"))
        self.s3_port = int(env.get("CONTAINER_CHECK_S3_PORT", "9201"))
        server = env.get("CONTAINER_CHECK_DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432")
        self.database_server = server.rstrip("/")
        self.database_name = env.get("CONTAINER_CHECK_DATABASE_NAME", "container_check")
        self.redis_url = env.get("CONTAINER_CHECK_REDIS_URL", "redis://127.0.0.1:6379/7")
        self.smtp_port = int(env.get("CONTAINER_CHECK_SMTP_PORT", "8225"))
        # pip in the build trusts this CA bundle (a TLS-intercepting proxy's CA is in the
        # machine's bundle); passed as the Dockerfile's optional "ca-certificates" secret.
        self.ca_bundle = env.get("CONTAINER_BUILD_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
        self.mirror = env.get("CONTAINER_CHECK_DEBIAN_MIRROR", "http://deb.debian.org/debian")
        self.bucket = "container-check"

    @property
    def database_url(self):
        return f"{self.database_server}/{self.database_name}"

    @property
    def s3_url(self):
        return f"http://127.0.0.1:{self.s3_port}"

    def app_env(self, **overrides):
        env = {
            "SECRET_KEY": "container-check-only-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "WEB_CONCURRENCY": "2",
            "TWO_FACTOR_REQUIRED": "true",
        }
        env.update(overrides)
        return {name: value for name, value in env.items() if value is not None}

    def s3_env(self):
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.s3_url,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
        }


class Report:
    def __init__(self):
        self.failures = []

    def check(self, ok, what, detail=""):
        print(f"  {'ok  ' if ok else 'FAIL'} {what}" + (f": {detail}" if detail else ""))
        if not ok:
            self.failures.append(what)
        return ok

    def info(self, what):
        print(f"  ..   {what}")


class Fatal(Exception):
    """A step the others depend on failed."""


def step(title):
    print(f"\n-- {title}", flush=True)


def run(args, *, timeout=900, env=None, input=None, stdout=subprocess.PIPE):
    return subprocess.run(
        [str(arg) for arg in args],
        stdout=stdout,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        env=env,
        input=input,
    )


def tail(text, lines=25):
    return "\n".join(text.strip().splitlines()[-lines:])


def require(result, what):
    if result.returncode != 0:
        raise Fatal(f"{what} failed (exit {result.returncode}):\n{tail(result.stdout)}")
    return result


# --- The machine ------------------------------------------------------------------------------


def ensure_tools(report):
    step("Container tools")
    missing = [tool for tool in ("podman", "runc", "debootstrap") if not shutil.which(tool)]
    if missing:
        report.info(f"installing {' '.join(missing)} from Debian")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        require(run(["apt-get", "update", "-qq"], env=env), "apt-get update")
        require(run(["apt-get", "install", "-y", "-qq", *missing], env=env), "apt-get install")
    # Raising limits is not permitted here; podman's default ulimits make runc refuse to start.
    conf = Path("/etc/containers/containers.conf")
    text = conf.read_text() if conf.exists() else ""
    if "default_ulimits" not in text:
        report.info(f"clearing podman's default ulimits in {conf}")
        if "[containers]" in text:
            text = text.replace("[containers]", "[containers]\ndefault_ulimits = []", 1)
        else:
            text += "\n[containers]\ndefault_ulimits = []\n"
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_text(text)
    version = run(["podman", "--version"]).stdout.strip()
    report.info(version)


def ensure_base_image(report, config):
    step(f"Base image {BASE_IMAGE}")
    if run([*PODMAN, "image", "exists", BASE_IMAGE]).returncode == 0:
        report.info("reusing the image in podman's storage")
        return
    rootfs_tar = CACHE / "python-3.11-slim-bookworm.tar"
    if not rootfs_tar.exists():
        report.info(f"debootstrap --variant=minbase bookworm from {config.mirror}")
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=CACHE) as work:
            rootfs = Path(work) / "rootfs"
            require(
                run(
                    [
                        "debootstrap",
                        "--variant=minbase",
                        f"--include={BASE_PACKAGES}",
                        "bookworm",
                        rootfs,
                        config.mirror,
                    ]
                ),
                "debootstrap",
            )
            # As slim as the official image: no package lists, caches or documentation.
            for leftover in (
                "var/cache/apt/archives",
                "var/lib/apt/lists",
                "usr/share/doc",
                "usr/share/man",
                "usr/share/info",
            ):
                for path in (rootfs / leftover).glob("*"):
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
            partial = rootfs_tar.with_suffix(".partial")
            require(run(["tar", "-C", rootfs, "--numeric-owner", "-cf", partial, "."]), "tar")
            partial.rename(rootfs_tar)
    else:
        report.info(f"importing the cached root file system {rootfs_tar.relative_to(ROOT)}")
    require(
        run(
            [
                *PODMAN,
                "import",
                "--change",
                "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "--change",
                "ENV LANG=C.UTF-8",
                "--change",
                'CMD ["python3"]',
                rootfs_tar,
                BASE_IMAGE,
            ]
        ),
        "podman import",
    )


# --- Building ---------------------------------------------------------------------------------


def build(config, context, tag):
    args = [*PODMAN, "build", "--format", "docker", "--network", "host", "--layers"]
    if config.ca_bundle and Path(config.ca_bundle).exists():
        args += ["--secret", f"id=ca-certificates,src={config.ca_bundle}"]
    args += ["-f", config.dockerfile, "-t", tag, context]
    started = time.monotonic()
    result = run(args, timeout=1800)
    return result, time.monotonic() - started


def image_id(name):
    result = run([*PODMAN, "image", "inspect", "--format", "{{.Id}}", name])
    return result.stdout.strip() if result.returncode == 0 else None


def build_image(report, config):
    step(f"Building {config.image} from {config.dockerfile.name}")
    previous = image_id(config.image)
    result, seconds = build(config, ROOT, config.image)
    if result.returncode != 0:
        print(tail(result.stdout, 40))
        raise Fatal(f"the image did not build (exit {result.returncode})")
    cached = result.stdout.count("Using cache")
    report.info(f"build time: {seconds:.1f} s ({cached} cached steps)")
    current = image_id(config.image)
    if previous and previous != current:
        # The image this one replaces; its layers stay in the build cache.
        run([*PODMAN, "rmi", previous])
    size = int(run([*PODMAN, "image", "inspect", "--format", "{{.Size}}", config.image]).stdout)
    report.info(f"image size: {size / 1e6:.0f} MB")
    return seconds, size


def code_only_rebuild(report, config):
    """A change to the code alone reuses the requirements layer and rebuilds in seconds."""
    step("Rebuilding after a code-only change")
    tag = f"{config.image}-code-change"
    with tempfile.TemporaryDirectory() as work:
        context = Path(work) / "context"
        shutil.copytree(
            ROOT,
            context,
            symlinks=True,
            ignore=shutil.ignore_patterns(
                ".git",
                ".venv",
                ".cache",
                "media",
                "static_collected",
                "__pycache__",
                "backups",
                "*.sqlite3",
            ),
        )
        with (context / "coalition_site" / "views.py").open("a") as views:
            views.write("\n# container-check: a code-only change\n")
        result, seconds = build(config, context, tag)
    ok = result.returncode == 0
    report.check(ok, "a code-only change rebuilds", f"{seconds:.1f} s")
    for what, pattern in (
        ("the requirements layer", r"pip install -r requirements\.txt\s*\n--> Using cache"),
        ("the app user's layer", r"useradd [^\n]*\n--> Using cache"),
    ):
        report.check(
            bool(re.search(pattern, result.stdout)),
            f"{what} comes from the cache after a code-only change",
        )
    report.check(seconds < 60, "a code-only rebuild takes less than a minute", f"{seconds:.1f} s")
    if image_id(tag):
        run([*PODMAN, "rmi", tag])
    # Layers no tagged image is built on (earlier code, this rebuild); the base and the
    # requirements layers stay, under the image.
    run([*PODMAN, "image", "prune", "--force"])
    return seconds


# --- The image's contents, from outside ---------------------------------------------------------


def check_contents(report, config):
    step("What the image holds (podman export, read from outside)")
    name = f"{PREFIX}-contents"
    require(run([*PODMAN, "create", "--name", name, config.image]), "podman create")
    names, secrets = set(), []
    try:
        export = subprocess.Popen([*PODMAN, "export", name], stdout=subprocess.PIPE)
        with tarfile.open(fileobj=export.stdout, mode="r|") as archive:
            for member in archive:
                path = member.name.lstrip("./")
                names.add(path)
                if path.startswith("app/") and SECRET_NAME.search(path):
                    secrets.append(path)
        export.wait()
    finally:
        run([*PODMAN, "rm", "-f", name])
    for required in REQUIRED_IN_IMAGE:
        report.check(required in names, f"the image holds {required}")
    forbidden = sorted(
        path
        for path in names
        for bad in FORBIDDEN_APP_PATHS
        if path == bad.rstrip("/") or path.startswith(bad.rstrip("/") + "/")
    )
    report.check(
        not forbidden,
        "no tests, .git, dev requirements, backups or databases",
        ", ".join(forbidden[:5]),
    )
    site_packages = "venv/lib/python3.11/site-packages/"
    dev = sorted(
        package
        for package in DEV_PACKAGES
        if any(path.startswith(f"{site_packages}{package}/") for path in names)
    )
    report.check(not dev, "no development dependencies in /venv", ", ".join(dev))
    report.check(not secrets, "no key, .env or database files under /app", ", ".join(secrets[:5]))
    media = sorted(path for path in names if path.startswith("app/media/") and path != "app/media/")
    report.check(not media, "no uploaded media", ", ".join(media[:5]))
    inspect = json.loads(run([*PODMAN, "image", "inspect", config.image]).stdout)[0]
    user = inspect["Config"].get("User", "")
    report.check(
        user not in ("", "0", "root") and not user.startswith("0:"),
        "the image runs as an unprivileged user",
        user,
    )
    baked = [
        item.split("=", 1)[0]
        for item in inspect["Config"].get("Env", [])
        if re.search(r"SECRET|PASSWORD|TOKEN|ACCESS_KEY", item.split("=", 1)[0])
    ]
    report.check(not baked, "no secrets in the image's environment", ", ".join(baked))


# --- Running ----------------------------------------------------------------------------------


def env_args(env):
    args = []
    for name, value in env.items():
        args += ["-e", f"{name}={value}"]
    return args


def one_off(config, command, env, *, volume=None, timeout=300):
    name = f"{PREFIX}-one-off"
    args = [*PODMAN, "run", "--rm", "--name", name, "--network", "host"]
    if volume:
        args += ["-v", f"{volume}:/app/media"]
    try:
        return run([*args, *env_args(env), config.image, *command], timeout=timeout)
    except subprocess.TimeoutExpired as error:
        logs = run([*PODMAN, "logs", name]).stdout
        run([*PODMAN, "rm", "-f", "-t", "3", name])
        return subprocess.CompletedProcess(
            error.cmd, "timeout", f"timed out after {timeout} s\n{logs}"
        )


def start_web(config, name, port, env, *, volume=None):
    args = [
        *PODMAN,
        "run",
        "-d",
        "--name",
        name,
        "--network",
        "host",
        "--health-interval",
        "disable",
    ]
    if volume:
        args += ["-v", f"{volume}:/app/media"]
    require(run([*args, *env_args(dict(env, PORT=str(port))), config.image]), f"starting {name}")
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if fetch(f"{base}/health/")[0] == 200:
            return base
        state = run([*PODMAN, "inspect", "--format", "{{.State.Status}}", name]).stdout.strip()
        if state not in ("running", "created", "configured"):
            break
        time.sleep(1)
    logs = run([*PODMAN, "logs", name]).stdout
    raise Fatal(f"{name} did not answer /health/ on port {port}:\n{tail(logs)}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, headers=None):
    """(status, headers, body) without following redirects; status 0 when nothing answers.

    Sent as through the load balancer, which terminates TLS and says so in X-Forwarded-Proto.
    """
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **(headers or {})})
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
    except (urllib.error.URLError, http.client.HTTPException, OSError):
        return 0, {}, b""


def fetch_page(base, path):
    """A page, after the redirect to the visitor's language (/ to /en/)."""
    status, headers, body = fetch(f"{base}{path}")
    location = headers.get("Location", "") if status in (301, 302) else ""
    if location.startswith("/"):
        status, headers, body = fetch(f"{base}{location}")
    return status, headers, body


def psql(config, sql):
    return run(["psql", f"{config.database_server}/postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql])


def check_refusals(report, config):
    step("Production settings refuse to start without their variables")
    cases = [
        ("the web server (CMD)", {}, []),
        ("the release step", {}, ["python", "manage.py", "migrate", "--no-input"]),
        ("the web server with SECRET_KEY only", {"SECRET_KEY": "x" * 50}, []),
    ]
    for what, env, command in cases:
        missing = [
            name for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL") if name not in env
        ]
        line = MISSING_LINE.format(", ".join(missing))
        result = one_off(config, command, env, timeout=120)
        lines = [text for text in result.stdout.splitlines() if "level=error" not in text]
        ok = result.returncode not in (0, "timeout") and line in lines
        report.check(
            ok,
            f"{what} exits {result.returncode} with the one line",
            "" if ok else tail(result.stdout, 8),
        )
        if command:
            report.check(
                lines == [line],
                "the release step prints only that line",
                "" if lines == [line] else tail(result.stdout, 8),
            )


def check_release(report, config, volume):
    step(f"Release step and content on PostgreSQL ({config.database_name}) and Redis")
    require(
        psql(config, f'DROP DATABASE IF EXISTS "{config.database_name}" WITH (FORCE)'),
        "dropping the check database",
    )
    require(
        psql(config, f'CREATE DATABASE "{config.database_name}"'), "creating the check database"
    )
    started = time.monotonic()
    result = one_off(
        config, ["python", "manage.py", "migrate", "--no-input"], config.app_env(), volume=volume
    )
    report.check(
        result.returncode == 0,
        "python manage.py migrate --no-input",
        f"{time.monotonic() - started:.1f} s" if result.returncode == 0 else tail(result.stdout),
    )
    # Redis outlives the database: no rendition or page from an earlier run may be reused.
    clear = "from django.core.cache import caches\nfor alias in caches: caches[alias].clear()"
    require(
        one_off(config, ["python", "manage.py", "shell", "-c", clear], config.app_env()),
        "clearing the caches",
    )
    result = one_off(
        config, ["python", "manage.py", "load_demo_content"], config.app_env(), volume=volume
    )
    if result.returncode != 0:
        raise Fatal(f"load_demo_content failed:\n{tail(result.stdout)}")
    local = fixtures(config, config.app_env(), volume)
    s3 = fixtures(config, config.app_env(**config.s3_env()), volume)
    return local, s3


def fixtures(config, env, volume, script=FIXTURES):
    result = one_off(config, ["python", "manage.py", "shell", "-c", script], env, volume=volume)
    for line in result.stdout.splitlines():
        if line.startswith("CHECK-JSON "):
            return json.loads(line.removeprefix("CHECK-JSON "))
    raise Fatal(f"the fixtures did not load:\n{tail(result.stdout)}")


def check_web(report, config, base, name, local):
    step(f"The web server the image's CMD starts ({base})")
    top = run([*PODMAN, "top", name, "huser", "user", "args"]).stdout.splitlines()[1:]
    users = {line.split()[0] for line in top if line.strip()}
    report.check(
        bool(users) and users <= {"10001"},
        "every process runs as uid 10001, not root",
        ", ".join(sorted(users)),
    )
    health = run([*PODMAN, "healthcheck", "run", name])
    report.check(health.returncode == 0, "the image's HEALTHCHECK passes", tail(health.stdout, 3))
    status = fetch(f"{base}/health/ready/")[0]
    report.check(status == 200, "/health/ready/ is 200", str(status))
    status, headers, body = fetch_page(base, "/")
    report.check(status == 200, "the home page is 200 (after the language redirect)", str(status))
    for page_type, path in sorted(local["pages"].items()):
        if path is None:
            report.check(False, f"a live {page_type} in the demo content")
            continue
        status = fetch(f"{base}{path}")[0]
        report.check(status == 200, f"{page_type} {path} is 200", str(status))
    match = re.search(rb'href="(/static/[^"]+\.css)"', body)
    if report.check(bool(match), "the home page links a hashed stylesheet"):
        url = f"{base}{match.group(1).decode()}"
        status, headers, _ = fetch(url, {"Accept-Encoding": "gzip"})
        cache = headers.get("Cache-Control", "")
        report.check(status == 200, f"{match.group(1).decode()} is 200", str(status))
        report.check(
            "max-age=315360000" in cache and "immutable" in cache,
            "with a far-future cache header",
            cache,
        )
        report.check(
            headers.get("Content-Encoding") == "gzip",
            "and its compressed variant",
            headers.get("Content-Encoding", "none"),
        )
    status, headers, _ = fetch(f"{base}{local['rendition']}")
    report.check(
        status == 200 and headers.get("Content-Type") == "image/png",
        f"an uploaded image's rendition on local media {local['rendition']} is 200",
        f"{status} {headers.get('Content-Type', '')}",
    )


def check_s3(report, s3):
    step("Media in an S3 bucket (moto's server)")
    url = s3["rendition"]
    status, headers, _ = fetch(url)
    report.check(
        status == 200 and headers.get("Content-Type") == "image/png",
        f"the rendition is served from the bucket {url}",
        f"{status} {headers.get('Content-Type', '')}",
    )
    status = fetch(s3["original"])[0]
    report.check(status == 403, "the original upload is not public", str(status))


def check_database_down(report, config):
    step("/health/ready/ when the database is unreachable")
    name = f"{PREFIX}-no-database"
    env = config.app_env(DATABASE_URL="postgres://postgres@127.0.0.1:1/nowhere")
    base = start_web(config, name, config.web_port + 1, env)
    status = fetch(f"{base}/health/ready/")[0]
    report.check(status == 503, "/health/ready/ is 503", str(status))
    status = fetch(f"{base}/")[0]
    report.check(status == 503, "the home page is the outage page (503)", str(status))


def start_moto(config):
    moto = Path(sys.executable).parent / "moto_server"
    if not moto.exists():
        raise Fatal(f"{moto} is missing: run `make install-dev`")
    process = subprocess.Popen(
        [moto, "-H", "127.0.0.1", "-p", str(config.s3_port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if fetch(f"{config.s3_url}/moto-api/")[0]:
            return process
        time.sleep(0.5)
    process.kill()
    raise Fatal(f"moto's server did not start on port {config.s3_port}")


def start_smtp(config, mail_dir):
    """aiosmtpd (requirements-dev.txt) on 127.0.0.1, keeping each message it receives in
    the Maildir `mail_dir`."""
    command = Path(sys.executable).parent / "aiosmtpd"
    if not command.exists():
        raise Fatal(f"{command} is missing: run `make install-dev`")
    process = subprocess.Popen(
        [command, "-n", "-l", f"127.0.0.1:{config.smtp_port}"]
        + ["-c", "aiosmtpd.handlers.Mailbox", str(mail_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", config.smtp_port), timeout=2) as sock:
                if sock.recv(100).startswith(b"220"):
                    return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise Fatal(f"the SMTP server did not start on port {config.smtp_port}")


def received(mail_dir):
    """The subjects of the messages in the Maildir `mail_dir`."""
    subjects = []
    for path in sorted((Path(mail_dir) / "new").glob("*")):
        for line in path.read_text(errors="replace").splitlines():
            if line.lower().startswith("subject:"):
                subjects.append(line.split(":", 1)[1].strip())
                break
    return subjects


def compose(config, *args):
    command = Path(sys.executable).parent / "podman-compose"
    if not command.exists():
        raise Fatal(f"{command} is missing: run `make install-dev`")
    env = dict(
        os.environ,
        SECRET_KEY=config.app_env()["SECRET_KEY"],
        POSTGRES_PASSWORD="not-used-by-the-check",
        MINIO_ROOT_PASSWORD="testing",
        CHECK_IMAGE=config.image,
        CHECK_WEB_PORT=str(config.web_port + 2),
        CHECK_DATABASE_URL=config.database_url,
        CHECK_REDIS_URL=config.redis_url,
        CHECK_S3_URL=config.s3_url,
        CHECK_S3_BUCKET=config.bucket,
        CHECK_SMTP_PORT=str(config.smtp_port),
    )
    return run(
        [
            command,
            "--in-pod",
            "false",
            "--podman-args",
            "--runtime runc",
            "-p",
            PREFIX,
            "-f",
            ROOT / "compose.yaml",
            "-f",
            ROOT / ".ci" / "compose.check.yaml",
            *args,
        ],
        env=env,
        timeout=300,
    )


def check_compose(report, config, scheduled, queued, mail_dir):
    step("compose.yaml: web (two replicas), the worker and the scheduler from the same image")
    report.check(
        queued["queued"] == 1 and not received(mail_dir),
        "an email sent before the worker runs waits in the queue, unsent",
        f"{queued['queued']} queued, {len(received(mail_dir))} received",
    )
    result = compose(config, "up", "-d", "--no-deps", "web", "worker", "scheduler")
    if not report.check(
        result.returncode == 0,
        "podman-compose up -d web worker scheduler",
        "" if result.returncode == 0 else tail(result.stdout),
    ):
        return
    base = f"http://127.0.0.1:{config.web_port + 2}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and fetch(f"{base}/health/")[0] != 200:
        time.sleep(1)
    names = run(
        [
            *PODMAN,
            "ps",
            "--filter",
            f"label=io.podman.compose.project={PREFIX}",
            "--format",
            "{{.Names}}",
        ]
    ).stdout.split()
    webs = [name for name in names if "_web_" in name]
    report.check(len(webs) == 2, "two web replicas run", ", ".join(webs))
    status = fetch_page(base, "/")[0]
    report.check(status == 200, "the home page is 200", str(status))
    schedulers = [name for name in names if "_scheduler_" in name]
    report.check(len(schedulers) == 1, "the scheduler runs", ", ".join(schedulers))
    body = b""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        body = fetch_page(base, scheduled["path"])[2]
        if scheduled["title"].encode() in body:
            break
        time.sleep(2)
    logs = run([*PODMAN, "logs", schedulers[0]]).stdout if schedulers else ""
    report.check(
        scheduled["title"].encode() in body,
        f"the scheduler published the draft scheduled for {scheduled['path']}",
        "" if scheduled["title"].encode() in body else tail(logs, 8),
    )
    check_worker(report, config, names, queued, mail_dir)


def check_worker(report, config, names, queued, mail_dir):
    workers = [name for name in names if "_worker_" in name]
    report.check(len(workers) == 1, "the worker runs", ", ".join(workers))
    # The demo content's search-index updates are queued before the email.
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and queued["subject"] not in received(mail_dir):
        time.sleep(2)
    time.sleep(5)  # long enough to see a second copy, were one sent
    subjects = received(mail_dir)
    logs = run([*PODMAN, "logs", workers[0]]).stdout if workers else ""
    report.check(
        subjects.count(queued["subject"]) == 1,
        "the worker sent the queued email to the SMTP server, once",
        f"{subjects.count(queued['subject'])} received" + ("" if subjects else tail(logs, 8)),
    )
    deadline = time.monotonic() + 60
    while True:
        state = fixtures(config, config.app_env(), None, script=QUEUE_STATE)
        if time.monotonic() > deadline or not (state.get("READY") or state.get("RUNNING")):
            break
        time.sleep(3)
    report.check(
        not state.get("READY") and not state.get("RUNNING") and not state["unexpected"],
        "the worker drained the queue (Wagtail's index updates included), none failed but "
        "for objects deleted before their update ran",
        json.dumps(state),
    )
    running = run([*PODMAN, "ps", "--filter", f"name={workers[0]}", "--format", "{{.Names}}"])
    report.check(
        bool(workers) and workers[0] in running.stdout.split(),
        "the worker is still up once the queue is empty",
    )


def cleanup(config, moto, volume, smtp=None):
    compose(config, "down")
    names = [f"{PREFIX}-{name}" for name in ("web", "no-database", "contents", "one-off")]
    run([*PODMAN, "rm", "--force", "--ignore", "-t", "3", *names])
    run([*PODMAN, "volume", "rm", "-f", volume])
    for process in (moto, smtp):
        if process:
            process.terminate()
            process.wait(timeout=10)


def main():
    config = Config()
    report = Report()
    volume = f"{PREFIX}-media"
    moto = smtp = None
    # A Maildir that aiosmtpd creates (it leaves an existing folder without its subfolders).
    mail_dir = Path(tempfile.mkdtemp(prefix="container-check-mail-")) / "maildir"
    measured = {}
    started = time.monotonic()
    try:
        ensure_tools(report)
        ensure_base_image(report, config)
        measured["build"], measured["size"] = build_image(report, config)
        measured["rebuild"] = code_only_rebuild(report, config)
        check_contents(report, config)
        check_refusals(report, config)
        cleanup(config, None, volume)
        moto = start_moto(config)
        local, s3 = check_release(report, config, volume)
        name = f"{PREFIX}-web"
        base = start_web(config, name, config.web_port, config.app_env(), volume=volume)
        check_web(report, config, base, name, local)
        check_s3(report, s3)
        check_database_down(report, config)
        scheduled = fixtures(config, config.app_env(), volume, script=SCHEDULE)
        smtp = start_smtp(config, mail_dir)
        queued = fixtures(config, config.app_env(), None, script=QUEUE_MAIL)
        check_compose(report, config, scheduled, queued, mail_dir)
    except Fatal as error:
        report.check(False, str(error))
    finally:
        cleanup(config, moto, volume, smtp)
        shutil.rmtree(mail_dir.parent, ignore_errors=True)
    step("Summary")
    if "size" in measured:
        print(
            f"  image {config.image}: {measured['size'] / 1e6:.0f} MB, "
            f"built in {measured['build']:.1f} s"
        )
    if "rebuild" in measured:
        print(f"  code-only rebuild: {measured['rebuild']:.1f} s")
    print(f"  container check took {time.monotonic() - started:.0f} s")
    if report.failures:
        print(f"  {len(report.failures)} check(s) failed", file=sys.stderr)
        return 1
    print("  every container check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

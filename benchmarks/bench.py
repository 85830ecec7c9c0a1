"""Measure every public page type under load: `make bench` (see benchmarks/README.md).

1. Builds a PostgreSQL database (`--database-url`, default .../bench): migrations, the
   demo site, then `generate_bulk_content` (100 partners, 2,000 news items, 200
   episodes, 500 resources), and collects static files as production does.
2. Starts gunicorn with the production settings twice: with the page cache off
   ("cold": every request builds its page from the database, as the first reader
   after a publish meets it) and on ("warm": pages come from Redis).
3. Runs `wrk` (16 connections by default) against a static file and each page type, and
   prints a Markdown table: requests/s, p50, p99, each page's throughput as a share of
   the static file's in the same run, and each gunicorn worker's memory (RSS) after it.

Nothing here is part of `make test`. Needs PostgreSQL, Redis, `wrk`
(`apt-get install wrk`) and the PostgreSQL client tools (createdb, dropdb).
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
WORK = ROOT / "benchmarks" / ".work"

FIND_URLS = """
import json
from news.models import NewsPage
from partners.models import PartnerPage, Service
from podcasts.models import PodcastEpisodePage, PodcastIndexPage
from resources.models import ResourcePage
from safety.models import GetHelpPage
from coalition_site.models import StandardPage
from django.contrib.staticfiles.storage import staticfiles_storage

def first(model, **filters):
    return model.objects.live().filter(**filters).order_by("path").first().url

service = Service.objects.order_by("name").first()
print(json.dumps([
    ["static file (CSS)", staticfiles_storage.url("css/site.css")],
    ["home", "/en/"],
    ["standard page", first(StandardPage)],
    ["partner directory", "/en/partners/"],
    ["partner directory, filtered", f"/en/partners/?service={service.slug}&page=2"],
    ["partner page", first(PartnerPage, slug__startswith="sample-bulk-")],
    ["news listing", "/en/news/"],
    ["news listing, page 50", "/en/news/?page=50"],
    ["news item", first(NewsPage, slug__startswith="sample-bulk-")],
    ["podcast show", first(PodcastIndexPage)],
    ["podcast episode", first(PodcastEpisodePage, slug__startswith="sample-bulk-")],
    ["resource library", "/en/resources/"],
    ["resource page", first(ResourcePage, slug__startswith="sample-bulk-")],
    ["get help", first(GetHelpPage)],
    ["search results (never cached)", "/en/search/?q=shelter"],
]))
"""


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench"),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8123")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", "3")))
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_SECONDS", "10")))
    parser.add_argument(
        "--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", "16"))
    )
    parser.add_argument("--skip-setup", action="store_true", help="reuse the database as it is")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "latest.md"))
    return parser.parse_args()


def environment(args, page_cache_seconds):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coalition_site.settings.production",
        "SECRET_KEY": "benchmark-only-not-secret-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(WORK / "media"),
        "STATIC_ROOT": str(WORK / "static"),
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_THREADS": os.environ.get("BENCH_THREADS", "1"),
        "PORT": str(args.port),
    }


def run(command, env, **options):
    print("$", " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, env=env, check=True, **options)


def setup(args):
    env = environment(args, 0)
    database = urlsplit(args.database_url)
    connection = ["-h", database.hostname or "127.0.0.1", "-p", str(database.port or 5432)]
    connection += ["-U", database.username or "postgres"]
    name = database.path.lstrip("/")
    run(["dropdb", "--if-exists", *connection, name], env)
    run(["createdb", *connection, name], env)
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env)
    run([PYTHON, "manage.py", "load_demo_content"], env)
    run([PYTHON, "manage.py", "generate_bulk_content"], env)
    # Production settings queue the search-index updates for the task worker: run them.
    run([PYTHON, "manage.py", "db_worker", "--batch", "--no-reload", "-v", "0"], env)
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], env)


def flush_redis(args):
    import redis

    redis.Redis.from_url(args.redis_url).flushdb()


def page_urls(args):
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", FIND_URLS],
        cwd=ROOT,
        env=environment(args, 0),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


class Server:
    def __init__(self, args, page_cache_seconds):
        self.args = args
        self.env = environment(args, page_cache_seconds)
        self.log = open(WORK / f"gunicorn-{page_cache_seconds}.log", "w")

    def __enter__(self):
        self.process = subprocess.Popen(
            [GUNICORN, "coalition_site.wsgi", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.args.port}/health/", timeout=5)
                return self
            except OSError:  # refused, or not answering yet
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not start; see {self.log.name}")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.log.close()

    def worker_memory(self):
        """Each worker's resident memory in MB, from /proc (Linux)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes


def fetch(args, path):
    request = urllib.request.Request(f"http://127.0.0.1:{args.port}{path}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("X-Page-Cache", "-"), len(response.read())


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def load(args, path):
    """Requests per second and the 50th and 99th percentile latency (ms) for one address."""
    output = subprocess.run(
        [
            "wrk",
            f"-t{min(2, args.connections)}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            f"http://127.0.0.1:{args.port}{path}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: to_ms(v, u) for p, v, u in LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rate": rate,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure(args, urls, page_cache_seconds):
    flush_redis(args)
    results = {}
    with Server(args, page_cache_seconds) as server:
        for _name, path in urls:  # first reads make renditions and fill the site data
            fetch(args, path)
            fetch(args, path)
        for name, path in urls:
            status, cache_state, size = fetch(args, path)
            results[name] = {**load(args, path), "status": status, "cache": cache_state}
            print(
                f"  {name}: {results[name]['rate']:.0f} req/s, "
                f"p99 {results[name]['p99']:.1f} ms ({cache_state})",
                flush=True,
            )
        memory = server.worker_memory()
    print(f"  worker memory (RSS, MB): {', '.join(f'{m:.0f}' for m in memory)}", flush=True)
    return results, memory


def machine():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs"


def load_average():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def table(args, urls, cold, warm, memory, loads):
    """The Markdown report; `cold` and `warm` map page names to wrk's results."""
    static = urls[0][0]
    threads = os.environ.get("BENCH_THREADS", "1")
    lines = [
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on {machine()}; load average "
        f"(1, 5, 15 min) {loads[0]} before and {loads[1]} after. gunicorn with the "
        f"production settings, {args.workers} workers × {threads} thread(s), PostgreSQL and "
        f"Redis on the same machine; `wrk -c{args.connections} -d{args.duration}s` per address, "
        "gzip accepted. "
        "\"% static\" is the page's requests/s as a share of the static file's in the same run.",
        "",
        "| page | cold req/s | cold p50 ms | cold p99 ms | cold % static "
        "| warm req/s | warm p50 ms | warm p99 ms | warm % static |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, _path in urls:
        c, w = cold[name], warm[name]
        note = " (errors!)" if c["errors"] or w["errors"] else ""
        lines.append(
            f"| {name}{note} | {c['rate']:.0f} | {c['p50']:.1f} | {c['p99']:.1f} "
            f"| {100 * c['rate'] / cold[static]['rate']:.1f}% "
            f"| {w['rate']:.0f} | {w['p50']:.1f} | {w['p99']:.1f} "
            f"| {100 * w['rate'] / warm[static]['rate']:.1f}% |"
        )
    lines += [
        "",
        "Worker memory (RSS) after each run, MB: cold "
        + ", ".join(f"{m:.0f}" for m in memory[0])
        + "; warm "
        + ", ".join(f"{m:.0f}" for m in memory[1])
        + ".",
    ]
    return "\n".join(lines) + "\n"


def check_tools():
    """Stop at once, saying what to install, when a tool the benchmark runs is missing."""
    missing = [tool for tool in ("wrk", "createdb", "dropdb") if shutil.which(tool) is None]
    if missing:
        sys.exit(
            f"bench: {', '.join(missing)} not found. Install them first: "
            "`apt-get install wrk postgresql-client` (Debian/Ubuntu) or "
            "`brew install wrk libpq` (macOS)."
        )


def main():
    args = parse_arguments()
    check_tools()
    WORK.mkdir(exist_ok=True)
    if not args.skip_setup:
        setup(args)
    urls = page_urls(args)
    loads = [load_average()]
    print(f"load average before: {loads[0]}", flush=True)
    print("cold (page cache off):", flush=True)
    cold, cold_memory = measure(args, urls, 0)
    print("warm (page cache on):", flush=True)
    warm, warm_memory = measure(args, urls, 300)
    loads.append(load_average())
    print(f"load average after: {loads[1]}", flush=True)
    report = table(args, urls, cold, warm, (cold_memory, warm_memory), loads)
    Path(args.output).write_text(report)
    print()
    print(report)
    print(f"(also written to {args.output})")


if __name__ == "__main__":
    sys.exit(main())

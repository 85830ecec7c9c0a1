"""Measure the site as the container ships it, against the targets of issue #18: `make bench`.

1. Builds a PostgreSQL database (`--database-url`, default .../bench): migrations, the
   demo site, then `generate_bulk_content` (100 partners, 2,000 news items, 200
   episodes, 500 resources), and collects static files as production does.
2. The ceiling: a bare WSGI app serving only the static files with WhiteNoise
   (benchmarks/bare_static.py) under the same gunicorn.conf.py, before and after the
   warm run, against the site's static file (measured at the start and the end of the
   warm run); the better of each pair counts.
3. Warm (page cache on, pages from Redis): the static file and every cacheable page,
   with and without `Accept-Encoding: gzip`, at 16 connections.
4. Cold (page cache off: every request builds its page from the database): every page
   at 16 connections, and at one connection for the median.
5. Search at one connection: one- and two-word queries, rare and common, in both
   languages.
6. Load: 64 connections for 60 s on a mix of cached and uncached addresses.

It prints every figure with its target and whether this run met it, and writes the
report to benchmarks/latest.md. Nothing here is part of `make test`. Needs PostgreSQL,
Redis, `wrk` (`apt-get install wrk`) and the PostgreSQL client tools (createdb, dropdb).
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
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
WORK = ROOT / "benchmarks" / ".work"

# The targets of issue #18.
CEILING_SHARE = 0.90  # the site's static file against the bare WhiteNoise app
WARM_SHARE = 0.90  # a cached page against the site's static file
WARM_P99_MS = 50.0
COLD_SHARE = 0.05  # an uncached page against the site's static file
COLD_P50_MS = 100.0  # at one connection
SEARCH_P50_MS = 100.0  # at one connection
WORKER_MB = 200.0
LOAD_CONNECTIONS = 64

STATIC = "static file (CSS)"
SEARCH = "search results (never cached)"

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
    ["home, Spanish", "/es/"],
    ["standard page", first(StandardPage, locale__language_code="en")],
    ["partner directory", "/en/partners/"],
    ["partner directory, filtered", f"/en/partners/?service={service.slug}&page=2"],
    ["partner page", first(PartnerPage, slug__startswith="sample-bulk-")],
    ["news listing", "/en/news/"],
    ["news listing, page 50", "/en/news/?page=50"],
    ["news item", first(NewsPage, slug__startswith="sample-bulk-")],
    ["podcast show", first(PodcastIndexPage, locale__language_code="en")],
    ["podcast episode", first(PodcastEpisodePage, slug__startswith="sample-bulk-")],
    ["resource library", "/en/resources/"],
    ["resource page", first(ResourcePage, slug__startswith="sample-bulk-")],
    ["get help", first(GetHelpPage, locale__language_code="en")],
    ["search results (never cached)", "/en/search/?q=shelter"],
]))
"""

# One- and two-word queries in each language: rare words, and words on every bulk page
# ("sample": 2,800 pages) or on most Spanish pages ("trata").
SEARCHES = [
    ("en", "shelter"),
    ("en", "sample"),
    ("en", "labor trafficking"),
    ("en", "sample news"),
    ("es", "refugio"),
    ("es", "trata"),
    ("es", "trata personas"),
    ("es", "operativos arrestos"),
]

MIX_SCRIPT = """
-- Each connection walks the list of addresses from its own starting point.
paths = {%s}
counter = 0
init = function(args)
  counter = math.random(#paths)
end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
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
    parser.add_argument(
        "--workers",
        type=int,
        default=os.environ.get("BENCH_WORKERS"),
        help="gunicorn workers (default: as gunicorn.conf.py ships, 2 × CPUs + 1)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=os.environ.get("BENCH_THREADS"),
        help="threads per worker (default: as gunicorn.conf.py ships, 2)",
    )
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_SECONDS", "10")))
    parser.add_argument(
        "--load-duration", type=int, default=int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
    )
    parser.add_argument(
        "--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", "16"))
    )
    parser.add_argument("--skip-setup", action="store_true", help="reuse the database as it is")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "latest.md"))
    return parser.parse_args()


def environment(args, page_cache_seconds):
    """The production settings, as the container runs them; only the addresses differ."""
    env = {
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
        "PORT": str(args.port),
    }
    # gunicorn.conf.py's own values, unless asked otherwise here (not from this shell).
    for name in (
        "WEB_CONCURRENCY",
        "GUNICORN_THREADS",
        "GUNICORN_MAX_REQUESTS",
        "GUNICORN_MAX_REQUESTS_JITTER",
        "GUNICORN_ACCESS_LOG",
    ):
        env.pop(name, None)
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    if args.threads:
        env["GUNICORN_THREADS"] = str(args.threads)
    return env


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


def psql(args, sql):
    """One statement on the benchmark's database, through psql; its output as text."""
    database = urlsplit(args.database_url)
    command = ["psql", "-h", database.hostname or "127.0.0.1", "-p", str(database.port or 5432)]
    command += ["-U", database.username or "postgres", "-d", database.path.lstrip("/")]
    command += ["-tAc", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def has_statistics(args):
    """Whether PostgreSQL has analyzed the search index since it was filled."""
    return (
        psql(
            args,
            "SELECT coalesce(last_analyze, last_autoanalyze) IS NOT NULL FROM pg_stat_user_tables "
            "WHERE relname = 'wagtailsearch_indexentry'",
        )
        == "t"
    )


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
    # Addresses as a browser sends them: a Spanish slug's accents percent-encoded.
    return [
        [name, quote(path, safe="/?=&%")]
        for name, path in json.loads(result.stdout.strip().splitlines()[-1])
    ]


class Server:
    """gunicorn with gunicorn.conf.py, serving the site (or, `bare`, only the static files)."""

    def __init__(self, args, page_cache_seconds, bare=False, name=None):
        self.args = args
        self.env = environment(args, page_cache_seconds)
        self.bare = bare
        self.log_path = WORK / f"gunicorn-{name or page_cache_seconds}.log"

    def __enter__(self):
        self.log = open(self.log_path, "w")
        application = "benchmarks.bare_static:application" if self.bare else "coalition_site.wsgi"
        self.process = subprocess.Popen(
            [GUNICORN, application, "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        probe = "/static/missing.css" if self.bare else "/health/"
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.args.port}{probe}", timeout=5)
                return self
            except urllib.error.HTTPError:
                return self  # answering: the bare app's 404
            except OSError:  # refused, or not answering yet
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not start; see {self.log_path}")

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

    def log_summary(self):
        """Workers started (a recycled worker shows here), and lines gunicorn logged."""
        self.log.flush()
        text = self.log_path.read_text(errors="replace")
        return {
            "boots": len(re.findall(r"Booting worker", text)),
            "logged": len(re.findall(r"\[WARNING\].* in \d+ ms", text)),
        }


def fetch(args, path):
    request = urllib.request.Request(f"http://127.0.0.1:{args.port}{path}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("X-Page-Cache", "-"), len(response.read())


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def load(args, path, connections=None, duration=None, gzip=True, script=None):
    """Requests per second, p50 and p99 (ms), and errors, from wrk, for one address."""
    connections = connections or args.connections
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}"]
    command += [f"-d{duration or args.duration}s", "--timeout", "30s", "--latency"]
    if gzip:
        command += ["-H", "Accept-Encoding: gzip"]
    if script:
        command += ["-s", str(script)]
    command.append(f"http://127.0.0.1:{args.port}{path}")
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    latency = {p: to_ms(v, u) for p, v, u in LATENCY.findall(output)}
    total = int(re.search(r"(\d+) requests in", output).group(1))
    if total == 0:  # nothing answered in time: no latency to speak of
        latency = {"50": float("inf"), "99": float("inf")}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = SOCKET_ERRORS.search(output)
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": total,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in sockets.groups()) if sockets else 0,
    }


def say(text):
    print(text, flush=True)


def warm_up(args, urls):
    """First reads make renditions and fill the caches."""
    for _name, path in urls:
        fetch(args, path)
        fetch(args, path)


def measure_ceiling(args, static_path):
    with Server(args, 0, bare=True, name="bare"):
        fetch(args, static_path)
        result = load(args, static_path)
    say(f"  bare WhiteNoise app: {result['rate']:.0f} req/s, p99 {result['p99']:.1f} ms")
    return result


def measure_warm(args, urls):
    flush_redis(args)
    results = {}
    with Server(args, 300) as server:
        warm_up(args, urls)
        for name, path in urls:
            if name == SEARCH:
                continue
            _status, cache_state, _size = fetch(args, path)
            row = {"cache": cache_state, "gzip": load(args, path)}
            text = f"  {name} ({cache_state}): gzip {row['gzip']['rate']:.0f} req/s"
            text += f" p99 {row['gzip']['p99']:.1f} ms"
            if name != STATIC:
                row["plain"] = load(args, path, gzip=False)
                text += f"; plain {row['plain']['rate']:.0f} req/s p99 {row['plain']['p99']:.1f} ms"
            results[name] = row
            say(text)
        # The static file again, last: the better of the two is this run's reference.
        again = load(args, urls[0][1])
        say(f"  {STATIC}, again: {again['rate']:.0f} req/s")
        if again["rate"] > results[STATIC]["gzip"]["rate"]:
            results[STATIC]["gzip"] = again
        memory = server.worker_memory()
        logs = server.log_summary()
    say(f"  worker memory (RSS, MB): {', '.join(f'{m:.0f}' for m in memory)}")
    return results, memory, logs


def measure_cold(args, urls):
    flush_redis(args)
    results = {}
    searches = {}
    short = max(3, args.duration // 2)
    with Server(args, 0) as server:
        warm_up(args, urls)
        for name, path in urls:
            _status, cache_state, _size = fetch(args, path)
            row = {"cache": cache_state, "many": load(args, path)}
            row["one"] = load(args, path, connections=1, duration=short)
            results[name] = row
            say(
                f"  {name} ({cache_state}): {row['many']['rate']:.0f} req/s; "
                f"one connection p50 {row['one']['p50']:.1f} ms"
            )
        analyzed = has_statistics(args)
        # As the bulk load left the database; then, if it had no statistics, after ANALYZE.
        rounds = ["as loaded"] if analyzed else ["as loaded", "after ANALYZE"]
        for state in rounds:
            if state == "after ANALYZE":
                psql(args, "ANALYZE")
            for language, words in SEARCHES:
                path = f"/{language}/search/?q={quote(words)}"
                fetch(args, path)
                row = load(args, path, connections=1, duration=short)
                searches.setdefault((language, words), {})[state] = row
                say(f"  search ({state}) {language} {words!r}: p50 {row['p50']:.1f} ms")
        searches["analyzed"] = analyzed
        memory = server.worker_memory()
        logs = server.log_summary()
    say(f"  worker memory (RSS, MB): {', '.join(f'{m:.0f}' for m in memory)}")
    return results, searches, memory, logs


def measure_load(args, urls):
    """64 connections on every address in turn, cached and not, with the page cache on."""
    flush_redis(args)
    paths = [path for _name, path in urls]
    paths += [f"/{language}/search/?q={quote(words)}" for language, words in SEARCHES]
    paths += [f"/en/news/?page={page}" for page in range(2, 40)]  # not cached yet
    script = WORK / "mix.lua"
    script.write_text(MIX_SCRIPT % ", ".join(json.dumps(path) for path in paths))
    with Server(args, 300, name="load") as server:
        warm_up(args, urls[:2])
        result = load(
            args, "/", connections=LOAD_CONNECTIONS, duration=args.load_duration, script=script
        )
        logs = server.log_summary()
    say(
        f"  {result['requests']} requests, {result['rate']:.0f} req/s, "
        f"p99 {result['p99']:.1f} ms, {result['non_2xx']} non-2xx/3xx, "
        f"{result['socket_errors']} socket errors"
    )
    return result, len(paths), logs


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


def verdict(met, misses=()):
    if met and not misses:
        return "**met**"
    return "**missed**" + (f" by {', '.join(misses)}" if misses else "")


def share(value, reference):
    return f"{100 * value / reference:.1f}%"


def report(args, urls, figures):
    """The Markdown report: every figure, its target, and whether this run met it."""
    bare, warm, cold = figures["bare"], figures["warm"], figures["cold"]
    searches, mix = figures["search"], figures["load"]
    env = environment(args, 0)
    workers = env.get("WEB_CONCURRENCY", f"{os.cpu_count() * 2 + 1}")
    threads = env.get("GUNICORN_THREADS", "2")
    warm_static = warm[STATIC]["gzip"]["rate"]
    cold_static = cold[STATIC]["many"]["rate"]
    ceiling = warm_static / bare["rate"]
    lines = [
        f"Measured {figures['started']:%Y-%m-%d %H:%M}–{figures['ended']:%H:%M} UTC on "
        f"{machine()}; load average (1, 5, 15 min) {figures['loads'][0]} before and "
        f"{figures['loads'][1]} after. gunicorn with gunicorn.conf.py as shipped "
        f"({workers} workers × {threads} threads) and the production settings; PostgreSQL, "
        f"Redis and wrk on the same machine. `wrk -c{args.connections} -d{args.duration}s` "
        'per address unless said otherwise, gzip accepted unless "plain"; "% static" is '
        "a share of the site's static file in the same server run.",
        "",
        "The ceiling:",
        "",
        "| what | req/s | p50 ms | p99 ms |",
        "|---|---:|---:|---:|",
        f"| bare WhiteNoise app, static file | {bare['rate']:.0f} | {bare['p50']:.1f} "
        f"| {bare['p99']:.1f} |",
        f"| the site, static file (page cache on) | {warm_static:.0f} "
        f"| {warm[STATIC]['gzip']['p50']:.1f} | {warm[STATIC]['gzip']['p99']:.1f} |",
        f"| the site, static file (page cache off) | {cold_static:.0f} "
        f"| {cold[STATIC]['many']['p50']:.1f} | {cold[STATIC]['many']['p99']:.1f} |",
        "",
        "Pages (warm: page cache on; cold: off):",
        "",
        "| page | warm gzip req/s | % static | p99 ms | warm plain req/s | % static | p99 ms "
        "| cold req/s | % static | cold p50 ms, 1 connection |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    warm_misses, p99_misses, cold_misses, p50_misses = [], [], [], []
    for name, _path in urls[1:]:
        cells = [name]
        if name in warm:
            for kind in ("gzip", "plain"):
                row = warm[name][kind]
                cells += [f"{row['rate']:.0f}", share(row["rate"], warm_static)]
                cells.append(f"{row['p99']:.1f}")
                if row["rate"] < WARM_SHARE * warm_static:
                    warm_misses.append(f"{name}, {kind} ({share(row['rate'], warm_static)})")
                if row["p99"] > WARM_P99_MS:
                    p99_misses.append(f"{name}, {kind} ({row['p99']:.0f} ms)")
        else:
            cells += ["–"] * 6
        many, one = cold[name]["many"], cold[name]["one"]
        cells += [f"{many['rate']:.0f}", share(many["rate"], cold_static), f"{one['p50']:.1f}"]
        if many["rate"] < COLD_SHARE * cold_static:
            cold_misses.append(f"{name} ({share(many['rate'], cold_static)})")
        if one["p50"] >= COLD_P50_MS:
            p50_misses.append(f"{name} ({one['p50']:.0f} ms)")
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "Search at one connection (never cached), on the database as the bulk load left it "
        + (
            "(PostgreSQL had statistics):"
            if searches["analyzed"]
            else "(PostgreSQL had no statistics: autovacuum off or not yet run), and again "
            "after the benchmark ran ANALYZE:"
        ),
        "",
        "| language | query | p50 ms | p99 ms |"
        + ("" if searches["analyzed"] else " p50 ms after ANALYZE | p99 ms after ANALYZE |"),
        "|---|---|---:|---:|" + ("" if searches["analyzed"] else "---:|---:|"),
    ]
    search_misses = []
    for key, rows in searches.items():
        if key == "analyzed":
            continue
        language, words = key
        cells = [language, words]
        for row in rows.values():
            cells += [f"{row['p50']:.1f}", f"{row['p99']:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
        if rows["as loaded"]["p50"] > SEARCH_P50_MS:
            search_misses.append(f"{language} “{words}” ({rows['as loaded']['p50']:.0f} ms)")
    memory = figures["memory"]
    largest = max(max(sizes) for sizes in memory.values())
    errors = mix["non_2xx"] + mix["socket_errors"]
    lines += [
        "",
        f"Load, {LOAD_CONNECTIONS} connections for {args.load_duration} s, page cache on, "
        f"{figures['load_addresses']} addresses in turn (the pages above, the searches, and "
        f"news listing pages 2–39, not cached yet): {mix['requests']} requests, "
        f"{mix['rate']:.0f} req/s, p50 {mix['p50']:.1f} ms, p99 {mix['p99']:.1f} ms, "
        f"{mix['non_2xx']} answers other than 2xx/3xx, {mix['socket_errors']} socket errors "
        "(wrk gives up after 30 s).",
        "",
        "Worker memory (RSS) after each run, MB: "
        + "; ".join(f"{run} {', '.join(f'{m:.0f}' for m in mbs)}" for run, mbs in memory.items())
        + ". Workers started per server run (recycling would add to the worker count): "
        + ", ".join(f"{run} {logs['boots']}" for run, logs in figures["logs"].items())
        + ". Requests gunicorn logged as 5xx or slower than 1 s: "
        + ", ".join(f"{run} {logs['logged']}" for run, logs in figures["logs"].items())
        + ".",
        "",
        "| target | result |",
        "|---|---|",
        f"| the site's static file ≥ {CEILING_SHARE:.0%} of the bare WhiteNoise app | "
        f"{verdict(ceiling >= CEILING_SHARE)}: {ceiling:.1%} |",
        f"| every cached page ≥ {WARM_SHARE:.0%} of the static file, gzip and plain | "
        f"{verdict(True, warm_misses)} |",
        f"| every cached page p99 ≤ {WARM_P99_MS:.0f} ms at {args.connections} connections | "
        f"{verdict(True, p99_misses)} |",
        f"| every uncached page ≥ {COLD_SHARE:.0%} of the static file | "
        f"{verdict(True, cold_misses)} |",
        f"| every uncached page p50 < {COLD_P50_MS:.0f} ms at one connection | "
        f"{verdict(True, p50_misses)} |",
        f"| every search p50 ≤ {SEARCH_P50_MS:.0f} ms at one connection, as loaded | "
        f"{verdict(True, search_misses)} |",
        f"| {LOAD_CONNECTIONS} connections for {args.load_duration} s: no error, no 5xx | "
        f"{verdict(errors == 0)}: {mix['non_2xx']} non-2xx/3xx, {mix['socket_errors']} "
        "socket errors |",
        f"| each worker ≤ {WORKER_MB:.0f} MB | {verdict(largest <= WORKER_MB)}: largest "
        f"{largest:.0f} MB |",
    ]
    return "\n".join(lines) + "\n"


def check_tools():
    """Stop at once, saying what to install, when a tool the benchmark runs is missing."""
    missing = [tool for tool in ("wrk", "createdb", "dropdb", "psql") if shutil.which(tool) is None]
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
    figures = {"started": datetime.now(UTC), "loads": [load_average()]}
    say(f"load average before: {figures['loads'][0]}")
    say("ceiling:")
    figures["bare"] = measure_ceiling(args, urls[0][1])
    say("warm (page cache on):")
    figures["warm"], warm_memory, warm_logs = measure_warm(args, urls)
    say("ceiling, again (the better of the two counts, as for the site's static file):")
    again = measure_ceiling(args, urls[0][1])
    if again["rate"] > figures["bare"]["rate"]:
        figures["bare"] = again
    say("cold (page cache off):")
    figures["cold"], figures["search"], cold_memory, cold_logs = measure_cold(args, urls)
    say(f"load ({LOAD_CONNECTIONS} connections, {args.load_duration} s):")
    figures["load"], figures["load_addresses"], load_logs = measure_load(args, urls)
    figures["memory"] = {"warm": warm_memory, "cold": cold_memory}
    figures["logs"] = {"warm": warm_logs, "cold": cold_logs, "load": load_logs}
    figures["loads"].append(load_average())
    figures["ended"] = datetime.now(UTC)
    say(f"load average after: {figures['loads'][1]}")
    text = report(args, urls, figures)
    Path(args.output).write_text(text)
    say("")
    say(text)
    say(f"(also written to {args.output})")


if __name__ == "__main__":
    sys.exit(main())

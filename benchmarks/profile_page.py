"""Profile one address through the whole WSGI stack, with the production settings.

    .venv/bin/python benchmarks/profile_page.py /en/ [--requests 2000] [--no-gzip] [--cold]

Uses the benchmark's database and Redis (see bench.py; run `make bench` once first, or
`bench.py` without `--skip-setup`). The first request fills the page cache; the next
`--requests` are profiled with cProfile, and the mean time per request and the functions
that took the most time are printed. `--cold` turns the page cache off, to see where the
time of a page built from the database goes. No server and no network: the WSGI
application is called directly, as gunicorn's worker calls it.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--no-gzip", action="store_true")
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    options = parser.parse_args()
    arguments = SimpleNamespace(
        database_url=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench"
        ),
        redis_url=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        port=8000,
        workers=None,
        threads=None,
    )
    os.environ.update(bench.environment(arguments, 0 if options.cold else 300))

    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    path, _, query = options.path.partition("?")

    def request():
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "HTTP_HOST": "127.0.0.1:8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        if not options.no_gzip:
            environ["HTTP_ACCEPT_ENCODING"] = "gzip"
        status = []
        body = b"".join(application(environ, lambda s, h, e=None: status.append((s, h))))
        return status[0], body

    for _ in range(3):
        (status, headers), body = request()
    print(status, dict(headers).get("X-Page-Cache"), len(body), "bytes")
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(options.requests):
        request()
    profiler.disable()
    elapsed = time.perf_counter() - started
    print(f"{1000 * elapsed / options.requests:.3f} ms per request (profiled)")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(options.top)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(options.top)


if __name__ == "__main__":
    main()

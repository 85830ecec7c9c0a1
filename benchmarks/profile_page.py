"""Profile one address through the WSGI application gunicorn runs, with the production settings.

    .venv/bin/python benchmarks/profile_page.py /en/ [--requests 2000] [--no-gzip] [--cold]
        [--django | --bare] [--cpu | --callgrind]

Uses the benchmark's database and Redis (see bench.py; run `make bench` once first, or
`bench.py` without `--skip-setup`). The first request fills the page cache; the next
`--requests` are profiled with cProfile, and the mean time per request and the functions
that took the most time are printed. `--cold` turns the page cache off, to see where the
time of a page built from the database goes. The address `static` stands for the static
file the benchmark loads. `--django` calls Django's own WSGI handler, with nothing answered
before it; `--bare` calls the bare WhiteNoise app (benchmarks/bare_static.py). `--cpu`
measures instead of profiling: the CPU time of this process per request
(`time.process_time`, the fastest of seven rounds: other work on the machine only slows
a round down). `--callgrind` counts instructions instead, which no other work moves: run the
script under `valgrind --tool=callgrind --instr-atstart=no`, and divide the instructions
valgrind reports by `--requests` (the script turns counting on for those requests only,
with `callgrind_control`). No server and no network: the WSGI application is called
directly, as gunicorn's worker calls it (the cache server's own work is not counted).
"""

import argparse
import cProfile
import io
import os
import pstats
import subprocess
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
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--django", action="store_true")
    which.add_argument("--bare", action="store_true")
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--cpu", action="store_true")
    how.add_argument("--callgrind", action="store_true")
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

    import django

    django.setup()
    if options.bare:
        from bare_static import application
    elif options.django:
        from django.core.wsgi import get_wsgi_application

        application = get_wsgi_application()
    else:
        from coalition_site.wsgi import application
    if options.path == "static":
        from django.contrib.staticfiles.storage import staticfiles_storage

        options.path = staticfiles_storage.url("css/site.css")
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
        chunks = application(environ, lambda s, h, e=None: status.append((s, h)))
        body = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()  # as the server does: Django's request_finished, WhiteNoise's file
        return status[0], body

    for _ in range(3):
        (status, headers), body = request()
    print(options.path, status, dict(headers).get("X-Page-Cache"), len(body), "bytes")
    if options.cpu:
        rounds = []
        for _ in range(7):
            started = time.process_time()
            for _ in range(options.requests):
                request()
            rounds.append((time.process_time() - started) / options.requests)
        print(f"{1e6 * min(rounds):.0f} µs of CPU per request (fastest of 7 rounds)")
        return
    if options.callgrind:
        control = ["callgrind_control", "--instr"]
        subprocess.run([*control, "on", str(os.getpid())], check=True, capture_output=True)
        for _ in range(options.requests):
            request()
        subprocess.run([*control, "off", str(os.getpid())], check=True, capture_output=True)
        return
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

"""Gunicorn settings for the container. Each value can be overridden by the environment.

Every value below was chosen against `make bench` (benchmarks/README.md), which serves the
site with exactly this file: the comment next to each one says why it is what it is.
"""

import importlib
import multiprocessing
import os
import time

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Two processes per core, plus one, is gunicorn's own advice: one process waiting on
# PostgreSQL or Redis leaves the core to another.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Two threads make each worker a threaded (gthread) worker, which keeps connections alive
# between requests (a sync worker closes every one) and answers a second reader while the
# first waits on the database.
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# A request still running after 30 s is stuck; the worker is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# A little longer than a browser's pause between a page and its CSS and images.
keepalive = 5
# Worker recycling is off. Restarting a worker re-imports Django and Wagtail (about a
# second of one core); recycling every 1,000 requests restarts workers every few seconds
# under load, which shows as one- to two-second tails on every address, the static file
# included. The benchmark reports each worker's memory after its runs, and it stays
# flat, so there is no leak to cap. Should one appear, set GUNICORN_MAX_REQUESTS to a large
# number (say 100000) so that restarts stay rare; the jitter then keeps workers from all
# restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "0")) or max_requests // 10
# No access log from the worker: writing a line per request from the worker halved the
# throughput of the static file. Whatever sits in front (the load balancer, the ingress,
# the CDN) keeps the access log. The worker logs what needs attention instead: every
# request answered with a server error, and every request slower than
# SLOW_REQUEST_SECONDS (see post_request below). GUNICORN_ACCESS_LOG=- turns the full
# access log back on, on standard output, for debugging.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
worker_tmp_dir = "/dev/shm"
# gunicorn's control socket would go under $HOME, which is /app and read-only in the container;
# nothing uses gunicornc, and signals still reload (HUP) and stop (TERM) the server.
control_socket_disable = True

# A request that takes longer than this is logged (with its status and duration).
SLOW_REQUEST_SECONDS = float(os.environ.get("SLOW_REQUEST_SECONDS", "1.0"))


def on_starting(server):
    """Load the Django settings in the master, before any worker starts.

    The production settings exit with one line naming the missing variables. In a worker, that
    exit only made gunicorn start another worker, forever; in the master it stops gunicorn.
    """
    importlib.import_module(
        os.environ.get("DJANGO_SETTINGS_MODULE", "coalition_site.settings.production")
    )


def pre_request(worker, req):
    """Note when the request started (gunicorn's default hook logs every request at debug)."""
    req.coalition_started = time.monotonic()


def post_request(worker, req, environ, resp):
    """Log server errors and slow requests, one line each; nothing for the others.

    The address is logged without its query string, which may hold what someone searched for.
    """
    seconds = time.monotonic() - getattr(req, "coalition_started", time.monotonic())
    status = resp.status_code or 0
    if status >= 500 or seconds >= SLOW_REQUEST_SECONDS:
        worker.log.warning(
            "%s %s %s in %.0f ms%s",
            req.method,
            req.path,
            status,
            seconds * 1000,
            " (slow)" if seconds >= SLOW_REQUEST_SECONDS else "",
        )

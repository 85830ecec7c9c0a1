"""Gunicorn settings for the container. Each value can be overridden by the environment."""

import importlib
import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound;
# the jitter keeps them from all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
worker_tmp_dir = "/dev/shm"
# gunicorn's control socket would go under $HOME, which is /app and read-only in the container;
# nothing uses gunicornc, and signals still reload (HUP) and stop (TERM) the server.
control_socket_disable = True


def on_starting(server):
    """Load the Django settings in the master, before any worker starts.

    The production settings exit with one line naming the missing variables. In a worker, that
    exit only made gunicorn start another worker, forever; in the master it stops gunicorn.
    """
    importlib.import_module(
        os.environ.get("DJANGO_SETTINGS_MODULE", "coalition_site.settings.production")
    )

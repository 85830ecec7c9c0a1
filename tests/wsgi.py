"""Calling a WSGI application as gunicorn does: for what answers before Django."""

import io
import sys


def environ_for(path, method="GET", query="", host="localhost", **headers):
    """A request as the load balancer passes it on (PATH_INFO as WSGI servers decode it)."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode().decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": host.partition(":")[0],
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    environ.update(headers)
    return environ


def call(application, environ):
    """(status line, [(header, value)…], body), as the server receives them."""
    started = []

    def start_response(status, headers, exc_info=None):
        started.append((status, list(headers)))

    chunks = application(environ, start_response)
    body = b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    status, headers = started[0]
    return status, headers, body

"""A branded 503 page when the database cannot be reached.

A reader who arrives during a database outage must still see the hotline and
the quick exit. `templates/503.html` needs no request, context processor or
database; it is sent with `Retry-After` and `Cache-Control: no-store`.

Two ways in: `DatabaseOutageMiddleware.process_exception` for errors raised by
views and template rendering (most of them), and `server_error`, the site's
`handler500`, for errors raised in other middleware (a logged-in editor's
session, for example).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30

try:  # psycopg's own errors, in case one escapes Django's wrapping
    import psycopg
except ImportError:  # pragma: no cover - psycopg is a runtime dependency
    DATABASE_DOWN_ERRORS = (OperationalError, InterfaceError)
else:
    DATABASE_DOWN_ERRORS = (
        OperationalError,
        InterfaceError,
        psycopg.OperationalError,
        psycopg.InterfaceError,
    )


def is_database_down(exception):
    return isinstance(exception, DATABASE_DOWN_ERRORS)


def database_unavailable_response():
    html = loader.get_template("503.html").render()
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_down(exception):
            return None
        logger.error("Database unavailable while serving %s: %s", request.path, exception)
        return database_unavailable_response()


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 page for a database outage, Django's 500 view otherwise."""
    if is_database_down(sys.exc_info()[1]):
        return database_unavailable_response()
    return defaults.server_error(request, template_name=template_name)

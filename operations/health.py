from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import DatabaseError, connection
from django.http import HttpResponse


class HealthCheckMiddleware:
    """Answer the load balancer's and container's health checks.

    It runs before host validation and the HTTPS redirect, so a probe on
    127.0.0.1 over plain HTTP gets an answer. `/health/live/` (and its older
    name `/health/`) says the process is up and touches nothing else;
    `/health/ready/` also asks the database and every cache, and answers 503
    naming what is down.
    """

    LIVE_PATHS = ("/health/", "/health/live/")
    CACHE_PROBE_KEY = "health:ready"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in self.LIVE_PATHS:
            return self.plain("ok")
        if request.path == "/health/ready/":
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
            except DatabaseError:
                return self.plain("database unavailable", status=503)
            for alias in settings.CACHES:
                if not self.cache_works(alias):
                    return self.plain(f"cache unavailable: {alias}", status=503)
            return self.plain("ok")
        return self.get_response(request)

    def cache_works(self, alias):
        try:
            cache = caches[alias]
            if isinstance(cache, DummyCache):  # stores nothing by design
                return True
            cache.set(self.CACHE_PROBE_KEY, "ok", timeout=10)
            return cache.get(self.CACHE_PROBE_KEY) == "ok"
        except Exception:  # noqa: BLE001 - each cache backend fails in its own way
            return False

    @staticmethod
    def plain(text, status=200):
        response = HttpResponse(text, content_type="text/plain", status=status)
        response["Cache-Control"] = "no-store"
        return response

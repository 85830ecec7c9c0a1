from django.db import connection
from django.http import HttpResponse


class HealthCheckMiddleware:
    """Answer the load balancer's and container's health checks.

    It runs before host validation and the HTTPS redirect, so a probe on
    127.0.0.1 over plain HTTP gets an answer. `/health/` says the process is
    up; `/health/ready/` also asks the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/health/":
            return self.plain("ok")
        if request.path == "/health/ready/":
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
            except Exception:
                return self.plain("database unavailable", status=503)
            return self.plain("ok")
        return self.get_response(request)

    @staticmethod
    def plain(text, status=200):
        response = HttpResponse(text, content_type="text/plain", status=status)
        response["Cache-Control"] = "no-store"
        return response

"""Static files and page-cache hits answered before Django, with the headers Django would add.

`serve_before_django` (coalition_site/wsgi.py) puts two WSGI applications in
front of Django: the collected static files, then the page cache's hits
(caching.pagecache.CachedPagesApplication). Everything else goes to Django.

WhiteNoise serves the collected static files. As Django middleware, every file
also went through Django's request handling and the middleware above it: six
times the work of WhiteNoise alone, measured with `benchmarks/profile_page.py`.
WhiteNoise can also wrap the WSGI application, as its documentation describes,
so that a static file never enters Django. `StaticFilesApplication` does that,
with WhiteNoise configured from the settings exactly as `WhiteNoiseMiddleware`
is (the same files, cache lifetimes and fingerprint test), and sends each file
with the security headers every other answer of the site carries:

- `X-Content-Type-Options`, `Referrer-Policy`, `Cross-Origin-Opener-Policy`
  and, over HTTPS, `Strict-Transport-Security` (Django's SecurityMiddleware,
  `django_security_headers`: a cached page gets these the same way; it keeps
  the others from when it was stored);
- `Permissions-Policy` and `Cross-Origin-Resource-Policy`
  (operations.headers.SecurityHeadersMiddleware);
- the public `Content-Security-Policy` (operations.headers).

They never change while the process runs, so they are built once. A request
over plain HTTP while `SECURE_SSL_REDIRECT` is on goes to Django, which
redirects it. With `WHITENOISE_AUTOREFRESH` (dev and test settings: files
found in the app folders on each request), `WhiteNoiseMiddleware` serves them
inside Django and only the page cache's hits are answered before it.
"""

from csp.constants import HEADER as CSP_HEADER
from csp.constants import HEADER_REPORT_ONLY as CSP_HEADER_REPORT_ONLY
from csp.utils import build_policy
from django.conf import settings
from whitenoise.base import WhiteNoise
from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.string_utils import decode_path_info

from caching.pagecache import CachedPagesApplication

from .headers import permissions_policy_header

# The health checks (operations.health) answer before any cache is asked.
HEALTH_PATH_PREFIX = "/health/"


def autorefresh():
    """Whether WhiteNoise looks files up on each request (dev, tests), as its middleware decides."""
    return getattr(settings, "WHITENOISE_AUTOREFRESH", settings.DEBUG)


def django_security_headers(secure):
    """The headers Django's SecurityMiddleware adds to every answer, in its order."""
    headers = []
    if secure and settings.SECURE_HSTS_SECONDS:
        value = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            value += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            value += "; preload"
        headers.append(("Strict-Transport-Security", value))
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    referrer = settings.SECURE_REFERRER_POLICY
    if referrer:
        values = referrer.split(",") if isinstance(referrer, str) else referrer
        headers.append(("Referrer-Policy", ",".join(value.strip() for value in values)))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    return headers


def site_headers(path, secure):
    """The security headers the site's middleware gives an answer at `path`."""
    headers = django_security_headers(secure)
    permissions = permissions_policy_header(settings.PERMISSIONS_POLICY)
    if permissions:
        headers.append(("Permissions-Policy", permissions))
    shared = tuple(getattr(settings, "SHARED_RESOURCE_PATH_PREFIXES", ()))
    headers.append(
        (
            "Cross-Origin-Resource-Policy",
            "cross-origin" if shared and path.startswith(shared) else "same-origin",
        )
    )
    excluded = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
        "EXCLUDE_URL_PREFIXES"
    )
    if not (excluded and path.startswith(tuple(excluded))):
        for name, report_only in ((CSP_HEADER, False), (CSP_HEADER_REPORT_ONLY, True)):
            policy = build_policy(report_only=report_only)
            if policy:
                headers.append((name, policy))
    return headers


def is_secure(environ):
    """HTTPS, as Django's `request.is_secure()` decides (SECURE_PROXY_SSL_HEADER first)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return value.split(",", 1)[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"


class StaticFilesApplication:
    """A WSGI application: collected static files first, everything else to `application`."""

    def __init__(self, application):
        self.application = application
        # Configured from the settings, as the middleware configures itself.
        self.whitenoise = WhiteNoiseMiddleware()
        self.static_prefix = self.whitenoise.static_prefix
        self.plain_headers = site_headers(self.static_prefix, secure=False)
        self.secure_headers = site_headers(self.static_prefix, secure=True)
        self.redirect_plain_http = settings.SECURE_SSL_REDIRECT

    def __call__(self, environ, start_response):
        static_file = self.whitenoise.files.get(decode_path_info(environ.get("PATH_INFO", "")))
        if static_file is None:
            return self.application(environ, start_response)
        if is_secure(environ):
            extra = self.secure_headers
        elif self.redirect_plain_http:
            return self.application(environ, start_response)  # Django redirects it to HTTPS
        else:
            extra = self.plain_headers

        def start_with_site_headers(status, headers, exc_info=None):
            return start_response(status, headers + extra, exc_info)

        return WhiteNoise.serve(static_file, environ, start_with_site_headers)


def serve_before_django(application):
    """`application` behind the page cache's hits and the static files (unless looked up live)."""
    application = CachedPagesApplication(
        application,
        plain_headers=django_security_headers(secure=False),
        secure_headers=django_security_headers(secure=True),
        passed_prefixes=[HEALTH_PATH_PREFIX],
    )
    if autorefresh():
        return application
    return StaticFilesApplication(application)

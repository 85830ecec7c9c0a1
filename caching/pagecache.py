"""The anonymous page cache, and HTML compression that leaves CSRF tokens alone.

`PageCacheMiddleware` keeps whole responses for anonymous readers in Django's
cache (Redis in production, shared by every process and server) and answers
the next reader of the same address from it without touching the database.

What is stored: the response to a GET or HEAD that
- comes without a session cookie, a messages cookie or an Authorization header
  (an editor, a signed-in partner, someone who just sent a form: all bypass it),
- is not for the admin, documents, audio files or a preview,
- has only the listings' own filter parameters in its query string (`page`,
  `sector`, `topic`…; see QUERY_PARAMETERS): a keyword search (`q`) is never
  stored, because what people search for is never kept, and unknown parameters
  (`utm_source`…) are not stored so nobody can fill the cache with variants,
- answers 200 with a complete (not streamed) body under PAGE_CACHE_MAX_BYTES,
- sets no cookie (a page with a form sets the CSRF cookie, so forms are never
  stored), holds no CSRF token, and was not marked private or no-store by its view.

Redirects and 404s are not stored: they are cheap, and a 404 can turn into a
redirect when an editor adds one.

The key: scheme, host, language, and a hash of the path with its query
string. Each entry also records the generation (see caching.generation) it
was built in: an entry from an older generation is a miss. Publishing,
unpublishing, moving or deleting a page, and saving site settings, managed
lists, images, documents, redirects or view restrictions, moves the
generation on, and every process sees the change at once (with Redis: as soon
as the message announcing it arrives; see caching.generation). Entries also
expire after PAGE_CACHE_SECONDS.

Each process keeps the entries it read or stored last in its own memory
(`RecentPages`, up to PAGE_CACHE_MEMORY_BYTES), and with Redis it also knows
the current generation without asking (caching.generation's watch, told of
every new generation by publish and subscribe). A hit on a page the process
keeps then asks Redis nothing. Otherwise a hit reads the entry and the current
generation together, in one round trip (`get_many`, one MGET on Redis), and
keeps the entry. A page kept in memory is served on the same terms as one
read from Redis: only in the generation it was built in, and only until it
expires there.

Headers: stored responses get `Cache-Control: public, max-age=0,
s-maxage=PAGE_CACHE_SECONDS, stale-while-revalidate=60` (browsers always ask
again; a CDN may keep the page as long as we do) and an ETag, so a reader's
browser that asks again gets a 304. Every other response that has no
Cache-Control of its own gets `private, no-cache`, so that no shared cache
ever keeps a signed-in editor's page. `X-Page-Cache` says hit, miss (stored
now) or bypass. The entry keeps the headers the page was sent with (among them
the Content-Security-Policy, Permissions-Policy and Cross-Origin-Resource-Policy
of the middleware below this one), and a hit sends them as they were.

Text is kept twice, as it is and gzip-compressed (compressed once, when it is
stored): a hit is sent as stored, in the encoding the browser accepts, with its
Content-Length, and costs no compression or decompression. A hit carries its
own encoding, so CsrfSafeGZipMiddleware leaves it alone.

Where hits are answered: in production, before Django. `CachedPagesApplication`
wraps the Django application (coalition_site/wsgi.py, through
operations.static_files.serve_before_django) and answers a hit from the WSGI
environ with the functions the middleware uses, adding the headers Django's
SecurityMiddleware would; it passes everything else to Django, whose
`PageCacheMiddleware` decides again, stores what it may, and answers hits
itself where nothing stands in front of Django (the test client).
"""

import gzip
import hashlib
import threading
import time
from collections import OrderedDict
from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import generation as site_cache

PAGE_CACHE_SECONDS_DEFAULT = 0
PAGE_CACHE_MAX_BYTES_DEFAULT = 2 * 1024 * 1024
PAGE_CACHE_MEMORY_BYTES_DEFAULT = 8 * 1024 * 1024
STALE_WHILE_REVALIDATE = 60

# Query parameters of the listings' filters and pagination. A request with any
# other parameter is answered normally but not stored.
QUERY_PARAMETERS = frozenset(
    {"page", "sector", "service", "population", "language", "area"}
    | {"kind", "topic", "year", "audience", "type"}
)
EXCLUDED_PATH_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/podcasts/audio/")
COMPRESSIBLE_TYPES = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
    "image/svg+xml",
)
# Set by the cache itself, or by the server for each response.
UNSTORED_HEADERS = frozenset({"set-cookie", "content-length", "content-encoding", "x-page-cache"})
CSRF_FIELD = b'name="csrfmiddlewaretoken"'


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", PAGE_CACHE_SECONDS_DEFAULT)


def bump_generation():
    """Empty the page cache (and the cached fragments) for every process."""
    site_cache.bump_generation()


def is_compressible(content_type):
    return content_type.split(";")[0].strip().lower().startswith(COMPRESSIBLE_TYPES)


def accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


def has_private_cookie(request):
    names = {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages")}
    return any(name in request.COOKIES for name in names)


def request_language(request):
    """The language of the address (its /en/ or /es/ prefix); the default one without.

    languages.i18n.LocaleMiddleware chooses the language the same way and
    never from a cookie or a header, so the address alone decides the page.
    """
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def may_serve_from_cache(request):
    """Whether this request may be answered from, and stored in, the page cache."""
    return (
        page_cache_seconds() > 0
        and request.method in ("GET", "HEAD")
        and not has_private_cookie(request)
        and "HTTP_AUTHORIZATION" not in request.META
        and set(request.GET.keys()) <= QUERY_PARAMETERS
    )


def cache_key(request):
    """The entry's key; the generation is kept in the entry, not in the key."""
    hostname, port = site_cache.request_host(request)
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return ":".join(
        [
            "coalition:page",
            request.scheme,
            f"{hostname}:{port}",
            request_language(request),
            address,
        ]
    )


def may_store(request, response):
    """Whether a response to a request that `may_serve_from_cache` may be stored."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    content = response.content
    if len(content) > getattr(settings, "PAGE_CACHE_MAX_BYTES", PAGE_CACHE_MAX_BYTES_DEFAULT):
        return False
    return CSRF_FIELD not in content


def public_cache_control(seconds):
    return f"public, max-age=0, s-maxage={seconds}, stale-while-revalidate={STALE_WHILE_REVALIDATE}"


class PageCacheMiddleware:
    """Serve anonymous readers from the shared cache; see the module docstring.

    Place it after SecurityMiddleware and WhiteNoise (static files never reach
    it), and before the security-header, Content-Security-Policy, outage,
    session, CSRF and authentication middleware, so that a hit runs none of
    them and touches no database, so that it sees the cookies they set on the
    way out, and so that a stored page keeps the headers they gave it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(EXCLUDED_PATH_PREFIXES):
            # The admin, documents and audio keep the headers their views set. A
            # response without any (a document, which may be one a signed-in
            # editor may see and no one else) must not be kept by a shared cache.
            response = self.get_response(request)
            response.headers.setdefault("Cache-Control", "private, no-cache")
            return response

        if not may_serve_from_cache(request):
            response = self.get_response(request)
            response.headers.setdefault("Cache-Control", "private, no-cache")
            response["X-Page-Cache"] = "bypass"
            return response

        key, entry, current = cached_entry(request)
        if entry is not None:
            status, headers, body = answer_from_entry(request, entry)
            return HttpResponse(body, status=status, headers=headers)

        response = self.get_response(request)
        if may_store(request, response):
            # The generation read before the page was built: if it moved on
            # meanwhile, this entry is already stale and is never served.
            entry = to_entry(response, current)
            cache.set(key, entry, page_cache_seconds())
            recent_pages.put(key, entry)
            response["Cache-Control"] = entry["headers"]["Cache-Control"]
            response["ETag"] = entry["etag"]
            response["X-Page-Cache"] = "miss"
        else:
            response.headers.setdefault("Cache-Control", "private, no-cache")
            response["X-Page-Cache"] = "bypass"
        return response


def to_entry(response, generation):
    """What the cache keeps of a response: see the module docstring."""
    content = response.content
    compressible = is_compressible(response.get("Content-Type", ""))
    if compressible:
        patch_vary_headers(response, ["Accept-Encoding"])
    headers = {
        name: value for name, value in response.items() if name.lower() not in UNSTORED_HEADERS
    }
    headers["Cache-Control"] = public_cache_control(page_cache_seconds())
    etag = f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'
    headers["ETag"] = etag
    return {
        "generation": generation,
        # When the shared cache lets it go; a copy in a process's memory goes with it.
        "expires": time.time() + page_cache_seconds(),
        "status": response.status_code,
        "headers": headers,
        "body": content,
        # Compressed once, here; None when the type is not text.
        "gzip": gzip.compress(content, mtime=0) if compressible else None,
        "etag": etag,
    }


def cached_entry(request):
    """(key, entry, generation) for a request that `may_serve_from_cache`.

    The request's key, its entry if it was built in the current generation (else
    None), and the current generation. When this process keeps the entry in
    memory, only the generation is read from the shared cache; otherwise the
    entry and the generation are read together, in one round trip.
    """
    key = cache_key(request)
    entry = recent_pages.get(key)
    if entry is not None:
        current = site_cache.known_generation() or cache.get(site_cache.GENERATION_KEY)
        if entry["generation"] == current:
            return key, entry, current
    found = cache.get_many([site_cache.GENERATION_KEY, key])
    current = found.get(site_cache.GENERATION_KEY) or site_cache.generation()
    entry = found.get(key)
    if entry is not None and entry.get("generation") != current:
        entry = None
    if entry is not None:
        recent_pages.put(key, entry)
    return key, entry, current


class RecentPages:
    """The page-cache entries this process read or stored last, in its memory (module docstring).

    The least recently used go first once they take more than
    PAGE_CACHE_MEMORY_BYTES (0 keeps none). An entry past its expiry time is
    never returned. Shared by the threads of a process. `clock` is the wall clock,
    in seconds, that entries' expiry times are written in.
    """

    def __init__(self, clock=time.time):
        self.clock = clock
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    @staticmethod
    def size_of(entry):
        return len(entry["body"]) + len(entry["gzip"] or b"")

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry.get("expires", 0) <= self.clock():
                self.discard(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        limit = getattr(settings, "PAGE_CACHE_MEMORY_BYTES", PAGE_CACHE_MEMORY_BYTES_DEFAULT)
        with self.lock:
            self.discard(key)
            if self.size_of(entry) > limit:
                return
            self.entries[key] = entry
            self.size += self.size_of(entry)
            while self.size > limit:
                self.discard(next(iter(self.entries)))

    def discard(self, key):
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.size -= self.size_of(entry)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


recent_pages = RecentPages()


def forget_recent_pages(**kwargs):
    """A generation this process knew may come back (caching.generation): forget what it kept."""
    recent_pages.clear()


site_cache.generation_lost.connect(forget_recent_pages)


def answer_from_entry(request, entry):
    """(status, headers, body) of a hit: the stored page, in the encoding the reader accepts.

    A browser that sends the stored ETag gets 304 and no body. The headers are the
    stored ones, then Content-Encoding, Content-Length and `X-Page-Cache: hit`.
    """
    headers = list(entry["headers"].items())
    if request.META.get("HTTP_IF_NONE_MATCH") == entry["etag"]:
        return 304, [*headers, ("X-Page-Cache", "hit")], b""
    if entry["gzip"] is not None and accepts_gzip(request):
        body = entry["gzip"]
        headers.append(("Content-Encoding", "gzip"))
    else:
        body = entry["body"]
    headers += [("Content-Length", str(len(body))), ("X-Page-Cache", "hit")]
    return entry["status"], headers, body


class CachedPagesApplication:
    """A WSGI application: page-cache hits first, everything else to `application` (Django).

    A hit answered here runs none of Django's request handling or middleware,
    and sends what `PageCacheMiddleware` would: the same functions decide and
    answer (`may_serve_from_cache`, `cached_entry`, `answer_from_entry`), on the
    request Django would build from the environ. `plain_headers` and
    `secure_headers` (for HTTPS) are what Django's SecurityMiddleware adds to
    every answer; each is added unless the stored page has it. Everything else
    goes to Django as it came: a miss or a stale entry, the excluded paths and
    `passed_prefixes`, what may not be served from the cache, plain HTTP under
    SECURE_SSL_REDIRECT (Django redirects it), and any error, such as a host
    not in ALLOWED_HOSTS or a cache that does not answer (Django meets it again
    and answers as it always does).
    """

    def __init__(self, application, plain_headers, secure_headers, passed_prefixes=()):
        self.application = application
        self.plain_headers = plain_headers
        self.secure_headers = secure_headers
        self.passed_prefixes = EXCLUDED_PATH_PREFIXES + tuple(passed_prefixes)
        self.redirect_plain_http = settings.SECURE_SSL_REDIRECT

    def __call__(self, environ, start_response):
        entry = None
        try:
            # A copy: the request rewrites PATH_INFO, which Django reads again.
            request = WSGIRequest(environ.copy())
            secure = request.is_secure()
            if (
                not request.path.startswith(self.passed_prefixes)
                and (secure or not self.redirect_plain_http)
                and may_serve_from_cache(request)
            ):
                entry = cached_entry(request)[1]
        except Exception:  # noqa: BLE001 - Django meets it again and answers it its own way
            entry = None
        if entry is None:
            return self.application(environ, start_response)

        status, headers, body = answer_from_entry(request, entry)
        present = {name.lower() for name, _value in headers}
        extra = self.secure_headers if secure else self.plain_headers
        headers += [(name, value) for name, value in extra if name.lower() not in present]
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [] if request.method == "HEAD" or status == 304 else [body]


class CsrfSafeGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, for text only, and never for a response that carries a CSRF token.

    BREACH recovers a secret from the size of compressed responses that also
    reflect what an attacker sends. The only secret our pages hold is the CSRF
    token of a form; a response that used one sets the CSRF cookie, so it is
    sent uncompressed. Files (documents, audio, answers to range requests) are
    left as they are; static files are compressed ahead of time by WhiteNoise.
    """

    def process_response(self, request, response):
        if response.get("X-Page-Cache") == "hit":
            return response  # stored in both encodings, and sent in the right one
        if response.status_code != 200 or not is_compressible(response.get("Content-Type", "")):
            return response
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        if not response.streaming and CSRF_FIELD in response.content:
            return response
        return super().process_response(request, response)

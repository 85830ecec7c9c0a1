"""Settings shared by every environment.

Everything that differs between machines is read from the environment; see the
configuration table in README.md. `dev`, `test` and `production` build on this.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.conf.locale import LANG_INFO

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url):
    """Django DATABASES entry for a DATABASE_URL, pooled on PostgreSQL."""
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_POOL", True):
        # psycopg 3's pool keeps connections open between requests; Django
        # requires CONN_MAX_AGE=0 when it manages the pool.
        config["CONN_MAX_AGE"] = 0
        # Hand out only connections that answer (the pool checks each one), so a
        # database restart costs no failed requests once it is back.
        config["CONN_HEALTH_CHECKS"] = True
        config.setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DATABASE_POOL_MIN", "2")),
            "max_size": int(os.environ.get("DATABASE_POOL_MAX", "10")),
            # How long a request waits for a connection before the site answers
            # with its 503 page: short, so a reader never waits on an outage.
            "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "1.5")),
        }
    if config["ENGINE"] == "django.db.backends.postgresql":
        # libpq's minimum; a database that does not answer fails fast.
        config.setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2"))
        )
    return config


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "coalition_site",
    "caching",
    "languages",
    "operations",
    "search",
    "safety",
    "partners",
    "news",
    "podcasts",
    "resources",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The task queue's table (production.py; see TASKS below).
    "django_tasks_db",
    # Last: its post_migrate makes the roles once every app's permissions exist.
    "accounts",
]

MIDDLEWARE = [
    "operations.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Where WhiteNoise's documentation puts it. In production the collected files
    # are answered before Django (operations/static_files.py); dev and tests look
    # them up here.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Text compressed unless it carries a CSRF token; then the anonymous page
    # cache, whose hits skip everything below (see "Performance and scaling").
    # In production hits are answered before Django (coalition_site/wsgi.py);
    # here they are stored, and answered where nothing stands before Django.
    "caching.pagecache.CsrfSafeGZipMiddleware",
    "caching.pagecache.PageCacheMiddleware",
    # Below the page cache, so that a stored page keeps the headers these gave it
    # and a hit sends them as they were, without building them again.
    "operations.headers.SecurityHeadersMiddleware",
    "operations.headers.ContentSecurityPolicyMiddleware",
    "operations.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Language from the URL prefix (/en/, /es/); never sets a cookie. Old
    # addresses without a prefix are redirected (languages/i18n.py).
    "languages.i18n.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step sign-in for the admin (accounts/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A partner sees no page but its own in the admin (accounts/admin_scope.py).
    "accounts.admin_scope.AdminScopeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coalition_site.urls"
WSGI_APPLICATION = "coalition_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses a sign-in while its username and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# Every language the site may be written in. A language is public only once an
# editor adds it under Settings → Locales and publishes its home page (see
# "Spanish and other languages" in README.md): no code change is needed.
# The interface (buttons, labels) is in English until locale/<code>/ has a catalogue.
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("vi", "Tiếng Việt"),
    ("ru", "Русский"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("hmn", "Hmoob"),
]
# Django knows no Hmong: tell it the language's names, and give it a catalogue
# (languages/locale/hmn, empty until someone translates the interface).
LANG_INFO.setdefault("hmn", {"bidi": False, "code": "hmn", "name": "Hmong", "name_local": "Hmoob"})
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates written the way each language writes them (languages/formats/<code>/formats.py).
FORMAT_MODULE_PATH = ["languages.formats"]

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Media on S3-compatible storage; credentials and endpoint come from the
    # AWS_* variables that django-storages reads itself.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "coalition",
        },
        # Wagtail looks image renditions up here first. They never change (a new
        # crop is a new rendition), so they may stay a week instead of 5 minutes.
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "coalition-renditions",
            "TIMEOUT": 7 * 24 * 3600,
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The anonymous page cache (caching.pagecache) keeps pages this many
# seconds; 0 turns it off. On by default only with Redis: a cache per process
# would let one process serve a page another has just unpublished.
PAGE_CACHE_SECONDS = int(
    os.environ.get("PAGE_CACHE_SECONDS") or (300 if os.environ.get("REDIS_URL") else 0)
)
# Each process also keeps the pages it served last in its memory, up to this many bytes
# (caching.pagecache.RecentPages); 0 keeps none there.
PAGE_CACHE_MEMORY_BYTES = int(os.environ.get("PAGE_CACHE_MEMORY_BYTES") or 8 * 1024 * 1024)
# The header, footer and public languages, kept until the next change (caching.generation).
SITE_CACHE_SECONDS = int(os.environ.get("SITE_CACHE_SECONDS") or 300)


def frontend_cache_from_env():
    """Wagtail's purge of a CDN or caching proxy on publish, configured by the environment.

    Cloudflare: FRONTEND_CACHE_CLOUDFLARE_TOKEN (an API token allowed to purge) and
    FRONTEND_CACHE_CLOUDFLARE_ZONEID. CloudFront: FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID
    (credentials as boto3 finds them). Any proxy that accepts HTTP PURGE (Varnish,
    nginx): FRONTEND_CACHE_PURGE_URL, e.g. http://varnish:6081. None set: no purging.
    """
    backends = {}
    token = os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN")
    zone = os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID")
    if token and zone:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": token,
            "ZONEID": zone,
        }
    if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
        }
    if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_from_env()
if WAGTAILFRONTENDCACHE:
    # Its signal handlers purge a page's addresses when it is published or unpublished.
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Background work (Wagtail's index updates, every email) goes through Django's task
# framework. Here and in development it runs inline; production.py queues it in
# PostgreSQL for `manage.py db_worker` (django-tasks-db).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Every email is a task (coalition_site/mail.py): sending only queues it, and the task
# sends it through EMAIL_DELIVERY_BACKEND (the EMAIL_BACKEND variable), retrying while
# the mail server fails: EMAIL_MAX_ATTEMPTS attempts, EMAIL_RETRY_DELAY seconds after
# the first failure, doubling up to an hour (ten attempts span about four hours).
EMAIL_BACKEND = "coalition_site.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_MAX_ATTEMPTS = int(os.environ.get("EMAIL_MAX_ATTEMPTS", "10"))
EMAIL_RETRY_DELAY = int(os.environ.get("EMAIL_RETRY_DELAY", "60"))
# A mail server that does not answer fails the attempt instead of holding the worker.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Sessions and CSRF live in cookies only for people who log in or open a page
# with a form; a reader of any other page gets no cookie at all.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The CSRF cookie a form page sets lasts until the browser is closed, not a
# year: on a shared phone it would show for a year that this site was opened.
# Keeping the token in the session instead (CSRF_USE_SESSIONS) would be worse:
# a session row written on every form page view and a two-week session cookie.
# The footer and the "Browse safely" page say so; keep them in step.
CSRF_COOKIE_AGE = None
# The admin reads its CSRF token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True

# ---- Security headers (see "Security and operations" in README.md) ----
# Django's SecurityMiddleware: nosniff, referrer policy and COOP everywhere;
# HSTS and the HTTPS redirect are production settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
# Not "no-referrer": with it, browsers send `Origin: null` with form posts and
# Django's CSRF check refuses the contact forms and the admin sign-in.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def media_origins():
    """Where media files come from when they are not on this host (S3 or a CDN)."""
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return []
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"]
    if os.environ.get("AWS_S3_ENDPOINT_URL"):
        return [os.environ["AWS_S3_ENDPOINT_URL"].rstrip("/")]
    return [f"https://{bucket}.s3.amazonaws.com"]


MEDIA_ORIGINS = media_origins()
# django-csp 4 (operations.headers.ContentSecurityPolicyMiddleware). Every
# script and style is a file in static/; no inline code and no nonces, so a
# cached page is safe to replay. The only frame is the click-to-load video.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
# The Wagtail admin's templates use inline scripts and styles, blob: previews
# of uploads and same-origin preview frames: a looser policy, under /admin/ only.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": [SELF, "blob:", *MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube-nocookie.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    },
}
# Cross-Origin-Resource-Policy is same-origin except under these prefixes: the
# podcast audio and feeds, news feeds and media, which web podcast players and
# feed readers load from their own sites (operations.headers).
SHARED_RESOURCE_PATH_PREFIXES = ["/podcasts/", "/news/feeds/", "/media/"]
# operations.headers.SecurityHeadersMiddleware. Features no page uses are
# off; the YouTube player, once a reader starts it, may play and go full screen.
_PLAYER = ["self", "https://www.youtube-nocookie.com"]
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": _PLAYER,
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": _PLAYER,
    "fullscreen": _PLAYER,
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": _PLAYER,
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# ---- Sign-in protection (django-axes) ----
# Five wrong passwords for one username from one address lock that pair for
# 30 minutes; the sign-in page says so (accounts.lockout.lockout_response).
# `manage.py axes_reset` (or axes_reset_username NAME) unlocks at once.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_VERBOSE = False  # no start-up banner on every command; lockouts are still logged

# Two-step sign-in (django-otp, accounts/two_factor.py): compulsory for
# superusers and coalition editors where this is on (production), optional for
# partner accounts everywhere.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = "Sacramento Together"

WAGTAIL_SITE_NAME = "Sacramento Together"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend; on PostgreSQL each language is stemmed with its own
# text-search configuration (search/backend.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIGS": {"en": "english", "es": "spanish"},
    }
}
# Documents: an allowlist of office formats (checked by Document.clean() on the
# file name) and a size limit (checked by the admin upload field). Every file is
# served through Django so the headers below always apply: the type set here,
# never guessed by the browser (nosniff), and every format but PDF downloaded
# as an attachment instead of opening in the browser.
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain",
    "csv": "text/csv",
}
WAGTAILDOCS_EXTENSIONS = sorted(WAGTAILDOCS_CONTENT_TYPES)
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# No SVG: an SVG can carry script. Listed here rather than left to Wagtail's default.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Checks an upload's header before Wagtail decodes it: see coalition_site/uploads.py.
WAGTAILIMAGES_IMAGE_FORM_BASE = "coalition_site.uploads.SafeImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar requests to gravatar.com from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Embeds are rendered by our own click-to-load facade; nothing is fetched from
# oEmbed providers while an editor works or a page renders.
WAGTAILEMBEDS_FINDERS = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail logs every page action at INFO; the audit log in the admin keeps them.
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        # django-tasks logs each search-index update it runs inline.
        "django_tasks": {"level": "WARNING"},
    },
}

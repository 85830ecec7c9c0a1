"""Fast, isolated settings for the test suite (SQLite, or PostgreSQL via DATABASE_URL)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off even where REDIS_URL is set; tests/performance turns it on where it tests it.
PAGE_CACHE_SECONDS = 0
# Django's test runner swaps EMAIL_BACKEND for its outbox (locmem); tests/mail puts
# the queue back in front of it. Tasks run inline here, whatever production does.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the app folders; nothing is collected for tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# django-axes refuses authenticate() calls without a request, which client.login()
# makes; the lockout tests in tests/security turn it back on.
AXES_ENABLED = False

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coalition_site.settings.production")

django_application = get_wsgi_application()

# Collected static files and page-cache hits are answered before Django
# (operations/static_files.py, caching/pagecache.py). Imported once Django is set
# up: the page cache reads Wagtail's models.
from operations.static_files import serve_before_django  # noqa: E402

application = serve_before_django(django_application)

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coalition_site.settings.production")

from operations.static_files import serve_before_django

# Collected static files and page-cache hits are answered before Django
# (operations/static_files.py, caching/pagecache.py).
application = serve_before_django(get_wsgi_application())

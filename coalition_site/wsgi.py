import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coalition_site.settings.production")

from operations.static_files import serve_static_files_first

# Collected static files are answered before Django (operations/static_files.py).
application = serve_static_files_first(get_wsgi_application())

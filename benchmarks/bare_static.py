"""The ceiling: a WSGI application that serves only the collected static files, with WhiteNoise.

`make bench` runs it under gunicorn with the project's gunicorn.conf.py (the same workers,
threads, keep-alive and logging as the site) and compares the site's static file with it:
whatever the site's stack adds to a static file shows as the difference. No Django here.
"""

import os

from whitenoise import WhiteNoise


def not_found(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"Not found"]


# As the site's WhiteNoise serves the collected files: far-future caching for hashed names.
application = WhiteNoise(
    not_found, root=os.environ["STATIC_ROOT"], prefix="/static/", max_age=31_536_000
)

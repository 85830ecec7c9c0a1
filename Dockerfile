# syntax=docker/dockerfile:1
# Production image: gunicorn serving the site, whitenoise serving static files.

# The base with the virtualenv, the requirements installed before any code is copied:
# after a code-only change, this stage comes from the build cache, and the final image,
# built on it, adds only the code.
FROM python:3.11-slim AS venv
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN python -m venv /venv
COPY requirements.txt .
# Behind a TLS-intercepting proxy, pass its CA bundle as the optional secret
# "ca-certificates" (README, "Deploying with the container"); it is mounted for
# this step only and never stored in a layer.
RUN --mount=type=secret,id=ca-certificates,target=/etc/ssl/certs/ca-certificates.crt,required=false \
    /venv/bin/pip install -r requirements.txt

FROM venv AS build
COPY . .
# Collect static files at build time. The values below only let the
# production settings load; the running container gets real ones.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    DJANGO_SETTINGS_MODULE=coalition_site.settings.production \
    /venv/bin/python manage.py collectstatic --no-input

FROM venv
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=coalition_site.settings.production \
    PORT=8000
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home app
WORKDIR /app
# The code stays owned by root, read-only for the app user; only local media
# (used when no S3 bucket is configured) is writable. Mount a volume there so
# uploads outlive the container; the site serves image renditions from it
# (operations/media.py). With more than one container, use a bucket instead.
COPY --from=build /app /app
RUN mkdir -p /app/media && chown 10001:10001 /app/media
VOLUME ["/app/media"]
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health/' % os.environ.get('PORT', '8000'), timeout=4)"]
CMD ["gunicorn", "--config", "gunicorn.conf.py", "coalition_site.wsgi:application"]

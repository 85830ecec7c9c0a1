# Two commands for a newcomer: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint format install install-dev migrate demo serve clean backup restore bench scale-check messages screenshots container-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo_content

# PORT reaches the settings too: absolute links, admin emails and the demo site's
# address (set_site_address) follow it.
run: demo
	$(MANAGE) ensure_admin
	PORT=$(PORT) $(MANAGE) set_site_address
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	PORT=$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint templates --lint
	DJANGO_SETTINGS_MODULE=coalition_site.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=coalition_site.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=coalition_site.settings.production \
	  SECRET_KEY=deploy-check-only-0123456789-abcdefghijklmnopqrstuvwxyz \
	  ALLOWED_HOSTS=example.org DATABASE_URL=sqlite:////tmp/deploycheck.sqlite3 \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/hadolint Dockerfile

# The interface in other languages: extract new strings into locale/<code>/LC_MESSAGES/django.po,
# then compile the .mo files that are committed with them (docs/translation.md).
MAKEMESSAGES_IGNORE := --ignore=.venv --ignore=tests --ignore=benchmarks --ignore=static_collected --ignore=media --ignore=backups
messages: install-dev
	DJANGO_SETTINGS_MODULE=coalition_site.settings.test $(MANAGE) makemessages --all --no-location --no-obsolete $(MAKEMESSAGES_IGNORE)
	DJANGO_SETTINGS_MODULE=coalition_site.settings.test $(MANAGE) compilemessages --ignore=.venv

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The suite runs on every core (pytest-xdist), each test module on one worker, so that a
# module's tests share its demo site or live server (tests/conftest.py); PYTEST_WORKERS=0
# runs it in one process.
PYTEST_WORKERS ?= auto
test: lint
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile

# Full-page PNGs of one page of every type at 390 and 1280px, both languages, and printed,
# from a fresh demo site, into screenshots/ (not committed). Needs Debian's chromium.
screenshots: install-dev
	$(BIN)/python tools/screenshots.py

# Database + local media in one archive; see "Backups" in README.md.
BACKUP_DIR ?= backups
backup: install
	$(MANAGE) backup_site --output $(BACKUP_DIR)

restore: install
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=backups/sacramento-together-....tar.gz"; exit 2; }
	$(MANAGE) restore_site "$(ARCHIVE)"

# Two gunicorn servers sharing one PostgreSQL, one Redis and one S3 (moto), and a
# graceful reload under load: tests/scale (also part of `make test` on PostgreSQL).
# SCALE_DATABASE_URL names the server; the test makes and drops its own scale_… database.
SCALE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres
scale-check: install-dev
	CI=true DATABASE_URL=$(SCALE_DATABASE_URL) $(BIN)/pytest -q -p no:cacheprovider tests/scale

# Load test of every page type on PostgreSQL and Redis, with wrk; not part of `make test`.
# See benchmarks/README.md (BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_WORKERS, BENCH_SECONDS).
# The shipped configuration against the targets in benchmarks/README.md. BENCH_ARGS passes
# options on, e.g. make bench BENCH_ARGS=--skip-setup to reuse the database of the last run.
bench: install
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache static_collected

# Builds the production image from the Dockerfile with podman and checks it from outside against
# this machine's PostgreSQL and Redis (and moto's S3 server): see "Deploying with the container".
container-check: install-dev
	$(BIN)/python .ci/container_check.py

# Vitrine — the setup contract. `make run` on a fresh clone, `make test` for the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
# uv from PATH when it works here, else the copy `make uv` installs with pip.
UV := $(shell if uv --version >/dev/null 2>&1; then echo uv; else echo "python3 -m uv"; fi)
PY := .venv/bin/python
MANAGE := $(PY) manage.py
PYTEST := $(PY) -m pytest

.PHONY: help uv install static messages setup run test test-fast test-e2e test-services serve lint lint-ci check-deploy format vendor chromium bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

uv: ## install uv with pip when it is missing
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check uv
	@$(UV) --version

install: uv ## Python 3.13 and the locked dependencies into .venv
	$(UV) sync --frozen --python 3.13

static: ## check the vendored front-end files (committed; `make vendor` refreshes them from npm)
	@test -s static/vendor/bootstrap/bootstrap.min.css -a -s static/vendor/htmx/htmx.min.js \
	  -a -s static/vendor/chartjs/chart.umd.min.js -a -s static/vendor/chartjs/chart.umd.min.js.map \
	  -a -s static/vendor/bootstrap-icons/bootstrap-icons.min.css -a -s tests/e2e/assets/axe-core/axe.min.js \
	  || bash scripts/vendor_static.sh

vendor: ## re-fetch static/vendor/ from npm at the versions in scripts/vendor.lock
	bash scripts/vendor_static.sh

messages: ## compile the French and English translations
	$(MANAGE) compile_translations

setup: install static messages ## everything `run` and `test` need
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_platforms
	$(MANAGE) seed_demo

run: setup ## install, migrate, load demo data and serve on 127.0.0.1:$(PORT)
	@echo ""
	@echo "  Vitrine is starting on http://127.0.0.1:$(PORT)/  (demo logins above)"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

chromium: ## Debian's chromium for the browser tests (never a downloaded browser)
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

test: install static messages chromium ## the whole suite (unit, views, e2e) on SQLite
	$(MANAGE) makemigrations --check --dry-run -v1
	$(PYTEST) -m "not services"

test-fast: ## the suite without the browser tests
	$(PYTEST) -m "not services and not e2e"

test-e2e: chromium ## the browser tests only
	$(PYTEST) -m e2e

test-services: install static messages ## the suite on PostgreSQL + Redis with a real Celery worker
	bash scripts/test_services.sh

serve: setup ## production-like: gunicorn + Celery worker + beat (needs DATABASE_URL, CELERY_BROKER_URL)
	$(MANAGE) collectstatic --noinput -v0
	PORT=$(PORT) $(PY) -m honcho start -f Procfile

lint: ## ruff, migrations and Django's checks
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(MANAGE) makemigrations --check --dry-run -v1
	$(MANAGE) check

lint-ci: install ## ruff only (CI runs it before the tests)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# A key for the check only (long and varied enough for check --deploy); never used to serve.
CI_SECRET_KEY := ci-only-check-deploy-4Hq9vZr2XpL7mWc3TnB8yKd6FsJ1gAe5Ru0NxQo

check-deploy: install ## Django's checks, then `check --deploy` with production settings (CI)
	$(MANAGE) check
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=$(CI_SECRET_KEY) DJANGO_ALLOWED_HOSTS=vitrine.example.org \
	  $(MANAGE) check --deploy --fail-level WARNING

format: ## apply ruff's fixes and formatting
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

bench: install ## time the main pages of a large organisation (BENCH_SCALE=500) and count queries
	$(PY) scripts/bench.py

clean: ## remove the virtualenv, the database and collected files
	rm -rf .venv db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles media .pytest_cache

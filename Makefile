# Mura: `make demo` serves the portal with demo content; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Where `make demo` and `make serve` listen (`make demo PORT=8080`), and the address links
# in e-mails and exports name (set MURA_SITE_URL to the public one behind a proxy).
HOST ?= 127.0.0.1
PORT ?= 8000
# A wildcard HOST (0.0.0.0) is reached on this machine at 127.0.0.1.
MURA_SITE_URL ?= http://$(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST)):$(PORT)
SERVE_ENV := MURA_DEMO=1 MURA_SITE_URL=$(MURA_SITE_URL)
# The second test run uses this PostgreSQL database (pytest creates test_<name> beside it).
POSTGRES_URL ?= postgres://postgres:postgres@127.0.0.1:5432/test
# pytest-xdist workers (one per core; files stay together so their fixtures are shared).
PYTEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile
APPS := portal institutions audit news comments catalog events search api interop exhibitions statistics

.PHONY: help install demo serve test test-sqlite test-postgres lint format messages screenshots clean

help: ## Show the targets (with the values this checkout would use)
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) \
		| sed -e 's|$$(HOST)|$(HOST)|g' -e 's|$$(PORT)|$(PORT)|g' -e 's|$$(POSTGRES_URL)|$(POSTGRES_URL)|g' \
		| awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'
	@echo "  Variables: HOST=$(HOST) PORT=$(PORT) MURA_SITE_URL=$(MURA_SITE_URL)"
	@echo "             POSTGRES_URL=$(POSTGRES_URL) PYTEST_WORKERS=$(PYTEST_WORKERS)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=25.1"

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e . --group dev
	@touch $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the accessibility and HTML checks will be skipped"; fi

install: $(VENV)/.installed node_modules/.installed ## Create .venv and install Mura with its test tools

demo: $(VENV)/.installed ## Load the demo content into var/ (SQLite) and serve it on http://$(HOST):$(PORT)
	$(SERVE_ENV) $(BIN)/mura demo
	$(SERVE_ENV) $(BIN)/mura serve --host $(HOST) --port $(PORT)

serve: $(VENV)/.installed ## Serve what is already in var/ on http://$(HOST):$(PORT)
	$(SERVE_ENV) $(BIN)/mura serve --host $(HOST) --port $(PORT)

test: install ## The whole suite on SQLite, then on PostgreSQL at $(POSTGRES_URL) (skipped if unreachable)
	@$(MAKE) --no-print-directory test-sqlite
	@$(MAKE) --no-print-directory test-postgres

test-sqlite: install
	@echo "== tests on SQLite (tests marked postgres need concurrent writers: they run in the PostgreSQL pass)"
	env -u DATABASE_URL $(PYTEST) -m "not postgres" $(PYTEST_ARGS)

test-postgres: install
	@if $(BIN)/python -c "import psycopg, sys; psycopg.connect('$(POSTGRES_URL)'.replace('postgres://', 'postgresql://'), connect_timeout=3).close()" 2>/dev/null; then \
		echo "== tests on PostgreSQL ($(POSTGRES_URL); browser journeys walk once, in the SQLite pass)"; \
		DATABASE_URL=$(POSTGRES_URL) $(PYTEST) -m "not browser or postgres" $(PYTEST_ARGS); \
	elif [ "$$MURA_REQUIRE_ALL" = "1" ]; then \
		echo "FAILED: PostgreSQL is unreachable at $(POSTGRES_URL) and MURA_REQUIRE_ALL=1"; exit 1; \
	else echo "SKIPPED: the PostgreSQL run (nothing answers at $(POSTGRES_URL); set POSTGRES_URL)"; fi

lint: install ## ruff, the Django checks and the import contracts
	$(BIN)/ruff check mura bench
	$(BIN)/ruff format --check mura bench
	MURA_DEMO=1 $(BIN)/mura check
	$(BIN)/lint-imports --no-logo
	MURA_DEMO=1 $(BIN)/mura makemigrations --check --dry-run

format: install ## Format the code
	$(BIN)/ruff check --fix mura bench
	$(BIN)/ruff format mura bench

messages: install ## Extract and compile the translation catalogues of every app
	@for app in $(APPS); do (cd mura/$$app && MURA_DEMO=1 DJANGO_SETTINGS_MODULE=mura.settings ../../$(BIN)/django-admin makemessages -l kk -l ru -l en --no-location && MURA_DEMO=1 DJANGO_SETTINGS_MODULE=mura.settings ../../$(BIN)/django-admin compilemessages); done
	for lang in kk ru; do msgfmt --check -o locale/$$lang/LC_MESSAGES/django.mo locale/$$lang/LC_MESSAGES/django.po; done

screenshots: install ## Refresh the screenshots under docs/ from the browser tests
	MURA_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest -m browser -q

clean: ## Remove the virtualenv, node_modules and the demo data in var/
	rm -rf $(VENV) node_modules var

# theodoi: two commands from a fresh clone.  make run  |  make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The demo runs on an assumed working day inside the sample plan's year (theodoi/clock.py); `make run DEMO_DATE=`
# runs it on the real date. Production never sets THEODOI_DEMO_DATE (it refuses to start with it).
DEMO_DATE ?= 2023-06-10

.PHONY: install run test test-fast test-postgres test-browser lint clean

$(BIN)/activate: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(BIN)/activate

install: $(BIN)/activate

run: install
	mkdir -p var
	test -s var/secret_key || (umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key)
	THEODOI_LEGACY_AREA_KINDS="$${THEODOI_LEGACY_AREA_KINDS:-Vinh=thành phố thuộc tỉnh}" $(MANAGE) migrate --noinput -v 0
	THEODOI_DEMO_DATE=$(DEMO_DATE) $(MANAGE) seed_demo
	THEODOI_DEMO_DATE=$(DEMO_DATE) $(MANAGE) runserver 127.0.0.1:8000

# Everything: unit and integration tests on SQLite, the database tests again on a PostgreSQL
# started for the purpose, and the browser tests in headless Chromium.
test: install lint
	$(BIN)/pytest -q -m "not browser and not postgres_only" -n 2
	scripts/with-postgres.sh $(BIN)/pytest -q -m "not browser" -n 2 tests/integration
	$(BIN)/pytest -q -m browser

# Lint (pyflakes, style, import order, likely bugs) and types (mypy with django-stubs): both must be clean.
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy accounts arising audit communes dashboard disclosure evaluation indicators nextyear periodic plans \
		planparser provinces reports theodoi

test-fast: install
	$(BIN)/pytest -q -m "not browser" -n 2 tests/parser

clean:
	rm -rf $(VENV) var/static

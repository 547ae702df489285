# Tweespraak: `make run` serves the app, `make test` runs the suite. Only python3 is needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-browser lint format messages migrate seed clean serve-prod

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo
	$(PY) manage.py library import exercises/starter_library.json

run: seed
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production serving (docs/deploy.md): needs the production environment variables.
serve-prod: $(STAMP)
	HOST=$(HOST) PORT=$(PORT) PY=$(PY) scripts/serve_prod.sh

test: $(STAMP)
	$(PY) -m pytest

test-browser: $(STAMP)
	$(PY) -m pytest -m browser -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(STAMP)
	$(PY) scripts/compile_messages.py

clean:
	rm -rf $(VENV) var

# Tweespraak: `make run` serves the app, `make test` runs the suite. Only python3 is needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-browser lint format messages migrate seed clean serve-prod

UV := $(VENV)/bin/uv
EXPORT := $(UV) export --quiet --frozen --no-header --format requirements-txt --all-extras --no-emit-project

.PHONY: lock upgrade check-lock

$(PY):
	$(PYTHON) -m venv $(VENV)

# Installs exactly requirements.lock: every package pinned and hash-checked by pip, then anything
# the lock does not list is removed (uv, itself installed from the lock, does that part).
$(STAMP): requirements.lock | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		-r requirements.lock
	$(UV) pip sync --quiet --python $(PY) --require-hashes requirements.lock
	touch $(STAMP)

# uv.lock is resolved from pyproject.toml's ranges; requirements.lock is its export with hashes.
lock: $(STAMP)
	$(UV) lock
	$(EXPORT) -o requirements.lock

upgrade: $(STAMP)
	$(UV) lock --upgrade
	$(EXPORT) -o requirements.lock

# Fails when pyproject.toml, uv.lock and requirements.lock disagree.
check-lock: $(STAMP)
	$(UV) lock --check
	$(EXPORT) | diff -u requirements.lock - >/dev/null || \
		{ echo "requirements.lock is not uv.lock's export: run make lock" >&2; exit 1; }


migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo
	$(PY) manage.py library import exercises/starter_library.json
	$(PY) manage.py daily_questions

# The server and a task worker (notifications, reminders, cleanup) side by side, as Procfile.dev
# says; Ctrl-C stops both.
run: seed
	PY=$(PY) HOST=$(HOST) PORT=$(PORT) PYTHONUNBUFFERED=1 $(VENV)/bin/honcho start -f Procfile.dev

# Production serving (docs/deploy.md): needs the production environment variables. The web
# workers (WEB_CONCURRENCY of them) and TASK_WORKERS task workers, as the Procfile says.
TASK_WORKERS ?= 1
serve-prod: $(STAMP)
	HOST=$(HOST) PORT=$(PORT) PY=$(PY) PYTHONUNBUFFERED=1 \
		$(VENV)/bin/honcho start -f Procfile -c web=1,worker=$(TASK_WORKERS)

test: $(STAMP)
	$(PY) -m pytest

test-browser: $(STAMP)
	$(PY) -m pytest -m browser -p no:cacheprovider

# ruff, and the layer contract (pyproject.toml's [tool.importlinter], docs/architecture.md).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(STAMP)
	$(PY) scripts/compile_messages.py

clean:
	rm -rf $(VENV) var

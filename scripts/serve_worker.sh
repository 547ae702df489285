#!/bin/sh
# One task worker (huey): sends the notification outbox and runs the daily schedule
# (docs/notifications.md). Run one or more beside the web workers; they never send twice.
#
# Needs the same environment as scripts/serve_prod.sh (docs/deploy.md). Optional:
#   TASK_WORKER_THREADS (2)  TASK_QUEUE_NAME (tweespraak)
# SIGTERM lets running tasks finish (up to 15 s); SIGINT stops at once.
set -eu
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-project.settings.production}"
exec "$PY" manage.py run_huey

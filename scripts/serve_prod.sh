#!/bin/sh
# Production serving: N uvicorn worker processes (uvloop + httptools) behind a reverse proxy.
#
# Needs the production environment (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL,
# FIELD_ENCRYPTION_KEYS); see docs/deploy.md. Tunables, all optional:
#   HOST (127.0.0.1)  PORT (8000)  WEB_CONCURRENCY (2: one worker per core)
#   GRACEFUL_TIMEOUT (20 s)  FORWARDED_ALLOW_IPS (127.0.0.1: the proxy)  MIGRATE (0)
set -eu
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-project.settings.production}"

# Hashed, compressed copies for whitenoise; production settings serve only these.
"$PY" manage.py collectstatic --noinput --verbosity 0
if [ "${MIGRATE:-0}" = "1" ]; then
    "$PY" manage.py migrate --noinput
fi

# On SIGTERM uvicorn stops accepting, closes open WebSockets with 1012 (service restart) so
# clients reconnect to another worker or instance, and lets running requests finish within
# GRACEFUL_TIMEOUT seconds.
exec "$PY" -m uvicorn project.asgi:application \
    --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --loop uvloop --http httptools --ws websockets-sansio \
    --lifespan off \
    --proxy-headers --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
    --timeout-graceful-shutdown "${GRACEFUL_TIMEOUT:-20}" \
    --no-access-log

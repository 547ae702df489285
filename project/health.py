"""Liveness and readiness: is the database there, does the channel layer carry a message.

``/healthz`` answers whether this process can serve; ``/readyz`` also whether the database
schema matches the code, so a proxy or orchestrator sends traffic to a new release only after
its migrations ran.
"""

import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


async def _channel_layer_roundtrip() -> bool:
    layer = get_channel_layer()
    channel = await layer.new_channel()
    token = uuid.uuid4().hex
    await layer.send(channel, {"type": "health.ping", "token": token})
    message = await layer.receive(channel)
    return message.get("token") == token


def _channel_layer_ok() -> bool:
    try:
        return async_to_sync(_channel_layer_roundtrip)()
    except Exception:
        return False


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_ok(), "channel_layer": _channel_layer_ok()}
    healthy = all(checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        **{name: "ok" if ok else "failing" for name, ok in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)


_schema_current = False


def _migrations_applied() -> bool:
    # Loading the migration graph is slow; once applied, the schema stays current for the
    # lifetime of this process's code.
    global _schema_current
    if not _schema_current:
        try:
            executor = MigrationExecutor(connection)
            targets = executor.loader.graph.leaf_nodes()
            _schema_current = not executor.migration_plan(targets)
        except Exception:
            return False
    return _schema_current


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    checks = {
        "database": _database_ok(),
        "channel_layer": _channel_layer_ok(),
    }
    checks["migrations"] = checks["database"] and _migrations_applied()
    ready = all(checks.values())
    body = {
        "status": "ready" if ready else "unavailable",
        **{name: "ok" if ok else "failing" for name, ok in checks.items()},
    }
    return JsonResponse(body, status=200 if ready else 503)

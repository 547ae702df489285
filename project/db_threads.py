"""Where a WebSocket handshake's database reads run.

Channels runs every ``database_sync_to_async`` call of a process on one shared thread, first
come first served. A burst of new connections (sign-in, access) then queues every live action
of the process behind it: a partner's "ready" waits for strangers' handshakes. A handshake's
reads take no lock and need no order with anything else, so they run on a thread of their own
(one per process: it adds a single database connection and little GIL contention), and the
shared thread keeps the live actions.

Under SQLite (tests, ``make run``) everything stays on the shared thread: SQLite's shared-cache
test database answers "table is locked" instead of waiting when two threads meet.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from channels.db import database_sync_to_async
from django.db import connection

_handshakes: ThreadPoolExecutor | None = None


def _handshake_thread() -> ThreadPoolExecutor:
    global _handshakes
    if _handshakes is None:
        _handshakes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ws-handshake")
    return _handshakes


def handshake_reads(function: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    """``function`` (read-only database work of a handshake) as a coroutine function on the
    handshake thread, with Channels' handling of stale connections around it."""
    if connection.vendor == "sqlite":
        return database_sync_to_async(function)
    return database_sync_to_async(function, thread_sensitive=False, executor=_handshake_thread())

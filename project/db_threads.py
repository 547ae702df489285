"""Where WebSocket work that need not wait its turn on the shared database thread runs.

Channels runs every ``database_sync_to_async`` call of a process on one shared thread, first
come first served. A burst of new connections (sign-in, access) and the notifications that
follow their joins then queue every live action of the process behind them: a partner's
"ready" waits for strangers' handshakes. A handshake's reads take no lock and need no order
with anything else, and a notification is a transaction of its own after a commit, so both run
on a side thread (one per process: a single extra database connection and little GIL
contention); the shared thread keeps the live actions.

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


def _side_thread_pool() -> ThreadPoolExecutor:
    global _handshakes
    if _handshakes is None:
        _handshakes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ws-side")
    return _handshakes


def side_thread(function: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    """``function`` as a coroutine function on the side thread, with Channels' handling of
    stale connections around it."""
    if connection.vendor == "sqlite":
        return database_sync_to_async(function)
    return database_sync_to_async(function, thread_sensitive=False, executor=_side_thread_pool())

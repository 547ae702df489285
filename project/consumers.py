"""What every WebSocket consumer of Tweespraak shares."""

from __future__ import annotations

from typing import Any

from channels.consumer import get_handler_name


class OwnDatabaseCalls:
    """Dispatch without Channels' per-message database clean-up.

    Channels' ``AsyncConsumer.dispatch`` closes stale database connections before every
    message it hands to a handler: a hop to the process's one shared database thread for each
    frame a client sends and each group event, where most of them touch no database at all.
    Our consumers make their database calls only through ``database_sync_to_async``, which
    closes stale connections itself, before and after, in the thread that uses them; so the
    hop buys nothing and, under load, queues every message behind the database work of the
    whole process (docs/performance.md).
    """

    async def dispatch(self, message: dict[str, Any]) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

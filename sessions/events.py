"""How the sessions services announce to sockets: once the change commits, to a channel group.

Inside ``events_collected`` (the reveal consumer, which runs services on Channels' one database
thread per process) the ``(group, event)`` pairs are collected for the consumer to send from its
own coroutine; anywhere else they are sent at once after the commit (``project.me_channel``).
A rolled-back change announces nothing either way.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from contextvars import ContextVar
from typing import Any

from project.after_commit import collecting
from project.me_channel import Collector, announce

_collected: ContextVar[list[tuple[str, dict[str, Any]]] | None] = ContextVar(
    "session_events", default=None
)


def events_collected() -> AbstractContextManager[list[tuple[str, dict[str, Any]]]]:
    """Collect the ``(group, event)`` pairs the services announce, for the caller to send.

    Sending from Channels' database thread would hold that thread while it waits for the event
    loop and Redis, so the consumer sends the list from its own coroutine afterwards.
    """
    return collecting(_collected)


def collector() -> Collector | None:
    """Where an announcement goes inside ``events_collected``; None outside it."""
    collected = _collected.get()
    if collected is None:
        return None
    return lambda group, event: collected.append((group, event))


def announce_after_commit(group: str, event: dict[str, Any]) -> None:
    announce(group, event, collect=collector())

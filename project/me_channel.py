"""The ``/ws/me/`` channel groups and how a service announces a frame to one person.

Every app of the project may announce (pairing when a couple forms, sessions when a partner's
state changes, accounts on logout), so this lives at the bottom layer. A frame holds ids and
states only, never content, and is exactly what the receiver may see: the consumer forwards it
without reading the database (``sessions/me.py``).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from typing import Any
from uuid import UUID

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

# The channel-layer event type the consumer handles (``MeConsumer.me_frame``).
FRAME_EVENT = "me.frame"
SIGNED_OUT_EVENT = "me.signed_out"

# Set by a caller that sends from its own coroutine (the reveal consumer's
# ``events_collected``): it receives ``(group, event)`` instead of a send from this thread.
Collector = Callable[[str, dict[str, Any]], None]


def me_group(user_id: UUID | str) -> str:
    """Every ``/ws/me/`` connection of one person."""
    return f"me.{user_id}"


def device_group(session_key: str) -> str:
    """The ``/ws/me/`` connections of one signed-in browser or app session (not its key)."""
    return "me-device." + hashlib.sha256(session_key.encode()).hexdigest()[:40]


def send_now(group: str, event: dict[str, Any]) -> None:
    """``group_send`` from synchronous code: from a plain thread it waits for the send; from a
    thread that runs an event loop itself (a test driving a browser, say) the send is handed to
    that loop instead of failing."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        async_to_sync(layer.group_send)(group, event)
        return
    # Called from a thread that runs an event loop itself (not a view's worker thread, not the
    # consumer's database thread, which collects): hand the send to that loop.
    _pending.add(task := loop.create_task(layer.group_send(group, event)))
    task.add_done_callback(_pending.discard)


# Tasks handed to a running loop, kept until done so they are not collected half-way.
_pending: set[asyncio.Task] = set()


def announce(group: str, event: dict[str, Any], *, collect: Collector | None = None) -> None:
    """Send ``event`` to ``group`` once the current transaction commits (a rolled-back change
    announces nothing); outside a transaction, at once."""
    if collect is not None:
        transaction.on_commit(lambda: collect(group, event))
    else:
        transaction.on_commit(lambda: send_now(group, event))


def send_frame(
    user_id: UUID | str, frame: dict[str, Any], *, collect: Collector | None = None
) -> None:
    """Announce ``frame`` (``{"type": "couple" | "session" | "daily", ...}``) to one person."""
    announce(me_group(user_id), {"type": FRAME_EVENT, "frame": frame}, collect=collect)


def couple_frame(partner_display_name: str | None) -> dict[str, Any]:
    partner = None if partner_display_name is None else {"display_name": partner_display_name}
    return {"type": "couple", "partner": partner}


def daily_frame(*, date: str, me_answered: bool, partner_answered: bool) -> dict[str, Any]:
    """For the daily question (another feature): announce with ``send_frame`` to each partner,
    each from their own side."""
    return {
        "type": "daily",
        "date": date,
        "me_answered": me_answered,
        "partner_answered": partner_answered,
    }


def signed_out(session_key: str) -> None:
    """This browser or app session signed out: its ``/ws/me/`` connections say so and close.
    Django sends ``user_logged_out`` before it flushes the session, so the key is still known.
    """
    send_now(device_group(session_key), {"type": SIGNED_OUT_EVENT})

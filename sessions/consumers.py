"""The live reveal at ``/ws/sessions/<uuid>/``: a thin shell around ``session_services``.

The consumer decides no rule. It turns client messages into service calls, and turns the
session group's events into messages for this connection's own person, so each partner gets
their own ``state`` (picked from the shared state the event carries) and ``reveal`` (their own
view, picked from the event: see ``services._Live.views_of``).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import uuid
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from time import monotonic
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext as _

from project import jsoninput
from project.after_commit import Job, jobs_collected, run_jobs
from project.consumers import OwnDatabaseCalls
from project.db_threads import side_thread
from project.edge import ws_error_message
from project.errors import DomainError, Invalid, NotFound

from . import services
from .events import events_collected
from .presence import HEARTBEAT
from .selectors import (
    LiveAccess,
    live_access,
    live_state,
    live_state_for,
    reveal_message,
    state_version,
)

MAX_MESSAGE_BYTES = 4096

CLOSE_NOT_AUTHENTICATED = 4401
CLOSE_NOT_FOUND = 4404
CLOSE_REFUSED = 4409
CLOSE_ENDED = 4410
CLOSE_TOO_LARGE = 1009
CLOSE_POLICY = 1008
CLOSE_INTERNAL = 1011

logger = logging.getLogger(__name__)
HEARTBEAT_TASK = "live-reveal heartbeat"

_REVOKE_CLOSE = {
    services.REVOKED_SIGNED_OUT: CLOSE_NOT_AUTHENTICATED,
    services.REVOKED_REFUSED: CLOSE_REFUSED,
    services.REVOKED_ENDED: CLOSE_ENDED,
}


_pool: ThreadPoolExecutor | None = None


def live_db_pool() -> ThreadPoolExecutor:
    """This process's bounded pool for the live reveal's database calls.

    A service call needs no thread of its own kind (it opens and ends its own transaction), so
    it does not queue behind every other database call of the process on Channels' one shared
    thread (``thread_sensitive=True``); and the pool is bounded (``LIVE_DB_THREADS``, 4), so a
    burst cannot take more database connections or GIL time than that: the event loop keeps
    its headroom for Redis and the sockets. Each thread keeps its own database connection.

    Not under SQLite (tests, ``make run``): SQLite takes one writer at a time anyway, and its
    shared-cache test database answers "table is locked" at once instead of waiting, so there
    the calls stay on Channels' one shared thread (``uses_pool``).
    """
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(
            max_workers=max(1, getattr(settings, "LIVE_DB_THREADS", 4)),
            thread_name_prefix="live-db",
        )
    return _pool


def _in_language(
    function: Callable[..., Any], language: str, **kwargs: Any
) -> tuple[Any, list[tuple[str, dict[str, Any]]], list[Job]]:
    """Run a service; return its result, the events it committed and the work that follows its
    commit (a notification: ``project.after_commit``). Error messages are translated where
    they are made: in the person's own language."""
    with translation.override(language), events_collected() as events, jobs_collected() as jobs:
        result = function(**kwargs)
    return result, events, jobs


def _jobs_in_language(jobs: list[Job], language: str) -> None:
    with translation.override(language):
        run_jobs(jobs)


def uses_pool() -> bool:
    """Off unless ``LIVE_DB_THREADS`` > 0. Measured (docs/performance.md): the pool lifts the
    ``react`` ceiling but makes a burst of joins and reveals slower on a 2-core machine (more
    threads taking the GIL from the event loop), so the shared thread is the default."""
    return getattr(settings, "LIVE_DB_THREADS", 0) > 0 and connection.vendor != "sqlite"


async def _run(
    function: Callable[..., Any], language: str, **kwargs: Any
) -> tuple[Any, list[tuple[str, dict[str, Any]]], list[Job]]:
    """``_in_language`` on the bounded pool (``live_db_pool``), with Channels' handling of
    database connections around it (``database_sync_to_async``)."""
    if uses_pool():
        call = database_sync_to_async(_in_language, thread_sensitive=False, executor=live_db_pool())
    else:
        call = database_sync_to_async(_in_language)
    return await call(function, language, **kwargs)


@dataclass
class TokenBucket:
    """``rate`` tokens a second up to ``burst``; every message takes one."""

    rate: float
    burst: float
    tokens: float = field(init=False)
    updated: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = self.burst
        self.updated = monotonic()

    def take(self) -> bool:
        now = monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


def _group_event(
    handler: Callable[[SessionConsumer, dict], Awaitable[None]],
) -> Callable[[SessionConsumer, dict], Awaitable[None]]:
    """Wrap a session group event handler.

    Events already on their way when this connection left the session (``leave``, a message
    over 4 KB) still arrive afterwards: with Redis the connection's own first ``state`` can
    come after an oversized first message. They are dropped, since this connection no longer
    follows the session. A service refusing while building the message becomes an ``error``
    on this socket; the connection stays usable.
    """

    @functools.wraps(handler)
    async def wrapper(self: SessionConsumer, event: dict) -> None:
        if self.session_id is None:
            return
        try:
            await handler(self, event)
        except DomainError as error:
            await self.send_json(ws_error_message(error))

    return wrapper


def _breathing_text() -> str:
    return _(
        "A pause, together. Breathe in slowly for four counts, hold it for a moment, and "
        "breathe out for six. Feel your feet on the floor. Do this a few times, and go on "
        "when you both feel ready."
    )


class SessionConsumer(OwnDatabaseCalls, AsyncJsonWebsocketConsumer):
    session_id: uuid.UUID | None = None
    heartbeat: asyncio.Task | None = None
    bucket: TokenBucket
    # Messages refused in a row for going too fast; a client that keeps on is closed.
    refused: int = 0
    # The version of the last state sent (``session_selectors.state_version``).
    state_version: int = -1
    # Set by ``live_revoke``: this socket takes no message any more.
    revoked: bool = False
    access: LiveAccess | None = None
    # The prompt index of the last state sent: the answers a ``ready`` reads with its lock.
    current_index: int | None = None
    group: str | None = None
    own_groups: list[str] = []

    # ---- connection ----------------------------------------------------------------------

    async def connect(self) -> None:
        self.user = self.scope.get("user")
        # Per connection: generous for two people tapping "ready" and reactions, not for a
        # script (``LIVE_RATE_PER_SECOND``, ``LIVE_RATE_BURST``).
        self.bucket = TokenBucket(
            rate=settings.LIVE_RATE_PER_SECOND, burst=settings.LIVE_RATE_BURST
        )
        if self.user is None or not self.user.is_authenticated:
            await self.close(code=CLOSE_NOT_AUTHENTICATED)
            return
        session_id = self.scope["url_route"]["kwargs"]["session_id"]
        try:
            # Resolved once for this connection: session, participants, prompts, safety gate.
            # Reads only, on the side thread: live actions keep the shared one.
            self.access, _events, _jobs = await side_thread(_in_language)(
                live_access, self.user.language, user=self.user, session_id=session_id
            )
        except NotFound:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        except DomainError as error:
            await self.accept()
            await self.send_json(ws_error_message(error))
            await self.close(code=CLOSE_REFUSED)
            return
        self.group = services.session_group(session_id)
        # My own groups first: a sign-out, a pause or the couple's end that happens while I
        # join still reaches this socket.
        self.own_groups = self._own_groups()
        for group in self.own_groups:
            await self.channel_layer.group_add(group, self.channel_name)
        # Join the group before announcing ourselves, so our own state arrives through it.
        await self.channel_layer.group_add(self.group, self.channel_name)
        try:
            joined = await self._call(
                services.reveal_join,
                user=self.user,
                session_id=session_id,
                channel_name=self.channel_name,
                access=self.access,
                expect_index=self.access.index_at_connect,
            )
        except DomainError as error:
            await self._discard_groups()
            await self.accept()
            await self.send_json(ws_error_message(error))
            await self.close(code=CLOSE_REFUSED)
            return
        self.session_id = session_id
        # A state announced before my join can still reach me (the channel layer delivers to
        # whoever listens when the event arrives here): my join's state is the oldest I show.
        self.state_version = state_version(joined)
        await self.accept()
        self.heartbeat = asyncio.create_task(self._beat(), name=HEARTBEAT_TASK)

    async def __call__(self, scope, receive, send) -> None:
        """Whatever ends this connection (a close, a crash in a handler, the server going
        down), its heartbeat task stops and its presence goes: never a ghost partner."""
        try:
            await super().__call__(scope, receive, send)
        finally:
            if self.heartbeat is not None:
                self.heartbeat.cancel()
                self.heartbeat = None
            if self.session_id is not None:
                with contextlib.suppress(Exception):
                    await self._leave()

    def _own_groups(self) -> list[str]:
        """``user.<id>`` and, when signed in with a Django session, ``auth.<sha256 of key>``."""
        groups = [services.user_group(self.user.pk)]
        session = self.scope.get("session")
        key = getattr(session, "session_key", None) if session is not None else None
        if key:
            groups.append(services.auth_group(key))
        return groups

    async def _discard_groups(self) -> None:
        for group in [group for group in (self.group, *self.own_groups) if group]:
            await self.channel_layer.group_discard(group, self.channel_name)
        self.own_groups = []

    async def disconnect(self, code: int) -> None:
        try:
            await self._leave()
        finally:
            await self._discard_groups()

    async def _leave(self) -> None:
        """Stop following the session; the partner sees me go at once. Runs on ``leave`` too,
        before the server-side close, since the socket's own disconnect may come much later."""
        if self.heartbeat is not None:
            self.heartbeat.cancel()
            self.heartbeat = None
        if self.session_id is not None:
            session_id, self.session_id = self.session_id, None
            await self.channel_layer.group_discard(self.group, self.channel_name)
            await self._call(
                services.reveal_leave,
                session_id=session_id,
                user_id=self.user.pk,
                channel_name=self.channel_name,
                access=self.access,
            )

    async def _beat(self) -> None:
        """Refresh this connection's presence (no database involved: ``sessions.presence``)."""
        while True:
            await asyncio.sleep(HEARTBEAT.total_seconds())
            try:
                await asyncio.to_thread(
                    services.presence_heartbeat,
                    session_id=self.session_id,
                    user_id=self.user.pk,
                    channel_name=self.channel_name,
                )
            except Exception:
                # Redis away for a moment: the next beat tries again; the TTL covers a gap.
                logger.warning("live reveal: a presence heartbeat failed", exc_info=True)

    async def _call(self, function: Callable[..., Any], **kwargs: Any) -> Any:
        """The service's result, after sending what it announced. ``_run`` returns once the
        transaction has committed, so every event still follows its commit."""
        result, events, jobs = await _run(function, self.user.language, **kwargs)
        for group, event in events:
            await self.channel_layer.group_send(group, event)
        if jobs:
            # Off the shared database thread (``project.db_threads``): the live actions of
            # the whole process wait there.
            await side_thread(_jobs_in_language)(jobs, self.user.language)
        return result

    async def _send_translated_error(self, code: str, message: Callable[[], str]) -> None:
        with translation.override(self.user.language):
            text = message()
        await self.send_json(ws_error_message(Invalid(code, text)))

    # ---- client -> server ----------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        # After a revocation (sign-out, pause, the couple's end) nothing more is taken.
        if self.session_id is None or self.revoked:
            return
        if not self.bucket.take():
            await self._refuse_too_fast()
            return
        self.refused = 0
        if text_data is None:
            await self._send_translated_error("malformed", lambda: _("Send JSON text messages."))
            return
        if len(text_data.encode()) > MAX_MESSAGE_BYTES:
            await self._send_translated_error(
                "message_too_large", lambda: _("That message is too large.")
            )
            await self._leave()
            await self.close(code=CLOSE_TOO_LARGE)
            return
        try:
            # Bounded depth, valid Unicode only (``project.jsoninput``): never RecursionError.
            with translation.override(self.user.language):
                content = jsoninput.loads(text_data)
        except jsoninput.JSONInputError as error:
            await self.send_json(ws_error_message(Invalid(error.code, error.message)))
            return
        except ValueError:
            await self._send_translated_error(
                "malformed", lambda: _("That message could not be read.")
            )
            return
        try:
            await self.receive_json(content)
        except Exception:
            # A bug, not the client's doing: logged once, this connection ends cleanly (its
            # presence and heartbeat go with it) and the client reconnects.
            logger.exception("live reveal: a message handler failed")
            await self._leave()
            await self.close(code=CLOSE_INTERNAL)

    async def _refuse_too_fast(self) -> None:
        """Drop the message; after a whole burst's worth refused in a row, close."""
        self.refused += 1
        await self._send_translated_error(
            "rate_limited", lambda: _("You are sending messages too fast. Wait a moment.")
        )
        if self.refused >= self.bucket.burst:
            await self._leave()
            await self.close(code=CLOSE_POLICY)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        kind = content.get("type") if isinstance(content, dict) else None
        handler = self._handlers().get(kind) if isinstance(kind, str) else None
        if handler is None:
            await self._send_translated_error(
                "unknown_type", lambda: _("That message type is not known.")
            )
            return
        try:
            await handler(content)
        except DomainError as error:
            await self.send_json(ws_error_message(error))

    def _handlers(self) -> dict[str, Callable[[dict], Awaitable[None]]]:
        return {
            "ready": self._on_ready,
            "react": self._on_react,
            "pause": self._on_pause,
            "resume": self._on_resume,
            "leave": self._on_leave,
        }

    async def _on_ready(self, content: dict) -> None:
        index = content.get("index")
        if index is not None and (isinstance(index, bool) or not isinstance(index, int)):
            await self._send_translated_error(
                "malformed", lambda: _("“index” must be a whole number.")
            )
            return
        await self._call(
            services.reveal_ready,
            user=self.user,
            session_id=self.session_id,
            index=index,
            access=self.access,
            # The prompt my last state showed: its answers are read with the lock.
            expect_index=self.current_index,
        )

    async def _on_react(self, content: dict) -> None:
        try:
            prompt_id = uuid.UUID(str(content.get("prompt")))
        except ValueError:
            await self._send_translated_error(
                "malformed", lambda: _("“prompt” must be the id of a question.")
            )
            return
        await self._call(
            services.reveal_react,
            user=self.user,
            session_id=self.session_id,
            prompt_id=prompt_id,
            reaction=str(content.get("reaction")),
            access=self.access,
        )

    async def _on_pause(self, content: dict) -> None:
        await self._call(services.reveal_pause, user=self.user, session_id=self.session_id)

    async def _on_resume(self, content: dict) -> None:
        await self._call(services.reveal_resume, user=self.user, session_id=self.session_id)

    async def _on_leave(self, content: dict) -> None:
        await self._leave()
        await self.close()

    # ---- session group events -> this person's messages ------------------------------------

    @_group_event
    async def session_state(self, event: dict) -> None:
        if "version" in event:
            state = live_state_for(user_id=self.user.pk, shared=event)
        else:
            state = await self._call(live_state, user=self.user, session_id=self.session_id)
        # Two workers' events can arrive out of order; an older state must not undo a newer.
        if state.version < self.state_version:
            return
        self.state_version = state.version
        self.current_index = state.current_index
        await self.send_json(state.to_message())

    @_group_event
    async def session_reveal(self, event: dict) -> None:
        views = event.get("views")
        if views is not None:
            # The event carries what each partner may see (encrypted in the channel layer):
            # this connection picks its own person's view and reads nothing.
            view = views.get(str(self.user.pk))
            if view is not None:
                await self.send_json(
                    {
                        "type": "reveal",
                        "prompt": event["prompt"],
                        "index": event["index"],
                        "mine": view["mine"],
                        "partner": view["partner"],
                    }
                )
            return
        message = await self._call(
            reveal_message,
            user=self.user,
            session_id=self.session_id,
            prompt_id=uuid.UUID(event["prompt"]),
        )
        if message is not None:
            await self.send_json(message)

    @_group_event
    async def session_reaction(self, event: dict) -> None:
        await self.send_json(
            {
                "type": "reaction",
                "prompt": event["prompt"],
                "reaction": event["reaction"],
                "from_me": event["by"] == str(self.user.pk),
            }
        )

    @_group_event
    async def session_paused(self, event: dict) -> None:
        with translation.override(self.user.language):
            breathing = _breathing_text()
        await self.send_json({"type": "paused", "breathing": breathing})

    @_group_event
    async def session_resumed(self, event: dict) -> None:
        await self.send_json({"type": "resumed"})

    @_group_event
    async def session_completed(self, event: dict) -> None:
        await self.send_json({"type": "completed"})

    async def live_revoke(self, event: dict) -> None:
        """One of my own groups: I signed out, was paused, or the couple ended. My presence is
        already gone (``services.live_revoke_user``) or goes now, with the one state a
        ``leave`` sends; then the socket closes."""
        self.revoked = True
        await self._leave()
        await self._discard_groups()
        await self.close(code=_REVOKE_CLOSE.get(event.get("reason"), CLOSE_NOT_AUTHENTICATED))

    @_group_event
    async def session_ended(self, event: dict) -> None:
        # The ending is read from the database and always shown, whatever came before it.
        self.state_version = -1
        await self.session_state(event)
        await self._leave()
        await self.close(code=CLOSE_ENDED)

"""A test client for the live reveal (``/ws/sessions/<id>/``) through the project's real ASGI
stack, and the signed-in Django session a WebSocket or app client presents."""

from __future__ import annotations

import json
import uuid
from collections import deque

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from sessions import presence

# How long one expected message may take. A deadline, not a pause: a message that comes
# sooner ends the wait at once, and one that never comes fails the test.
MESSAGE_DEADLINE = 3


def session_key_for(user) -> str:
    """A signed-in Django session for ``user``; its key is also the app client's token."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


class Live:
    """One WebSocket connection to a live reveal, remembering every message it received."""

    def __init__(self, communicator: WebsocketCommunicator, channel_name: str | None) -> None:
        self.communicator = communicator
        # The connection's channel in the channel layer (None if it was refused).
        self.channel_name = channel_name
        self.log: list[dict] = []
        self.closed_with: int | None = None
        # Received while settling another connection, not yet read by the test.
        self._held: deque[dict] = deque()

    async def send(self, message: dict | str) -> None:
        if isinstance(message, str):
            await self.communicator.send_to(text_data=message)
        else:
            await self.communicator.send_json_to(message)

    async def _receive(self, timeout: float) -> dict:
        output = await self.communicator.receive_output(timeout)
        if output["type"] == "websocket.close":
            self.closed_with = output.get("code", 1000)
            return {"type": "__closed__", "code": self.closed_with}
        return json.loads(output["text"])

    async def next(self, timeout: float = MESSAGE_DEADLINE) -> dict:
        message = self._held.popleft() if self._held else await self._receive(timeout)
        if message["type"] != "__closed__":
            self.log.append(message)
        return message

    async def expect(self, kind: str, timeout: float = MESSAGE_DEADLINE, **fields) -> dict:
        """The next message of ``kind`` whose fields match, skipping others."""
        while True:
            message = await self.next(timeout)
            if message["type"] == kind and all(message.get(k) == v for k, v in fields.items()):
                return message
            if message["type"] == "__closed__":
                raise AssertionError(f"closed while waiting for {kind}: {message}")

    async def _settle(self) -> list[dict]:
        """Wait until this connection's consumer has finished what it was doing and handed on
        every event sent to its channel so far; return what arrived meanwhile (unread).

        A probe event goes straight to the connection's channel. The consumer handles one
        message at a time and a channel delivers in order, so the probe's answer (a
        ``reaction`` naming the probe) comes after everything that was already on its way.
        No clock is involved: the wait ends when the probe's answer arrives.
        """
        assert self.channel_name, "settling needs a connection that was accepted"
        if self.closed_with is not None:
            # Closed by the server: it sends nothing more.
            held = [*self._held]
            self._held.clear()
            return held
        probe = f"probe-{uuid.uuid4()}"
        await get_channel_layer().send(
            self.channel_name,
            {"type": "session.reaction", "prompt": probe, "reaction": "probe", "by": ""},
        )
        arrived = []
        while True:
            message = self._held.popleft() if self._held else await self._receive(MESSAGE_DEADLINE)
            if message.get("prompt") == probe:
                return arrived
            arrived.append(message)
            if message["type"] == "__closed__":
                return arrived

    async def drain(self, *senders: Live) -> list[dict]:
        """Everything still on its way to this connection: first every one of ``senders`` (the
        connections whose last message caused events) finishes handling it, then this
        connection hands on what was sent to it by then."""
        for sender in senders:
            if sender is not self:
                sender._held.extend(await sender._settle())
        received = [*self._held, *await self._settle()]
        self._held.clear()
        self.log.extend(message for message in received if message["type"] != "__closed__")
        return received

    async def nothing_more(self, *senders: Live) -> None:
        """Nothing is on its way to this connection (see ``drain``)."""
        assert await self.drain(*senders) == []

    async def finished_quietly(self) -> None:
        """For a connection the server has closed: its consumer handles every event sent to
        its channel so far and then stops (a disconnect sent through the same channel comes
        last); it must not have crashed, nor sent anything more."""
        assert self.channel_name, "a connection that was accepted"
        await get_channel_layer().send(
            self.channel_name, {"type": "websocket.disconnect", "code": 1000}
        )
        # Raises what the consumer raised, or TimeoutError if it never stopped.
        await self.communicator.wait(MESSAGE_DEADLINE)
        assert self.communicator.output_queue.empty()
        assert not self._held

    async def close(self) -> None:
        await self.communicator.disconnect()


def channels_of(user, session_id) -> set[str]:
    """The channel names of ``user``'s connections that count as present in the session."""
    try:
        session_id = uuid.UUID(str(session_id))
    except ValueError:
        return set()
    channels = presence.store().channels(session_id=session_id)
    return {name for name, user_id in channels.items() if user_id == user.pk}


def mark_present(session, *users, channel: str = "test!{user}") -> None:
    """Count ``users`` as connected to the session's live reveal (as a connection would)."""
    for user in users:
        presence.store().join(
            session_id=session.id, user_id=user.pk, channel_name=channel.format(user=user.pk)
        )


async def _channels_of(user, session_id) -> set[str]:
    return channels_of(user, session_id)


async def connect(
    user,
    session_id,
    *,
    origin: str = "http://testserver",
    cookie: bool = False,
    key: str | None = None,
) -> tuple[Live, bool, int | str | None]:
    """Open ``/ws/sessions/<id>/`` through the project's real ASGI stack as ``user``, signed in
    with ``key`` (a Django session key) or a fresh session."""
    from project.asgi import application

    # Every client names the host it connects to; a browser adds its page's origin.
    headers = [(b"host", b"testserver")]
    if origin:
        headers.append((b"origin", origin.encode()))
    before: set[str] = set()
    if user is not None:
        key = key or await database_sync_to_async(session_key_for)(user)
        if cookie:
            headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={key}".encode()))
        else:
            headers.append((b"x-session-token", key.encode()))
        before = await _channels_of(user, session_id)
    communicator = WebsocketCommunicator(
        application, f"/ws/sessions/{session_id}/", headers=headers
    )
    connected, detail = await communicator.connect(timeout=5)
    # The consumer accepts only after recording its presence: the new entry is this connection.
    new = await _channels_of(user, session_id) - before if connected and user else set()
    channel_name = new.pop() if len(new) == 1 else None
    return Live(communicator, channel_name), connected, detail

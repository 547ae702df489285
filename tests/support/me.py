"""A test client for ``/ws/me/`` through the project's real ASGI stack."""

from __future__ import annotations

import json
import uuid

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings

from project.me_channel import FRAME_EVENT, me_group

from .live import MESSAGE_DEADLINE, session_key_for


class Me:
    """One ``/ws/me/`` connection of ``user``; ``raw`` keeps every text frame as sent."""

    def __init__(self, communicator: WebsocketCommunicator, user) -> None:
        self.communicator = communicator
        self.user = user
        self.raw: list[str] = []
        self.closed_with: int | None = None

    async def next(self, timeout: float = MESSAGE_DEADLINE) -> dict:
        output = await self.communicator.receive_output(timeout)
        if output["type"] == "websocket.close":
            self.closed_with = output.get("code", 1000)
            return {"type": "__closed__", "code": self.closed_with}
        self.raw.append(output["text"])
        return json.loads(output["text"])

    async def drain(self) -> list[str]:
        """Every frame already on its way to this person, as raw text.

        A probe frame goes through the person's own group: a group delivers in order and the
        consumer forwards one event at a time, so the probe arrives after everything sent
        before it. No clock: the wait ends when the probe arrives."""
        probe = f"probe-{uuid.uuid4()}"
        await get_channel_layer().group_send(
            me_group(self.user.pk), {"type": FRAME_EVENT, "frame": {"type": probe}}
        )
        arrived = []
        while True:
            message = await self.next()
            if message["type"] == probe:
                self.raw.pop()
                return arrived
            assert message["type"] != "__closed__", message
            arrived.append(self.raw[-1])

    async def close(self) -> None:
        await self.communicator.disconnect()


async def connect_me(
    user, *, origin: str = "http://testserver", key: str | None = None, cookie: bool = True
) -> tuple[Me, bool, int | str | None]:
    from project.asgi import application

    headers = [(b"host", b"testserver")]
    if origin:
        headers.append((b"origin", origin.encode()))
    if user is not None:
        key = key or await database_sync_to_async(session_key_for)(user)
        if cookie:
            headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={key}".encode()))
        else:
            headers.append((b"x-session-token", key.encode()))
    communicator = WebsocketCommunicator(application, "/ws/me/", headers=headers)
    connected, detail = await communicator.connect(timeout=5)
    return Me(communicator, user), connected, detail

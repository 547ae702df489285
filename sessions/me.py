"""``/ws/me/``: one socket per signed-in app, so its screens follow what happens without a reload.

Server -> client only: ``couple``, ``session``, ``daily`` frames (ids and states, never content)
and ``signed_out``. The services build each frame for its receiver and send it to the group
``me.<user id>`` (``project/me_channel.py``); this consumer forwards it as it is, with no
database read per event. It joins a second group for its browser or app session, so signing
out closes exactly that session's sockets (``signed_out``), not another device's.
"""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from project.consumers import OwnDatabaseCalls
from project.me_channel import device_group, me_group

CLOSE_NOT_AUTHENTICATED = 4401
CLOSE_SIGNED_OUT = 4001


class MeConsumer(OwnDatabaseCalls, AsyncJsonWebsocketConsumer):
    groups: list[str] = []

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_NOT_AUTHENTICATED)
            return
        self.joined = [me_group(user.pk)]
        session = self.scope.get("session")
        session_key = getattr(session, "session_key", None)
        if session_key:
            self.joined.append(device_group(session_key))
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for group in getattr(self, "joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)
        self.joined = []

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        # Nothing to say from the client: a frame from it is ignored, not an error.
        return

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        return

    # ---- channel layer -> client -------------------------------------------------------------

    async def me_frame(self, event: dict[str, Any]) -> None:
        await self.send_json(event["frame"])

    async def me_signed_out(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "signed_out"})
        await self.disconnect(CLOSE_SIGNED_OUT)
        await self.close(code=CLOSE_SIGNED_OUT)

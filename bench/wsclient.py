"""A small WebSocket peer for the benchmarks: one reader task files every message away, and
``wait_for`` waits until a message that matches has arrived."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from .common import LOOPBACK

Message = dict[str, Any]


async def open_socket(port: int, path: str, token: str | None = None) -> ClientConnection:
    headers = {"X-Session-Token": token} if token else {}
    return await connect(
        f"ws://{LOOPBACK}:{port}{path}",
        origin=f"http://{LOOPBACK}:{port}",
        additional_headers=headers,
        # The same for every target: no compression, no keepalive pings during a run.
        compression=None,
        ping_interval=None,
        open_timeout=30,
        close_timeout=2,
        max_queue=256,
    )


@dataclass
class Peer:
    """A connection whose messages are kept with their arrival time (monotonic ns)."""

    socket: ClientConnection
    messages: list[tuple[int, Message]] = field(default_factory=list)
    closed: bool = False
    close_code: int | None = None

    def __post_init__(self) -> None:
        self._arrived = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for raw in self.socket:
                self.messages.append((time.monotonic_ns(), json.loads(raw)))
                self._arrived.set()
        except ConnectionClosed:
            # A closed connection is an outcome the benchmark reports, not a crash.
            self.close_code = self.socket.close_code
        finally:
            self.closed = True
            self._arrived.set()

    async def send(self, message: Message) -> int:
        """Send; returns the monotonic time (ns) just before sending."""
        sent_at = time.monotonic_ns()
        await self.socket.send(json.dumps(message))
        return sent_at

    def find(self, match: Callable[[Message], bool], since: int = 0) -> tuple[int, Message] | None:
        for index in range(since, len(self.messages)):
            if match(self.messages[index][1]):
                return self.messages[index]
        return None

    async def wait_for(
        self, match: Callable[[Message], bool], timeout: float = 10.0, since: int = 0
    ) -> tuple[int, Message]:
        """The first message from position ``since`` on that matches; TimeoutError if none."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.find(match, since)
            if found is not None:
                return found
            if self.closed:
                raise ConnectionError("the server closed the connection")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), remaining)

    async def close(self) -> None:
        await self.socket.close()
        self._reader.cancel()
        await asyncio.gather(self._reader, return_exceptions=True)

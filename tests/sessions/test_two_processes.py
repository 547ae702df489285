"""Two real ASGI server processes sharing PostgreSQL and Redis, one partner on each.

Nothing about a live session may live in one worker's memory: presence and progress are in the
database and events travel through the Redis channel layer. These tests start ``daphne`` twice
on loopback against the test database and drive both partners with a real WebSocket client,
signed in the way the app client is (``X-Session-Token``).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from websockets.asyncio.client import connect as ws_connect

from tests.factories import MARKER
from tests.support.live import session_key_for
from tests.support.servers import free_port, server_command, wait_for_port

ON_POSTGRES_AND_REDIS = bool(getattr(settings, "REDIS_URL", "")) and (
    settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
)

pytestmark = [
    pytest.mark.skipif(
        not ON_POSTGRES_AND_REDIS,
        reason="needs REDIS_URL and PostgreSQL: separate processes cannot share the embedded "
        "in-memory channel layer or a SQLite test database (runs in the PostgreSQL + Redis suite)",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(180),
]

ROOT = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


class Server:
    """One ``daphne`` process on a free loopback port."""

    def __init__(self, env: dict[str, str], log_dir: Path, name: str) -> None:
        self.port = free_port()
        self.log = log_dir / f"{name}.log"
        self.process = subprocess.Popen(
            server_command("daphne", "project.asgi:application", self.port),
            cwd=ROOT,
            env=env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 30) -> None:
        try:
            wait_for_port(self.port, timeout=timeout, process=self.process)
        except (RuntimeError, TimeoutError) as error:
            raise RuntimeError(f"{error}:\n{self.log.read_text()}") from error

    def url(self, session_id) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/sessions/{session_id}/"

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def _env(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings.base",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "SECRET_KEY": settings.SECRET_KEY,
        "FIELD_ENCRYPTION_KEYS": ",".join(settings.FIELD_ENCRYPTION_KEYS),
        # A fresh namespace in Redis, so no earlier run's events can reach these servers.
        "CHANNEL_LAYER_PREFIX": f"test-{uuid.uuid4().hex[:12]}",
        "DATABASE_POOL_MIN": "1",
        "DATABASE_POOL_MAX": "4",
        "DEBUG": "false",
        **extra,
    }


@pytest.fixture
def servers(transactional_db, tmp_path):
    yield from _started(_env(), tmp_path)


def _started(env: dict[str, str], tmp_path):
    started = [Server(env, tmp_path, "a"), Server(env, tmp_path, "b")]
    try:
        for server in started:
            server.wait_ready()
        yield started
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def tokens(anna, bram) -> dict[str, str]:
    """The app client's session tokens (Django session keys) for anna and bram."""
    return {"anna": session_key_for(anna), "bram": session_key_for(bram)}


class Partner:
    """A real WebSocket client for one person, remembering everything it received."""

    def __init__(self, token: str, server: Server, session_id) -> None:
        self.token = token
        self.server = server
        self.session_id = session_id
        self.log: list[dict] = []
        self.socket = None

    async def open(self, server: Server | None = None) -> None:
        self.server = server or self.server
        self.socket = await ws_connect(
            self.server.url(self.session_id),
            additional_headers={"X-Session-Token": self.token},
            origin=f"http://127.0.0.1:{self.server.port}",
        )

    async def send(self, message: dict) -> None:
        await self.socket.send(json.dumps(message))

    async def expect(self, kind: str, timeout: float = 10, **fields) -> dict:
        while True:
            message = json.loads(await asyncio.wait_for(self.socket.recv(), timeout))
            self.log.append(message)
            if message["type"] == kind and all(message.get(k) == v for k, v in fields.items()):
                return message

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()


async def _reveal(anna: Partner, bram: Partner, index: int) -> tuple[dict, dict]:
    await anna.send({"type": "ready"})
    await bram.send({"type": "ready"})
    anna_reveal = await anna.expect("reveal", index=index)
    bram_reveal = await bram.expect("reveal", index=index)
    return anna_reveal, bram_reveal


async def test_partners_on_two_server_processes_go_through_the_whole_reveal(
    servers, tokens, ready_session
):
    server_a, server_b = servers
    anna = Partner(tokens["anna"], server_a, ready_session.id)
    bram = Partner(tokens["bram"], server_b, ready_session.id)
    await anna.open()
    await bram.open()
    try:
        await anna.expect("state", partner_present=True)
        await bram.expect("state", partner_present=True)
        await anna.send({"type": "ready"})
        # Bram, on the other process, sees Anna's readiness at once.
        await bram.expect("state", partner_ready=True, you_ready=False)
        assert MARKER not in json.dumps(anna.log)
        await bram.send({"type": "ready"})
        first = await anna.expect("reveal", index=0)
        assert first["partner"] == {"value": MARKER, "keep_private": False}
        assert (await bram.expect("reveal", index=0))["mine"]["value"] == MARKER
        await bram.send({"type": "react", "prompt": first["prompt"], "reaction": "hear_you"})
        reaction = await anna.expect("reaction")
        assert (reaction["reaction"], reaction["from_me"]) == ("hear_you", False)
        await anna.send({"type": "pause"})
        await bram.expect("paused")
        await bram.send({"type": "resume"})
        await anna.expect("resumed")
        for index in range(1, 4):
            await _reveal(anna, bram, index)
        await anna.expect("completed")
        await bram.expect("completed")
    finally:
        await anna.close()
        await bram.close()


async def test_a_dropped_connection_mid_reveal_resumes_on_the_other_process(
    servers, tokens, ready_session
):
    server_a, server_b = servers
    anna = Partner(tokens["anna"], server_a, ready_session.id)
    bram = Partner(tokens["bram"], server_b, ready_session.id)
    await anna.open()
    await bram.open()
    try:
        await anna.expect("state", partner_present=True)
        await bram.expect("state", partner_present=True)
        await _reveal(anna, bram, 0)
        # The phone drops: no closing handshake, the TCP connection is simply gone.
        bram.socket.transport.abort()
        await anna.expect("state", partner_present=False)
        await anna.send({"type": "ready"})
        await anna.expect("state", you_ready=True, partner_ready=False)
        # Bram comes back through the other worker process and picks up where it was.
        await bram.open(server_a)
        state = await bram.expect("state", partner_present=True)
        assert (state["current_index"], state["partner_ready"]) == (1, True)
        await bram.send({"type": "ready"})
        assert (await anna.expect("reveal", index=1))["partner"]["value"] == 3
        await bram.expect("reveal", index=1)
        for index in range(2, 4):
            await _reveal(anna, bram, index)
        await anna.expect("completed")
        await bram.expect("completed")
    finally:
        await anna.close()
        await bram.close()


async def test_a_killed_worker_process_does_not_stop_the_reveal(servers, tokens, ready_session):
    server_a, server_b = servers
    anna = Partner(tokens["anna"], server_a, ready_session.id)
    bram = Partner(tokens["bram"], server_b, ready_session.id)
    await anna.open()
    await bram.open()
    try:
        await anna.expect("state", partner_present=True)
        await bram.expect("state", partner_present=True)
        await _reveal(anna, bram, 0)
        server_b.kill()
        await bram.open(server_a)
        state = await bram.expect("state")
        assert state["current_index"] == 1
        for index in range(1, 4):
            await _reveal(anna, bram, index)
        await anna.expect("completed")
    finally:
        await anna.close()
        bram.socket.transport.abort()


@pytest.fixture
def quick_servers(transactional_db, tmp_path):
    """Two workers whose sockets beat every two seconds (a presence counts for three beats).
    Shorter beats flaked on this shared machine at load 8: a starved worker missed three."""
    env = _env(LIVE_HEARTBEAT_SECONDS="2")
    for started in _started(env, tmp_path):
        yield started, env["CHANNEL_LAYER_PREFIX"]


async def test_presence_of_a_killed_worker_clears_within_one_ttl(
    quick_servers, tokens, ready_session, anna, bram
):
    """No goodbye from a killed process: its sockets stop counting once their last beat is a
    TTL old, in Redis, with no database row involved; the partner then sees nobody there."""
    import time

    from sessions.presence import RedisPresence

    (server_a, server_b), prefix = quick_servers
    ttl = 3 * 2.0
    store = RedisPresence(settings.REDIS_URL, prefix)
    anna_id, bram_id = anna.pk, bram.pk
    anna = Partner(tokens["anna"], server_a, ready_session.id)
    bram = Partner(tokens["bram"], server_b, ready_session.id)
    await anna.open()
    await bram.open()
    try:
        await anna.expect("state", partner_present=True)
        await bram.expect("state", partner_present=True)
        assert store.present(session_id=ready_session.id) == {anna_id, bram_id}
        # Several beats pass: the heartbeat keeps both counted past one TTL.
        await asyncio.sleep(ttl * 1.5)
        assert store.present(session_id=ready_session.id) == {anna_id, bram_id}
        server_b.kill()
        killed = time.monotonic()
        assert store.present(session_id=ready_session.id) == {anna_id, bram_id}
        while bram_id in store.present(session_id=ready_session.id):
            assert time.monotonic() - killed <= ttl + 0.5, "presence outlived one TTL"
            await asyncio.sleep(0.1)
        assert time.monotonic() - killed <= ttl + 0.5
        await anna.send({"type": "ready"})
        state = await anna.expect("state", you_ready=True)
        assert state["partner_present"] is False
    finally:
        await anna.close()
        bram.socket.transport.abort()

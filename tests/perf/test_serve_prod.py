"""``scripts/serve_prod.sh`` (``make serve-prod``): the production command, started for real on
loopback against PostgreSQL and Redis, answers health and readiness through its workers,
serves static files, trusts the proxy's scheme, and shuts down gracefully on SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import os
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.factories import submitted_session
from tests.support.live import session_key_for
from tests.support.servers import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")
ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))

pytestmark = [
    pytest.mark.skipif(
        not (REDIS_URL and ON_POSTGRESQL),
        reason="the production command needs PostgreSQL and Redis: set DATABASE_URL "
        "(postgres://...) and REDIS_URL, as CI does",
    ),
    # The server runs on the test database, which pytest-django makes only for such tests.
    pytest.mark.django_db,
]

WORKERS = 2
GRACE_SECONDS = 5
CHANNEL_LAYER_PREFIX = f"serve-prod-{uuid.uuid4().hex[:8]}"


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def _get(port: int, path: str, headers: dict[str, str] | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@contextlib.contextmanager
def _serving(var_dir: Path, database_url: str):
    """``scripts/serve_prod.sh`` on a free loopback port; killed if a test left it running.

    It shares the test process's secrets, so it reads the sessions and answers a test made."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings.production",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CHANNEL_LAYER_PREFIX": CHANNEL_LAYER_PREFIX,
        "FIELD_ENCRYPTION_KEYS": ",".join(settings.FIELD_ENCRYPTION_KEYS),
        "TWEESPRAAK_VAR_DIR": str(var_dir),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(WORKERS),
        "GRACEFUL_TIMEOUT": str(GRACE_SECONDS),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    log = var_dir / f"server-{port}.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve_prod.sh")],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_port(port, timeout=120, process=process)
        yield process, port
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        print(log.read_text())


@pytest.fixture(scope="module")
def database_url(django_db_setup, django_db_blocker) -> str:
    with django_db_blocker.unblock():
        return _database_url()


@pytest.fixture(scope="module")
def production_server(database_url, tmp_path_factory):
    """One server for the module (collectstatic takes a while); the SIGTERM test goes last."""
    var_dir = tmp_path_factory.mktemp("serve-prod")
    with _serving(var_dir, database_url) as (process, port):
        yield process, port, var_dir


def test_it_serves_health_readiness_and_static_files_through_its_workers(production_server):
    process, port, var_dir = production_server
    response, body = _get(port, "/healthz")
    assert response.status == 200, body
    assert json.loads(body) == {"status": "ok", "database": "ok", "channel_layer": "ok"}
    response, body = _get(port, "/readyz")
    assert response.status == 200, body
    assert json.loads(body)["migrations"] == "ok"
    assert len(_children(process.pid)) >= WORKERS
    # collectstatic ran: whitenoise serves the hashed copies from the static root.
    assert (var_dir / "static" / "staticfiles.json").exists()
    manifest = json.loads((var_dir / "static" / "staticfiles.json").read_text())["paths"]
    hashed = next(iter(manifest.values()))
    response, _body = _get(port, f"/static/{hashed}", {"X-Forwarded-Proto": "https"})
    assert response.status == 200
    assert "immutable" in response.getheader("Cache-Control", "")


def test_it_trusts_the_scheme_the_proxy_forwards(production_server):
    _process, port, _var_dir = production_server
    response, _body = _get(port, "/api/me/")
    assert response.status == 301
    assert response.getheader("Location", "").startswith("https://")
    response, _body = _get(port, "/api/me/", {"X-Forwarded-Proto": "https"})
    assert response.status == 401


@dataclass
class LiveCouple:
    session_id: str
    prompt_ids: list[str]
    tokens: tuple[str, str]


@pytest.fixture
def live_couple(transactional_db, anna, bram, anna_and_bram, version) -> LiveCouple:
    """anna and bram with a submitted session, committed so the servers can read it, and an app
    session token for each."""
    session = submitted_session(anna, bram, version)
    return LiveCouple(
        session_id=str(session.id),
        prompt_ids=[str(p.id) for p in session.version.prompts.order_by("position")],
        tokens=(session_key_for(anna), session_key_for(bram)),
    )


async def _open(port: int, couple, token: str):
    socket = await connect(
        f"ws://127.0.0.1:{port}/ws/sessions/{couple.session_id}/",
        origin=f"http://127.0.0.1:{port}",
        additional_headers={"X-Session-Token": token},
    )
    return socket


async def _next(socket, kind: str, **fields) -> dict:
    while True:
        message = json.loads(await asyncio.wait_for(socket.recv(), 15))
        if message["type"] == kind and all(message.get(k) == v for k, v in fields.items()):
            return message


async def _reveal(sockets, index: int) -> list[dict]:
    for socket in sockets:
        await socket.send(json.dumps({"type": "ready", "index": index}))
    return [await _next(socket, "reveal", index=index) for socket in sockets]


async def test_it_shuts_down_gracefully_and_live_reveals_continue_elsewhere(
    production_server, live_couple, database_url, tmp_path
):
    process, port, _var_dir = production_server
    sockets = [await _open(port, live_couple, token) for token in live_couple.tokens]
    await _next(sockets[0], "state", partner_present=True)
    await _reveal(sockets, 0)

    children = _children(process.pid)
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    # Open reveals are told "service restart", so clients know to reconnect.
    for socket in sockets:
        with pytest.raises(ConnectionClosed):
            await _next(socket, "never")
        assert socket.close_code == 1012
    await asyncio.to_thread(process.wait, GRACE_SECONDS + 15)
    assert time.monotonic() - started < GRACE_SECONDS + 15
    # uvicorn re-raises the SIGTERM it handled once shutdown is complete.
    assert process.returncode in (0, -signal.SIGTERM)
    # Every child (workers, multiprocessing's helper) is gone moments after the supervisor.
    deadline = time.monotonic() + 5
    while any(_alive(child) for child in children) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    assert not [child for child in children if _alive(child)]
    with pytest.raises(OSError):
        _get(port, "/healthz")

    # Both partners reconnect to another server and go on from the next prompt.
    with _serving(tmp_path, database_url) as (_other, other_port):
        sockets = [await _open(other_port, live_couple, token) for token in live_couple.tokens]
        state = await _next(sockets[0], "state", partner_present=True)
        assert state["current_index"] == 1
        revealed = await _reveal(sockets, 1)
        assert [message["prompt"] for message in revealed] == [live_couple.prompt_ids[1]] * 2
        for socket in sockets:
            await socket.close()

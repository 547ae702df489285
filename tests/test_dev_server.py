"""`make run`'s server: daphne through `manage.py runserver` answers HTTP and the API's front doors,
and an app client (``X-Session-Token``, as a phone app signs in) goes through a whole live reveal.

This starts the real development server on a free loopback port against a fresh embedded
database, the way a newcomer's first `make run` does (migrate, seed, load the library, serve).
"""

import asyncio
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from websockets.asyncio.client import connect as ws_connect

from tests.support.servers import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[1]


class DevServer(str):
    """The server's base URL, with the demo passwords ``seed_demo`` printed."""

    passwords: dict[str, str]


@pytest.fixture
def dev_server(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["TWEESPRAAK_VAR_DIR"] = str(tmp_path)
    outputs = [
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=180,
        ).stdout
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["seed_demo"],
            ["library", "import", "exercises/starter_library.json"],
        )
    ]
    port = free_port()
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    wait_for_port(port, timeout=60, process=process)
    server = DevServer(f"http://127.0.0.1:{port}")
    server.passwords = dict(re.findall(r"^\s+(\S+@example\.com)\s+(\S+)", outputs[1], re.M))
    yield server
    process.terminate()
    process.wait(timeout=20)
    log.close()
    assert b"Daphne" in (tmp_path / "server.log").read_bytes()


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - loopback only
        return response.status, response.read()


def test_it_serves_health_schema_allauth_config_and_the_app(dev_server):
    status, body = _get(dev_server + "/healthz")
    assert (status, json.loads(body)["status"]) == (200, "ok")
    status, body = _get(dev_server + "/api/schema/")
    assert status == 200
    assert b"/api/sessions/" in body
    status, body = _get(dev_server + "/_allauth/browser/v1/config")
    assert status == 200
    assert "account" in json.loads(body)["data"]
    status, body = _get(dev_server + "/")
    assert status == 200
    assert b"<title>Tweespraak</title>" in body


def _call(url: str, method: str = "GET", body=None, token: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(  # noqa: S310 - loopback only
        url,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            **({"X-Session-Token": token} if token else {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


ANSWER_FOR_KIND = {
    "text": lambda prompt: "Wat ik wil zeggen",
    "scale": lambda prompt: prompt["min"],
    "choice": lambda prompt: prompt["options"][0]["value"],
    "multi": lambda prompt: [prompt["options"][0]["value"]],
}


def test_an_app_client_completes_a_live_reveal(dev_server):
    api = dev_server + "/api"
    tokens = {}
    for name in ("anna", "bram"):
        email = f"{name}@example.com"
        status, body = _call(
            dev_server + "/_allauth/app/v1/auth/login",
            "POST",
            {"email": email, "password": dev_server.passwords[email]},
        )
        assert status == 200, body
        tokens[name] = body["meta"]["session_token"]
        status, check_in = _call(api + "/safety/check-in/", token=tokens[name])
        assert status == 200, check_in
        answers = {question["id"]: "no" for question in check_in["questions"]}
        status, body = _call(
            api + "/safety/check-in/", "POST", {"alone": True, "answers": answers}, tokens[name]
        )
        assert (status, body["outcome"]) == (200, "ok")

    status, library = _call(api + "/exercises/", token=tokens["anna"])
    assert status == 200 and library, library
    couple_exercise = next(item for item in library if item.get("audience", "couple") == "couple")
    status, started = _call(
        api + "/sessions/", "POST", {"exercise": couple_exercise["slug"]}, tokens["anna"]
    )
    assert status == 201, started
    session_id = started["id"]
    for name in ("anna", "bram"):
        for prompt in started["prompts"]:
            status, body = _call(
                f"{api}/sessions/{session_id}/answers/{prompt['id']}/",
                "PUT",
                {"value": ANSWER_FOR_KIND[prompt["kind"]](prompt), "keep_private": False},
                tokens[name],
            )
            assert status == 200, body
        status, body = _call(f"{api}/sessions/{session_id}/submit/", "POST", {}, tokens[name])
        assert status == 200, body

    async def reveal() -> list[dict]:
        url = dev_server.replace("http://", "ws://") + f"/ws/sessions/{session_id}/"
        sockets = [
            await ws_connect(url, additional_headers={"X-Session-Token": tokens[name]})
            for name in ("anna", "bram")
        ]

        async def expect(socket, kind: str) -> dict:
            while True:
                message = json.loads(await asyncio.wait_for(socket.recv(), 20))
                if message["type"] == kind:
                    return message

        try:
            revealed = []
            for index in range(len(started["prompts"])):
                for socket in sockets:
                    await socket.send(json.dumps({"type": "ready"}))
                for socket in sockets:
                    message = await expect(socket, "reveal")
                    assert message["index"] == index
                    revealed.append(message)
            for socket in sockets:
                await expect(socket, "completed")
            return revealed
        finally:
            for socket in sockets:
                await socket.close()

    revealed = asyncio.run(reveal())
    assert len(revealed) == 2 * len(started["prompts"])
    assert revealed[0]["partner"]["value"] == revealed[1]["mine"]["value"]
    status, body = _call(f"{api}/sessions/{session_id}/", token=tokens["bram"])
    assert (status, body["status"]) == (200, "completed")

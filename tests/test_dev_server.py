"""`make run`'s server: daphne through `manage.py runserver` answers HTTP and the API's front doors.

This starts the real development server on a free loopback port against a fresh embedded
database, the way a newcomer's first `make run` does (migrate, seed, serve).
"""

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from bench.common import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def dev_server(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["TWEESPRAAK_VAR_DIR"] = str(tmp_path)
    for command in (["migrate", "--noinput", "-v0"], ["seed_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=180,
        )
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
    yield f"http://127.0.0.1:{port}"
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

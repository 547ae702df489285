"""`make run` as a newcomer runs it, with nothing else started: the server and a task worker come
up together, a partner starting a session puts the other partner's notification email on the
console within 30 s, and Ctrl-C stops both (no process is left behind).

This runs the real `make run` (migrate, seed, library, then honcho with Procfile.dev) against a
fresh embedded database in a temporary var dir, on a free loopback port.
"""

import json
import os
import re
import signal
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.servers import free_port, wait_for_port, wait_until

ROOT = Path(__file__).resolve().parents[1]
EMAIL_DEADLINE = 30.0


def _descendants(pid: int) -> set[int]:
    found = set()
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in map(int, children.read_text().split()):
            found |= {child} | _descendants(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


class Run:
    def __init__(self, process: subprocess.Popen, port: int, log: Path):
        self.process, self.port, self.log = process, port, log
        self.url = f"http://127.0.0.1:{port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def make_run(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "PORT", "HOST"}
    }
    env["TWEESPRAAK_VAR_DIR"] = str(tmp_path)
    port = free_port()
    log = tmp_path / "make-run.log"
    with log.open("wb") as output:
        # Its own session, as a terminal's foreground job: Ctrl-C goes to the whole group.
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    run = Run(process, port, log)
    try:
        wait_for_port(port, timeout=240, process=process)
        wait_until(lambda: "Huey consumer started" in run.output(), 60, "the worker started")
        yield run
    finally:
        if process.poll() is None:
            for pid in _descendants(process.pid):
                os.kill(pid, signal.SIGKILL)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        print(run.output()[-5000:])


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


def _sign_in_and_check_in(run: Run, name: str, password: str) -> str:
    status, body = _call(
        run.url + "/_allauth/app/v1/auth/login",
        "POST",
        {"email": f"{name}@example.com", "password": password},
    )
    assert status == 200, body
    token = body["meta"]["session_token"]
    status, check_in = _call(run.url + "/api/safety/check-in/", token=token)
    assert status == 200, check_in
    answers = {question["id"]: "no" for question in check_in["questions"]}
    status, body = _call(
        run.url + "/api/safety/check-in/", "POST", {"alone": True, "answers": answers}, token
    )
    assert (status, body["outcome"]) == (200, "ok")
    return token


def test_the_partners_email_reaches_the_console_and_ctrl_c_stops_server_and_worker(make_run):
    passwords = dict(re.findall(r"^\s+(\S+)@example\.com\s+(\S+)", make_run.output(), re.M))
    anna = _sign_in_and_check_in(make_run, "anna", passwords["anna"])
    bram = _sign_in_and_check_in(make_run, "bram", passwords["bram"])
    # Email is on by default; no quiet hours, so the test does not depend on the time of day.
    status, body = _call(
        make_run.url + "/api/notifications/preferences/",
        "PATCH",
        {"quiet_hours_start": None, "quiet_hours_end": None},
        bram,
    )
    assert (status, body["email_enabled"], body["events"]["partner_started"]["email"]) == (
        200,
        True,
        True,
    )

    status, library = _call(make_run.url + "/api/exercises/", token=anna)
    assert status == 200 and library, library
    exercise = next(item for item in library if item.get("audience", "couple") == "couple")
    status, session = _call(
        make_run.url + "/api/sessions/", "POST", {"exercise": exercise["slug"]}, anna
    )
    assert status == 201, session

    # The worker prints the email on the console (prefixed "worker.1 |" by honcho).
    email = wait_until(
        lambda: re.search(
            r"worker\.1 +\| To: bram@example\.com\n(?:.*\n)*?.*/s/" + session["id"],
            make_run.output(),
        ),
        EMAIL_DEADLINE,
        "bram's email on the console",
    )
    assert "anna@example.com" not in email.group(0)

    processes = _descendants(make_run.process.pid)
    commands = [_command_line(pid) for pid in processes]
    assert any("runserver" in command for command in commands), commands
    assert any("run_huey" in command for command in commands), commands

    # Ctrl-C: the terminal sends SIGINT to the foreground process group.
    os.killpg(make_run.process.pid, signal.SIGINT)
    make_run.process.wait(timeout=30)
    wait_until(lambda: not [pid for pid in processes if _alive(pid)], 10, "every process stopped")
    assert "worker.1 stopped" in make_run.output()
    assert "web.1 stopped" in make_run.output()

"""A real ASGI server for browser tests that need the WebSocket.

pytest-django's ``live_server`` is a WSGI server and cannot speak WebSocket, so the live reveal
runs against ``daphne`` in a subprocess on a free loopback port, with its own SQLite file
database (migrated first) and the embedded in-memory channel layer, which is enough for one
server process. Email goes to the console backend, i.e. to the server's log, where the test
reads the sign-up codes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from tests.support.servers import free_port, server_command, wait_for_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", re.MULTILINE)


class AsgiServer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "daphne.log"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "project.settings.base",
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            # Empty: the in-memory channel layer and cache, even when the suite runs on Redis.
            "REDIS_URL": "",
            "SECRET_KEY": settings.SECRET_KEY,
            "FIELD_ENCRYPTION_KEYS": ",".join(settings.FIELD_ENCRYPTION_KEYS),
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "EMAIL_URL": "",
            "DEBUG": "false",
            "PYTHONUNBUFFERED": "1",
        }
        self.process: subprocess.Popen | None = None

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr}")
        return done.stdout

    def start(self) -> None:
        self.manage("migrate", "--verbosity", "0")
        self.manage("library", "import", str(ROOT / "exercises" / "starter_library.json"))
        self.process = subprocess.Popen(
            server_command("daphne", "project.asgi:application", self.port),
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(self.port, process=self.process)
        except (RuntimeError, TimeoutError) as error:
            raise RuntimeError(f"{error}:\n{self.log.read_text()}") from error

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def last_code_for(self, email: str, timeout: float = 10) -> str:
        """The code in the newest email to `email` that the console backend printed."""

        def newest_code() -> str | None:
            text = self.log.read_text(errors="replace")
            start = text.rfind(f"To: {email}")
            found = CODE.findall(text[start:]) if start != -1 else []
            return found[0] if found else None

        return wait_until(newest_code, timeout, f"a code for {email} in the server log")

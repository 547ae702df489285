"""Servers on loopback, for the tests that start real processes and for ``bench/``.

Everything listens on and connects to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time

PYTHON = sys.executable
LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout: float, what: str):
    """``predicate()``'s first truthy result, polled until ``timeout`` seconds: for waiting on
    another process (a worker sending, a server printing), where the event itself is the
    signal and the deadline only bounds the wait."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := predicate():
            return result
        time.sleep(0.2)
    raise AssertionError(f"{what} within {timeout} s")


def wait_for_port(
    port: int, timeout: float = 30.0, process: subprocess.Popen | None = None
) -> None:
    """Return once something accepts connections on ``port``; fail when ``process`` exits
    first or nothing listens within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited early with code {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection((LOOPBACK, port), 0.2):
            return
        # Polling a port is waiting on the event itself: the deadline bounds it.
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {LOOPBACK}:{port} after {timeout} s")


def server_command(server: str, app: str, port: int) -> list[str]:
    """One ASGI worker process on loopback. uvicorn runs with uvloop and httptools."""
    if server == "uvicorn":
        return [
            PYTHON, "-m", "uvicorn", app,
            "--host", LOOPBACK, "--port", str(port),
            "--loop", "uvloop", "--http", "httptools", "--ws", "websockets-sansio",
            "--lifespan", "off", "--log-level", "warning", "--no-access-log",
            "--ws-max-queue", "64",
        ]  # fmt: skip
    if server == "daphne":
        return [
            PYTHON, "-m", "daphne", "-b", LOOPBACK, "-p", str(port), "--verbosity", "0", app,
        ]  # fmt: skip
    raise ValueError(server)

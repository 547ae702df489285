"""What every benchmark shares: servers on loopback, percentiles, process stats, tables, JSON.

Everything listens on and connects to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Shared with the tests, which must not import bench/ (tests/test_no_bench_imports.py).
from tests.support.delivery import DeliveryCounter as DeliveryCounter
from tests.support.servers import LOOPBACK as LOOPBACK
from tests.support.servers import free_port, server_command, wait_for_port

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "bench" / "results"
# PostgreSQL and Redis on loopback; the bench has a database and a Redis database of its own.
DEFAULT_PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
BENCH_DATABASE = os.environ.get("BENCH_DATABASE", "tweespraak_bench")
CLK_TCK = os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen

    @property
    def pid(self) -> int:
        return self.process.pid


def start_server(server: str, app: str, env: dict[str, str], log_name: str) -> Server:
    port = free_port()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    log = open(RESULTS_DIR / f"{log_name}.log", "w")  # noqa: SIM115 (lives as long as the server)
    process = subprocess.Popen(
        server_command(server, app, port),
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_port(port, process=process)
    except Exception:
        stop_server(Server(server, port, process))
        raise
    return Server(server, port, process)


def stop_server(server: Server, timeout: float = 10.0) -> None:
    """SIGTERM the server's own process group, then SIGKILL what is left."""
    if server.process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()


@contextlib.contextmanager
def running(server: str, app: str, env: dict[str, str], log_name: str) -> Iterator[Server]:
    started = start_server(server, app, env, log_name)
    try:
        yield started
    finally:
        stop_server(started)


def stop_on_sigterm() -> None:
    """Let SIGTERM (``timeout``, a CI cancel) unwind like Ctrl-C, so servers get stopped."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


# ---- process stats from /proc (psutil is not a dependency) ----------------------------------


@dataclass
class ProcSample:
    cpu_seconds: float
    rss_bytes: int
    at: float


def proc_sample(pid: int) -> ProcSample:
    """User + system CPU seconds from /proc/<pid>/stat, resident memory from .../status."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name may hold spaces; the fields after its closing parenthesis are fixed.
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    rss_kib = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss_kib = int(line.split()[1])
    return ProcSample((utime + stime) / CLK_TCK, rss_kib * 1024, time.monotonic())


def cpu_percent(before: ProcSample, after: ProcSample) -> float:
    elapsed = after.at - before.at
    return 100.0 * (after.cpu_seconds - before.cpu_seconds) / elapsed if elapsed > 0 else 0.0


# ---- numbers -----------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def latency_summary_ms(latencies_ns: Sequence[int]) -> dict[str, float | None]:
    return {
        f"p{q}_ms": None if (value := percentile(latencies_ns, q)) is None else value / 1e6
        for q in (50, 95, 99)
    }


def ratio(value: float | None, baseline: float | None) -> float | None:
    if value is None or not baseline:
        return None
    return value / baseline


# ---- output ------------------------------------------------------------------------------


def fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [list(headers)] + [[fmt(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |"
        for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem_kib = 0
    with contextlib.suppress(OSError):
        mem_kib = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "kernel": platform.release(),
        # The host may be shared: a load above the core count means the figures are low.
        "load_average": os.getloadavg(),
    }


def write_results(name: str, payload: dict[str, Any]) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = RESULTS_DIR / f"{name}-{stamp}.json"
    body = {"benchmark": name, "machine": machine(), "argv": sys.argv, **payload}
    path.write_text(json.dumps(body, indent=2, default=str))
    return path

"""HTTP API under concurrent clients, as a ratio to a bare DRF endpoint in the same run.

    .venv/bin/python -m bench.http_api [--concurrency 1,8,32] [--seconds 3] [--server uvicorn]

One ASGI worker process. Every client is a different partner with a keep-alive connection
and its own app session token, in a closed loop (send, read the whole answer, send again).
Endpoints, in this order at each concurrency step:

``ping``       ``GET /bench/ping/``: DRF, no authentication, no database (the baseline)
``ping_auth``  ``GET /bench/ping-auth/``: DRF plus the session-token lookup
``detail``     ``GET /api/sessions/{id}/``: session detail
``autosave``   ``PUT /api/sessions/{id}/answers/{prompt}/``: save a draft answer

The bench-only endpoints live in ``bench/urls.py`` (``bench.settings``), never in production.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import Any

from .common import (
    LOOPBACK,
    fmt,
    latency_summary_ms,
    ratio,
    running,
    stop_on_sigterm,
    table,
    write_results,
)
from .data import ReadyCouple, answering_couples, bench_environment, prepare_django

ENDPOINTS = ("ping", "ping_auth", "detail", "autosave")
WARMUP_SECONDS = 0.5


class HttpClient:
    """HTTP/1.1 with keep-alive over asyncio streams; enough for our own JSON answers."""

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.token = token
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: dict | None = None) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(LOOPBACK, self.port)
        payload = json.dumps(body).encode() if body is not None else b""
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {LOOPBACK}\r\nX-Session-Token: {self.token}\r\n"
            f"Accept: application/json\r\nContent-Length: {len(payload)}\r\n"
        )
        if body is not None:
            head += "Content-Type: application/json\r\n"
        self.writer.write(head.encode() + b"\r\n" + payload)
        await self.writer.drain()
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def _request_for(endpoint: str, couple: ReadyCouple, number: int) -> tuple[str, str, Any]:
    if endpoint == "ping":
        return "GET", "/bench/ping/", None
    if endpoint == "ping_auth":
        return "GET", "/bench/ping-auth/", None
    if endpoint == "detail":
        return "GET", f"/api/sessions/{couple.session_id}/", None
    path = f"/api/sessions/{couple.session_id}/answers/{couple.text_prompt_id}/"
    return "PUT", path, {"value": f"Draft {number}: what I notice.", "keep_private": False}


async def run_step(port: int, endpoint: str, clients: list[tuple[ReadyCouple, str]], seconds):
    measure_from = time.monotonic() + WARMUP_SECONDS
    until = measure_from + seconds
    latencies: list[int] = []
    errors: dict[str, int] = {}

    async def loop(couple: ReadyCouple, token: str) -> None:
        client = HttpClient(port, token)
        number = 0
        try:
            while time.monotonic() < until:
                number += 1
                method, path, body = _request_for(endpoint, couple, number)
                sent_at = time.monotonic_ns()
                status = await client.request(method, path, body)
                if status != 200:
                    errors[str(status)] = errors.get(str(status), 0) + 1
                elif time.monotonic() >= measure_from:
                    latencies.append(time.monotonic_ns() - sent_at)
        finally:
            await client.close()

    outcomes = await asyncio.gather(*(loop(c, t) for c, t in clients), return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, Exception):
            errors[type(outcome).__name__] = errors.get(type(outcome).__name__, 0) + 1
    return {
        "requests": len(latencies),
        "requests_per_s": len(latencies) / seconds,
        **latency_summary_ms(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
    }


async def run_all(args, env, clients) -> list[dict[str, Any]]:
    rows = []
    with running(args.server, "bench.asgi:application", env, "http_api-server") as server:
        for concurrency in args.concurrency:
            for endpoint in ENDPOINTS:
                result = await run_step(server.port, endpoint, clients[:concurrency], args.seconds)
                rows.append({"endpoint": endpoint, "clients": concurrency, **result})
    baseline = {row["clients"]: row for row in rows if row["endpoint"] == "ping"}
    for row in rows:
        base = baseline[row["clients"]]
        row["throughput_ratio"] = ratio(row["requests_per_s"], base["requests_per_s"])
        row["p50_ratio"] = ratio(row["p50_ms"], base["p50_ms"])
        row["p95_ratio"] = ratio(row["p95_ms"], base["p95_ms"])
    return rows


COLUMNS = {
    "endpoint": "endpoint",
    "clients": "clients",
    "requests_per_s": "req/s",
    "throughput_ratio": "x ping",
    "p50_ms": "p50 ms",
    "p95_ms": "p95 ms",
    "p99_ms": "p99 ms",
    "p50_ratio": "p50 x",
    "p95_ratio": "p95 x",
    "errors": "errors",
}


def print_table(rows: list[dict[str, Any]]) -> None:
    print(table(list(COLUMNS.values()), [[row[key] for key in COLUMNS] for row in rows]))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--concurrency", type=lambda text: [int(p) for p in text.split(",")], default=[1, 8, 32]
    )
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--server", choices=("uvicorn", "daphne"), default="uvicorn")
    return parser.parse_args(argv)


def main(argv=None) -> None:
    stop_on_sigterm()
    args = parse_args(argv)
    env = bench_environment()
    setup_seconds = prepare_django(env)
    couples = answering_couples(max(args.concurrency), label="http")
    # One partner per client, alternating sides: no two clients write the same rows.
    clients = [(couple, couple.tokens[0]) for couple in couples]
    rows = asyncio.run(run_all(args, env, clients))
    print(f"server: {args.server}, one worker process")
    print_table(rows)
    path = write_results(
        "http_api", {"settings": vars(args), "setup_seconds": setup_seconds, "rows": rows}
    )
    print(f"\nwritten: {path.relative_to(path.parents[2])}  ({fmt(setup_seconds)} s setup)")


if __name__ == "__main__":
    main()

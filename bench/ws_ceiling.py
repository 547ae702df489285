"""WebSocket ceiling: a bare ASGI echo, a Channels echo and the real reveal consumer, side by
side, under uvicorn and under daphne.

    .venv/bin/python -m bench.ws_ceiling [--concurrency 2,16,64] [--seconds 3] [--size 200]

Every target gets the same client, message size and concurrency steps. Each connection runs a
closed loop: send a message carrying ``time.monotonic_ns()``, wait for the server's answer to
it, record the latency, send the next. For the echoes the answer is the echo; for the reveal
consumer it is the ``reaction`` the server sends back after a ``react`` (a database write plus
a ``group_send`` through Redis). Client and servers share one host, so the monotonic clock is
the same on both ends. Results are reported as ratios to the bare echo on the same server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import Any

from .common import (
    RESULTS_DIR,
    fmt,
    latency_summary_ms,
    ratio,
    running,
    stop_on_sigterm,
    table,
    write_results,
)
from .data import ReadyCouple, bench_environment, prepare_django, ready_couples
from .wsclient import open_socket

SERVERS = ("uvicorn", "daphne")
TARGETS = ("bare", "channels", "channels_db", "reveal")
WARMUP_SECONDS = 0.5
RECEIVE_TIMEOUT = 10.0


def reveal_available() -> str | None:
    """None if the live reveal consumer is there; otherwise why it is not."""
    try:
        from sessions.routing import websocket_urlpatterns
    except Exception as error:
        return f"exercises.routing does not import: {error}"
    if not any("ws/sessions/" in str(pattern.pattern) for pattern in websocket_urlpatterns):
        return "no /ws/sessions/<id>/ route in exercises.routing"
    return None


class Step:
    """The measured window; it opens once every connection of the step is set up."""

    def __init__(self, seconds: float, max_messages: int) -> None:
        self.measure_from = time.monotonic() + WARMUP_SECONDS
        self.until = self.measure_from + seconds
        self.max_messages = max_messages
        self.latencies: list[int] = []
        self.errors: list[str] = []

    def running(self) -> bool:
        return time.monotonic() < self.until and len(self.latencies) < self.max_messages

    def record(self, sent_at: int) -> None:
        if time.monotonic() >= self.measure_from:
            self.latencies.append(time.monotonic_ns() - sent_at)


async def _echo_loop(step: Step, socket, padding: str) -> None:
    while step.running():
        sent_at = time.monotonic_ns()
        await socket.send(json.dumps({"type": "echo", "t": sent_at, "pad": padding}))
        reply = json.loads(await asyncio.wait_for(socket.recv(), RECEIVE_TIMEOUT))
        step.record(reply["t"])


async def _reveal_pair(port: int, couple: ReadyCouple, errors: list[str]) -> list:
    """Both partners connect and reveal the first prompt; then they can react."""
    path = f"/ws/sessions/{couple.session_id}/"
    sockets = [await open_socket(port, path, token) for token in couple.tokens]
    for socket in sockets:
        await socket.send(json.dumps({"type": "ready", "index": 0}))
    for socket in sockets:
        await _receive_until(socket, errors, lambda m: m.get("type") == "reveal")
    return sockets


async def _receive_until(socket, errors: list[str], match) -> dict[str, Any] | None:
    while True:
        message = json.loads(await asyncio.wait_for(socket.recv(), RECEIVE_TIMEOUT))
        if message.get("type") == "error":
            errors.append(message.get("code", "error"))
            return None
        if match(message):
            return message


async def _react_loop(step: Step, socket, prompt: str, padding: str) -> None:
    while step.running():
        message = {"type": "react", "prompt": prompt, "reaction": "thanks", "pad": padding}
        sent_at = time.monotonic_ns()
        await socket.send(json.dumps(message))
        reply = await _receive_until(
            socket, step.errors, lambda m: m.get("type") == "reaction" and m.get("from_me")
        )
        if reply is not None:
            step.record(sent_at)


async def run_step(
    target: str,
    port: int,
    concurrency: int,
    seconds: float,
    padding: str,
    max_messages: int,
    couples: list[ReadyCouple],
) -> dict[str, Any]:
    errors: list[str] = []
    setup_started = time.monotonic()
    if target == "reveal":
        pairs = await asyncio.gather(*(_reveal_pair(port, c, errors) for c in couples))
        sockets = [socket for pair in pairs for socket in pair]
        prompts = [c.prompt_ids[0] for c in couples for _ in (0, 1)]
    else:
        path = f"/bench/{target}/"
        sockets = await asyncio.gather(*(open_socket(port, path) for _ in range(concurrency)))
    setup_seconds = time.monotonic() - setup_started
    step = Step(seconds, max_messages)
    step.errors = errors
    if target == "reveal":
        loops = [
            _react_loop(step, socket, prompt, padding)
            for socket, prompt in zip(sockets, prompts, strict=True)
        ]
    else:
        loops = [_echo_loop(step, socket, padding) for socket in sockets]
    outcomes = await asyncio.gather(*loops, return_exceptions=True)
    step.errors += [
        type(outcome).__name__ for outcome in outcomes if isinstance(outcome, Exception)
    ]
    for socket in sockets:
        await socket.close()
    measured = min(time.monotonic(), step.until) - step.measure_from
    return {
        "messages": len(step.latencies),
        "messages_per_s": len(step.latencies) / measured if measured > 0 else None,
        **latency_summary_ms(step.latencies),
        "errors": len(step.errors),
        "error_kinds": sorted(set(step.errors)),
        "setup_seconds": setup_seconds,
    }


def padding_for(size: int) -> str:
    # The padded messages of every target come out at about ``size`` bytes of JSON.
    return "x" * max(0, size - 110)


async def run_server(
    server: str, env: dict[str, str], args, couples_by_step: dict[int, list[ReadyCouple]]
) -> list[dict[str, Any]]:
    rows = []
    padding = padding_for(args.size)
    missing = reveal_available()
    with running(server, "bench.asgi:application", env, f"ws_ceiling-{server}") as started:
        for concurrency in args.concurrency:
            for target in args.targets.split(","):
                row: dict[str, Any] = {
                    "server": server,
                    "target": target,
                    "connections": concurrency,
                }
                if target == "reveal" and missing:
                    row["not_available"] = missing
                else:
                    row.update(
                        await run_step(
                            target,
                            started.port,
                            concurrency,
                            args.seconds,
                            padding,
                            args.max_messages,
                            couples_by_step.get(concurrency, []) if target == "reveal" else [],
                        )
                    )
                rows.append(row)
    return rows


def add_ratios(rows: list[dict[str, Any]]) -> None:
    baseline = {(row["server"], row["connections"]): row for row in rows if row["target"] == "bare"}
    persisted = {
        (row["server"], row["connections"]): row for row in rows if row["target"] == "channels_db"
    }
    for row in rows:
        base = baseline.get((row["server"], row["connections"]), {})
        row["throughput_ratio"] = ratio(row.get("messages_per_s"), base.get("messages_per_s"))
        # The reveal's react against an echo that also persists one row per message.
        db = persisted.get((row["server"], row["connections"]), {})
        row["db_ratio"] = ratio(row.get("messages_per_s"), db.get("messages_per_s"))
        for q in (50, 95, 99):
            row[f"p{q}_ratio"] = ratio(row.get(f"p{q}_ms"), base.get(f"p{q}_ms"))


def print_table(rows: list[dict[str, Any]]) -> None:
    headers = [
        "server", "target", "conns", "msg/s", "x bare", "x db", "p50 ms", "p95 ms", "p99 ms",
        "p50 x", "p95 x", "p99 x", "errors",
    ]  # fmt: skip
    body = []
    for row in rows:
        if "not_available" in row:
            body.append([row["server"], row["target"], row["connections"], "not available"]
                        + [""] * (len(headers) - 4))  # fmt: skip
            continue
        body.append([
            row["server"], row["target"], row["connections"], row["messages_per_s"],
            row["throughput_ratio"], row["db_ratio"], row["p50_ms"], row["p95_ms"], row["p99_ms"],
            row["p50_ratio"], row["p95_ratio"], row["p99_ratio"], row["errors"],
        ])  # fmt: skip
    print(table(headers, body))
    for row in rows:
        if "not_available" in row:
            print(f"reveal consumer not available: {row['not_available']}")
            break


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--concurrency",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[2, 16, 64],
        help="connections per step (even numbers: the reveal needs couples)",
    )
    parser.add_argument("--seconds", type=float, default=3.0, help="measured seconds per step")
    parser.add_argument("--size", type=int, default=200, help="message size in bytes")
    parser.add_argument("--max-messages", type=int, default=200_000, help="cap per step")
    parser.add_argument("--servers", default=",".join(SERVERS))
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument(
        "--profile",
        action="store_true",
        help="sample the server's stacks (bench/sampler.py) into bench/results/",
    )
    parser.add_argument("--experiment", default="", help="a what-if of bench/asgi.py, e.g. db_pool")
    return parser.parse_args(argv)


def main(argv=None) -> None:
    stop_on_sigterm()
    args = parse_args(argv)
    env = {**bench_environment(), "BENCH_EXPERIMENT": args.experiment}
    if args.profile:
        env["BENCH_PROFILE"] = str(RESULTS_DIR / "ws_ceiling-profile")
    setup_seconds = prepare_django(env)
    servers = args.servers.split(",")
    # Each (server, step) gets couples of its own: a reveal moves on and cannot be replayed.
    couples: dict[str, dict[int, list[ReadyCouple]]] = {server: {} for server in servers}
    if reveal_available() is None:
        for server in servers:
            for concurrency in args.concurrency:
                label = f"ceil-{server}-{concurrency}"
                couples[server][concurrency] = ready_couples(max(1, concurrency // 2), label=label)
    rows: list[dict[str, Any]] = []
    for server in servers:
        rows += asyncio.run(run_server(server, env, args, couples[server]))
    add_ratios(rows)
    print_table(rows)
    path = write_results(
        "ws_ceiling",
        {
            "settings": {**vars(args), "warmup_seconds": WARMUP_SECONDS},
            "setup_seconds": setup_seconds,
            "rows": rows,
        },
    )
    print(f"\nwritten: {path.relative_to(path.parents[2])}  ({fmt(setup_seconds)} s setup)")


if __name__ == "__main__":
    main()

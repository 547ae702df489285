"""Live reveal load: N couples on two ASGI worker processes sharing PostgreSQL and Redis.

    .venv/bin/python -m bench.reveal_load [--couples 50,100] [--server uvicorn] [--ramp 1]

Partner A of every couple talks to worker 1 and partner B to worker 2, so every reveal crosses
processes through the Redis channel layer. Each couple connects, then for each of the five
prompts: A sends ``ready`` and waits until the server confirms it, B sends ``ready`` (the
second ``ready``), both wait for their ``reveal``; then both react and wait for both
``reaction`` messages (then, with ``--think``, pause as people would); at the end both wait
for ``completed``.

Reported per step: connect time, reveal fan-out latency (second ``ready`` sent -> both
``reveal`` messages received) p50/p95/p99, errors, dropped messages (owed messages that never
arrived, counted by sequence number: prompt index for reveals, index and sender for
reactions), and each worker's peak RSS and mean CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import time
from dataclasses import dataclass, field
from typing import Any

from .common import (
    RESULTS_DIR,
    DeliveryCounter,
    Server,
    cpu_percent,
    fmt,
    latency_summary_ms,
    proc_sample,
    start_server,
    stop_on_sigterm,
    stop_server,
    table,
    write_results,
)
from .data import ReadyCouple, bench_environment, prepare_django, ready_couples
from .ws_ceiling import reveal_available
from .wsclient import Peer, open_socket

WAIT_SECONDS = 15.0
# Handshakes in flight at once: enough to load the servers, not a SYN flood of our own.
CONNECT_CONCURRENCY = 100
REACTIONS = ("thanks", "hear_you")


@dataclass
class StepResult:
    couples: int
    connect_ns: list[int] = field(default_factory=list)
    # When each handshake started (ns since the step began), in the order of connect_ns.
    connect_started_ns: list[int] = field(default_factory=list)
    started_ns: int = field(default_factory=time.monotonic_ns)
    reveal_ns: list[int] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    counter: DeliveryCounter = field(default_factory=DeliveryCounter)
    completed_couples: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def _is(kind: str, **fields: Any):
    def match(message: dict[str, Any]) -> bool:
        return message.get("type") == kind and all(message.get(k) == v for k, v in fields.items())

    return match


async def _connect(port: int, couple: ReadyCouple, token: str, result: StepResult, gate) -> Peer:
    async with gate:
        started = time.monotonic_ns()
        socket = await open_socket(port, f"/ws/sessions/{couple.session_id}/", token)
        result.connect_ns.append(time.monotonic_ns() - started)
        result.connect_started_ns.append(started - result.started_ns)
    return Peer(socket)


async def _couple(
    number: int,
    couple: ReadyCouple,
    ports: tuple[int, int],
    result: StepResult,
    gate,
    ramp: float,
    wait: float,
    think: float,
) -> None:
    await asyncio.sleep(random.uniform(0, ramp))
    peers: list[Peer] = []
    try:
        for port, token in zip(ports, couple.tokens, strict=True):
            peers.append(await _connect(port, couple, token, result, gate))
        a, b = peers
        streams = [f"{number}:a", f"{number}:b"]
        # Both must be present before a reveal can happen.
        await b.wait_for(_is("state", partner_present=True), wait)
        await a.wait_for(_is("state", partner_present=True), wait)
        for index, prompt in enumerate(couple.prompt_ids):
            mark_a = len(a.messages)
            await a.send({"type": "ready", "index": index})
            await a.wait_for(_is("state", current_index=index, you_ready=True), wait, mark_a)
            marks = [len(peer.messages) for peer in peers]
            # Owed from here on: a message that never comes is a drop (and a timeout).
            for stream in streams:
                result.counter.expect(f"{stream}:reveal", 1)
            second_ready = await b.send({"type": "ready", "index": index})
            arrivals = []
            for peer, stream, mark in zip(peers, streams, marks, strict=True):
                at, message = await peer.wait_for(_is("reveal", prompt=prompt), wait, mark)
                result.counter.got(f"{stream}:reveal", message["index"])
                arrivals.append(at)
            result.reveal_ns.append(max(arrivals) - second_ready)
            marks = [len(peer.messages) for peer in peers]
            for stream in streams:
                result.counter.expect(f"{stream}:reaction", 2)
            for peer, reaction in zip(peers, REACTIONS, strict=True):
                await peer.send({"type": "react", "prompt": prompt, "reaction": reaction})
            for peer, stream, mark in zip(peers, streams, marks, strict=True):
                for sender, reaction in enumerate(REACTIONS):
                    await peer.wait_for(
                        _is("reaction", prompt=prompt, reaction=reaction), wait, mark
                    )
                    result.counter.got(f"{stream}:reaction", 2 * index + sender)
            if think:
                # Partners read and talk before the next prompt.
                await asyncio.sleep(random.uniform(0.5, 1.5) * think)
        for peer, stream in zip(peers, streams, strict=True):
            result.counter.expect(f"{stream}:completed", 1)
            await peer.wait_for(_is("completed"), wait)
            result.counter.got(f"{stream}:completed", 0)
        result.completed_couples += 1
    except TimeoutError:
        result.error("timeout")
    except Exception as error:
        result.error(type(error).__name__)
    finally:
        for peer, stream in zip(peers, (f"{number}:a", f"{number}:b"), strict=False):
            for _at, message in peer.messages:
                if message.get("type") == "error":
                    result.error(f"server:{message.get('code')}")
            _credit_late_arrivals(peer, stream, couple, result.counter)
            with contextlib.suppress(Exception):
                await peer.close()


def _credit_late_arrivals(
    peer: Peer, stream: str, couple: ReadyCouple, counter: DeliveryCounter
) -> None:
    """After a timeout, what still arrived before the socket closed was late, not dropped."""
    for _at, message in peer.messages:
        if message.get("type") == "reveal":
            counter.got(f"{stream}:reveal", message["index"], late_ok=True)
        elif message.get("type") == "reaction" and message.get("prompt") in couple.prompt_ids:
            index = couple.prompt_ids.index(message["prompt"])
            sender = REACTIONS.index(message["reaction"])
            counter.got(f"{stream}:reaction", 2 * index + sender, late_ok=True)


async def _sample_rss(pids: list[int], peaks: dict[int, int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        for pid in pids:
            with contextlib.suppress(OSError):
                peaks[pid] = max(peaks.get(pid, 0), proc_sample(pid).rss_bytes)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.25)


async def run_step(
    couples: list[ReadyCouple],
    workers: list[Server],
    ramp: float,
    wait: float,
    step_timeout: float,
    think: float,
) -> tuple[StepResult, dict[str, Any]]:
    result = StepResult(couples=len(couples))
    pids = [worker.pid for worker in workers]
    peaks: dict[int, int] = {}
    stop = asyncio.Event()
    sampler = asyncio.create_task(_sample_rss(pids, peaks, stop))
    before = {pid: proc_sample(pid) for pid in pids}
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
    ports = (workers[0].port, workers[1].port)
    started = time.monotonic()
    tasks = [
        asyncio.create_task(_couple(n, couple, ports, result, gate, ramp, wait, think))
        for n, couple in enumerate(couples)
    ]
    _done, unfinished = await asyncio.wait(tasks, timeout=step_timeout)
    for task in unfinished:
        task.cancel()
        result.error("step_timeout")
    await asyncio.gather(*unfinished, return_exceptions=True)
    elapsed = time.monotonic() - started
    after = {pid: proc_sample(pid) for pid in pids}
    stop.set()
    await sampler
    stats = {
        "seconds": elapsed,
        "workers": [
            {
                "pid": pid,
                "cpu_percent": cpu_percent(before[pid], after[pid]),
                "peak_rss_mib": peaks.get(pid, after[pid].rss_bytes) / 1024 / 1024,
            }
            for pid in pids
        ],
    }
    return result, stats


def connect_p95_by_window(result: StepResult, window_s: float = 5.0) -> list[dict[str, Any]]:
    """Connect p95 per ``window_s`` of the step, by when the handshake started: where in the
    arrival ramp the slow handshakes are."""
    windows: dict[int, list[int]] = {}
    for started, took in zip(result.connect_started_ns, result.connect_ns, strict=True):
        windows.setdefault(int(started / 1e9 // window_s), []).append(took)
    return [
        {
            "from_s": number * window_s,
            "handshakes": len(took),
            **latency_summary_ms(took),
        }
        for number, took in sorted(windows.items())
    ]


def summarize(result: StepResult, stats: dict[str, Any]) -> dict[str, Any]:
    connect = latency_summary_ms(result.connect_ns)
    reveal = latency_summary_ms(result.reveal_ns)
    return {
        "couples": result.couples,
        "completed_couples": result.completed_couples,
        "connect_p50_ms": connect["p50_ms"],
        "connect_p95_ms": connect["p95_ms"],
        "connect_p99_ms": connect["p99_ms"],
        "connect_by_window": connect_p95_by_window(result),
        "reveals": len(result.reveal_ns),
        "reveal_p50_ms": reveal["p50_ms"],
        "reveal_p95_ms": reveal["p95_ms"],
        "reveal_p99_ms": reveal["p99_ms"],
        "errors": sum(result.errors.values()),
        "error_kinds": result.errors,
        "dropped": result.counter.dropped,
        "duplicates": result.counter.duplicates,
        **stats,
    }


def print_table(rows: list[dict[str, Any]], header: bool = True) -> None:
    headers = [
        "couples", "done", "connect p50", "connect p95", "reveal p50", "reveal p95",
        "reveal p99", "errors", "dropped", "w1 CPU %", "w2 CPU %", "w1 RSS MiB", "w2 RSS MiB",
        "seconds",
    ]  # fmt: skip
    body = []
    for row in rows:
        w1, w2 = row["workers"]
        body.append([
            row["couples"], row["completed_couples"], row["connect_p50_ms"],
            row["connect_p95_ms"], row["reveal_p50_ms"], row["reveal_p95_ms"],
            row["reveal_p99_ms"], row["errors"], row["dropped"], w1["cpu_percent"],
            w2["cpu_percent"], w1["peak_rss_mib"], w2["peak_rss_mib"], row["seconds"],
        ])  # fmt: skip
    lines = table(headers, body).splitlines()
    if header:
        print("latencies in ms")
    print("\n".join(lines if header else lines[2:]), flush=True)
    for row in rows:
        if row["error_kinds"]:
            print(f"{row['couples']} couples, errors by kind: {row['error_kinds']}")
        windows = ", ".join(
            f"{fmt(window['from_s'], 0)} s: {fmt(window['p95_ms'], 0)}"
            for window in row["connect_by_window"]
        )
        print(f"{row['couples']} couples, connect p95 ms by when it started: {windows}")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--couples",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[50, 100],
        help="couples per step, e.g. 100,250,500,1000",
    )
    parser.add_argument("--server", choices=("uvicorn", "daphne"), default="uvicorn")
    parser.add_argument(
        "--wait", type=float, default=WAIT_SECONDS, help="seconds to wait for any one message"
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds a couple spends on a revealed prompt before the next (0: none)",
    )
    parser.add_argument(
        "--step-timeout", type=float, default=600, help="seconds before a step gives up"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="sample the workers' stacks (bench/sampler.py) into bench/results/",
    )
    parser.add_argument("--experiment", default="", help="a what-if of bench/asgi.py, e.g. db_pool")
    parser.add_argument(
        "--ramp", type=float, default=1.0, help="couples start spread over this many seconds"
    )
    return parser.parse_args(argv)


async def run_all(args, env: dict[str, str], couples_by_step: dict[int, list[ReadyCouple]]):
    workers = [
        start_server(args.server, "bench.asgi:application", env, f"reveal_load-worker{n}")
        for n in (1, 2)
    ]
    rows = []
    try:
        for count in args.couples:
            result, stats = await run_step(
                couples_by_step[count],
                workers,
                args.ramp,
                args.wait,
                args.step_timeout,
                args.think,
            )
            rows.append(summarize(result, stats))
            # A long ladder shows each step as it finishes.
            print_table(rows[-1:], header=len(rows) == 1)
    finally:
        for worker in workers:
            stop_server(worker)
    return rows


def main(argv=None) -> None:
    stop_on_sigterm()
    args = parse_args(argv)
    env = {**bench_environment(), "BENCH_EXPERIMENT": args.experiment}
    if args.profile:
        env["BENCH_PROFILE"] = str(RESULTS_DIR / "reveal_load-profile")
    setup_seconds = prepare_django(env)
    missing = reveal_available()
    if missing:
        print(f"The live reveal consumer is not available ({missing}); nothing to measure.")
        raise SystemExit(2)
    started = time.monotonic()
    couples_by_step = {count: ready_couples(count, label=f"load-{count}") for count in args.couples}
    data_seconds = time.monotonic() - started
    print(f"setup: schema {fmt(setup_seconds)} s, couples {fmt(data_seconds)} s")
    rows = asyncio.run(run_all(args, env, couples_by_step))
    for row in rows:
        if row["error_kinds"]:
            print(f"{row['couples']} couples, errors by kind: {row['error_kinds']}")
    path = write_results(
        "reveal_load",
        {
            "settings": vars(args),
            "setup_seconds": setup_seconds,
            "data_seconds": data_seconds,
            "rows": rows,
        },
    )
    print(f"\nwritten: {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()

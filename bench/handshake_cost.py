"""What one live-reveal handshake costs a worker: CPU milliseconds per handshake, one worker.

    .venv/bin/python -m bench.handshake_cost [--couples 300] [--concurrency 8]

Both partners of every couple connect to ``/ws/sessions/<id>/`` on one uvicorn worker,
``--concurrency`` handshakes at a time, and stay connected until all have joined (as people
do), so each join sees the sessions before it. Reported: handshakes a second, the worker's CPU
seconds over the handshakes (from /proc) divided by their number, and the handshake latency
p50/p95. Nothing else runs, so the CPU figure is the handshake's own: the sign-in, the access
read, the join, the first states and the socket itself. To see where it goes, attach
``py-spy record --gil --nonblocking -p <worker pid>`` while it runs.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from .common import fmt, latency_summary_ms, proc_sample, running, table, write_results
from .data import ReadyCouple, bench_environment, prepare_django, ready_couples
from .wsclient import Peer, open_socket


async def connect_all(couples: list[ReadyCouple], port: int, pid: int, concurrency: int) -> dict:
    gate = asyncio.Semaphore(concurrency)
    peers: list[Peer] = []
    latencies: list[int] = []

    async def connect(couple: ReadyCouple, token: str) -> None:
        async with gate:
            started = time.monotonic_ns()
            socket = await open_socket(port, f"/ws/sessions/{couple.session_id}/", token)
            latencies.append(time.monotonic_ns() - started)
            peers.append(Peer(socket))

    before = proc_sample(pid)
    await asyncio.gather(*(connect(couple, token) for couple in couples for token in couple.tokens))
    after = proc_sample(pid)
    for peer in peers:
        await peer.close()
    seconds = after.at - before.at
    cpu = after.cpu_seconds - before.cpu_seconds
    return {
        "handshakes": len(latencies),
        "seconds": seconds,
        "handshakes_per_second": len(latencies) / seconds,
        "worker_cpu_seconds": cpu,
        "cpu_ms_per_handshake": 1000 * cpu / len(latencies),
        **latency_summary_ms(latencies),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--couples", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(argv)
    env = bench_environment()
    prepare_django(env)
    couples = ready_couples(args.couples, label="handshake")
    with running("uvicorn", "bench.asgi:application", env, "handshake_cost-worker") as worker:
        row = asyncio.run(connect_all(couples, worker.port, worker.pid, args.concurrency))
    print(
        table(
            ["handshakes", "per second", "CPU ms each", "p50 ms", "p95 ms"],
            [
                [
                    row["handshakes"],
                    row["handshakes_per_second"],
                    row["cpu_ms_per_handshake"],
                    row["p50_ms"],
                    row["p95_ms"],
                ]
            ],
        )
    )
    path = write_results("handshake_cost", {"settings": vars(args), "row": row})
    print(f"\nwritten: {path.relative_to(path.parents[2])} ({fmt(row['seconds'])} s)")


if __name__ == "__main__":
    main()

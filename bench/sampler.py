"""A small wall-clock sampling profiler for a benchmark server (no extra dependency).

Started by ``bench/asgi.py`` when ``BENCH_PROFILE`` names an output file: a thread looks at
every thread's stack each millisecond and counts, per thread, the innermost frame of project
code and the innermost frame overall. Every second the counts so far are written as JSON
(uvicorn ends itself with the SIGTERM it caught, so an exit hook would never run). It shows
where a reveal's time goes: waiting on PostgreSQL, on Redis, on the one database thread, or
running Python.
"""

from __future__ import annotations

import collections
import json
import sys
import threading
import time
from pathlib import Path

INTERVAL = 0.001


def _where(frame) -> str:
    innermost = f"{frame.f_code.co_filename.rsplit('/', 2)[-1]}:{frame.f_code.co_name}"
    ours = None
    while frame is not None:
        name = frame.f_code.co_filename
        if ours is None and "/site-packages/" not in name and "/lib/python" not in name:
            ours = f"{name.rsplit('/', 2)[-1]}:{frame.f_code.co_name}"
        frame = frame.f_back
    return f"{ours or '-'} <- {innermost}"


def start(path: str) -> None:
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    me = threading.get_ident()

    def dump() -> None:
        report = {kind: counter.most_common(40) for kind, counter in list(counts.items())}
        Path(path).write_text(json.dumps(report, indent=1))

    def sample() -> None:
        next_dump = time.monotonic() + 1
        while True:
            names = {thread.ident: thread.name for thread in threading.enumerate()}
            main = threading.main_thread().ident
            for ident, frame in sys._current_frames().items():
                if ident != me:
                    kind = "main" if ident == main else names.get(ident, "?").split("_")[0]
                    counts[kind][_where(frame)] += 1
            if time.monotonic() >= next_dump:
                dump()
                next_dump = time.monotonic() + 1
            time.sleep(INTERVAL)

    threading.Thread(target=sample, name="bench-sampler", daemon=True).start()

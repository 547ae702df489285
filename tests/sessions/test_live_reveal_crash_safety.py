"""Crash safety of the live reveal (issue 23, finding 5, the WebSocket half).

Frames go through ``project.jsoninput.loads`` (bounded depth, valid Unicode), so a 3 KB deeply
nested frame is an ``error`` message, not a ``RecursionError``. Whatever a handler raises, the
connection's heartbeat task and presence are cleaned up, so the partner never sees a ghost.
The hypothesis fuzz test sends nested, oversized, non-UTF-8, binary and malformed frames.
"""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions import consumers
from tests.support.live import channels_of, connect

pytestmark = pytest.mark.django_db(transaction=True)


def _heartbeats() -> list[asyncio.Task]:
    return [
        task
        for task in asyncio.all_tasks()
        if task.get_name() == consumers.HEARTBEAT_TASK and not task.done()
    ]


async def _both(session, anna, bram):
    anna_live, ok_a, _ = await connect(anna, session.id)
    bram_live, ok_b, _ = await connect(bram, session.id)
    assert ok_a and ok_b
    await anna_live.expect("state", partner_present=True)
    await bram_live.expect("state", partner_present=True)
    return anna_live, bram_live


async def test_a_deeply_nested_frame_is_an_error_message(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    frame = "[" * 1500 + "]" * 1500
    assert len(frame) == 3000
    await anna_live.send(frame)
    error = await anna_live.expect("error")
    assert error["code"] == "too_deeply_nested"
    # The connection stays usable.
    await anna_live.send({"type": "ready"})
    await anna_live.expect("state", you_ready=True)
    await anna_live.close()
    await bram_live.close()


async def test_a_lone_surrogate_in_a_frame_is_an_error_message(anna, ready_session):
    anna_live, ok, _ = await connect(anna, ready_session.id)
    assert ok
    await anna_live.expect("state")
    await anna_live.send('{"type": "react", "reaction": "\\ud800"}')
    assert (await anna_live.expect("error"))["code"] == "invalid_unicode"
    await anna_live.close()


async def test_a_crashing_handler_leaves_no_heartbeat_and_no_ghost(
    anna, bram, ready_session, monkeypatch, caplog
):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    assert len(_heartbeats()) == 2

    async def crash(self, content):
        raise RuntimeError("a bug")

    monkeypatch.setattr(consumers.SessionConsumer, "_on_pause", crash)
    with caplog.at_level(logging.ERROR, logger="sessions.consumers"):
        await anna_live.send({"type": "pause"})
        assert (await anna_live.expect("__closed__"))["code"] == consumers.CLOSE_INTERNAL
    # This consumer's own records (a database driver may log at the same time).
    assert [
        record.getMessage() for record in caplog.records if record.name == "sessions.consumers"
    ] == ["live reveal: a message handler failed"]
    assert (await bram_live.expect("state"))["partner_present"] is False
    assert channels_of(anna, ready_session.id) == set()
    await bram_live.close()
    await bram_live.communicator.wait(3)
    assert _heartbeats() == []


nested = st.integers(33, 5000).map(lambda depth: "[" * depth + "]" * depth)
nested_objects = st.integers(33, 2000).map(lambda depth: '{"a":' * depth + "1" + "}" * depth)
frames = st.one_of(
    nested.map(lambda text: ("text", text)),
    nested_objects.map(lambda text: ("text", text)),
    st.integers(4_097, 40_000).map(lambda size: ("text", json.dumps({"type": "x" * size}))),
    st.binary(max_size=64).map(lambda data: ("bytes", data)),
    # Not UTF-8 at all: as bytes, and as the text a lenient decoder would make of it.
    st.binary(min_size=1, max_size=32).map(lambda data: ("bytes", b"\xff\xfe" + data)),
    st.sampled_from(['{"type": "\\ud800"}', '"\\udc00"', "\ud800", '{"type": "ready"\udfff}']).map(
        lambda text: ("text", text)
    ),
    st.text(max_size=60).map(lambda text: ("text", text)),
    st.sampled_from(["{", "[1,", '{"type":', "NaN", "Infinity", '{"type": ready}', "\x00"]).map(
        lambda text: ("text", text)
    ),
)


def _conversations() -> list[list[tuple[str, object]]]:
    drawn: list[list[tuple[str, object]]] = []

    @given(st.lists(frames, min_size=1, max_size=8))
    @settings(
        max_examples=20, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    def collect(conversation):
        drawn.append(conversation)

    collect()
    return drawn


async def test_fuzzed_frames_leave_no_exception_presence_or_task_behind(
    anna, bram, ready_session, caplog
):
    conversations = _conversations()
    bram_live, ok, _ = await connect(bram, ready_session.id)
    assert ok
    await bram_live.expect("state")
    with caplog.at_level(logging.WARNING):
        for conversation in conversations:
            anna_live, ok, _ = await connect(anna, ready_session.id)
            assert ok
            await anna_live.expect("state")
            await bram_live.expect("state", partner_present=True)
            for kind, payload in conversation:
                if anna_live.closed_with is not None:
                    break
                # Raw ASGI frames: empty ones too, which the test client's helper refuses.
                await anna_live.communicator.send_input(
                    {"type": "websocket.receive", kind: payload}
                )
            received = await anna_live.drain()
            assert {m["type"] for m in received} <= {"error", "state", "__closed__"}
            if anna_live.closed_with is None:
                await anna_live.close()
            else:
                assert anna_live.closed_with == consumers.CLOSE_TOO_LARGE
            # The partner sees me gone, with no heartbeat to bring me back.
            await bram_live.expect("state", partner_present=False)
            assert channels_of(anna, ready_session.id) == set()
            assert len(_heartbeats()) == 1  # bram's own
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    await bram_live.close()
    await bram_live.communicator.wait(3)
    assert _heartbeats() == []

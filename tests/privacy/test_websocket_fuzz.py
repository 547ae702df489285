"""Hypothesis-generated WebSocket messages (bad JSON, wrong types, huge payloads, unknown types,
binary frames) against the live reveal: the consumer never crashes, answers only with the
documented message types, echoes nothing back, and leaks no unrevealed answer to either side."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import MARKER
from tests.support.live import connect

pytestmark = pytest.mark.django_db(transaction=True)

ANNAS_TEXT = "Anna schrijft"
SERVER_TYPES = {"state", "reveal", "reaction", "paused", "resumed", "completed", "error"}
CLIENT_TYPES = ["ready", "react", "pause", "resume", "leave"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
typed_messages = st.fixed_dictionaries(
    {"type": st.sampled_from(CLIENT_TYPES) | st.text(max_size=12) | json_values},
    optional={"prompt": json_values, "reaction": json_values, "index": json_values},
)
frames = st.one_of(
    st.text(max_size=80).map(lambda text: ("text", text)),
    json_values.map(lambda value: ("text", json.dumps(value))),
    typed_messages.map(lambda message: ("text", json.dumps(message))),
    st.integers(5_000, 50_000).map(lambda size: ("text", json.dumps({"type": "x" * size}))),
    st.binary(max_size=64).map(lambda data: ("bytes", data)),
)


def generated_conversations() -> list[list[tuple[str, object]]]:
    """Hypothesis draws the conversations up front; the async test then plays them."""
    drawn: list[list[tuple[str, object]]] = []

    @given(st.lists(frames, min_size=1, max_size=12))
    @settings(
        max_examples=25,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def collect(conversation):
        drawn.append(conversation)

    collect()
    return drawn


def leaks(message_text: str, forbidden: str, sent: list[str]) -> bool:
    if forbidden in message_text:
        return True
    # No input is echoed back: errors are stable codes and fixed sentences.
    return any(len(text) >= 12 and text in message_text for text in sent)


async def test_fuzzed_messages_never_crash_the_consumer_or_leak(anna, bram, ready_session):
    conversations = generated_conversations()
    bram_live, connected, _ = await connect(bram, ready_session.id)
    assert connected

    for conversation in conversations:
        anna_live, connected, _ = await connect(anna, ready_session.id)
        assert connected
        sent: list[str] = []
        for kind, payload in conversation:
            if anna_live.closed_with is not None:
                break
            if kind == "text":
                sent.append(payload)
            # Raw ASGI frames: the test helper refuses empty ones, a real client does not.
            await anna_live.communicator.send_input({"type": "websocket.receive", kind: payload})
            # Raises here if the consumer crashed on that frame.
            for message in await anna_live.drain():
                if message["type"] == "__closed__":
                    assert message["code"] == 1009
                    continue
                assert message["type"] in SERVER_TYPES, message
                assert not leaks(json.dumps(message), MARKER, sent), message
        if anna_live.closed_with is None:
            await anna_live.close()

        for message in await bram_live.drain():
            assert message["type"] in SERVER_TYPES, message
            assert not leaks(json.dumps(message), ANNAS_TEXT, sent), message

    # After all that, the reveal still works for anna.
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    state = await anna_live.expect("state")
    assert state["status"] == "revealing"
    await anna_live.close()
    await bram_live.close()

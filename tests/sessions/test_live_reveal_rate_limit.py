"""A token bucket per connection: 20 messages a second, bursts of 40; more is refused with
``rate_limited`` and a client that keeps on flooding is closed (1008)."""

import pytest

from sessions import consumers
from tests.support.live import connect

pytestmark = pytest.mark.django_db(transaction=True)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def bucket_clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(consumers, "monotonic", clock)
    return clock


async def _send_unreadable(live, count: int) -> list[str]:
    """Cheap messages (no database) that each get exactly one answer: their error code."""
    codes = []
    for _ in range(count):
        await live.send("not json")
        message = await live.next()
        assert message["type"] == "error", message
        codes.append(message["code"])
    return codes


async def test_a_burst_of_40_passes_and_the_41st_is_rate_limited(anna, ready_session, bucket_clock):
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    await anna_live.expect("state")

    assert await _send_unreadable(anna_live, 40) == ["malformed"] * 40
    assert await _send_unreadable(anna_live, 1) == ["rate_limited"]
    assert anna_live.closed_with is None
    await anna_live.close()


async def test_over_the_limit_a_message_is_refused_and_not_handled(
    anna, ready_session, bucket_clock
):
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    await anna_live.expect("state")
    await _send_unreadable(anna_live, 40)

    await anna_live.send({"type": "pause"})
    error = await anna_live.next()
    assert error["type"] == "error"
    assert error["code"] == "rate_limited"
    assert error["message"]
    await anna_live.nothing_more()  # no pause, no state: the message was dropped
    assert anna_live.closed_with is None

    # The bucket refills at 20 a second: half a second later ten more go through.
    bucket_clock.now += 0.5
    assert await _send_unreadable(anna_live, 10) == ["malformed"] * 10
    assert await _send_unreadable(anna_live, 1) == ["rate_limited"]
    await anna_live.send({"type": "pause"})
    assert (await anna_live.next())["code"] == "rate_limited"
    await anna_live.close()


async def test_a_client_that_keeps_flooding_is_closed(anna, bram, ready_session, bucket_clock):
    bram_live, _, _ = await connect(bram, ready_session.id)
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    await anna_live.expect("state")
    await bram_live.expect("state", partner_present=True)
    await _send_unreadable(anna_live, 40)

    assert await _send_unreadable(anna_live, 39) == ["rate_limited"] * 39
    await anna_live.send("not json")
    assert (await anna_live.next())["code"] == "rate_limited"
    assert (await anna_live.next())["type"] == "__closed__"
    assert anna_live.closed_with == 1008
    # Closing leaves the session at once: the partner sees anna go.
    await bram_live.expect("state", partner_present=False)
    await anna_live.close()
    await bram_live.close()


async def test_an_accepted_message_resets_the_count_of_refusals(anna, ready_session, bucket_clock):
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    await anna_live.expect("state")
    await _send_unreadable(anna_live, 40)
    assert await _send_unreadable(anna_live, 39) == ["rate_limited"] * 39

    bucket_clock.now += 0.075  # one and a half tokens
    assert await _send_unreadable(anna_live, 1) == ["malformed"]
    assert await _send_unreadable(anna_live, 39) == ["rate_limited"] * 39
    assert anna_live.closed_with is None
    await anna_live.close()


async def test_people_at_a_human_pace_are_never_limited(anna, ready_session, bucket_clock):
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    await anna_live.expect("state")
    for _ in range(200):
        bucket_clock.now += 0.1
        assert await _send_unreadable(anna_live, 1) == ["malformed"]
    await anna_live.close()

"""Events that reach a connection after it left the session, and services refusing while a
connection builds its message: never a crash.

Found by ``tests/privacy/test_websocket_fuzz.py`` on PostgreSQL + Redis: an oversized first
message closed the connection before its own first ``state`` had come through Redis; that
``state`` then arrived with no session to read and ``NotFound`` escaped the consumer."""

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from exercises.models import Prompt
from project.errors import NotFound
from sessions import consumers
from tests.support.live import channels_of, connect

pytestmark = pytest.mark.django_db(transaction=True)


def _channel_of(user, session) -> str:
    [channel] = channels_of(user, session.id)
    return channel


@database_sync_to_async
def _first_prompt(session) -> str:
    return str(Prompt.objects.filter(version=session.version).order_by("position").first().pk)


async def test_events_arriving_after_an_oversized_message_closed_the_connection_are_dropped(
    anna, ready_session
):
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    await anna_live.expect("state")
    channel = _channel_of(anna, ready_session)

    await anna_live.send({"type": "x" * 5000})
    assert (await anna_live.expect("error"))["code"] == "message_too_large"
    assert (await anna_live.next())["type"] == "__closed__"
    assert anna_live.closed_with == 1009

    # What was already on its way to this connection when it left.
    layer = get_channel_layer()
    prompt = await _first_prompt(ready_session)
    for event in (
        {"type": "session.state"},
        {"type": "session.reveal", "prompt": prompt},
        {"type": "session.reaction", "prompt": prompt, "reaction": "thanks", "by": "x"},
        {"type": "session.paused"},
        {"type": "session.resumed"},
        {"type": "session.completed"},
        {"type": "session.ended"},
    ):
        await layer.send(channel, event)
    await anna_live.finished_quietly()
    # Raises here if the consumer crashed on one of them.
    await anna_live.close()


async def test_events_arriving_after_leave_are_dropped(anna, ready_session):
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    await anna_live.expect("state")
    channel = _channel_of(anna, ready_session)

    await anna_live.send({"type": "leave"})
    assert (await anna_live.next())["type"] == "__closed__"
    await get_channel_layer().send(channel, {"type": "session.state"})
    await anna_live.finished_quietly()
    await anna_live.close()


async def test_a_service_refusing_while_building_my_state_is_an_error_and_the_connection_stays(
    anna, ready_session, monkeypatch
):
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    await anna_live.expect("state")
    live_state = consumers.live_state

    def refusing(**kwargs):
        raise NotFound()

    monkeypatch.setattr(consumers, "live_state", refusing)
    await get_channel_layer().send(_channel_of(anna, ready_session), {"type": "session.state"})
    error = await anna_live.expect("error")
    assert error == {"type": "error", "code": "not_found", "message": error["message"]}
    assert anna_live.closed_with is None

    monkeypatch.setattr(consumers, "live_state", live_state)
    await anna_live.send({"type": "pause"})
    assert (await anna_live.expect("state"))["paused"] is True
    await anna_live.close()

"""What the live-reveal services announce, counted. A state event carries ids and flags, never
an answer; a reveal event carries, per partner, exactly what that partner may see of the prompt
just revealed (the receiving connections read nothing; Redis events are encrypted)."""

from unittest import mock

import pytest

from project import me_channel
from sessions import services as session_services
from tests.factories import MARKER
from tests.support.live import mark_present

pytestmark = pytest.mark.django_db


class RecordingLayer:
    """Records what the live services announce to the reveal's sockets (``/ws/me/`` frames,
    which go through the same sender, are ``tests/sessions/test_me_socket.py``'s)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict]] = []

    async def group_send(self, group: str, message: dict) -> None:
        if not group.startswith(me_channel.me_group("")):
            self.sent.append((group, message))


@pytest.fixture
def layer():
    recording = RecordingLayer()
    with mock.patch.object(me_channel, "get_channel_layer", return_value=recording):
        yield recording


# A state event carries what both partners see alike; nothing else may ride along.
SHARED_STATE_KEYS = {
    "type",
    "version",
    "status",
    "current_index",
    "prompt_count",
    "current_prompt",
    "paused",
    "members",
    "ready",
    "present",
}


def _present(session, *users) -> None:
    mark_present(session, *users)


def test_the_first_ready_announces_one_state_change(
    anna, bram, ready_session, layer, django_capture_on_commit_callbacks
):
    _present(ready_session, anna, bram)
    with django_capture_on_commit_callbacks(execute=True):
        session_services.reveal_ready(user=anna, session_id=ready_session.id)
    [(group, state)] = layer.sent
    assert group == f"session.{ready_session.id}"
    assert set(state) == SHARED_STATE_KEYS
    assert state["type"] == "session.state"
    assert state["ready"] == [str(anna.pk)]
    assert sorted(state["present"]) == sorted([str(anna.pk), str(bram.pk)])
    assert MARKER not in repr(layer.sent)


def test_the_second_ready_announces_the_reveal_then_the_state(
    anna, bram, ready_session, layer, django_capture_on_commit_callbacks
):
    _present(ready_session, anna, bram)
    session_services.reveal_ready(user=anna, session_id=ready_session.id)
    prompt = ready_session.version.prompts.order_by("position").first()
    with django_capture_on_commit_callbacks(execute=True):
        session_services.reveal_ready(user=bram, session_id=ready_session.id)
    reveal, state = (message for _group, message in layer.sent)
    assert reveal == {
        "type": "session.reveal",
        "prompt": str(prompt.id),
        "index": 0,
        "views": {
            str(anna.pk): {
                "mine": {"value": "Anna schrijft", "keep_private": False},
                "partner": {"value": MARKER, "keep_private": False},
            },
            str(bram.pk): {
                "mine": {"value": MARKER, "keep_private": False},
                "partner": {"value": "Anna schrijft", "keep_private": False},
            },
        },
    }
    assert set(state) == SHARED_STATE_KEYS
    assert state["current_index"] == 1
    assert state["ready"] == []
    assert MARKER not in repr(state)


def test_a_reveal_event_never_carries_a_private_value_in_the_partners_view(
    anna, bram, anna_and_bram, version, layer, django_capture_on_commit_callbacks
):
    from tests.factories import submitted_session

    session = submitted_session(anna, bram, version, bram_private=(1,))
    _present(session, anna, bram)
    session_services.reveal_ready(user=anna, session_id=session.id)
    with django_capture_on_commit_callbacks(execute=True):
        session_services.reveal_ready(user=bram, session_id=session.id)
    reveal, _state = (message for _group, message in layer.sent)
    assert reveal["views"][str(anna.pk)]["partner"] == {"value": None, "keep_private": True}
    assert MARKER not in repr(reveal["views"][str(anna.pk)])
    # Only its owner's own view holds it.
    assert reveal["views"][str(bram.pk)]["mine"] == {"value": MARKER, "keep_private": True}


def test_nothing_is_announced_before_the_transaction_commits(
    anna, bram, ready_session, layer, django_capture_on_commit_callbacks
):
    _present(ready_session, anna, bram)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        session_services.reveal_ready(user=anna, session_id=ready_session.id)
    # The session's state, and each partner's /ws/me/ frame: all three wait for the commit.
    assert len(callbacks) == 3
    assert layer.sent == []


def test_a_heartbeat_keeps_a_presence_fresh(anna, ready_session, clock):
    from sessions.presence import HEARTBEAT, PRESENCE_TTL
    from sessions.selectors import present_user_ids

    mark_present(ready_session, anna, channel="worker!1")
    assert present_user_ids(session_id=ready_session.id) == {anna.pk}
    for _beat in range(5):
        clock.move(seconds=HEARTBEAT.total_seconds())
        assert session_services.presence_heartbeat(
            session_id=ready_session.id, user_id=anna.pk, channel_name="worker!1"
        )
    # Five beats took longer than the TTL: only the heartbeat kept it.
    assert HEARTBEAT * 5 > PRESENCE_TTL
    assert present_user_ids(session_id=ready_session.id) == {anna.pk}


def test_a_presence_nobody_refreshes_clears_within_one_ttl(anna, bram, ready_session, clock):
    """A worker killed without a goodbye: its connections stop counting one TTL after their
    last beat, with no database row to clean up."""
    from sessions.presence import PRESENCE_TTL
    from sessions.selectors import present_user_ids

    mark_present(ready_session, anna, bram, channel="dead-worker!{user}")
    assert present_user_ids(session_id=ready_session.id) == {anna.pk, bram.pk}
    clock.move(seconds=PRESENCE_TTL.total_seconds() - 1)
    assert present_user_ids(session_id=ready_session.id) == {anna.pk, bram.pk}
    clock.move(seconds=1)
    assert present_user_ids(session_id=ready_session.id) == set()
    # A beat after that does not bring a ghost back.
    assert not session_services.presence_heartbeat(
        session_id=ready_session.id, user_id=anna.pk, channel_name=f"dead-worker!{anna.pk}"
    )
    assert present_user_ids(session_id=ready_session.id) == set()


def test_ending_the_couple_announces_the_end_of_each_open_session(
    anna, bram, ready_session, layer, django_capture_on_commit_callbacks
):
    from pairing.services import couple_end

    with django_capture_on_commit_callbacks(execute=True):
        couple_end(user=bram)
    assert (f"session.{ready_session.id}", {"type": "session.ended"}) in layer.sent

"""Issue 24: notifications never pressure. "Your partner is waiting" goes at most once per
session, and never after either partner said "not now"."""

import pytest

from notifications.models import Event, OutboxMessage
from sessions import services as session_services
from sessions.models import SessionStatus
from tests.factories import fresh_check_in, link, publish, submitted_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(anna, bram, device_for):
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    device_for(anna)
    device_for(bram)
    session = submitted_session(anna, bram, publish())
    assert session.status == SessionStatus.READY_TO_REVEAL
    return session


def _anna_waits_alone(session, anna, capture) -> None:
    with capture(execute=True):
        session_services.reveal_join(user=anna, session_id=session.id, channel_name="test.a")
    with capture(execute=True):
        session_services.reveal_ready(user=anna, session_id=session.id)


def _waiting_rows() -> list:
    return list(OutboxMessage.objects.filter(event=Event.PARTNER_WAITING))


def test_without_a_not_now_bram_is_told_once(ready, anna, bram, django_capture_on_commit_callbacks):
    _anna_waits_alone(ready, anna, django_capture_on_commit_callbacks)
    _anna_waits_alone(ready, anna, django_capture_on_commit_callbacks)

    assert [row.user for row in _waiting_rows()] == [bram]


@pytest.mark.parametrize("who", ["anna", "bram"])
def test_after_a_not_now_nobody_is_told_the_other_is_waiting(
    ready, anna, bram, django_capture_on_commit_callbacks, who
):
    person = {"anna": anna, "bram": bram}[who]
    session_services.session_not_now(user=person, session=ready, message="later_this_week")

    _anna_waits_alone(ready, anna, django_capture_on_commit_callbacks)

    ready.refresh_from_db()
    assert ready.status == SessionStatus.REVEALING  # anna did join: only the notice is gone
    assert _waiting_rows() == []


def test_taking_the_not_now_back_keeps_the_notice_off(
    ready, anna, bram, django_capture_on_commit_callbacks
):
    session_services.session_not_now(user=bram, session=ready, message="too_tired")
    session_services.session_not_now_withdraw(user=bram, session=ready)

    _anna_waits_alone(ready, anna, django_capture_on_commit_callbacks)

    assert _waiting_rows() == []

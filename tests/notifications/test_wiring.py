"""The features call ``notify`` where docs/notifications.md says: partner_started, ready_to_reveal,
partner_waiting (once per session, however often someone reconnects, never after a "not now"),
assignment_created and the "due tomorrow" source. Each event is enqueued once, and a paused
partner changes nothing."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Channel, Event, OutboxMessage
from notifications.services import _due_sources, reminders_enqueue
from pairing.services import couple_end
from sessions import services as session_services
from sessions.models import SessionStatus
from tests.factories import (
    answer_all,
    fresh_check_in,
    link,
    make_user,
    publish,
    report_unsafe,
    therapist_link,
)
from therapists.assignment_selectors import assignments_due_on
from therapists.assignment_services import assignment_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run an action as its own committed transaction: its notifications are enqueued."""

    def call(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return call


def rows(event, user=None):
    found = OutboxMessage.objects.filter(event=event)
    if user is not None:
        found = found.filter(user=user)
    return list(found.order_by("created_at"))


def _start(run, anna, version):
    return run(session_services.session_start, user=anna, exercise_slug=version.exercise.slug)


def _submitted(run, anna, bram, version):
    session = _start(run, anna, version)
    answer_all(session, anna)
    answer_all(session, bram)
    run(session_services.session_submit, user=anna, session=session)
    run(session_services.session_submit, user=bram, session=session)
    return session


def test_starting_tells_the_partner_once_and_not_the_starter(
    run, anna, bram, anna_and_bram, version
):
    session = _start(run, anna, version)
    [row] = rows(Event.PARTNER_STARTED)
    assert row.user == bram
    assert row.channel == Channel.EMAIL
    assert row.payload == {"path": f"/s/{session.id}"}


def test_both_submitted_tells_both_once(run, anna, bram, anna_and_bram, version):
    session = _start(run, anna, version)
    answer_all(session, anna)
    answer_all(session, bram)
    run(session_services.session_submit, user=anna, session=session)
    assert rows(Event.READY_TO_REVEAL) == []
    run(session_services.session_submit, user=bram, session=session)
    found = rows(Event.READY_TO_REVEAL)
    assert sorted(row.user.display_name for row in found) == ["Anna", "Bram"]
    assert {row.payload["path"] for row in found} == {f"/s/{session.id}"}


def test_joining_the_live_reveal_alone_tells_the_partner_once_however_often_i_reconnect(
    run, anna, bram, anna_and_bram, version, device_for
):
    device_for(bram)  # partner_waiting goes by push only (by default)
    session = _submitted(run, anna, bram, version)
    for attempt in range(5):
        channel = f"test.anna.{attempt}"
        run(session_services.reveal_join, user=anna, session_id=session.id, channel_name=channel)
        run(session_services.reveal_ready, user=anna, session_id=session.id)
        run(
            session_services.reveal_leave,
            session_id=session.id,
            user_id=anna.pk,
            channel_name=channel,
        )
    [row] = rows(Event.PARTNER_WAITING)
    assert row.user == bram
    assert row.channel == Channel.PUSH
    assert row.payload == {"path": f"/s/{session.id}"}


def test_nobody_is_told_to_come_when_both_are_there(
    run, anna, bram, anna_and_bram, version, device_for
):
    device_for(anna)
    device_for(bram)
    session = _submitted(run, anna, bram, version)
    run(session_services.reveal_join, user=anna, session_id=session.id, channel_name="test.a")
    run(session_services.reveal_join, user=bram, session_id=session.id, channel_name="test.b")
    run(session_services.reveal_ready, user=anna, session_id=session.id)
    run(session_services.reveal_ready, user=bram, session_id=session.id)
    assert [row.user for row in rows(Event.PARTNER_WAITING)] == [bram]


def test_waiting_again_at_a_later_question_does_not_tell_the_partner_again(
    run, anna, bram, anna_and_bram, version, device_for
):
    device_for(bram)
    session = _submitted(run, anna, bram, version)
    run(session_services.reveal_join, user=anna, session_id=session.id, channel_name="test.a")
    run(session_services.reveal_join, user=bram, session_id=session.id, channel_name="test.b")
    run(session_services.reveal_ready, user=anna, session_id=session.id)
    run(session_services.reveal_ready, user=bram, session_id=session.id)
    run(
        session_services.reveal_leave,
        session_id=session.id,
        user_id=bram.pk,
        channel_name="test.b",
    )
    run(session_services.reveal_ready, user=anna, session_id=session.id)
    session.refresh_from_db()
    assert session.current_index == 1  # anna now waits at the second question
    assert [row.user for row in rows(Event.PARTNER_WAITING)] == [bram]


def test_an_assignment_tells_both_partners_once(run, thea, anna, bram, anna_and_bram, version):
    therapist_link(thea, anna, bram)
    assignment = run(
        assignment_create,
        therapist=thea,
        couple_id=anna_and_bram.pk,
        exercise_slug="grenzen-voelen",
    )
    found = rows(Event.ASSIGNMENT_CREATED)
    assert sorted(row.user.display_name for row in found) == ["Anna", "Bram"]
    assert {row.payload["path"] for row in found} == {f"/assignments/{assignment.id}"}


def test_the_due_source_is_registered_by_the_exercises_app():
    assert assignments_due_on in _due_sources


def test_an_assignment_due_tomorrow_reminds_both_once_a_day(
    run, thea, anna, bram, anna_and_bram, version
):
    therapist_link(thea, anna, bram)
    now = timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    assignment = assignment_create(
        therapist=thea, couple_id=anna_and_bram.pk, exercise_slug="grenzen-voelen", due_on=tomorrow
    )
    assignment_create(
        therapist=thea,
        couple_id=anna_and_bram.pk,
        exercise_slug="grenzen-voelen",
        due_on=tomorrow + timedelta(days=1),
    )
    for _ in range(2):
        run(reminders_enqueue, now=now)
    found = rows(Event.ASSIGNMENT_DUE)
    assert sorted(row.user.display_name for row in found) == ["Anna", "Bram"]
    assert {row.payload["path"] for row in found} == {f"/assignments/{assignment.id}"}


def test_completed_assignments_and_ended_couples_are_not_due(
    thea, anna, bram, anna_and_bram, version
):
    therapist_link(thea, anna, bram)
    day = timezone.localdate() + timedelta(days=1)
    done = assignment_create(
        therapist=thea, couple_id=anna_and_bram.pk, exercise_slug="grenzen-voelen", due_on=day
    )
    session = session_services.session_start(user=anna, exercise_slug="grenzen-voelen")
    done.sessions.add(session)
    session.status = SessionStatus.COMPLETED
    session.save()
    assert list(assignments_due_on(day)) == []

    open_one = assignment_create(
        therapist=thea, couple_id=anna_and_bram.pk, exercise_slug="grenzen-voelen", due_on=day
    )
    assert {user for user, _path in assignments_due_on(day)} == {anna, bram}
    couple_end(user=anna)
    assert list(assignments_due_on(day)) == []
    assert open_one.couple_id == anna_and_bram.pk


# ---- safety: a paused person changes nothing anyone receives ----------------------------------

UUIDS = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _story(keys, *, pause_second: bool, run, device_for) -> list[tuple]:
    """The first partner does everything; the second answers the first session and then does
    nothing more, either because they paused (a report) or because they simply did not."""
    first, second = make_user(keys[0]), make_user(keys[1])
    therapist = make_user(keys[2], is_therapist=True)
    for person in (first, second):
        fresh_check_in(person)
        device_for(person)
    couple = link(first, second)
    therapist_link(therapist, first, second)
    version = publish(f"oefening-{keys[0]}")
    other = publish(f"andere-{keys[0]}")

    session = _submitted(run, first, second, version)
    if pause_second:
        report_unsafe(second)
    run(session_services.reveal_join, user=first, session_id=session.id, channel_name=keys[0])
    run(session_services.reveal_ready, user=first, session_id=session.id)
    _start(run, first, other)
    run(
        assignment_create,
        therapist=therapist,
        couple_id=couple.pk,
        exercise_slug=other.exercise.slug,
        due_on=timezone.localdate() + timedelta(days=1),
    )
    run(reminders_enqueue)

    roles = {first.pk: "first", second.pk: "second"}
    return sorted(
        (
            roles[row.user_id],
            row.channel,
            row.event,
            UUIDS.sub("<id>", row.payload["path"]),
            UUIDS.sub("<id>", row.dedupe_key),
            row.status,
            row.attempts,
            row.next_attempt_at > row.created_at,
            row.expires_at is not None,
        )
        for row in OutboxMessage.objects.filter(user__in=[first, second])
    )


def test_a_paused_partner_gets_and_causes_exactly_what_someone_who_has_not_answered_does(
    run, device_for
):
    not_answered = _story(("ans", "bas", "tes"), pause_second=False, run=run, device_for=device_for)
    paused = _story(("ank", "bok", "tok"), pause_second=True, run=run, device_for=device_for)
    assert paused == not_answered
    events = {(role, event) for role, _c, event, *_rest in not_answered}
    assert events == {
        ("first", Event.READY_TO_REVEAL),
        ("first", Event.ASSIGNMENT_CREATED),
        ("first", Event.ASSIGNMENT_DUE),
        ("second", Event.PARTNER_STARTED),
        ("second", Event.READY_TO_REVEAL),
        ("second", Event.PARTNER_WAITING),
        ("second", Event.ASSIGNMENT_CREATED),
        ("second", Event.ASSIGNMENT_DUE),
    }

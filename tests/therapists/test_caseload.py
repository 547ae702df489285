"""The caseload, the therapist's home: each linked couple with what needs attention first, and
the invites still waiting for the second consent. Plus the couple's file (timeline, consents)
and the notices by the discreet channels."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notifications.models import Event, OutboxMessage
from safety.models import SafetyReport
from safety.services import report_update
from sessions import services as session_services
from tests.factories import (
    answered_session,
    fresh_check_in,
    make_user,
    publish,
    report_unsafe,
    reveal_all,
    therapist_link,
)
from tests.mfa import give_totp
from therapists.assignment_services import (
    assignment_create,
    assignment_withdraw,
    assignments_overdue_notify,
    session_share,
)
from therapists.caseload_selectors import therapist_caseload
from therapists.services import therapist_invite_accept, therapist_invite_create

CASELOAD = "/api/therapist/caseload/"


@pytest.fixture(autouse=True)
def _notify_by_email(settings):
    # Outbox rows are made for the email channel (no push keys in tests).
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def kinds(couple: dict) -> list[str]:
    return [item["kind"] for item in couple["attention"]]


def caseload(client_for, therapist) -> dict:
    response = client_for(therapist).get(CASELOAD)
    assert response.status_code == 200
    return response.json()


def shared_session(version, anna, bram):
    session = reveal_all(answered_session(version, anna, bram), anna, bram)
    session_share(user=anna, session_id=session.pk)
    return session


def test_a_quiet_couple_with_nothing_due_needs_no_attention(linked, client_for, thea_mfa):
    [couple] = caseload(client_for, thea_mfa)["couples"]

    assert [p["display_name"] for p in couple["partners"]] == ["Anna", "Bram"]
    assert couple["attention"] == []


def test_an_overdue_assignment_needs_attention(
    linked, client_for, thea_mfa, anna_and_bram, version, time_machine
):
    assignment_create(
        therapist=thea_mfa,
        couple_id=anna_and_bram.pk,
        exercise_slug=version.exercise.slug,
        due_on=timezone.localdate() + timedelta(days=1),
    )
    time_machine.move_to(timezone.now() + timedelta(days=2), tick=False)

    [couple] = caseload(client_for, thea_mfa)["couples"]

    assert kinds(couple) == ["overdue"]
    assert couple["attention"][0]["exercise"]["slug"] == version.exercise.slug


def test_an_assignment_due_within_three_days_is_due_soon(
    linked, client_for, thea_mfa, anna_and_bram, version
):
    for days in (2, 10):
        assignment_create(
            therapist=thea_mfa,
            couple_id=anna_and_bram.pk,
            exercise_slug=version.exercise.slug,
            due_on=timezone.localdate() + timedelta(days=days),
        )

    [couple] = caseload(client_for, thea_mfa)["couples"]

    assert kinds(couple) == ["due_soon"]
    assert couple["open_assignments"] == 2
    assert couple["next_due_on"] == (timezone.localdate() + timedelta(days=2)).isoformat()


def test_a_withdrawn_or_completed_assignment_is_never_overdue(
    linked, client_for, thea_mfa, anna, bram, anna_and_bram, version, time_machine
):
    due = timezone.localdate() + timedelta(days=1)
    later = publish("later")
    withdrawn = assignment_create(
        therapist=thea_mfa,
        couple_id=anna_and_bram.pk,
        exercise_slug=later.exercise.slug,
        due_on=due,
    )
    assignment_withdraw(therapist=thea_mfa, couple_id=anna_and_bram.pk, assignment_id=withdrawn.pk)
    done = assignment_create(
        therapist=thea_mfa,
        couple_id=anna_and_bram.pk,
        exercise_slug=version.exercise.slug,
        due_on=due,
    )
    done.sessions.add(reveal_all(answered_session(version, anna, bram), anna, bram))
    time_machine.move_to(timezone.now() + timedelta(days=2), tick=False)

    [couple] = caseload(client_for, thea_mfa)["couples"]

    assert "overdue" not in kinds(couple)
    assert couple["open_assignments"] == 0


def test_a_new_share_needs_attention_until_the_file_is_opened(
    linked, client_for, thea_mfa, anna, bram, anna_and_bram, version
):
    session = shared_session(version, anna, bram)

    [couple] = caseload(client_for, thea_mfa)["couples"]
    assert kinds(couple) == ["new_share"]
    assert couple["attention"][0]["session"] == str(session.pk)
    assert couple["attention"][0]["display_name"] == "Anna"

    seen = client_for(thea_mfa).post(f"/api/therapist/couples/{anna_and_bram.pk}/seen/")
    assert seen.status_code == 204
    [couple] = caseload(client_for, thea_mfa)["couples"]
    assert couple["attention"] == []


def test_a_report_shows_only_once_its_author_shares_it(
    linked, client_for, thea_mfa, anna, anna_and_bram
):
    report_unsafe(anna)
    [couple] = caseload(client_for, thea_mfa)["couples"]
    assert couple["attention"] == []

    report_update(report=SafetyReport.objects.get(user=anna), share_with_therapist=True)

    [couple] = caseload(client_for, thea_mfa)["couples"]
    assert kinds(couple) == ["new_report"]
    assert couple["attention"][0]["display_name"] == "Anna"
    assert (
        client_for(thea_mfa).post(f"/api/therapist/couples/{anna_and_bram.pk}/seen/").status_code
        == 204
    )
    [couple] = caseload(client_for, thea_mfa)["couples"]
    assert couple["attention"] == []


def test_a_couple_without_activity_for_three_weeks_is_quiet(
    linked, client_for, thea_mfa, time_machine
):
    time_machine.move_to(timezone.now() + timedelta(weeks=3, hours=1), tick=False)

    [couple] = caseload(client_for, thea_mfa)["couples"]

    assert kinds(couple) == ["quiet"]


def test_the_couple_needing_attention_most_comes_first(
    linked, client_for, thea_mfa, anna, bram, anna_and_bram, version, dirk, ella, dirk_and_ella
):
    therapist_link(thea_mfa, dirk, ella)
    # Dirk & Ella come first alphabetically; Anna & Bram have something new.
    shared_session(version, anna, bram)

    couples = caseload(client_for, thea_mfa)["couples"]

    assert [c["partners"][0]["display_name"] for c in couples] == ["Anna", "Dirk"]
    assert kinds(couples[0]) == ["new_share"]


def test_a_half_given_consent_is_waiting_and_names_nobody(
    client_for, thea_mfa, anna, anna_and_bram
):
    issued = therapist_invite_create(therapist=thea_mfa)
    therapist_invite_accept(user=anna, code=issued.code)

    body = caseload(client_for, thea_mfa)

    assert body["couples"] == []
    assert [(w["id"], w["state"]) for w in body["waiting"]] == [(str(issued.link.pk), "pending")]
    assert "Anna" not in str(body)


def test_another_therapists_couples_never_show(linked, client_for):
    other = make_user("tom", is_therapist=True)
    give_totp(other)

    assert caseload(client_for, other) == {"couples": [], "waiting": []}


def test_the_caseload_makes_the_same_number_of_queries_as_data_grows(
    linked, thea_mfa, anna, bram, anna_and_bram, version, dirk, ella, dirk_and_ella
):
    with CaptureQueriesContext(connection) as small:
        therapist_caseload(therapist=thea_mfa)
    therapist_link(thea_mfa, dirk, ella)
    for couple in (anna_and_bram,):
        for days in (1, 2, 9):
            assignment_create(
                therapist=thea_mfa,
                couple_id=couple.pk,
                exercise_slug=version.exercise.slug,
                due_on=timezone.localdate() + timedelta(days=days),
            )
    shared_session(version, anna, bram)
    report_unsafe(anna)
    report_update(report=SafetyReport.objects.get(user=anna), share_with_therapist=True)

    with CaptureQueriesContext(connection) as large:
        data = therapist_caseload(therapist=thea_mfa)

    assert len(data["couples"]) == 2
    assert len(large) == len(small) == 7


# ---- the couple's file ------------------------------------------------------------------------


def test_the_file_has_each_consent_and_a_timeline_without_content(
    linked, client_for, thea_mfa, anna, bram, anna_and_bram, version
):
    assignment = assignment_create(
        therapist=thea_mfa, couple_id=anna_and_bram.pk, exercise_slug=version.exercise.slug
    )
    session = answered_session(version, anna, bram)
    assignment.sessions.add(session)
    reveal_all(session, anna, bram)
    session_share(user=anna, session_id=session.pk)

    body = client_for(thea_mfa).get(f"/api/therapist/couples/{anna_and_bram.pk}/").json()

    assert [c["display_name"] for c in body["consents"]] == ["Anna", "Bram"]
    events = [event["kind"] for event in body["timeline"]]
    for kind in ("invited", "consented", "linked", "assigned", "session_started"):
        assert kind in events
    assert {"session_revealed", "session_completed", "shared"} <= set(events)
    times = [event["at"] for event in body["timeline"]]
    assert times == sorted(times, reverse=True)
    assert "marker" not in str(body["timeline"])


# ---- notices by the discreet channels -------------------------------------------------------


def test_a_share_notifies_the_therapist_with_only_the_page_to_open(
    linked, thea_mfa, anna, bram, anna_and_bram, version, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        shared_session(version, anna, bram)

    [row] = OutboxMessage.objects.filter(user=thea_mfa)
    assert row.event == Event.SESSION_SHARED
    assert row.payload == {"path": f"/practice/{anna_and_bram.pk}"}


def test_an_overdue_assignment_notifies_its_therapist_once(
    linked, thea_mfa, anna_and_bram, version, django_capture_on_commit_callbacks
):
    assignment = assignment_create(
        therapist=thea_mfa,
        couple_id=anna_and_bram.pk,
        exercise_slug=version.exercise.slug,
        due_on=timezone.localdate(),
    )
    later = timezone.localdate() + timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        assert assignments_overdue_notify(today=later) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assignments_overdue_notify(today=later + timedelta(days=1))

    [row] = OutboxMessage.objects.filter(user=thea_mfa, event=Event.ASSIGNMENT_OVERDUE)
    assert row.payload == {"path": f"/practice/{assignment.couple_id}"}


def test_nothing_is_overdue_on_the_due_date_itself(linked, thea_mfa, anna_and_bram, version):
    assignment_create(
        therapist=thea_mfa,
        couple_id=anna_and_bram.pk,
        exercise_slug=version.exercise.slug,
        due_on=timezone.localdate(),
    )

    assert assignments_overdue_notify(today=timezone.localdate()) == 0


def test_no_overdue_notice_once_the_link_ended(
    linked, client_for, thea_mfa, anna, anna_and_bram, version
):
    assignment_create(
        therapist=thea_mfa,
        couple_id=anna_and_bram.pk,
        exercise_slug=version.exercise.slug,
        due_on=timezone.localdate(),
    )
    assert client_for(anna).delete("/api/pairing/therapist/").status_code == 204

    assert assignments_overdue_notify(today=timezone.localdate() + timedelta(days=1)) == 0


def test_no_overdue_notice_for_a_withdrawn_assignment(linked, thea_mfa, anna_and_bram, version):
    assignment = assignment_create(
        therapist=thea_mfa,
        couple_id=anna_and_bram.pk,
        exercise_slug=version.exercise.slug,
        due_on=timezone.localdate(),
    )
    assignment_withdraw(therapist=thea_mfa, couple_id=anna_and_bram.pk, assignment_id=assignment.pk)

    assert assignments_overdue_notify(today=timezone.localdate() + timedelta(days=1)) == 0


def test_a_safety_report_never_notifies_the_therapist_even_when_shared(
    linked, thea_mfa, anna, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report_unsafe(anna)
        report_update(report=SafetyReport.objects.get(user=anna), share_with_therapist=True)

    assert not OutboxMessage.objects.filter(user=thea_mfa).exists()


def test_starting_a_session_never_notifies_the_therapist(
    linked, thea_mfa, anna, anna_and_bram, version, django_capture_on_commit_callbacks
):
    fresh_check_in(anna)
    with django_capture_on_commit_callbacks(execute=True):
        session_services.session_start(user=anna, exercise_slug=version.exercise.slug)

    assert not OutboxMessage.objects.filter(user=thea_mfa).exists()

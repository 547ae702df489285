"""Assignments after they are given: due dates are checked, the therapist edits and withdraws
them, an exercise the couple already has open fulfils its assignment, and a completed one is
closed for the couple too."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sessions import services as session_services
from sessions.models import CoupleSession
from tests.factories import answered_session, make_user, reveal_all
from tests.mfa import give_totp
from therapists.assignment_services import assignment_create
from therapists.models import Assignment


def assign_url(couple) -> str:
    return f"/api/therapist/couples/{couple.pk}/assignments/"


def detail_url(couple, assignment) -> str:
    return f"/api/therapist/couples/{couple.pk}/assignments/{assignment.pk}/"


@pytest.fixture
def given(linked, thea_mfa, anna_and_bram, version) -> Assignment:
    return assignment_create(
        therapist=thea_mfa,
        couple_id=anna_and_bram.pk,
        exercise_slug=version.exercise.slug,
        note="Eerste versie",
        due_on=timezone.localdate() + timedelta(days=7),
    )


def test_a_due_date_in_the_past_is_refused_when_assigning(
    linked, client_for, thea_mfa, anna_and_bram, version
):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client_for(thea_mfa).post(
        assign_url(anna_and_bram),
        {"exercise": version.exercise.slug, "due_on": yesterday.isoformat()},
        format="json",
    )

    assert response.status_code == 400
    assert "due_on" in response.json()["fields"]
    assert not Assignment.objects.exists()


def test_today_is_a_valid_due_date(linked, client_for, thea_mfa, anna_and_bram, version):
    today = timezone.localdate().isoformat()
    response = client_for(thea_mfa).post(
        assign_url(anna_and_bram),
        {"exercise": version.exercise.slug, "due_on": today},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["due_on"] == today


def test_the_therapist_changes_the_note_and_the_due_date(given, client_for, thea_mfa, anna):
    new_date = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = client_for(thea_mfa).patch(
        detail_url(given.couple, given),
        {"note": "Tweede versie", "due_on": new_date},
        format="json",
    )

    assert response.status_code == 200
    assert (response.json()["note"], response.json()["due_on"]) == ("Tweede versie", new_date)
    [seen] = client_for(anna).get("/api/assignments/").json()
    assert (seen["note"], seen["due_on"]) == ("Tweede versie", new_date)
    given.refresh_from_db()
    assert given.updated_at is not None


def test_changing_only_the_note_keeps_the_due_date(given, client_for, thea_mfa):
    response = client_for(thea_mfa).patch(
        detail_url(given.couple, given), {"note": "Alleen de notitie"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["due_on"] == given.due_on.isoformat()


def test_the_due_date_can_be_removed(given, client_for, thea_mfa):
    response = client_for(thea_mfa).patch(
        detail_url(given.couple, given), {"due_on": None}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["due_on"] is None


@pytest.mark.parametrize("bad", ["past", "not-a-date"])
def test_a_bad_new_due_date_is_a_400_and_changes_nothing(given, client_for, thea_mfa, bad):
    value = (timezone.localdate() - timedelta(days=1)).isoformat() if bad == "past" else bad
    response = client_for(thea_mfa).patch(
        detail_url(given.couple, given), {"due_on": value}, format="json"
    )

    assert response.status_code == 400
    assert "due_on" in response.json()["fields"]
    due = given.due_on
    given.refresh_from_db()
    assert given.due_on == due


def test_a_withdrawn_assignment_is_gone_for_the_couple_and_kept_marked_for_the_therapist(
    given, client_for, thea_mfa, anna
):
    response = client_for(thea_mfa).delete(detail_url(given.couple, given))

    assert response.status_code == 204
    assert client_for(anna).get("/api/assignments/").json() == []
    assert client_for(anna).post(f"/api/assignments/{given.pk}/start/").status_code == 404
    file = client_for(thea_mfa).get(f"/api/therapist/couples/{given.couple_id}/").json()
    [kept] = file["assignments"]
    assert kept["withdrawn_at"] is not None
    assert "withdrawn" in [event["kind"] for event in file["timeline"]]


def test_a_withdrawn_assignment_cannot_be_changed_again(given, client_for, thea_mfa):
    client = client_for(thea_mfa)
    assert client.delete(detail_url(given.couple, given)).status_code == 204

    assert (
        client.patch(detail_url(given.couple, given), {"note": "x"}, format="json").status_code
        == 404
    )
    assert client.delete(detail_url(given.couple, given)).status_code == 404


def test_another_therapists_assignment_is_404(given, client_for):
    other = make_user("tom", is_therapist=True)
    give_totp(other)

    assert client_for(other).delete(detail_url(given.couple, given)).status_code == 404
    given.refresh_from_db()
    assert given.withdrawn_at is None


def test_an_exercise_already_open_fulfils_its_assignment(given, client_for, anna, bram, thea_mfa):
    # The couple started the exercise from the library before the assignment reached them.
    session = session_services.session_start(user=anna, exercise_slug=given.exercise.slug)

    response = client_for(bram).post(f"/api/assignments/{given.pk}/start/")

    assert response.status_code == 200
    assert response.json()["id"] == str(session.pk)
    assert CoupleSession.objects.count() == 1
    [mine] = client_for(anna).get("/api/assignments/").json()
    assert [item["id"] for item in mine["sessions"]] == [str(session.pk)]
    [followed] = (
        client_for(thea_mfa).get(f"/api/therapist/couples/{given.couple_id}/").json()["assignments"]
    )
    assert followed["started"] is True
    assert [item["id"] for item in followed["sessions"]] == [str(session.pk)]


def test_starting_by_post_sessions_links_an_already_open_session_and_says_409(
    given, client_for, anna, bram
):
    session = session_services.session_start(user=anna, exercise_slug=given.exercise.slug)

    response = client_for(bram).post("/api/sessions/", {"assignment": str(given.pk)}, format="json")

    assert (response.status_code, response.json()["code"]) == (409, "session_already_open")
    assert response.json()["session"] == str(session.pk)
    assert list(given.sessions.values_list("pk", flat=True)) == [session.pk]


def test_a_completed_assignment_is_closed_for_the_couple_and_the_therapist(
    given, client_for, anna, bram, thea_mfa, version
):
    session = answered_session(version, anna, bram)
    given.sessions.add(session)
    reveal_all(session, anna, bram)
    assert session.status == "completed"

    [mine] = client_for(anna).get("/api/assignments/").json()
    assert mine["completed"] is True
    again = client_for(anna).post(f"/api/assignments/{given.pk}/start/")
    assert (again.status_code, again.json()["code"]) == (409, "assignment_completed")
    change = client_for(thea_mfa).patch(
        detail_url(given.couple, given), {"note": "x"}, format="json"
    )
    assert (change.status_code, change.json()["code"]) == (409, "assignment_completed")


def test_an_assignment_not_yet_done_is_not_completed(given, client_for, anna):
    [mine] = client_for(anna).get("/api/assignments/").json()

    assert mine["completed"] is False


def test_an_overdue_assignment_is_flagged_for_the_therapist(
    given, client_for, thea_mfa, time_machine
):
    time_machine.move_to(timezone.now() + timedelta(days=8), tick=False)

    [item] = (
        client_for(thea_mfa).get(f"/api/therapist/couples/{given.couple_id}/").json()["assignments"]
    )

    assert item["overdue"] is True


def test_an_assignment_due_later_is_not_overdue(given, client_for, thea_mfa):
    [item] = (
        client_for(thea_mfa).get(f"/api/therapist/couples/{given.couple_id}/").json()["assignments"]
    )

    assert item["overdue"] is False


def test_the_note_of_an_overdue_assignment_changes_with_its_past_date_sent_again(
    given, client_for, thea_mfa, time_machine
):
    time_machine.move_to(timezone.now() + timedelta(days=8), tick=False)

    response = client_for(thea_mfa).patch(
        detail_url(given.couple, given),
        {"note": "Nog steeds", "due_on": given.due_on.isoformat()},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["note"] == "Nog steeds"

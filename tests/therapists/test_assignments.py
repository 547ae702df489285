"""Assignments: the therapist gives, the couple sees and starts them, the therapist follows
progress (states and dates, no answer content)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safety.models import SafetyReport
from safety.services import report_update
from sessions import services as session_services
from sessions.models import CoupleSession
from tests.factories import (
    ANNA_MARKER,
    BRAM_MARKER,
    answer_all,
    publish,
    report_unsafe,
    reveal_all,
    screen_positive,
)
from therapists.assignment_services import (
    assignment_create,
    session_share,
    session_start_from_assignment,
)


def assign_url(couple) -> str:
    return f"/api/therapist/couples/{couple.pk}/assignments/"


@pytest.fixture
def posted_assignment(linked, client_for, thea_mfa, anna_and_bram, version) -> dict:
    response = client_for(thea_mfa).post(
        assign_url(anna_and_bram),
        {"exercise": version.exercise.slug, "note": "Voor volgende week", "due_on": "2030-01-15"},
        format="json",
    )
    assert response.status_code == 201
    return response.json()


def test_the_therapist_assigns_an_exercise(posted_assignment, version):
    assert posted_assignment["exercise"]["slug"] == version.exercise.slug
    assert posted_assignment["note"] == "Voor volgende week"
    assert posted_assignment["due_on"] == "2030-01-15"


def test_only_published_exercises_can_be_assigned(linked, client_for, thea_mfa, anna_and_bram):
    response = client_for(thea_mfa).post(
        assign_url(anna_and_bram), {"exercise": "bestaat-niet"}, format="json"
    )
    assert response.status_code == 400
    assert "exercise" in response.json()["fields"]


@pytest.mark.parametrize("who", ["anna", "bram"])
def test_either_partner_sees_the_assignments(posted_assignment, client_for, who, request):
    [item] = client_for(request.getfixturevalue(who)).get("/api/assignments/").json()
    assert item["id"] == posted_assignment["id"]
    assert item["therapist"] == {"display_name": "Thea"}
    assert item["sessions"] == []


def test_dirk_sees_none_of_anna_and_brams_assignments(
    posted_assignment, client_for, dirk, dirk_and_ella
):
    assert client_for(dirk).get("/api/assignments/").json() == []


def test_a_session_started_from_an_assignment_is_linked_to_it(posted_assignment, client_for, bram):
    response = client_for(bram).post(f"/api/assignments/{posted_assignment['id']}/start/")
    assert response.status_code == 201
    session = CoupleSession.objects.get(pk=response.json()["id"])
    assert [str(pk) for pk in session.assignments.values_list("pk", flat=True)] == [
        posted_assignment["id"]
    ]
    [item] = client_for(bram).get("/api/assignments/").json()
    assert item["sessions"][0]["id"] == str(session.pk)


def test_starting_someone_elses_assignment_is_404(
    posted_assignment, client_for, dirk, dirk_and_ella
):
    response = client_for(dirk).post(f"/api/assignments/{posted_assignment['id']}/start/")
    assert response.status_code == 404


def test_progress_shows_states_and_dates_and_no_content(
    posted_assignment, client_for, thea_mfa, anna, bram, anna_and_bram
):

    session = session_start_from_assignment(user=anna, assignment_id=posted_assignment["id"])
    answer_all(session, anna, text=ANNA_MARKER)
    client = client_for(thea_mfa)
    data = client.get(f"/api/therapist/couples/{anna_and_bram.pk}/").json()
    [item] = data["assignments"]
    assert item["started"] is True and item["completed"] is False
    [progress] = item["sessions"]
    assert progress["status"] == "answering"
    assert [p["state"] for p in progress["partners"]] == ["drafting", "not_started"]
    assert progress["revealed"] is False
    answer_all(session, bram, text=BRAM_MARKER)

    session_services.session_submit(user=anna, session=session)
    session_services.session_submit(user=bram, session=session)
    reveal_all(session, anna, bram)
    data = client.get(f"/api/therapist/couples/{anna_and_bram.pk}/").json()
    [item] = data["assignments"]
    assert item["completed"] is True and item["completed_at"] is not None
    [progress] = item["sessions"]
    assert progress["revealed"] is True and progress["revealed_at"] is not None
    assert [p["state"] for p in progress["partners"]] == ["submitted", "submitted"]
    assert ANNA_MARKER not in str(data) and BRAM_MARKER not in str(data)


def test_a_paused_partner_looks_like_one_who_has_not_answered(
    posted_assignment, client_for, thea_mfa, anna, bram, anna_and_bram, version
):

    session = session_start_from_assignment(user=anna, assignment_id=posted_assignment["id"])
    answer_all(session, anna)
    url = f"/api/therapist/couples/{anna_and_bram.pk}/"
    before = client_for(thea_mfa).get(url).content
    screen_positive(bram)
    assert client_for(thea_mfa).get(url).content == before


def test_a_report_reaches_the_therapist_only_when_shared(
    linked, client_for, thea_mfa, bram, anna_and_bram
):

    report_unsafe(bram, note="Ik wil dit met Thea bespreken")
    url = f"/api/therapist/couples/{anna_and_bram.pk}/"
    partners = client_for(thea_mfa).get(url).json()["partners"]
    assert [p["shared_reports"] for p in partners] == [[], []]
    report_update(report=SafetyReport.objects.get(user=bram), share_with_therapist=True)
    partners = client_for(thea_mfa).get(url).json()["partners"]
    assert partners[0]["shared_reports"] == []
    assert partners[1]["display_name"] == "Bram"
    assert partners[1]["shared_reports"][0]["note"] == "Ik wil dit met Thea bespreken"


def test_the_couple_list_shows_partners_and_counts(
    posted_assignment, client_for, thea_mfa, anna_and_bram
):
    [couple] = client_for(thea_mfa).get("/api/therapist/couples/").json()
    assert couple["id"] == str(anna_and_bram.pk)
    assert couple["partners"] == [{"display_name": "Anna"}, {"display_name": "Bram"}]
    assert couple["assignments"] == 1


def test_the_couple_detail_makes_the_same_number_of_queries_as_data_grows(
    linked, client_for, thea_mfa, anna, bram, anna_and_bram, version, django_assert_num_queries
):

    client = client_for(thea_mfa)
    url = f"/api/therapist/couples/{anna_and_bram.pk}/"

    def grow(slug: str) -> None:
        exercise = publish(slug).exercise
        assignment = assignment_create(
            therapist=thea_mfa, couple_id=anna_and_bram.pk, exercise_slug=exercise.slug
        )

        session = session_start_from_assignment(user=anna, assignment_id=assignment.pk)
        answer_all(session, anna)
        answer_all(session, bram)

        session_services.session_submit(user=anna, session=session)
        session_services.session_submit(user=bram, session=session)
        reveal_all(session, anna, bram)
        session_share(user=anna, session_id=session.pk)
        session_share(user=bram, session_id=session.pk)

    grow("eerste")
    client.get(url)  # the first request of a client also touches its session
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for slug in ("tweede", "derde", "vierde"):
        grow(slug)
    with django_assert_num_queries(len(small)):
        response = client.get(url)
    assert len(response.json()["assignments"]) == 4

import pytest

from exercises.services import exercise_unpublish
from safety.services import report_create
from sessions.models import CoupleSession, ParticipantState, SessionStatus
from sessions.selectors import session_summary, sessions_for_user
from tests.factories import fresh_check_in, link, publish, publish_reviewed

pytestmark = pytest.mark.django_db


def test_it_starts_a_session_pinned_to_the_current_version(
    client_for, anna, bram, anna_and_bram, version
):
    response = client_for(anna).post(
        "/api/sessions/", {"exercise": "grenzen-voelen"}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "answering"
    assert body["exercise"] == {"slug": "grenzen-voelen", "title": "Titel grenzen-voelen"}
    assert [prompt["kind"] for prompt in body["prompts"]] == ["text", "scale", "choice", "multi"]
    assert body["me"] == {"state": "not_started", "not_now": None, "answers": []}
    assert body["partner"] == {"display_name": "Bram", "state": "not_started", "not_now": None}
    assert body["revealed"] == []
    session = CoupleSession.objects.get(pk=body["id"])
    assert session.version == version
    assert session.couple == anna_and_bram
    assert session.started_by == anna
    assert {p.user for p in session.participants.all()} == {anna, bram}
    assert {p.state for p in session.participants.all()} == {ParticipantState.NOT_STARTED}


def test_the_session_keeps_its_version_when_the_exercise_is_published_again(
    client_for, anna, anna_and_bram, version
):
    session_id = (
        client_for(anna)
        .post("/api/sessions/", {"exercise": "grenzen-voelen"}, format="json")
        .json()["id"]
    )
    exercise = version.exercise
    exercise.title_nl = "Nieuwe titel"
    exercise.save()
    publish_reviewed(exercise)
    body = client_for(anna).get(f"/api/sessions/{session_id}/").json()
    assert body["exercise"]["title"] == "Titel grenzen-voelen"
    assert CoupleSession.objects.get(pk=session_id).version == version


def test_a_second_open_session_of_the_same_exercise_is_409_with_the_open_ones_id(
    client_for, anna, bram, anna_and_bram, version
):
    first = (
        client_for(anna)
        .post("/api/sessions/", {"exercise": "grenzen-voelen"}, format="json")
        .json()
    )
    response = client_for(bram).post(
        "/api/sessions/", {"exercise": "grenzen-voelen"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "session_already_open"
    assert response.json()["session"] == first["id"]
    assert CoupleSession.objects.count() == 1


def test_a_different_exercise_may_be_open_at_the_same_time(
    client_for, anna, anna_and_bram, version
):
    publish("ander-thema")
    client = client_for(anna)
    assert (
        client.post("/api/sessions/", {"exercise": "grenzen-voelen"}, format="json").status_code
        == 201
    )
    assert (
        client.post("/api/sessions/", {"exercise": "ander-thema"}, format="json").status_code == 201
    )


def test_the_database_refuses_a_second_open_session_of_an_exercise(session):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CoupleSession.objects.create(
            couple=session.couple, exercise=session.exercise, version=session.version
        )


def test_a_new_session_may_start_once_the_last_one_is_completed(
    client_for, anna, anna_and_bram, session
):
    CoupleSession.objects.filter(pk=session.pk).update(status=SessionStatus.COMPLETED)
    response = client_for(anna).post(
        "/api/sessions/", {"exercise": "grenzen-voelen"}, format="json"
    )
    assert response.status_code == 201


def test_unpublished_and_unknown_exercises_are_404(client_for, anna, anna_and_bram, version):
    exercise_unpublish(exercise=version.exercise)
    client = client_for(anna)
    assert (
        client.post("/api/sessions/", {"exercise": "grenzen-voelen"}, format="json").status_code
        == 404
    )
    assert (
        client.post("/api/sessions/", {"exercise": "bestaat-niet"}, format="json").status_code
        == 404
    )


def test_a_missing_exercise_is_400(client_for, anna, anna_and_bram):
    response = client_for(anna).post("/api/sessions/", {}, format="json")
    assert response.status_code == 400
    assert "exercise" in response.json()["fields"]


def test_cas_without_a_couple_gets_409_no_couple(client_for, cas, version):
    fresh_check_in(cas)
    response = client_for(cas).post("/api/sessions/", {"exercise": "grenzen-voelen"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "no_couple"


def test_starting_needs_a_check_in_first(client_for, anna, bram, version):
    link(anna, bram)
    response = client_for(anna).post(
        "/api/sessions/", {"exercise": "grenzen-voelen"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "check_in_required"
    assert CoupleSession.objects.count() == 0


def test_starting_is_refused_while_paused(client_for, anna, anna_and_bram, version):
    report_create(user=anna)
    response = client_for(anna).post(
        "/api/sessions/", {"exercise": "grenzen-voelen"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "paused"


def test_anonymous_gets_401(api, version):
    assert (
        api.post("/api/sessions/", {"exercise": "grenzen-voelen"}, format="json").status_code == 401
    )
    assert api.get("/api/sessions/").status_code == 401


def test_the_list_shows_my_couples_sessions_only(
    client_for, anna, bram, dirk, ella, anna_and_bram, dirk_and_ella, session
):
    publish("ander-thema")
    client_for(dirk).post("/api/sessions/", {"exercise": "ander-thema"}, format="json")
    for person in (anna, bram):
        items = client_for(person).get("/api/sessions/").json()
        assert [item["id"] for item in items] == [str(session.id)]
        assert items[0]["status"] == "answering"
    assert [item["exercise"]["slug"] for item in client_for(ella).get("/api/sessions/").json()] == [
        "ander-thema"
    ]


def test_the_list_costs_one_query_for_one_or_many_sessions(
    client_for, anna, anna_and_bram, version, django_assert_num_queries
):
    client = client_for(anna)
    for number in range(5):
        publish(f"extra-{number}")
        client.post("/api/sessions/", {"exercise": f"extra-{number}"}, format="json")
        with django_assert_num_queries(1):
            items = [
                session_summary(session=session, language="nl")
                for session in sessions_for_user(user=anna)
            ]
        assert len(items) == number + 1

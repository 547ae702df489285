"""Issue 18: a path for one. Anyone signed in starts a solo exercise for themselves alone, with or
without a couple; its answers are only ever theirs (never revealed, never the partner's, another
couple's, a stranger's or the therapist's without a per-session share); while paused only the
solo exercises safe for that moment may be done; export and erasure include them."""

from __future__ import annotations

import json

import pytest
from django.db import IntegrityError, transaction

from exercises.models import Audience, DraftPrompt
from sessions import services as session_services
from sessions.models import Answer, CoupleSession, SessionStatus
from tests.factories import (
    build_draft,
    fresh_check_in,
    link,
    password_of,
    publish_reviewed,
    report_unsafe,
    screen_positive,
    therapist_link,
)

SOLO_MARKER = "anna-solo-marker-5e8b1d"
SESSIONS = "/api/sessions/"


def _solo(slug: str, *, safe_while_paused: bool = False):
    exercise = build_draft(slug)
    exercise.audience = Audience.SOLO
    exercise.safe_while_paused = safe_while_paused
    exercise.save()
    DraftPrompt.objects.filter(exercise=exercise).update(talk_about_nl="", talk_about_en="")
    return publish_reviewed(exercise)


@pytest.fixture
def solo(db):
    return _solo("voor-jezelf")


@pytest.fixture
def grounding(db):
    return _solo("landen", safe_while_paused=True)


def start(client, version) -> dict:
    response = client.post(SESSIONS, {"exercise": version.exercise.slug}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def answer_and_submit(client, detail: dict, text: str = SOLO_MARKER) -> dict:
    values = {"text": text, "scale": 3, "choice": "say_it", "multi": ["body"]}
    for prompt in detail["prompts"]:
        url = f"{SESSIONS}{detail['id']}/answers/{prompt['id']}/"
        response = client.put(url, {"value": values[prompt["kind"]]}, format="json")
        assert response.status_code == 200, response.content
    response = client.post(f"{SESSIONS}{detail['id']}/submit/")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_single_person_does_a_solo_exercise_without_a_check_in(client_for, cas, solo):
    client = client_for(cas)

    detail = start(client, solo)
    done = answer_and_submit(client, detail)

    assert detail["solo"] is True and detail["partner"] is None
    assert done["status"] == SessionStatus.COMPLETED
    assert done["revealed"] == []
    assert SOLO_MARKER in [answer["value"] for answer in done["me"]["answers"]]
    listed = client.get(SESSIONS).json()
    assert [(item["id"], item["solo"]) for item in listed] == [(detail["id"], True)]


def test_a_paired_person_does_one_alone_and_the_partner_is_told_nothing(
    client_for, reauthenticated_client_for, anna, bram, anna_and_bram, solo
):
    detail = start(client_for(anna), solo)
    answer_and_submit(client_for(anna), detail)

    session = CoupleSession.objects.get(pk=detail["id"])
    assert (session.couple_id, session.owner_id) == (None, anna.pk)
    assert list(session.participants.values_list("user_id", flat=True)) == [anna.pk]
    bram_client = client_for(bram)
    assert bram_client.get(f"{SESSIONS}{detail['id']}/").status_code == 404
    assert detail["id"] not in bram_client.get(SESSIONS).content.decode()
    export = reauthenticated_client_for(bram).get("/api/me/export/")
    assert export.status_code == 200
    assert SOLO_MARKER not in export.content.decode()
    assert detail["id"] not in export.content.decode()


@pytest.mark.parametrize("actor", ["bram", "dirk", "cas", "thea_mfa"])
def test_nobody_else_can_read_or_answer_it(request, client_for, anna, anna_and_bram, solo, actor):
    request.getfixturevalue("dirk_and_ella")
    detail = start(client_for(anna), solo)
    prompt = detail["prompts"][0]["id"]
    other = client_for(request.getfixturevalue(actor))

    assert other.get(f"{SESSIONS}{detail['id']}/").status_code == 404
    put = other.put(f"{SESSIONS}{detail['id']}/answers/{prompt}/", {"value": "x"}, format="json")
    assert put.status_code == 404
    assert other.post(f"{SESSIONS}{detail['id']}/submit/").status_code == 404
    assert other.post(f"{SESSIONS}{detail['id']}/share/").status_code == 404
    assert not Answer.objects.filter(session_id=detail["id"]).exists()


def test_anonymous_gets_401(api, anna, solo):
    session = session_services.session_start(user=anna, exercise_slug=solo.exercise.slug)
    assert api.get(f"{SESSIONS}{session.pk}/").status_code == 401
    assert api.post(SESSIONS, {"exercise": solo.exercise.slug}, format="json").status_code == 401


def test_a_second_open_one_of_the_same_exercise_is_refused_with_the_open_one(client_for, cas, solo):
    first = start(client_for(cas), solo)

    response = client_for(cas).post(SESSIONS, {"exercise": solo.exercise.slug}, format="json")

    assert response.status_code == 409
    assert response.json()["session"] == first["id"]


def test_the_database_refuses_a_session_with_both_a_couple_and_an_owner(anna, anna_and_bram, solo):
    with pytest.raises(IntegrityError), transaction.atomic():
        CoupleSession.objects.create(
            couple=anna_and_bram, owner=anna, exercise=solo.exercise, version=solo
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        CoupleSession.objects.create(exercise=solo.exercise, version=solo)


def test_while_paused_only_the_exercises_safe_for_that_moment_open(
    client_for, cas, solo, grounding
):
    fresh_check_in(cas)
    screen_positive(cas)
    client = client_for(cas)

    refused = client.post(SESSIONS, {"exercise": solo.exercise.slug}, format="json")
    allowed = start(client, grounding)

    assert refused.status_code == 409
    assert refused.json()["code"] == "paused"
    assert allowed["solo"] is True
    assert answer_and_submit(client, allowed)["status"] == SessionStatus.COMPLETED


def test_a_report_stops_answering_an_open_solo_exercise_that_is_not_safe_while_paused(
    client_for, cas, solo
):
    client = client_for(cas)
    detail = start(client, solo)
    report_unsafe(cas)

    prompt = detail["prompts"][0]["id"]
    response = client.put(
        f"{SESSIONS}{detail['id']}/answers/{prompt}/", {"value": "x"}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "paused"


def test_solo_sessions_never_go_live_and_say_no_not_now(client_for, anna, solo):
    detail = start(client_for(anna), solo)
    answer_and_submit(client_for(anna), detail)

    with pytest.raises(Exception) as error:
        session_services.reveal_join(user=anna, session_id=detail["id"], channel_name="c")
    assert getattr(error.value, "code", None) == "session_solo"
    response = client_for(anna).post(
        f"{SESSIONS}{detail['id']}/not-now/", {"message": "not_tonight"}, format="json"
    )
    assert response.status_code == 409


@pytest.mark.django_db(transaction=True)
async def test_the_live_reveal_socket_refuses_a_solo_session(anna, solo):
    from channels.db import database_sync_to_async

    from tests.support.live import connect

    session = await database_sync_to_async(session_services.session_start)(
        user=anna, exercise_slug=solo.exercise.slug
    )
    live, connected, _ = await connect(anna, session.id)

    assert connected
    error = await live.expect("error")
    assert error["code"] == "session_solo"
    assert (await live.next())["type"] == "__closed__"


def test_a_therapist_sees_it_only_after_a_per_session_share(
    client_for, anna, bram, anna_and_bram, thea_mfa, solo
):
    therapist_link(thea_mfa, anna, bram)
    detail = start(client_for(anna), solo)
    file_url = f"/api/therapist/couples/{anna_and_bram.pk}/"
    unfinished = client_for(anna).post(f"{SESSIONS}{detail['id']}/share/")
    answer_and_submit(client_for(anna), detail)
    before = client_for(thea_mfa).get(file_url)

    shared = client_for(anna).post(f"{SESSIONS}{detail['id']}/share/")
    after = client_for(thea_mfa).get(file_url)
    client_for(anna).delete(f"{SESSIONS}{detail['id']}/share/")
    revoked = client_for(thea_mfa).get(file_url)

    assert unfinished.status_code == 409
    assert before.status_code == 200 and SOLO_MARKER not in before.content.decode()
    assert shared.status_code == 200
    assert after.status_code == 200
    [session] = [s for s in after.json()["shared_sessions"] if s["id"] == detail["id"]]
    assert SOLO_MARKER in [answer["value"] for answer in session["shared"][0]["answers"]]
    assert revoked.status_code == 200 and SOLO_MARKER not in revoked.content.decode()


def test_sharing_without_a_therapist_is_refused(client_for, cas, solo):
    detail = start(client_for(cas), solo)
    answer_and_submit(client_for(cas), detail)

    response = client_for(cas).post(f"{SESSIONS}{detail['id']}/share/")

    assert response.status_code == 409
    assert response.json()["code"] == "no_therapist"


def test_it_is_in_my_export(reauthenticated_client_for, anna, solo):
    client = reauthenticated_client_for(anna)
    detail = start(client, solo)
    answer_and_submit(client, detail)

    response = client.get("/api/me/export/")

    assert response.status_code == 200
    sessions = json.loads(response.content)["exercises"]["sessions"]
    [mine] = [item for item in sessions if item["id"] == detail["id"]]
    assert mine["solo"] is True
    assert SOLO_MARKER in [answer["value"] for answer in mine["me"]["answers"]]


def test_it_is_erased_with_my_account(client_for, anna, bram, solo):
    fresh_check_in(anna)
    link(anna, bram)
    detail = start(client_for(anna), solo)
    answer_and_submit(client_for(anna), detail)

    response = client_for(anna).delete("/api/me/", {"password": password_of(anna)}, format="json")

    assert response.status_code == 204
    assert not CoupleSession.objects.filter(pk=detail["id"]).exists()
    assert not Answer.objects.filter(value=SOLO_MARKER).exists()


def test_a_shared_solo_session_shows_on_the_caseload_as_a_new_share(
    client_for, anna, bram, anna_and_bram, thea_mfa, solo
):
    """A solo session has no couple; its share still needs the therapist's attention, under the
    couple its owner is in now, and never carries the answers themselves."""
    therapist_link(thea_mfa, anna, bram)
    detail = start(client_for(anna), solo)
    answer_and_submit(client_for(anna), detail)
    shared = client_for(anna).post(f"{SESSIONS}{detail['id']}/share/")
    assert shared.status_code == 200, shared.content

    response = client_for(thea_mfa).get("/api/therapist/caseload/")
    assert response.status_code == 200
    [couple] = response.json()["couples"]
    assert couple["id"] == str(anna_and_bram.pk)
    [share] = [item for item in couple["attention"] if item["kind"] == "new_share"]
    assert share["session"] == detail["id"] and share["display_name"] == "Anna"
    assert SOLO_MARKER not in response.content.decode()

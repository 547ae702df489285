"""GET /api/sessions/{id}/ and the privacy rules it must keep."""

import json

import pytest

from pairing.services import couple_end
from sessions.models import PromptReveal, SessionStatus
from sessions.selectors import access_session, session_detail
from sessions.services import session_start, session_submit
from tests.factories import (
    MARKER,
    PRIVATE_MARKER,
    answer_all,
    fresh_check_in,
    link,
    publish,
    submitted_session,
)

pytestmark = pytest.mark.django_db


def _reveal_all(session):
    """What the live reveal writes, prompt by prompt (the consumer tests drive it for real)."""
    for index, prompt in enumerate(session.version.prompts.order_by("position")):
        PromptReveal.objects.create(session=session, prompt=prompt, index=index)
    session.status = SessionStatus.COMPLETED
    session.current_index = index + 1
    session.save()


def _detail(client, session):
    response = client.get(f"/api/sessions/{session.id}/")
    assert response.status_code == 200
    return response


def test_i_see_my_own_drafts(client_for, anna, session):
    answer_all(session, anna, text="Mijn eigen tekst")
    body = _detail(client_for(anna), session).json()
    assert body["me"]["state"] == "drafting"
    texts = [a["value"] for a in body["me"]["answers"]]
    assert "Mijn eigen tekst" in texts
    assert all(a["keep_private"] is False for a in body["me"]["answers"])


def test_anna_never_sees_brams_answers_before_the_reveal(client_for, anna, bram, ready_session):
    client = client_for(anna)
    responses = [
        client.get("/api/sessions/"),
        client.get(f"/api/sessions/{ready_session.id}/"),
        client.post(f"/api/sessions/{ready_session.id}/submit/", format="json"),
        client.put(
            f"/api/sessions/{ready_session.id}/answers/{ready_session.version.prompts.first().id}/",
            {"value": "x"},
            format="json",
        ),
    ]
    for response in responses:
        assert MARKER not in response.content.decode()
    assert _detail(client, ready_session).json()["revealed"] == []


def test_only_revealed_prompts_show_the_partners_answer(client_for, anna, bram, ready_session):
    prompts = list(ready_session.version.prompts.order_by("position"))
    PromptReveal.objects.create(session=ready_session, prompt=prompts[1], index=0)
    body = _detail(client_for(anna), ready_session).json()
    assert body["revealed"] == [
        {
            "prompt": str(prompts[1].id),
            "mine": {"value": 3, "keep_private": False},
            "partner": {"value": 3, "keep_private": False},
        }
    ]
    assert MARKER not in json.dumps(body)


def test_after_the_reveal_both_read_the_revealed_answers(client_for, anna, bram, ready_session):
    _reveal_all(ready_session)
    anna_view = _detail(client_for(anna), ready_session).json()
    bram_view = _detail(client_for(bram), ready_session).json()
    assert anna_view["revealed"][0]["partner"] == {"value": MARKER, "keep_private": False}
    assert anna_view["revealed"][0]["mine"] == {"value": "Anna schrijft", "keep_private": False}
    assert bram_view["revealed"][0]["partner"] == {"value": "Anna schrijft", "keep_private": False}
    assert len(anna_view["revealed"]) == 4


def test_a_kept_private_answer_never_reaches_the_partner(client_for, anna, bram, session):
    answer_all(session, anna)
    answer_all(session, bram, text=PRIVATE_MARKER, private=(1,))
    session_submit(user=anna, session=session)
    session_submit(user=bram, session=session)
    _reveal_all(session)
    anna_view = _detail(client_for(anna), session)
    assert PRIVATE_MARKER not in anna_view.content.decode()
    item = anna_view.json()["revealed"][0]
    assert item["partner"] == {"value": None, "keep_private": True}
    bram_view = _detail(client_for(bram), session).json()
    assert bram_view["revealed"][0]["mine"] == {"value": PRIVATE_MARKER, "keep_private": True}


@pytest.mark.parametrize("who", ["cas", "dirk"])
def test_cas_and_dirk_get_404_on_anna_and_brams_session(
    request, client_for, dirk_and_ella, session, who
):
    response = client_for(request.getfixturevalue(who)).get(f"/api/sessions/{session.id}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_unknown_id_is_the_same_404(client_for, anna, session):
    import uuid

    response = client_for(anna).get(f"/api/sessions/{uuid.uuid4()}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_ending_the_couple_abandons_its_open_sessions(anna, bram, session):
    couple_end(user=bram)
    session.refresh_from_db()
    assert session.status == SessionStatus.ABANDONED
    assert session.abandoned_at is not None


def test_after_the_couple_ends_each_keeps_only_their_own_answers(
    client_for, anna, bram, ready_session
):
    _reveal_all(ready_session)
    couple_end(user=anna)
    for person, own in ((anna, "Anna schrijft"), (bram, MARKER)):
        response = _detail(client_for(person), ready_session)
        body = response.json()
        assert body["partner"] is None
        assert body["revealed"][0] == {
            "prompt": body["revealed"][0]["prompt"],
            "mine": {"value": own, "keep_private": False},
            "partner": None,
        }
        assert own in response.content.decode()
    assert MARKER not in _detail(client_for(anna), ready_session).content.decode()


def test_after_the_couple_ends_the_old_session_stays_404_for_a_new_partner(
    client_for, anna, bram, cas, ready_session
):
    couple_end(user=anna)
    fresh_check_in(cas)
    link(anna, cas)
    assert client_for(cas).get(f"/api/sessions/{ready_session.id}/").status_code == 404


def test_session_detail_costs_the_same_queries_however_many_prompts_sessions_and_answers(
    anna, bram, anna_and_bram, django_assert_num_queries
):
    small = submitted_session(anna, bram, publish("klein"))
    large_version = publish("groot", extra_text_prompts=30)
    large = submitted_session(anna, bram, large_version)
    for number in range(3):
        other = session_start(user=anna, exercise_slug=publish(f"extra-{number}").exercise.slug)
        answer_all(other, anna)
    _reveal_all(large)
    for session in (small, large):
        # The session; its participants; its prompts, each with its reveal index; the
        # answers. It was 5 (the reveals were read on their own).
        with django_assert_num_queries(4):
            found = access_session(user=anna, session_id=session.id)
            session_detail(user=anna, session=found)

import pytest

from sessions.models import ParticipantState, SessionStatus
from sessions.services import answer_save
from tests.factories import answer_all

pytestmark = pytest.mark.django_db


def _submit(client, session):
    return client.post(f"/api/sessions/{session.id}/submit/", format="json")


def test_submitting_locks_my_answers(client_for, anna, bram, session):
    answer_all(session, anna)
    response = _submit(client_for(anna), session)
    assert response.status_code == 200
    assert response.json()["me"]["state"] == "submitted"
    assert response.json()["status"] == "answering"
    assert client_for(bram).get(f"/api/sessions/{session.id}/").json()["partner"]["state"] == (
        "submitted"
    )


def test_both_submitted_makes_the_session_ready_to_reveal(client_for, anna, bram, session):
    answer_all(session, anna)
    answer_all(session, bram)
    _submit(client_for(anna), session)
    response = _submit(client_for(bram), session)
    assert response.json()["status"] == "ready_to_reveal"
    session.refresh_from_db()
    assert session.status == SessionStatus.READY_TO_REVEAL
    assert {p.state for p in session.participants.all()} == {ParticipantState.SUBMITTED}


def test_a_missing_answer_is_400_answers_missing(client_for, anna, session):
    prompt = session.version.prompts.get(kind="text")
    answer_save(user=anna, session=session, prompt_id=prompt.id, value="x", keep_private=False)
    response = _submit(client_for(anna), session)
    assert response.status_code == 400
    assert response.json()["code"] == "answers_missing"
    # Named, in the order they are asked, so the app can take the person there.
    expected = [
        str(pk)
        for pk in session.version.prompts.exclude(pk=prompt.pk)
        .order_by("position")
        .values_list("id", flat=True)
    ]
    assert response.json()["missing"] == expected


def test_an_empty_text_or_empty_multi_does_not_count_as_answered(client_for, anna, session):
    answer_all(session, anna)
    prompt = session.version.prompts.get(kind="multi")
    answer_save(user=anna, session=session, prompt_id=prompt.id, value=[], keep_private=False)
    assert _submit(client_for(anna), session).json()["code"] == "answers_missing"


def test_a_prompt_kept_private_without_a_value_counts_as_answered(client_for, anna, session):
    answer_all(session, anna)
    prompt = session.version.prompts.get(kind="text")
    answer_save(user=anna, session=session, prompt_id=prompt.id, value=None, keep_private=True)
    assert _submit(client_for(anna), session).status_code == 200


def test_submitting_twice_is_409_already_submitted(client_for, anna, session):
    answer_all(session, anna)
    client = client_for(anna)
    _submit(client, session)
    response = _submit(client, session)
    assert response.status_code == 409
    assert response.json()["code"] == "already_submitted"


def test_submitting_needs_a_fresh_check_in(client_for, anna, session):
    from safety.services import report_create

    answer_all(session, anna)
    report_create(user=anna)
    response = _submit(client_for(anna), session)
    assert response.status_code == 409
    assert response.json()["code"] == "paused"


@pytest.mark.parametrize("who", ["cas", "dirk"])
def test_cas_and_dirk_get_404_submitting_anna_and_brams_session(
    request, client_for, dirk_and_ella, session, who
):
    response = _submit(client_for(request.getfixturevalue(who)), session)
    assert response.status_code == 404

import pytest

from safety.services import report_create
from sessions.models import Answer, ParticipantState, SessionStatus
from sessions.services import answer_save
from tests.factories import answer_all, publish

pytestmark = pytest.mark.django_db


def _prompts(session):
    return {prompt.kind: prompt for prompt in session.version.prompts.all()}


def _put(client, session, prompt_id, value, keep_private=False):
    return client.put(
        f"/api/sessions/{session.id}/answers/{prompt_id}/",
        {"value": value, "keep_private": keep_private},
        format="json",
    )


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("text", "Bij mijn moeder, vroeger."),
        ("text", "x" * 5000),
        ("scale", 1),
        ("scale", 5),
        ("choice", "wait"),
        ("multi", ["body", "thoughts"]),
        ("multi", []),
    ],
)
def test_it_saves_a_valid_draft(client_for, anna, session, kind, value):
    prompt = _prompts(session)[kind]
    response = _put(client_for(anna), session, prompt.id, value)
    assert response.status_code == 200
    assert response.json() == {"prompt": str(prompt.id), "value": value, "keep_private": False}
    assert Answer.objects.get(session=session, user=anna, prompt=prompt).value == value


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("text", "x" * 5001),
        ("text", 12),
        ("text", ["a"]),
        ("scale", 0),
        ("scale", 6),
        ("scale", 2.5),
        ("scale", "3"),
        ("scale", True),
        ("choice", "nope"),
        ("choice", ["say_it"]),
        ("choice", 1),
        ("multi", ["body", "body"]),
        ("multi", ["body", "nope"]),
        ("multi", "body"),
        ("multi", [1]),
        ("text", None),
        ("choice", None),
    ],
)
def test_it_refuses_a_value_that_does_not_fit_the_kind(client_for, anna, session, kind, value):
    prompt = _prompts(session)[kind]
    response = _put(client_for(anna), session, prompt.id, value)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert response.json()["fields"]["value"]
    assert not Answer.objects.exists()


def test_the_scale_message_names_the_range(client_for, anna, session):
    response = _put(client_for(anna), session, _prompts(session)["scale"].id, 9)
    assert "1" in response.json()["fields"]["value"][0]
    assert "5" in response.json()["fields"]["value"][0]


def test_keep_private_allows_an_empty_value(client_for, anna, session):
    prompt = _prompts(session)["choice"]
    response = _put(client_for(anna), session, prompt.id, None, keep_private=True)
    assert response.status_code == 200
    answer = Answer.objects.get(prompt=prompt)
    assert answer.keep_private is True
    assert answer.value is None


def test_saving_again_updates_the_one_answer(client_for, anna, session):
    prompt = _prompts(session)["text"]
    client = client_for(anna)
    _put(client, session, prompt.id, "eerst")
    _put(client, session, prompt.id, "daarna")
    assert Answer.objects.filter(session=session, user=anna).count() == 1
    assert Answer.objects.get().value == "daarna"


def test_the_value_is_encrypted_at_rest(client_for, anna, session):
    from django.db import connection

    _put(client_for(anna), session, _prompts(session)["text"].id, "geheim-woord-123")
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM couple_sessions_answer")
        (stored,) = cursor.fetchone()
    assert "geheim-woord-123" not in stored


def test_the_first_save_turns_my_state_into_drafting(client_for, anna, bram, session):
    _put(client_for(anna), session, _prompts(session)["scale"].id, 2)
    states = {p.user: p.state for p in session.participants.all()}
    assert states == {anna: ParticipantState.DRAFTING, bram: ParticipantState.NOT_STARTED}
    body = client_for(bram).get(f"/api/sessions/{session.id}/").json()
    assert body["partner"] == {"display_name": "Anna", "state": "drafting", "not_now": None}


def test_a_prompt_of_another_session_is_404_prompt_not_in_session(
    client_for, anna, anna_and_bram, session
):
    other = publish("ander-thema")
    response = _put(client_for(anna), session, other.prompts.first().id, "x")
    assert response.status_code == 404
    assert response.json()["code"] == "prompt_not_in_session"


def test_editing_after_submit_is_409_already_submitted(client_for, anna, session):
    from sessions.services import session_submit

    answer_all(session, anna)
    session_submit(user=anna, session=session)
    response = _put(client_for(anna), session, _prompts(session)["text"].id, "anders")
    assert response.status_code == 409
    assert response.json()["code"] == "already_submitted"


def test_answering_is_refused_once_the_session_is_over(client_for, anna, session):
    session.status = SessionStatus.ABANDONED
    session.save()
    response = _put(client_for(anna), session, _prompts(session)["text"].id, "x")
    assert response.status_code == 409
    assert response.json()["code"] == "session_not_answering"


def test_answering_is_refused_while_paused(client_for, anna, session):
    report_create(user=anna)
    response = _put(client_for(anna), session, _prompts(session)["text"].id, "x")
    assert response.status_code == 409
    assert response.json()["code"] == "paused"


@pytest.mark.parametrize("who", ["cas", "dirk"])
def test_cas_and_dirk_get_404_on_anna_and_brams_session(
    request, client_for, dirk_and_ella, session, who
):
    person = request.getfixturevalue(who)
    response = _put(client_for(person), session, _prompts(session)["text"].id, "x")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_unknown_session_is_404(client_for, anna, session):
    import uuid

    response = _put(client_for(anna), session.__class__(id=uuid.uuid4()), uuid.uuid4(), "x")
    assert response.status_code == 404


def test_answer_save_costs_the_same_queries_however_many_prompts_and_answers(
    anna, bram, anna_and_bram, django_assert_num_queries
):
    from sessions.services import session_start

    small = session_start(user=anna, exercise_slug=publish("klein").exercise.slug)
    large = session_start(
        user=anna, exercise_slug=publish("groot", extra_text_prompts=30).exercise.slug
    )
    answer_all(large, anna)
    answer_all(large, bram)
    counts = []
    for session in (small, large):
        prompt = session.version.prompts.get(kind="text", position=1)
        answer_save(user=anna, session=session, prompt_id=prompt.id, value="a", keep_private=False)
        # SAVEPOINT; the session (locked) with my participant row, the prompt, the partner's
        # state and my safety facts; the upsert of the answer; RELEASE. It was 10.
        with django_assert_num_queries(4) as captured:
            answer_save(
                user=anna, session=session, prompt_id=prompt.id, value="b", keep_private=False
            )
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_answering_needs_a_check_in_again_after_14_days(clock, client_for, anna, session):
    """The guard reads the last check-in inside the save's one query: it still turns stale."""
    prompt = _prompts(session)["text"]
    assert _put(client_for(anna), session, prompt.id, "nu").status_code == 200
    clock.move(days=15)
    # A new sign-in: the first one's login session has expired by now.
    response = _put(client_for(anna), session, prompt.id, "later")
    assert response.status_code == 409
    assert response.json()["code"] == "check_in_required"
    assert Answer.objects.get(session=session, user=anna).value == "nu"


def test_answering_needs_a_fresh_check_in_after_resuming(clock, client_for, anna, session):
    from safety.services import pause_resume

    report_create(user=anna)
    clock.move(hours=25)
    pause_resume(user=anna)
    response = _put(client_for(anna), session, _prompts(session)["text"].id, "x")
    assert response.status_code == 409
    assert response.json()["code"] == "check_in_required"
    assert not Answer.objects.exists()


def test_a_first_draft_after_not_now_takes_it_back_in_the_same_update(
    client_for, anna, bram, session
):
    from sessions.services import session_not_now

    session_not_now(user=anna, session=session, message="not_tonight")
    response = _put(client_for(anna), session, _prompts(session)["scale"].id, 2)
    assert response.status_code == 200
    mine = session.participants.get(user=anna)
    assert (mine.state, mine.not_now) == (ParticipantState.DRAFTING, "")
    body = client_for(bram).get(f"/api/sessions/{session.id}/").json()
    assert body["partner"] == {"display_name": "Anna", "state": "drafting", "not_now": None}

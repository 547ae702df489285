"""Queries per request and per live-reveal event stay flat as a session grows: more prompts,
more answers and more reveals cost no extra queries (no N+1)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.models import Audience, DraftPrompt
from sessions import services as session_services
from sessions.selectors import live_state, reveal_message
from tests.factories import (
    answer_all,
    build_draft,
    publish,
    publish_reviewed,
    submitted_session,
)

pytestmark = pytest.mark.django_db


def _count(function, *args, **kwargs) -> int:
    with CaptureQueriesContext(connection) as queries:
        function(*args, **kwargs)
    return len(queries)


def _started(anna, extra_prompts: int):
    version = publish(slug=f"groot-{extra_prompts}", extra_text_prompts=extra_prompts)
    return session_services.session_start(user=anna, exercise_slug=version.exercise.slug)


def _signed_in(client_for, user):
    """A client past its first request: allauth records the user session on the first one."""
    client = client_for(user)
    assert client.get("/api/me/").status_code == 200
    return client


def test_session_detail_costs_the_same_for_4_or_24_prompts(anna, bram, anna_and_bram, client_for):
    client = _signed_in(client_for, anna)
    counts = []
    for extra in (0, 20):
        session = _started(anna, extra)
        answer_all(session, anna)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/sessions/{session.id}/")
        assert response.status_code == 200
        assert len(response.json()["prompts"]) == 4 + extra
        counts.append(len(queries))
        session_services.session_submit(user=anna, session=session)
    assert counts[0] == counts[1]
    # 1 SELECT django_session (the session key; allauth's user-session write is throttled to
    #   once a minute and this client's minute already began)
    # 2 SELECT accounts_user (request.user, read once for Django and DRF)
    # 3 SELECT couplesession JOIN version, exercise, couple (access: a partner or the owner)
    # 4 SELECT sessionparticipant JOIN user (both partners' states, the partner's name)
    # 5 SELECT exercises_prompt + subquery promptreveal.index (each prompt's reveal index)
    # 6 SELECT couple_sessions_answer (mine, and the partner's revealed ones)
    # It was 12, then 7 (the reveals were read in a query of their own).
    assert counts[0] == 6, counts


def test_autosave_costs_the_same_with_many_answers_saved(anna, bram, anna_and_bram, client_for):
    client = _signed_in(client_for, anna)
    session = _started(anna, 20)
    prompt = session.version.prompts.filter(kind="text").order_by("position").first()
    path = f"/api/sessions/{session.id}/answers/{prompt.id}/"
    body = {"value": "Eerste versie", "keep_private": False}

    def save() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.put(path, body, format="json").status_code == 200
        return len(queries)

    first, again = save(), save()
    answer_all(session, anna)
    with_all_answers = save()
    # An update of an existing draft, whatever the number of answers:
    # 1 SELECT django_session
    # 2 SELECT accounts_user
    # 3 SAVEPOINT (answer_save is atomic; a BEGIN outside tests, which is not a statement)
    # 4 SELECT couplesession ... FOR UPDATE OF couplesession (PostgreSQL): access, JOIN version,
    #   couple, the prompt (filtered relation: None when not in this version), my participant
    #   (filtered relation), subqueries for the partner's user id and state and for my safety
    #   facts (safety_state.data, the last check-in's created_at): the guard costs nothing more
    # 5 INSERT INTO couple_sessions_answer ... ON CONFLICT (session, user, prompt) DO UPDATE
    # 6 RELEASE SAVEPOINT
    # A first draft adds one: UPDATE sessionparticipant SET state = 'drafting'; its /ws/me/
    # frame is built from statement 4 (my new state, the partner's state).
    # (22, 18, 18) before allauth's user-session write was throttled, then (17, 13, 13).
    assert (first, again, with_all_answers) == (7, 6, 6)


def test_autosave_of_a_solo_session_costs_the_same(cas, client_for):
    client = _signed_in(client_for, cas)
    exercise = build_draft("alleen")
    exercise.audience = Audience.SOLO
    exercise.save()
    DraftPrompt.objects.filter(exercise=exercise).update(talk_about_nl="", talk_about_en="")
    version = publish_reviewed(exercise)
    session = session_services.session_start(user=cas, exercise_slug=version.exercise.slug)
    prompt = session.version.prompts.filter(kind="text").order_by("position").first()
    path = f"/api/sessions/{session.id}/answers/{prompt.id}/"

    def save(value: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.put(path, {"value": value, "keep_private": False}, format="json")
        assert response.status_code == 200, response.content
        assert response.json()["value"] == value
        return len(queries)

    # The same statements as a couple session's; the solo guard reads the same facts.
    assert (save("Eerste"), save("Tweede")) == (7, 6)


def test_live_reveal_reads_stay_flat_as_prompts_are_revealed(anna, bram, anna_and_bram):
    small = submitted_session(anna, bram, publish(slug="klein"))
    large = submitted_session(anna, bram := bram, publish(slug="groot", extra_text_prompts=20))
    counts = {}
    for name, session in (("small", small), ("large", large)):
        for user, channel in ((anna, f"{name}-a"), (bram, f"{name}-b")):
            session_services.reveal_join(user=user, session_id=session.id, channel_name=channel)
        for index in range(3):
            for user in (anna, bram):
                session_services.reveal_ready(user=user, session_id=session.id, index=index)
        prompt = session.version.prompts.order_by("position").first()
        counts[name] = (
            _count(live_state, user=anna, session_id=session.id),
            _count(reveal_message, user=anna, session_id=session.id, prompt_id=prompt.id),
        )
    assert counts["small"] == counts["large"]
    # live_state: session, participants, prompts (presence is in the presence store, not a
    # table); reveal_message: session with the reveal, answers.
    assert counts["small"] == (3, 2)

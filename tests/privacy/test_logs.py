"""Logs never contain answer text, invite codes or safety data: the main flows (the REST API,
the live reveal over the WebSocket, linking a therapist and sharing answers with them) run with
every logger at DEBUG, and no record carries a planted marker."""

from __future__ import annotations

import json
import logging

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from rest_framework.test import APIClient

from exercises.models import PromptKind
from safety.content import QUESTION_IDS
from sessions import services as session_services
from tests.factories import answer_all, fresh_check_in, link, publish, reveal_first_prompt
from tests.mfa import give_totp
from tests.support.live import connect

ANSWER = "ANSWER-LOG-MARKER-5f1b"
NOTE = "REPORT-LOG-MARKER-0a7c"


def record_texts(caplog) -> list[str]:
    texts = []
    for record in caplog.records:
        texts.append(record.getMessage())
        texts.append(repr(record.args))
        texts.append(repr(record.__dict__))
        if record.exc_text:
            texts.append(record.exc_text)
    return texts


def test_the_main_flows_log_no_private_data(caplog, client_for, anna, bram):
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        logging.getLogger(name).setLevel(logging.DEBUG)

    signup = APIClient().post(
        "/_allauth/browser/v1/auth/signup",
        {"email": "nora@example.com", "password": "a-long-Enough-pass-7", "display_name": "Nora"},
        format="json",
    )
    assert signup.status_code == 401

    annas, brams = client_for(anna), client_for(bram)
    code = annas.post("/api/pairing/invites/").json()["code"]
    assert brams.get(f"/api/pairing/invites/{code}/").status_code == 200
    assert brams.get("/api/pairing/invites/ZZZZ-ZZZZ/").status_code == 404
    assert brams.post(f"/api/pairing/invites/{code}/accept/").status_code == 201

    fresh_check_in(anna)
    fresh_check_in(bram)
    version = publish()
    text_prompt = version.prompts.get(kind=PromptKind.TEXT)
    started = annas.post("/api/sessions/", {"exercise": version.exercise.slug}, format="json")
    assert started.status_code == 201
    session_id = started.json()["id"]
    for client, text in ((annas, ANSWER), (brams, ANSWER + "-bram")):
        for prompt in version.prompts.all():
            value = {
                PromptKind.TEXT: text,
                PromptKind.SCALE: 3,
                PromptKind.CHOICE: "say_it",
                PromptKind.MULTI: ["body"],
            }[prompt.kind]
            saved = client.put(
                f"/api/sessions/{session_id}/answers/{prompt.id}/",
                {"value": value, "keep_private": False},
                format="json",
            )
            assert saved.status_code == 200, saved.content
        assert client.post(f"/api/sessions/{session_id}/submit/").status_code == 200
    from sessions.models import CoupleSession

    reveal_first_prompt(CoupleSession.objects.get(pk=session_id), anna, bram)
    assert annas.get(f"/api/sessions/{session_id}/").status_code == 200
    assert text_prompt is not None

    positive = brams.post(
        "/api/safety/check-in/",
        {"alone": True, "answers": {**dict.fromkeys(QUESTION_IDS, "no"), "afraid": "yes"}},
        format="json",
    )
    assert positive.json()["outcome"] == "help_first"
    report = brams.post("/api/safety/reports/", {"note": NOTE}, format="json")
    assert report.status_code == 201

    texts = record_texts(caplog)
    assert texts, "the flows should have logged something at DEBUG"
    for needle in (ANSWER, NOTE, code, code.replace("-", ""), "help_first", "afraid"):
        assert not [text for text in texts if needle in text], needle


def debug_everywhere(caplog, settings) -> None:
    # With DEBUG on, Django also logs every SQL statement with its parameters.
    settings.DEBUG = True
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        logging.getLogger(name).setLevel(logging.DEBUG)


def assert_no_marker_logged(caplog, *needles: str) -> None:
    texts = record_texts(caplog)
    assert texts, "the flows should have logged something at DEBUG"
    for needle in needles:
        assert not [text for text in texts if needle in text], needle


@pytest.mark.django_db(transaction=True)
async def test_the_live_reveal_over_the_websocket_logs_no_answer(caplog, settings, anna, bram):
    channel_layers.backends.clear()
    debug_everywhere(caplog, settings)

    def prepare():
        fresh_check_in(anna)
        fresh_check_in(bram)
        link(anna, bram)
        session = session_services.session_start(user=anna, exercise_slug=publish().exercise.slug)
        answer_all(session, anna, text=ANSWER)
        answer_all(session, bram, text=ANSWER + "-bram")
        session_services.session_submit(user=anna, session=session)
        session_services.session_submit(user=bram, session=session)
        return session

    session = await database_sync_to_async(prepare)()
    annas, _, _ = await connect(anna, session.id)
    brams, _, _ = await connect(bram, session.id, cookie=True)
    for live in (annas, brams):
        await live.send({"type": "ready"})
    revealed = await annas.expect("reveal")
    await brams.expect("reveal")
    await annas.send({"type": "react", "prompt": revealed["prompt"], "reaction": "thanks"})
    await brams.expect("reaction")
    await annas.send({"type": "pause"})
    await brams.expect("paused")
    # An answer typed into the socket (not a message type) must not be echoed into a log either.
    await annas.send(json.dumps({"type": ANSWER}))
    await annas.expect("error", code="unknown_type")
    for live in (annas, brams):
        await live.close()
    channel_layers.backends.clear()

    assert ANSWER in json.dumps(revealed)
    assert_no_marker_logged(caplog, ANSWER)


def test_linking_a_therapist_and_sharing_answers_log_no_code_or_answer(
    caplog, settings, client_for, anna, bram, thea
):
    debug_everywhere(caplog, settings)
    give_totp(thea)
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    theas, annas, brams = client_for(thea), client_for(anna), client_for(bram)
    code = theas.post("/api/therapist/invites/").json()["code"]
    assert annas.get(f"/api/pairing/therapist-invites/{code}/").status_code == 200
    for client in (annas, brams):
        accepted = client.post(f"/api/pairing/therapist-invites/{code}/accept/")
        assert accepted.status_code == 200, accepted.content
    # The spent code again, and a wrong one: Django logs each 404 with its path.
    assert annas.get(f"/api/pairing/therapist-invites/{code}/").status_code == 404
    assert annas.post("/api/pairing/therapist-invites/ZZZZ-ZZZZ/accept/").status_code == 404
    couple_id = theas.get("/api/therapist/couples/").json()[0]["id"]
    version = publish()
    assigned = theas.post(
        f"/api/therapist/couples/{couple_id}/assignments/",
        {"exercise": version.exercise.slug, "note": NOTE},
        format="json",
    )
    assert assigned.status_code == 201
    session = session_services.session_start(user=anna, exercise_slug=version.exercise.slug)
    answer_all(session, anna, text=ANSWER)
    answer_all(session, bram, text=ANSWER + "-bram")
    session_services.session_submit(user=anna, session=session)
    session_services.session_submit(user=bram, session=session)
    reveal_first_prompt(session, anna, bram)
    assert annas.post(f"/api/sessions/{session.id}/share/").status_code == 200
    detail = theas.get(f"/api/therapist/couples/{couple_id}/")
    assert ANSWER in detail.content.decode()
    assert annas.delete(f"/api/sessions/{session.id}/share/").status_code == 204
    assert brams.delete("/api/pairing/therapist/").status_code == 204

    assert_no_marker_logged(caplog, ANSWER, NOTE, code, code.replace("-", ""))

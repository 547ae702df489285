"""Logs never contain answer text, invite codes or safety data: the main flows run through the
API with every logger at DEBUG, and no record carries a planted marker."""

from __future__ import annotations

import logging

from rest_framework.test import APIClient

from exercises.models import PromptKind
from safety.content import QUESTION_IDS
from tests.privacy.sessions import reveal_first_prompt
from tests.sessions.conftest import fresh_check_in, publish

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
    from exercises.models import CoupleSession

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

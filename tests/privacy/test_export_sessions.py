"""The exercises section of the export: my answers always; my partner's answers only once the
live session revealed them, never a ``keep_private`` one, and none after the couple ended."""

from __future__ import annotations

import json

from exercises.models import PromptKind
from pairing.services import couple_end
from tests.factories import (
    MARKER,
    reveal_first_prompt,
    submitted_session,
)

ANNAS_TEXT = "Anna schrijft"


def exported(client) -> str:
    response = client.get("/api/me/export/")
    assert response.status_code == 200
    return response.content.decode()


def test_my_answers_are_in_it_and_my_partners_unrevealed_ones_are_not(
    reauthenticated_client_for, anna, bram, anna_and_bram, version
):
    session = submitted_session(anna, bram, version)

    body = exported(reauthenticated_client_for(anna))

    assert ANNAS_TEXT in body
    assert MARKER not in body
    assert [s["id"] for s in json.loads(body)["exercises"]["sessions"]] == [str(session.id)]


def test_my_partners_revealed_answer_is_in_it(
    reauthenticated_client_for, anna, bram, anna_and_bram, version
):
    # The reveal goes in prompt order: the text prompt (carrying the markers) comes first.
    assert version.prompts.order_by("position").first().kind == PromptKind.TEXT
    session = submitted_session(anna, bram, version)
    reveal_first_prompt(session, anna, bram)

    body = exported(reauthenticated_client_for(anna))

    revealed = json.loads(body)["exercises"]["sessions"][0]["revealed"]
    assert [item["partner"]["value"] for item in revealed] == [MARKER]


def test_an_answer_kept_private_never_is(
    reauthenticated_client_for, anna, bram, anna_and_bram, version
):
    first = version.prompts.order_by("position").first()
    session = submitted_session(anna, bram, version, bram_private=(first.position,))
    reveal_first_prompt(session, anna, bram)

    assert MARKER not in exported(reauthenticated_client_for(anna))
    # bram's own export still holds what he kept for himself.
    assert MARKER in exported(reauthenticated_client_for(bram))


def test_after_the_couple_ended_i_keep_my_own_answers_only(
    reauthenticated_client_for, anna, bram, anna_and_bram, version
):
    session = submitted_session(anna, bram, version)
    reveal_first_prompt(session, anna, bram)
    couple_end(user=bram)

    body = exported(reauthenticated_client_for(anna))

    assert ANNAS_TEXT in body
    assert MARKER not in body

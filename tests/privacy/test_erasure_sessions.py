"""Erasing my account erases my answers and reactions; my partner keeps their own answers."""

from __future__ import annotations

from sessions.models import Answer, CoupleSession, SessionStatus
from tests.factories import (
    MARKER,
    fresh_check_in,
    link,
    password_of,
    publish,
    reveal_first_prompt,
    submitted_session,
)

from .helpers import rows_referencing, stored_values_containing

ANNAS_TEXT = "Anna schrijft"


def test_my_answers_go_and_my_partners_stay(client_for, anna, bram):
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    session = submitted_session(anna, bram, publish())
    reveal_first_prompt(session, anna, bram)

    response = client_for(anna).delete("/api/me/", {"password": password_of(anna)}, format="json")

    assert response.status_code == 204
    assert rows_referencing(anna.pk) == []
    assert stored_values_containing(ANNAS_TEXT) == []
    assert Answer.objects.filter(user=bram).exists()
    assert all(answer.value != ANNAS_TEXT for answer in Answer.objects.all())
    assert MARKER in [answer.value for answer in Answer.objects.filter(user=bram)]
    # The session stays in bram's history, closed because the couple ended.
    assert CoupleSession.objects.get(pk=session.pk).status == SessionStatus.ABANDONED

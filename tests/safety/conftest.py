from __future__ import annotations

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest

from safety.content import QUESTION_IDS

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def all_no() -> dict[str, str]:
    return dict.fromkeys(QUESTION_IDS, "no")


def one_yes(question_id: str = "afraid_to_say_no") -> dict[str, str]:
    return {**all_no(), question_id: "yes"}


class Clock:
    """Every ``timezone.now()`` in the code under test answers ``clock.now``."""

    def __init__(self) -> None:
        self.now = START

    def move(self, **delta) -> datetime:
        self.now = self.now + timedelta(**delta)
        return self.now


@pytest.fixture
def clock():
    clock = Clock()
    with mock.patch("django.utils.timezone.now", side_effect=lambda: clock.now):
        yield clock


@pytest.fixture
def check_in(client_for):
    """``check_in(user, answers)`` posts a check-in as ``user`` and returns the response."""

    def post(user, answers=None, alone=True):
        payload = {"alone": alone, "answers": all_no() if answers is None else answers}
        return client_for(user).post("/api/safety/check-in/", payload, format="json")

    return post

"""Session fixtures: a freshly started session of anna and bram's (the couple, the exercise and
``ready_session`` come from the root conftest; the WebSocket client from tests/support/live.py)."""

from __future__ import annotations

import pytest

from sessions import services as session_services
from sessions.models import CoupleSession


@pytest.fixture
def session(anna, anna_and_bram, version) -> CoupleSession:
    return session_services.session_start(user=anna, exercise_slug=version.exercise.slug)

"""Therapist fixtures: thea (with an authenticator app) linked to anna and bram with both
consents. Sessions are brought through answering and the live reveal with the functions in
``tests/factories.py`` (``answered_session``, ``reveal_all``)."""

from __future__ import annotations

import pytest

from tests.factories import therapist_link
from therapists.models import TherapistLink


@pytest.fixture
def linked(thea_mfa, anna, bram, anna_and_bram) -> TherapistLink:
    """thea is anna and bram's therapist: both accepted."""
    return therapist_link(thea_mfa, anna, bram)

"""Library fixtures: ``draft_exercise(slug)`` builds a complete, publishable draft."""

from __future__ import annotations

import pytest

from tests.factories import build_draft


@pytest.fixture
def draft_exercise(db):
    return build_draft

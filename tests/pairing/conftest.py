"""Pairing fixtures (the couples themselves come from the root conftest)."""

from __future__ import annotations

import pytest

from pairing.services import invite_create


@pytest.fixture
def annas_invite(anna):
    return invite_create(inviter=anna)

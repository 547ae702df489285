"""Pairing fixtures: anna and bram linked the way people do it, through an invite."""

from __future__ import annotations

import pytest

from pairing.models import Couple
from pairing.services import invite_accept, invite_create
from tests.conftest import make_user


def link(first, second) -> Couple:
    """``first`` invites ``second``, who accepts: the real path to a couple."""
    issued = invite_create(inviter=first)
    return invite_accept(user=second, code=issued.code)


@pytest.fixture
def anna_and_bram(anna, bram) -> Couple:
    return link(anna, bram)


@pytest.fixture
def ella(db):
    return make_user("ella")


@pytest.fixture
def dirk_and_ella(dirk, ella) -> Couple:
    return link(dirk, ella)


@pytest.fixture
def annas_invite(anna):
    return invite_create(inviter=anna)

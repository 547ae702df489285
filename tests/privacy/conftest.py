"""Privacy fixtures: anna and bram as a couple, dirk and ella as another, and a way to re-enter
the password through allauth's own reauthentication endpoint."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from pairing.models import Couple
from tests.conftest import make_user, password_of
from tests.pairing.conftest import link


def reauthenticate(client: APIClient, user: User) -> None:
    """Re-enter ``user``'s password in this client's session (allauth's browser client)."""
    response = client.post(
        "/_allauth/browser/v1/auth/reauthenticate",
        {"password": password_of(user)},
        format="json",
    )
    assert response.status_code == 200, response.content


@pytest.fixture
def reauthenticated_client_for(client_for):
    """A signed-in browser client whose password was just re-entered."""

    def build(user: User) -> APIClient:
        client = client_for(user)
        reauthenticate(client, user)
        return client

    return build


@pytest.fixture
def anna_and_bram(anna, bram) -> Couple:
    return link(anna, bram)


@pytest.fixture
def ella(db) -> User:
    return make_user("ella")


@pytest.fixture
def dirk_and_ella(dirk, ella) -> Couple:
    return link(dirk, ella)

"""Guessing is rate limited: logins and signups (allauth's own limits), invite codes (pairing's),
and the password re-entry for erasure (tested in test_erasure)."""

from __future__ import annotations

from rest_framework.test import APIClient

from pairing.services import invite_create
from tests.factories import password_of


def login(client: APIClient, email: str, password: str):
    return client.post(
        "/_allauth/browser/v1/auth/login", {"email": email, "password": password}, format="json"
    )


def test_failed_logins_lock_the_account_for_a_while(api, anna):
    wrong = [login(APIClient(), anna.email, f"guess-{n}").status_code for n in range(5)]

    assert wrong == [400] * 5
    # Now even the right password is refused until the window passes.
    locked = login(APIClient(), anna.email, password_of(anna))
    assert locked.status_code == 400
    assert [error["code"] for error in locked.json()["errors"]] == ["too_many_login_attempts"]


def test_signups_from_one_address_are_limited(db):
    client = APIClient()
    statuses = [
        client.post(
            "/_allauth/browser/v1/auth/signup",
            {
                "email": f"new{n}@example.com",
                "password": "a-long-Enough-pass-7",
                "display_name": "N",
            },
            format="json",
        ).status_code
        for n in range(21)
    ]

    assert 429 not in statuses[:20]
    assert statuses[20] == 429


def test_guessing_invite_codes_is_limited(client_for, anna, cas):
    invite_create(inviter=anna)
    client = client_for(cas)
    statuses = [client.get(f"/api/pairing/invites/ABCD-EF{n:02d}/").status_code for n in range(30)]

    assert statuses[0] == 404
    assert 429 in statuses

"""Export, erasure and ending a couple ask for the password again (allauth's reauthentication
flow), and only within a short window."""

from __future__ import annotations

import time

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

from pairing.models import Couple
from tests.factories import password_of, reauthenticate


def test_export_without_a_recent_password_answers_reauthentication_required(client_for, anna):
    response = client_for(anna).get("/api/me/export/")

    assert response.status_code == 401
    assert response.json()["code"] == "reauthentication_required"


def test_export_after_reentering_the_password_succeeds(client_for, anna):
    client = client_for(anna)
    reauthenticate(client, anna)

    assert client.get("/api/me/export/").status_code == 200


def test_the_window_closes_after_the_timeout(client_for, anna, settings):
    client = client_for(anna)
    reauthenticate(client, anna)
    session = client.session
    records = session[AUTHENTICATION_METHODS_SESSION_KEY]
    for record in records:
        record["at"] = time.time() - settings.ACCOUNT_REAUTHENTICATION_TIMEOUT - 1
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()

    response = client.get("/api/me/export/")

    assert (response.status_code, response.json()["code"]) == (401, "reauthentication_required")


def test_a_plain_login_is_not_a_reauthentication(api, anna):
    response = api.post(
        "/_allauth/browser/v1/auth/login",
        {"email": anna.email, "password": password_of(anna)},
        format="json",
    )
    assert response.status_code == 200

    assert api.get("/api/me/export/").json()["code"] == "reauthentication_required"


def test_a_wrong_password_does_not_reauthenticate(client_for, anna):
    client = client_for(anna)
    response = client.post(
        "/_allauth/browser/v1/auth/reauthenticate", {"password": "not-it"}, format="json"
    )

    assert response.status_code == 400
    assert client.get("/api/me/export/").status_code == 401


def test_the_app_client_reauthenticates_with_its_session_token(api, anna):
    login = api.post(
        "/_allauth/app/v1/auth/login",
        {"email": anna.email, "password": password_of(anna)},
        format="json",
    )
    token = login.json()["meta"]["session_token"]
    app = api.__class__()
    app.credentials(HTTP_X_SESSION_TOKEN=token)
    assert app.get("/api/me/export/").status_code == 401

    again = app.post(
        "/_allauth/app/v1/auth/reauthenticate", {"password": password_of(anna)}, format="json"
    )
    assert again.status_code == 200

    assert app.get("/api/me/export/").status_code == 200


def test_ending_a_couple_needs_a_recent_password(client_for, anna, anna_and_bram):
    client = client_for(anna)

    refused = client.post("/api/pairing/couple/end/")
    assert (refused.status_code, refused.json()["code"]) == (401, "reauthentication_required")
    assert Couple.objects.get().ended_at is None

    reauthenticate(client, anna)
    assert client.post("/api/pairing/couple/end/").status_code == 204


@pytest.mark.parametrize(
    "path",
    ["/_allauth/browser/v1/account/email"],
)
def test_changing_email_needs_a_recent_password(client_for, anna, path):
    client = client_for(anna)

    refused = client.post(path, {"email": "anna.new@example.com"}, format="json")
    assert refused.status_code == 401
    assert any(flow["id"] == "reauthenticate" for flow in refused.json()["data"]["flows"])

    reauthenticate(client, anna)
    assert client.post(path, {"email": "anna.new@example.com"}, format="json").status_code == 200

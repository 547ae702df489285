"""Signup → code from the outbox → login → /api/me/ → logout, for both allauth clients."""

import re

import pytest
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db

EMAIL = "nora@example.com"
PASSWORD = "a-long-Enough-passphrase-7"


def _code_from_outbox() -> str:
    body = mail.outbox[-1].body
    match = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", body, re.MULTILINE)
    assert match, body
    return match.group(1)


def test_it_signs_up_verifies_logs_in_and_out_with_the_browser_client():
    client = Client(enforce_csrf_checks=True)
    client.get("/_allauth/browser/v1/config")
    csrf = {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}

    response = client.post(
        "/_allauth/browser/v1/auth/signup",
        {"email": EMAIL, "password": PASSWORD, "display_name": "Nora"},
        content_type="application/json",
        **csrf,
    )
    assert response.status_code == 401
    assert any(
        f["id"] == "verify_email" and f.get("is_pending") for f in response.json()["data"]["flows"]
    )
    # docs/architecture.md: unauthenticated requests get 401.
    assert client.get("/api/me/").status_code == 401

    response = client.post(
        "/_allauth/browser/v1/auth/email/verify",
        {"key": _code_from_outbox()},
        content_type="application/json",
        **csrf,
    )
    assert response.status_code == 200, response.json()
    me = client.get("/api/me/")
    assert me.status_code == 200
    assert me.json()["email"] == EMAIL
    assert me.json()["display_name"] == "Nora"

    csrf = {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}
    assert client.delete("/_allauth/browser/v1/auth/session", **csrf).status_code == 401
    assert client.get("/api/me/").status_code == 401

    client.get("/_allauth/browser/v1/config")
    csrf = {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}
    response = client.post(
        "/_allauth/browser/v1/auth/login",
        {"email": EMAIL, "password": PASSWORD},
        content_type="application/json",
        **csrf,
    )
    assert response.status_code == 200, response.json()
    assert client.get("/api/me/").json()["email"] == EMAIL


def test_it_signs_up_verifies_logs_in_and_out_with_the_app_client():
    client = Client()
    response = client.post(
        "/_allauth/app/v1/auth/signup",
        {"email": EMAIL, "password": PASSWORD, "display_name": "Nora"},
        content_type="application/json",
    )
    assert response.status_code == 401
    token = response.json()["meta"]["session_token"]

    response = client.post(
        "/_allauth/app/v1/auth/email/verify",
        {"key": _code_from_outbox()},
        content_type="application/json",
        HTTP_X_SESSION_TOKEN=token,
    )
    assert response.status_code == 200, response.json()
    token = response.json()["meta"]["session_token"]
    me = client.get("/api/me/", HTTP_X_SESSION_TOKEN=token)
    assert me.status_code == 200
    assert me.json()["display_name"] == "Nora"

    response = client.delete("/_allauth/app/v1/auth/session", HTTP_X_SESSION_TOKEN=token)
    assert response.status_code == 401
    assert client.get("/api/me/", HTTP_X_SESSION_TOKEN=token).status_code == 401

    response = client.post(
        "/_allauth/app/v1/auth/login",
        {"email": EMAIL, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    token = response.json()["meta"]["session_token"]
    assert client.get("/api/me/", HTTP_X_SESSION_TOKEN=token).json()["email"] == EMAIL


def test_signup_without_display_name_is_refused():
    response = Client().post(
        "/_allauth/app/v1/auth/signup",
        {"email": EMAIL, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert any(e.get("param") == "display_name" for e in response.json()["errors"])


def test_signup_takes_the_language_from_accept_language():
    Client().post(
        "/_allauth/app/v1/auth/signup",
        {"email": EMAIL, "password": PASSWORD, "display_name": "Nora"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9",
    )
    from accounts.models import User

    assert User.objects.get(email=EMAIL).language == "en"

"""Issue 23, finding 9: answers about a person are never cached, differ per cookie and token,
and every error under /api/ is JSON with a stable code, with DEBUG on as well (before, an
unmatched /api/ URL under ``make run`` answered Django's HTML debug page). Every response says
which powerful browser features the app does not use."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from accounts import views as account_views
from project.middleware import PERMISSIONS_POLICY

pytestmark = pytest.mark.django_db

PRIVATE = "no-store, private"


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize(
    "url",
    ["/api/me/", "/api/safety/status/", "/api/sessions/", "/api/does-not-exist/"],
)
def test_api_answers_are_private_and_never_stored(anna, client_for, url):
    response = client_for(anna).get(url)
    assert response.status_code in (200, 404)
    assert response["Cache-Control"] == PRIVATE
    assert {"cookie", "x-session-token"} <= vary(response)


def test_a_signed_out_api_answer_is_private_too(api):
    response = api.get("/api/me/")
    assert response.status_code == 401
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize(
    "url", ["/_allauth/browser/v1/auth/session", "/_allauth/browser/v1/config"]
)
def test_allauth_answers_are_private_and_never_stored(anna, url):
    client = Client()
    client.force_login(anna)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE
    assert {"cookie", "x-session-token"} <= vary(response)


def test_the_app_shell_stays_cacheable_by_its_own_rules():
    response = Client().get("/")
    assert response.status_code == 200
    assert response.get("Cache-Control") != PRIVATE


@pytest.mark.parametrize("url", ["/", "/api/me/", "/_allauth/browser/v1/config", "/healthz"])
def test_every_response_turns_off_unused_browser_features(url):
    response = Client().get(url)
    assert response.status_code in (200, 401, 503)
    policy = response["Permissions-Policy"]
    assert policy == PERMISSIONS_POLICY
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert "clipboard-write=(self)" in policy


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def test_an_unmatched_api_url_under_debug_is_json(anna, client_for, debug):
    url = f"/api/sessions/{uuid.uuid4()}/answers/abc/"
    response = client_for(anna).put(url, {"value": "x"}, format="json")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": "not_found", "message": "Niet gevonden."}


def test_an_unmatched_api_url_without_debug_is_json_too(anna, client_for):
    response = client_for(anna).get("/api/nothing/here/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_crash_under_debug_is_json_with_a_code(anna, debug, monkeypatch):
    def crash(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr(account_views.MeView, "get", crash)
    client = Client(raise_request_exception=False)
    client.force_login(anna)
    response = client.get("/api/me/")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "boom" not in response.content.decode()


def test_html_pages_outside_the_api_stay_html(debug):
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")

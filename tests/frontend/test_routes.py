"""The app shell answers every client route; the server's own prefixes keep their 404s."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

CLIENT_PATHS = [
    "/",
    "/signup",
    "/login",
    "/logout",
    "/verify",
    "/verify/ABCD-EFGH",
    "/reset",
    "/profile",
    "/profile/two-step",
    "/profile/devices",
    "/library",
    "/library/boundaries",
    "/pair",
    "/pair/ABCD-EFGH",
    "/couple",
    "/s/3f0c6a3e-8d6b-4c55-9a5e-0b7d5b3f1c2a",
    "/help",
    "/advice",
    "/guide",
    "/guide/how",
    "/guide/privacy",
    "/guide/not-for",
    "/guide/after-a-reveal",
    "/check-in",
    "/history",
    "/therapist",
    "/therapist/ABCD-EFGH",
    "/assignments/3f0c6a3e-8d6b-4c55-9a5e-0b7d5b3f1c2a",
    "/practice",
    "/practice/3f0c6a3e-8d6b-4c55-9a5e-0b7d5b3f1c2a",
]


@pytest.mark.parametrize("path", CLIENT_PATHS)
def test_it_serves_the_app_shell_for_client_routes(path):
    response = Client().get(path)
    assert response.status_code == 200
    assert b'<script type="module"' in response.content
    assert b"<title>Tweespraak</title>" in response.content


@pytest.mark.parametrize(
    "path", ["/api/nothing-here/", "/_allauth/nothing", "/ws/sessions/x/", "/static/nope.js"]
)
def test_it_leaves_the_server_prefixes_alone(path):
    response = Client().get(path)
    assert response.status_code == 404
    assert b'<script type="module"' not in response.content


@pytest.mark.parametrize("path", ["/wp-login.php", "/something/else", "/apis", "/history-of-us"])
def test_unknown_paths_are_404_with_the_app_styled_shell(path, settings):
    settings.DEBUG = True
    response = Client().get(path)
    assert response.status_code == 404
    # The shell (whose router draws the app's own "not found"), never Django's debug page.
    assert b'<script type="module"' in response.content
    assert b"<title>Tweespraak</title>" in response.content
    assert b"Page not found" not in response.content


def test_healthz_and_admin_are_not_the_shell():
    assert b'<script type="module"' not in Client().get("/healthz").content
    assert Client().get("/admin/").status_code == 302


def test_the_shell_sets_the_csrf_cookie_for_the_first_form():
    response = Client().get("/signup")
    assert "csrftoken" in response.cookies


def test_the_shell_has_no_inline_script_or_style_and_a_strict_policy():
    response = Client().get("/")
    body = response.content.decode()
    assert "<script>" not in body
    assert "style=" not in body
    assert "<style" not in body
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_the_page_title_is_neutral_in_both_languages():
    for language in ("nl", "en"):
        response = Client(headers={"accept-language": language}).get("/help")
        assert b"<title>Tweespraak</title>" in response.content

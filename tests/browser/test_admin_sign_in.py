"""The admin's door (issue 23, finding 1; issue 21): staff sign in through the app's sign-in,
password and then the code from the authenticator app, and land in the admin, whose own forms
then pass Django's CSRF check (``Referrer-Policy: no-referrer`` made Chromium send
``Origin: null`` and Django refused them). A staff member without an authenticator is sent to
set one up first."""

import json
from pathlib import Path

import pytest

from tests.factories import make_user, password_of
from tests.mfa import give_totp, totp_code

from .helpers import PHONE, open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"viewport": {"width": 1366, "height": 900}}
I18N = Path(__file__).resolve().parents[2] / "frontend" / "static" / "frontend" / "i18n"


def texts(language: str) -> dict[str, str]:
    return json.loads((I18N / f"{language}.json").read_text())


@pytest.fixture(autouse=True)
def _codes_survive_a_slow_round_trip(settings):
    # A code typed at 29.9 s into its window may reach the server in the next one; accepting
    # the neighbouring windows keeps the test off the real clock's edges.
    settings.MFA_TOTP_TOLERANCE = 1


def sign_in_with_code(page, user, secret: str, words: dict[str, str]) -> None:
    page.get_by_label(words["account.email"]).fill(user.email)
    page.get_by_label(words["account.password"]).fill(password_of(user))
    page.get_by_role("button", name=words["account.login_submit"]).click()
    second_step = page.get_by_test_id("second-step")
    second_step.wait_for()
    second_step.get_by_label(words["account.second_step_code"]).fill(totp_code(secret))
    second_step.get_by_role("button", name=words["account.second_step_submit"]).click()


def test_a_superuser_signs_in_with_the_code_and_uses_an_admin_form(live_server, browser, watch):
    root = make_user("root", language="en", is_staff=True, is_superuser=True)
    secret = give_totp(root)
    context = browser.new_context(**DESKTOP)
    try:
        watched = watch(context)
        page = watched.page
        page.goto(live_server.url + "/admin/")
        page.wait_for_selector("body[data-ready]")
        assert page.url == live_server.url + "/login?next=%2Fadmin%2F"

        sign_in_with_code(page, root, secret, texts("en"))
        page.wait_for_url(live_server.url + "/admin/")
        assert page.get_by_role("heading", name="Site administration").is_visible()

        # A POST form of the admin's own: Django's CSRF check must accept it.
        page.get_by_role("button", name="Log out").click()
        page.get_by_role("heading", name="Logged out").wait_for()
        assert watched.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_editor_without_an_authenticator_sets_one_up_then_reaches_the_admin(
    live_server, browser, watch, screenshot, language
):
    eva = make_user("eva", language=language, is_staff=True)
    words = texts(language)
    context = browser.new_context(**PHONE, locale="nl-NL" if language == "nl" else "en-GB")
    try:
        watched = watch(context)
        page = open_screen(watched, live_server.url + "/login?next=/admin/")
        page.get_by_label(words["account.email"]).fill(eva.email)
        page.get_by_label(words["account.password"]).fill(password_of(eva))
        page.get_by_role("button", name=words["account.login_submit"]).click()

        page.wait_for_url(live_server.url + "/profile/two-step?next=%2Fadmin%2F")
        settled(page)
        page.get_by_test_id("mfa-needed").wait_for()
        screenshot(page, f"admin-two-step-setup-{language}")
        secret = page.get_by_test_id("totp-secret").get_attribute("data-secret")
        page.get_by_label(words["mfa.code"]).fill(totp_code(secret))
        page.get_by_role("button", name=words["mfa.activate"]).click()
        # Turning it on asks for the password again, as every change of sign-in does.
        dialog = page.get_by_test_id("password-dialog")
        dialog.get_by_label(words["account.password"]).fill(password_of(eva))
        dialog.get_by_role("button", name=words["reauth.confirm"]).click()
        page.get_by_test_id("mfa-activated").wait_for()
        screenshot(page, f"admin-two-step-activated-{language}")

        # This session has not used the new code yet: the admin asks for a sign-in with it.
        page.get_by_test_id("mfa-continue").click()
        page.wait_for_url(live_server.url + "/login?next=%2Fadmin%2F")
        page.wait_for_selector("body[data-ready]")
        page.get_by_label(words["account.email"]).fill(eva.email)
        page.get_by_label(words["account.password"]).fill(password_of(eva))
        page.get_by_role("button", name=words["account.login_submit"]).click()
        page.get_by_test_id("second-step").wait_for()
        screenshot(page, f"admin-second-step-{language}")
        page.get_by_label(words["account.second_step_code"]).fill(totp_code(secret))
        page.get_by_role("button", name=words["account.second_step_submit"]).click()
        page.wait_for_url(live_server.url + "/admin/")
        assert page.locator("#site-name").is_visible()
        assert watched.errors == []
    finally:
        context.close()

"""Sign up → the code from the email → signed in → profile; log out and in; reset by code."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail

from accounts.models import User
from tests.factories import make_user

from .helpers import open_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-Enough-passphrase-7"


def code_from_outbox() -> str:
    match = re.search(
        r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", mail.outbox[-1].body, re.MULTILINE
    )
    assert match, mail.outbox[-1].body
    return match.group(1)


def heading(page, text: str) -> None:
    page.wait_for_function(
        "text => document.querySelector('main h1')?.textContent === text", arg=text
    )


def test_it_signs_up_verifies_the_code_and_edits_the_profile(live_server, phone, watch, screenshot):
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/signup")
    screenshot(page, "signup")
    page.get_by_label("Your name").fill("Nora")
    page.get_by_label("Email address").fill("nora@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    heading(page, "Check your email")
    assert page.url == live_server.url + "/verify"
    screenshot(page, "verify")

    page.get_by_label("Code").fill(code_from_outbox())
    page.get_by_role("button", name="Confirm").click()
    heading(page, "Hello Nora")
    screenshot(page, "home-signed-in")

    page.get_by_role("link", name="Profile").click()
    heading(page, "Profile")
    page.get_by_label("Your name").fill("Nora B.")
    page.get_by_label("Country").select_option("BE")
    page.locator("main").get_by_label("Language").select_option("nl")
    page.get_by_role("button", name="Save", exact=True).click()
    heading(page, "Profiel")
    screenshot(page, "profile")
    nora = User.objects.get(email="nora@example.com")
    assert (nora.display_name, nora.language, nora.country) == ("Nora B.", "nl", "BE")
    assert watched.errors == []


def test_a_wrong_code_is_shown_next_to_the_field(live_server, phone, watch):
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/signup")
    page.get_by_label("Your name").fill("Nora")
    page.get_by_label("Email address").fill("nora@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    heading(page, "Check your email")
    page.get_by_label("Code").fill("WRONG1")
    page.get_by_role("button", name="Confirm").click()
    error = page.locator("[data-field=key] .field-error")
    error.wait_for()
    assert error.inner_text()
    assert page.get_by_label("Code").get_attribute("aria-invalid") == "true"


def test_it_logs_out_and_back_in_in_the_profile_language(live_server, phone, watch):
    make_user("anna")
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/login")
    page.get_by_label("Email address").fill("anna@example.com")
    page.get_by_label("Password").fill("anna-Secret-Pass-1")
    page.get_by_role("button", name="Log in").click()
    heading(page, "Hallo Anna")
    page.get_by_role("link", name="Profiel").click()
    page.get_by_role("link", name="Uitloggen").click()
    heading(page, "Tweespraak")
    assert page.get_by_role("link", name="Inloggen").first.is_visible()
    assert watched.errors == []


def test_a_wrong_password_is_explained_on_the_form(live_server, phone, watch):
    make_user("anna")
    page = open_screen(watch(phone), live_server.url + "/login")
    page.get_by_label("Email address").fill("anna@example.com")
    page.get_by_label("Password").fill("not-her-password-1")
    page.get_by_role("button", name="Log in").click()
    page.locator(".field-error:not([hidden]), .form-error:not([hidden])").first.wait_for()
    assert page.url.startswith(live_server.url + "/login")


def test_it_resets_the_password_with_the_emailed_code(live_server, phone, watch, screenshot):
    make_user("anna", language="en")
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/reset")
    page.get_by_label("Email address").fill("anna@example.com")
    page.get_by_role("button", name="Send me a code").click()
    page.get_by_label("Code").wait_for()
    screenshot(page, "reset")
    page.get_by_label("Code").fill(code_from_outbox())
    page.get_by_label("New password").fill("a-Brand-new-passphrase-9")
    page.get_by_role("button", name="Set new password").click()
    page.wait_for_function(
        "() => ['Hello Anna', 'Log in'].includes(document.querySelector('main h1')?.textContent)"
    )
    if page.locator("main h1").inner_text() == "Log in":
        page.get_by_label("Email address").fill("anna@example.com")
        page.get_by_label("Password").fill("a-Brand-new-passphrase-9")
        page.get_by_role("button", name="Log in").click()
        heading(page, "Hello Anna")
    assert watched.errors == []


def test_the_export_asks_the_password_again_and_downloads_a_file(
    live_server, phone, watch, sign_in, screenshot
):
    anna = make_user("anna", language="en")
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/profile")
    page.get_by_role("button", name="Download my data").click()
    dialog = page.get_by_role("dialog", name="Enter your password again")
    dialog.get_by_label("Password").fill("anna-Secret-Pass-1")
    with page.expect_download() as download:
        dialog.get_by_role("button", name="Confirm").click()
    assert download.value.suggested_filename == "tweespraak-export.json"
    exported = json.loads(Path(download.value.path()).read_text())
    assert "anna@example.com" in json.dumps(exported)
    page.get_by_text("Your file is downloading.").wait_for()
    # Within the re-authentication window the second export needs no password.
    with page.expect_download():
        page.get_by_role("button", name="Download my data").click()
    assert page.get_by_role("dialog").count() == 0
    assert watched.errors == []


def test_deleting_the_account_takes_the_password_and_signs_out(
    live_server, phone, watch, sign_in, screenshot
):
    anna = make_user("anna", language="en")
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/profile")
    page.get_by_role("button", name="Delete my account").click()
    dialog = page.get_by_role("dialog", name="Delete your account")
    screenshot(page, "delete-account")
    dialog.get_by_label("Password").fill("not-her-password-1")
    dialog.get_by_role("button", name="Delete for good").click()
    dialog.locator("[data-field=password] .field-error:not([hidden])").wait_for()
    assert User.objects.filter(pk=anna.pk).exists()
    dialog.get_by_label("Password").fill("anna-Secret-Pass-1")
    dialog.get_by_role("button", name="Delete for good").click()
    heading(page, "Tweespraak")
    assert page.get_by_role("link", name="Log in").first.is_visible()
    assert not User.objects.filter(pk=anna.pk).exists()
    assert watched.errors == []


def test_notification_choices_are_saved_from_the_profile(live_server, phone, watch, sign_in):
    from django.test import Client

    anna = make_user("anna", language="en")
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/profile")
    assert page.get_by_role("button", name="Turn on notifications on this phone").is_visible()
    prefs = page.get_by_test_id("notification-preferences")
    started = prefs.locator("fieldset", has_text="Your partner started an exercise")
    started.get_by_label("By email").uncheck()
    prefs.get_by_label("A weekly reminder").check()
    prefs.get_by_role("button", name="Save notification choices").click()
    prefs.get_by_text("Saved").wait_for()
    client = Client()
    client.force_login(anna)
    saved = client.get("/api/notifications/preferences/").json()
    assert saved["events"]["partner_started"] == {"push": True, "email": False}
    assert saved["weekly_reminder"] is True
    assert watched.errors == []

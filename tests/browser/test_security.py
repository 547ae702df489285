"""Account security on a phone: a therapist turns on two-step sign-in (an authenticator app) from
the practice's "set up first" message and then reaches the practice; signed-in devices, push
subscriptions and quiet hours in the profile."""

import datetime
import time

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession

from notifications.models import NotificationPreference, PushSubscription
from tests.factories import make_user, password_of
from tests.mfa import give_recovery_codes, give_totp, totp_code, unused_recovery_codes

from .helpers import PHONE, axe_violations, open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_therapist_turns_on_two_step_sign_in_and_reaches_the_practice(
    live_server, browser, watch, sign_in, screenshot
):
    thea = make_user("thea", language="en", is_therapist=True)
    context = browser.new_context(**PHONE)
    try:
        sign_in(context, thea)
        watched = watch(context)
        page = open_screen(watched, live_server.url + "/practice")
        page.get_by_test_id("setup-mfa").click()
        settled(page)
        assert page.url.endswith("/profile/two-step")
        secret = page.get_by_test_id("totp-secret").get_attribute("data-secret")
        assert page.get_by_test_id("totp-link").get_attribute("href").startswith("otpauth://totp/")
        qr = page.get_by_test_id("totp-qr")
        assert qr.get_attribute("viewBox").startswith("0 0 ")
        assert qr.locator("path").get_attribute("d").count("h1v1h-1z") > 100
        screenshot(page, "two-step-setup")
        findings = axe_violations(page)

        # The live server runs in this process: with the clock frozen, the code computed here
        # is the one it checks, however slow the round trip through the password dialog.
        with time_machine.travel(time.time(), tick=False):
            wrong = "000000" if totp_code(secret) != "000000" else "111111"
            page.get_by_label("Code from the app").fill(wrong)
            page.get_by_role("button", name="Turn on two-step sign-in").click()
            page.locator("[data-field=code] .field-error:not([hidden])").wait_for()
            assert not Authenticator.objects.filter(user=thea, type="totp").exists()

            page.get_by_label("Code from the app").fill(totp_code(secret))
            page.get_by_role("button", name="Turn on two-step sign-in").click()
            # Signed in without a recent password (a copied session): allauth asks for it first.
            dialog = page.get_by_test_id("password-dialog")
            dialog.get_by_label("Password").fill(password_of(thea))
            dialog.get_by_role("button", name="Confirm").click()
            page.get_by_test_id("mfa-activated").wait_for()
        assert page.get_by_test_id("recovery-codes").locator("li").count() > 0
        assert Authenticator.objects.filter(user=thea, type="totp").exists()
        screenshot(page, "two-step-activated")

        page.get_by_role("link", name="Go to your practice").click()
        page.get_by_role("button", name="Make a code for a couple").wait_for()
        assert page.get_by_test_id("setup-mfa").count() == 0

        page = open_screen(watched, live_server.url + "/profile/two-step")
        settled(page)
        page.get_by_test_id("mfa-on").wait_for()
        findings += axe_violations(page)
        assert findings == []
        assert watched.errors == []
    finally:
        context.close()


def test_a_partner_ends_another_device_removes_a_push_device_and_sets_quiet_hours(
    live_server, browser, watch, sign_in, screenshot
):
    anna = make_user("anna", language="en")
    PushSubscription.objects.create(
        user=anna,
        endpoint="https://push.example.invalid/old-phone",
        p256dh="BNcR",
        auth="tBHI",
        user_agent="Android",
    )
    phone, laptop = browser.new_context(**PHONE), browser.new_context(**PHONE)
    try:
        sign_in(laptop, anna)
        other = watch(laptop)
        open_screen(other, live_server.url + "/profile")
        sign_in(phone, anna)
        watched = watch(phone)
        page = open_screen(watched, live_server.url + "/profile")
        page.get_by_role("link", name="Signed-in devices").click()
        settled(page)
        sessions = page.get_by_test_id("sessions").locator("li")
        assert sessions.count() == 2
        assert page.locator("li[data-current]").get_by_text("This device").count() == 1
        assert page.locator("li[data-current]").get_by_text("Chrome on Linux").count() == 1
        screenshot(page, "devices")
        findings = axe_violations(page)

        page.locator("li[data-session]:not([data-current])").get_by_role("button").click()
        page.wait_for_function(
            "() => document.querySelectorAll('[data-testid=sessions] li').length === 1"
        )
        assert UserSession.objects.filter(user=anna).count() == 1
        assert other.page.request.get(live_server.url + "/api/me/").status == 401

        page.get_by_role("button", name="Stop notifications on Android").click()
        page.get_by_text("That device no longer gets notifications.").wait_for()
        assert not PushSubscription.objects.filter(user=anna).exists()

        page = open_screen(watched, live_server.url + "/profile")
        settled(page)
        page.get_by_label("Quiet from").fill("22:30")
        page.get_by_label("Quiet until").fill("07:15")
        page.get_by_role("button", name="Save notification choices").click()
        page.get_by_test_id("notification-preferences").locator(
            "[data-saved]:not([hidden])"
        ).wait_for()
        preference = NotificationPreference.objects.get(user=anna)
        assert preference.quiet_hours_start == datetime.time(22, 30)
        assert preference.quiet_hours_end == datetime.time(7, 15)

        page = open_screen(watched, live_server.url + "/profile")
        settled(page)
        assert page.get_by_label("Quiet from").input_value() == "22:30"
        page.get_by_label("Quiet from").fill("")
        page.get_by_label("Quiet until").fill("")
        page.get_by_role("button", name="Save notification choices").click()
        page.get_by_test_id("notification-preferences").locator(
            "[data-saved]:not([hidden])"
        ).wait_for()
        preference.refresh_from_db()
        assert preference.quiet_hours_start is None
        assert preference.quiet_hours_end is None
        assert findings == []
        assert watched.errors == []
    finally:
        phone.close()
        laptop.close()


def test_with_two_step_on_a_person_sees_recovery_codes_and_can_turn_it_off(
    live_server, browser, watch, sign_in
):
    thea = make_user("thea", language="en", is_therapist=True)
    give_totp(thea)
    give_recovery_codes(thea)
    context = browser.new_context(**PHONE)
    try:
        sign_in(context, thea)
        watched = watch(context)
        page = open_screen(watched, live_server.url + "/profile/two-step")
        settled(page)
        page.get_by_test_id("mfa-on").wait_for()
        page.get_by_role("button", name="Show recovery codes").click()
        dialog = page.get_by_test_id("password-dialog")
        dialog.get_by_label("Password").fill(password_of(thea))
        dialog.get_by_role("button", name="Confirm").click()
        codes = page.get_by_test_id("recovery-codes").locator("li")
        codes.first.wait_for()
        assert [codes.nth(i).inner_text() for i in range(codes.count())] == (
            unused_recovery_codes(thea)
        )

        page.once("dialog", lambda prompt: prompt.accept())
        page.get_by_role("button", name="Turn off", exact=True).click()
        page.get_by_label("Code from the app").wait_for()
        assert not Authenticator.objects.filter(user=thea, type="totp").exists()
        page = open_screen(watched, live_server.url + "/practice")
        page.get_by_test_id("setup-mfa").wait_for()
        assert watched.errors == []
    finally:
        context.close()

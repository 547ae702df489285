"""Two phones: invite with a code, accept after seeing who invites, the couple, ending it;
the library by theme and an exercise's page."""

import json
from pathlib import Path

import pytest

from exercises.services import library_import
from pairing.models import Couple
from tests.factories import make_user

from .helpers import open_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTER = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"


@pytest.fixture
def two_phones(browser, watch, sign_in):
    from .helpers import PHONE

    contexts = [browser.new_context(**PHONE) for _ in range(2)]
    anna, bram = make_user("anna", language="en"), make_user("bram", language="en")
    sign_in(contexts[0], anna)
    sign_in(contexts[1], bram)
    yield watch(contexts[0]), watch(contexts[1])
    for context in contexts:
        context.close()


def test_partners_pair_with_a_code_and_either_can_end_it(live_server, two_phones, screenshot):
    anna, bram = two_phones
    page = open_screen(anna, live_server.url + "/pair")
    page.get_by_role("button", name="Make an invite code").click()
    code = page.get_by_test_id("invite-code").inner_text()
    assert len(code) == 9 and code[4] == "-"
    assert f"/pair/{code}" in page.locator(".share-link").inner_text()
    screenshot(page, "invite")

    other = open_screen(bram, f"{live_server.url}/pair/{code}")
    assert other.get_by_test_id("inviter").inner_text() == "Anna invites you to link as a couple."
    screenshot(other, "accept")
    other.get_by_role("button", name="Yes, link us").click()
    other.wait_for_url("**/couple")
    other.get_by_text("You and Anna").wait_for()

    page = open_screen(anna, live_server.url + "/couple")
    page.get_by_text("You and Bram").wait_for()
    screenshot(page, "couple")
    page.get_by_role("button", name="Unlink").click()
    # A skippable note on safety around leaving comes first.
    page.get_by_test_id("leaving-note").get_by_text("Before you end it").wait_for()
    page.get_by_test_id("leaving-note-continue").click()
    page.get_by_role("button", name="Yes, end it now").click()
    # Ending cannot be undone: the password is asked again, and a wrong one is refused.
    dialog = page.get_by_role("dialog", name="Enter your password again")
    dialog.get_by_label("Password").fill("not-her-password-1")
    dialog.get_by_role("button", name="Confirm").click()
    dialog.locator(".field-error:not([hidden]), .form-error:not([hidden])").first.wait_for()
    assert Couple.objects.filter(ended_at__isnull=True).count() == 1
    screenshot(page, "couple-end-password")
    dialog.get_by_label("Password").fill("anna-Secret-Pass-1")
    dialog.get_by_role("button", name="Confirm").click()
    # Said plainly, with support, then home offers to link again.
    page.get_by_test_id("couple-ended").get_by_role("link", name="Find support").wait_for()
    page.get_by_test_id("couple-ended").get_by_role("link", name="Go to the start").click()
    page.wait_for_url(live_server.url + "/")
    page.get_by_role("heading", name="Link with your partner").wait_for()
    page.get_by_test_id("couple-ended-notice").wait_for()
    assert anna.errors == [] and bram.errors == []


def test_a_wrong_code_says_so(live_server, two_phones):
    anna, _ = two_phones
    page = open_screen(anna, live_server.url + "/pair/ABCD-EFGH")
    page.locator(".state-error").wait_for()
    assert page.get_by_role("button", name="Try again").is_visible()


def test_the_library_groups_by_theme_and_filters(live_server, two_phones, screenshot):
    library_import(items=json.loads(STARTER.read_text())["exercises"])
    anna, _ = two_phones
    page = open_screen(anna, live_server.url + "/library")
    themes = page.locator(".themes a")
    assert themes.count() > 2
    screenshot(page, "library")
    themes_count = themes.count()
    chosen = themes.nth(1).inner_text()
    themes.nth(1).click()
    page.locator(".themes a[aria-current=page]", has_text=chosen).wait_for()
    assert page.locator("section.theme").count() == 1
    assert page.locator("section.theme h2").inner_text() == chosen
    assert page.locator(".themes a").count() == themes_count
    page.locator(".exercise a").first.click()
    page.get_by_role("button", name="Start together").wait_for()
    screenshot(page, "exercise")
    assert anna.errors == []

"""Safety in the interface: the help-first screen from every screen, advice, the check-in."""

import datetime

import pytest

from safety.models import HelpResource
from tests.conftest import make_user

from .conftest import open_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANONYMOUS_SCREENS = ["/", "/signup", "/login", "/reset", "/verify", "/advice", "/help"]
SIGNED_IN_SCREENS = [
    "/",
    "/profile",
    "/library",
    "/pair",
    "/couple",
    "/check-in",
    "/history",
    "/advice",
    "/help",
]


@pytest.fixture
def resources(db):
    # Transactional tests empty the tables, the seeded resources included: make our own.
    HelpResource.objects.all().delete()
    checked = datetime.date.today()
    # Created helpline first, so "emergency first" is the screen's doing, not the order here.
    helpline = HelpResource.objects.create(
        country="NL",
        language="en",
        kind="helpline",
        name="Veilig Thuis",
        phone="0800-2000",
        last_verified=checked,
    )
    emergency = HelpResource.objects.create(
        country="NL",
        language="en",
        kind="emergency",
        name="Emergency",
        phone="112",
        last_verified=checked,
    )
    HelpResource.objects.create(
        country="NL",
        language="nl",
        kind="emergency",
        name="Alarmnummer",
        phone="112",
        last_verified=checked,
    )
    return emergency, helpline


def test_i_dont_feel_safe_is_on_every_screen_and_leads_to_help_first(
    live_server, phone, watch, sign_in, resources
):
    watched = watch(phone)
    for path in ANONYMOUS_SCREENS:
        page = open_screen(watched, live_server.url + path)
        assert page.get_by_test_id("unsafe").inner_text() == "I don't feel safe"
        page.get_by_test_id("unsafe").click()
        page.wait_for_url("**/help")
        page.locator("main h1", has_text="Help comes first").wait_for()
    sign_in(phone, make_user("anna", language="en"))
    for path in SIGNED_IN_SCREENS:
        page = open_screen(watched, live_server.url + path)
        assert page.get_by_test_id("leave").is_visible(), path
        page.get_by_test_id("unsafe").click()
        page.wait_for_url("**/help")
        page.locator("main h1", has_text="Help comes first").wait_for()
    assert watched.errors == []


def test_the_help_first_screen_lists_the_emergency_number_first(
    live_server, phone, watch, screenshot, resources
):
    page = open_screen(watch(phone), live_server.url + "/help")
    first = page.locator("[data-testid=resources] li").first
    first.wait_for()
    assert "Emergency" in first.inner_text()
    assert first.get_by_role("link", name="Call 112").get_attribute("href") == "tel:112"
    assert page.title() == "Tweespraak"
    screenshot(page, "help-first")


def test_a_signed_in_person_can_report_privately(live_server, phone, watch, sign_in, resources):
    anna = make_user("anna", language="en")
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/help")
    page.get_by_label("What is going on? (optional)").fill("It was a hard evening.")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Thank you for telling us.").wait_for()
    assert anna.safety_reports.count() == 1
    assert watched.errors == []


def test_the_check_in_asks_about_being_alone_first_then_yes_no_questions(
    live_server, phone, watch, sign_in, screenshot, resources
):
    sign_in(phone, make_user("anna", language="en"))
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/check-in")
    assert page.get_by_text("Are you alone and able to answer freely right now?").is_visible()
    screenshot(page, "check-in")
    page.get_by_test_id("alone-yes").click()
    questions = page.locator("[data-testid=checkin-questions] fieldset")
    assert questions.count() >= 6
    for index in range(questions.count()):
        questions.nth(index).get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_text("Thank you. You can go on.").wait_for()
    assert watched.errors == []


def test_a_yes_in_the_check_in_leads_to_help_first(live_server, phone, watch, sign_in, resources):
    sign_in(phone, make_user("anna", language="en"))
    page = open_screen(watch(phone), live_server.url + "/check-in")
    page.get_by_test_id("alone-yes").click()
    questions = page.locator("[data-testid=checkin-questions] fieldset")
    questions.first.get_by_label("Yes").check()
    for index in range(1, questions.count()):
        questions.nth(index).get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/help")
    page.locator("[data-testid=resources] li").first.wait_for()
    assert "Emergency" in page.locator("[data-testid=resources] li").first.inner_text()


def test_not_alone_stores_nothing_and_says_so(live_server, phone, watch, sign_in):
    sign_in(phone, make_user("anna", language="en"))
    page = open_screen(watch(phone), live_server.url + "/check-in")
    page.get_by_role("button", name="No, not right now").click()
    page.get_by_text("Nothing has been saved.").wait_for()


def test_the_advice_page_covers_private_browsing_history_and_shared_devices(
    live_server, phone, watch, screenshot
):
    page = open_screen(watch(phone), live_server.url + "/advice")
    for title in ("Private browsing", "Browser history", "Shared devices"):
        assert page.get_by_role("heading", name=title).is_visible()
    screenshot(page, "advice")

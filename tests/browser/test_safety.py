"""Safety in the interface: the help-first screen from every screen, advice, the check-in."""

import datetime
import importlib
import re

import pytest
from django.apps import apps

from pairing.services import invite_accept, invite_create
from safety.content import DANGER_IDS, QUESTION_IDS
from safety.models import HelpResource
from safety.selectors import is_paused
from tests.factories import make_user, report_unsafe, therapist_link
from tests.mfa import give_totp

from .helpers import answer_check_in, open_screen, settled

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
    made = []
    for language, emergency_name, line_name in (
        ("en", "Emergency", "Veilig Thuis"),
        ("nl", "Alarmnummer", "Veilig Thuis"),
    ):
        # Created helpline first, so "emergency first" is the screen's doing, not the order here.
        made.append(
            HelpResource.objects.create(
                country="NL",
                language=language,
                kind="domestic_abuse",
                name=line_name,
                phone="08002000",
                phone_display="0800-2000",
                open_24_7=True,
                cost={"en": "Free", "nl": "Gratis"}[language],
                source_url="https://example.org/",
                last_verified=checked,
            )
        )
        made.append(
            HelpResource.objects.create(
                country="NL",
                language=language,
                kind="emergency",
                name=emergency_name,
                phone="112",
                open_24_7=True,
                source_url="https://example.org/",
                last_verified=checked,
            )
        )
    return made[1], made[0]


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
    line = page.locator("[data-testid=resources] li").nth(1)
    assert line.get_by_role("link", name="Call 0800-2000").get_attribute("href") == "tel:08002000"
    # The cost text is shown where an editor set it, and nowhere else.
    assert line.get_by_test_id("cost").inner_text() == "Free"
    assert first.get_by_test_id("cost").count() == 0
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
    # Without a therapist there is nobody to share with: the box is not offered.
    assert page.locator("#share-with-therapist").count() == 0
    assert watched.errors == []


def test_the_report_offers_sharing_only_with_the_linked_therapist_by_name(
    live_server, phone, watch, sign_in, resources, screenshot
):
    anna = make_user("anna", language="en")
    bram = make_user("bram", language="en")
    thea = make_user("thea", language="en", is_therapist=True)
    give_totp(thea)
    invite_accept(user=bram, code=invite_create(inviter=anna).code)
    link = therapist_link(thea, anna, bram)
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/help")
    box = page.get_by_label(re.compile("Also let Thea, our therapist, read this report"))
    box.wait_for()
    screenshot(page, "help-report-share")
    page.get_by_label("What is going on? (optional)").fill("It was a hard evening.")
    box.check()
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Thank you for telling us.").wait_for()
    [report] = anna.safety_reports.all()
    assert report.shared_with == str(link.id)
    assert watched.errors == []


def test_the_check_in_says_why_then_asks_one_question_at_a_time(
    live_server, phone, watch, sign_in, screenshot, resources
):
    sign_in(phone, make_user("anna", language="en"))
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/check-in")
    why = page.get_by_test_id("checkin-why")
    assert "Your partner never sees" in why.inner_text()
    assert page.get_by_text("Are you alone and able to answer freely right now?").is_visible()
    screenshot(page, "check-in")
    page.get_by_test_id("alone-yes").click()
    assert (
        page.get_by_test_id("checkin-progress").inner_text() == f"Question 1 of {len(QUESTION_IDS)}"
    )
    for label in ("Yes", "No", "I'd rather not say"):
        button = page.get_by_test_id("checkin-question").get_by_role(
            "button", name=label, exact=True
        )
        assert button.bounding_box()["height"] >= 44
    screenshot(page, "check-in-question")
    page.get_by_role("button", name="No", exact=True).click()
    page.get_by_role("button", name="Previous question").click()
    assert page.locator(f'[data-question="{QUESTION_IDS[0]}"]').is_visible()
    page.goto(live_server.url + "/check-in")
    answer_check_in(page, "No")
    page.get_by_text("Thank you. You can go on.").wait_for()
    assert watched.errors == []


def test_a_yes_is_acknowledged_before_help_first(live_server, phone, watch, sign_in, resources):
    anna = make_user("anna", language="en")
    sign_in(phone, anna)
    page = open_screen(watch(phone), live_server.url + "/check-in")
    answer_check_in(page, ["Yes"] + ["No"] * (len(QUESTION_IDS) - 1))
    page.get_by_test_id("acknowledged").get_by_text("Thank you for telling us").wait_for()
    page.get_by_role("link", name="Show me the help").click()
    page.wait_for_url("**/help")
    page.locator("[data-testid=resources] li").first.wait_for()
    assert "Emergency" in page.locator("[data-testid=resources] li").first.inner_text()
    assert is_paused(anna)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_danger_item_shows_the_emergency_number_first_with_one_tap(
    live_server, phone, watch, sign_in, screenshot, resources, language
):
    anna = make_user("anna", language=language)
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/check-in")
    yes, no = ("Yes", "No") if language == "en" else ("Ja", "Nee")
    answers = [yes if q in DANGER_IDS else no for q in QUESTION_IDS]
    answer_check_in(page, answers)
    urgent = page.get_by_test_id("urgent")
    urgent.wait_for()
    calls = urgent.locator("a[href^='tel:']")
    assert [calls.nth(i).get_attribute("href") for i in range(calls.count())] == [
        "tel:112",
        "tel:08002000",
    ]
    title = "You don't have to decide anything else now"
    if language == "nl":
        title = "Je hoeft nu verder niets te beslissen"
    assert urgent.locator("h2").inner_text() == title
    assert is_paused(anna)
    screenshot(page, f"check-in-urgent-{language}")
    assert watched.errors == []


def test_rather_not_say_shows_help_without_pausing(
    live_server, phone, watch, sign_in, screenshot, resources
):
    anna = make_user("anna", language="en")
    sign_in(phone, anna)
    page = open_screen(watch(phone), live_server.url + "/check-in")
    answer_check_in(page, "I'd rather not say")
    page.get_by_test_id("rather-not-say").get_by_text("Nothing has been paused").wait_for()
    assert not is_paused(anna)
    screenshot(page, "check-in-rather-not-say")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_call_link_on_help_first_dials_a_listed_number(
    live_server, phone, watch, sign_in, screenshot, language
):
    """With the real seeded list: each tel: link is a valid number the API lists."""
    importlib.import_module("safety.migrations.0004_checked_help_resources").forwards(apps, None)
    anna = make_user("anna", language=language, country="GB")
    sign_in(phone, anna)
    report_unsafe(anna)
    page = open_screen(watch(phone), live_server.url + "/help")
    settled(page)
    listed = {r.phone for r in HelpResource.objects.filter(country="GB", language=language)}
    hrefs = page.eval_on_selector_all("a[href^='tel:']", "links => links.map(a => a.href)")
    assert len(hrefs) >= 8
    for href in hrefs:
        assert re.fullmatch(r"tel:\+?[0-9]{3,15}", href), href
        assert href.removeprefix("tel:") in listed
    sections = page.locator("[data-section]")
    assert sections.count() == 6
    assert page.get_by_test_id("report-honest").is_visible()
    # Paused a moment ago: it says from when in words, and offers no resume button before then.
    pause = page.get_by_test_id("pause")
    assert ("From " if language == "en" else "Vanaf ") in pause.inner_text()
    assert pause.get_by_role("button").count() == 0
    screenshot(page, f"help-first-gb-{language}")


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


@pytest.mark.parametrize("language", ["en", "nl"])
def test_ending_the_couple_first_shows_a_skippable_note_with_the_24_7_line(
    live_server, phone, watch, sign_in, screenshot, resources, language
):
    anna, bram = make_user("anna", language=language), make_user("bram", language=language)
    invite_accept(user=bram, code=invite_create(inviter=anna).code)
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/couple")
    page.locator(".card .button.quiet").click()
    note = page.get_by_test_id("leaving-note")
    note.locator("a[href='tel:08002000']").wait_for()
    screenshot(page, f"couple-end-note-{language}")
    note.get_by_test_id("leaving-note-continue").click()
    assert page.locator("form .button.danger").is_visible()
    assert not note.is_visible()
    assert watched.errors == []

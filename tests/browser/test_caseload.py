"""The therapist's practice on a desktop (1366x900) and a phone (390x844): the caseload shows an
overdue assignment and a new share, an assignment is edited and withdrawn, an exercise the
couple already had open fulfils its assignment, a private note is written and read, and the
print view leaves out the safety bar and the forms."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from sessions import services as session_services
from tests.factories import (
    answered_session,
    fresh_check_in,
    link,
    make_user,
    publish,
    reveal_all,
    therapist_link,
)
from tests.mfa import give_totp
from therapists.assignment_services import assignment_create, session_share
from therapists.models import Assignment, ClinicalNote

from .helpers import PHONE, axe_violations, open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"viewport": {"width": 1366, "height": 900}}
SCREENS = {"desktop": DESKTOP, "phone": PHONE}


def build_world(language: str) -> dict:
    anna = make_user("anna", language=language)
    bram = make_user("bram", language=language)
    couple = link(anna, bram)
    for person in (anna, bram):
        fresh_check_in(person)
    thea = make_user("thea", language=language, is_therapist=True)
    give_totp(thea)
    therapist_link(thea, anna, bram)
    shared = publish("waardering")
    session = reveal_all(answered_session(shared, anna, bram), anna, bram)
    session_share(user=anna, session_id=session.pk)
    late = assignment_create(
        therapist=thea,
        couple_id=couple.pk,
        exercise_slug=publish("grenzen-voelen").exercise.slug,
        note="Before our next appointment",
        due_on=timezone.localdate(),
    )
    # It was given a while ago, and its date has passed since.
    Assignment.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=2))
    # The couple opened this exercise from the library before it was assigned.
    already = publish("triggers")
    open_session = session_services.session_start(user=anna, exercise_slug=already.exercise.slug)
    fulfilled = assignment_create(
        therapist=thea, couple_id=couple.pk, exercise_slug=already.exercise.slug, note="Go on"
    )
    return {
        "anna": anna,
        "thea": thea,
        "couple": couple,
        "late": late,
        "fulfilled": fulfilled,
        "open_session": open_session,
    }


def make_world(language: str = "en") -> dict:
    # The live reveal services send channel events through async_to_sync, which refuses the
    # thread where Playwright's event loop runs; the data is built in a thread of its own.
    def build() -> dict:
        try:
            return build_world(language)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(build).result()


def therapist_page(browser, watch, sign_in, world, screen: str, path: str = "/"):
    context = browser.new_context(**SCREENS[screen])
    sign_in(context, world["thea"])
    watched = watch(context)
    return context, watched


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_caseload_shows_an_overdue_assignment_and_a_new_share(
    live_server, browser, watch, sign_in, screenshot, transactional_db, screen, language
):
    world = make_world(language)
    context, watched = therapist_page(browser, watch, sign_in, world, screen)
    try:
        page = open_screen(watched, live_server.url + "/")
        settled(page)
        card = page.locator(f"li[data-couple='{world['couple'].pk}']")
        card.wait_for()
        assert card.locator("[data-kind=overdue]").count() == 1
        assert card.locator("[data-kind=new_share]").count() == 1
        nav = page.locator(".footer-nav a[href='/practice']")
        assert nav.count() == 1
        if language == "en":
            assert "Overdue" in card.locator("[data-kind=overdue]").inner_text()
            assert "Anna shared a session" in card.locator("[data-kind=new_share]").inner_text()
        screenshot(page, f"caseload-{screen}-{language}")
        if screen == "desktop":
            # Wide: the couples and the side column stand next to each other.
            main = page.locator(".practice-main").bounding_box()
            side = page.locator(".practice-side").bounding_box()
            assert side["x"] > main["x"] + main["width"] - 1
        else:
            main = page.locator(".practice-main").bounding_box()
            side = page.locator(".practice-side").bounding_box()
            assert side["y"] >= main["y"] + main["height"] - 1

        card.get_by_role("link").click()
        settled(page)
        page.locator("[data-testid=timeline]").wait_for()
        screenshot(page, f"couple-file-{screen}-{language}")
        assert axe_violations(page) == []
        # Once opened, the share is no longer new.
        page.goto(live_server.url + "/practice")
        settled(page)
        assert (
            page.locator(f"li[data-couple='{world['couple'].pk}'] [data-kind=new_share]").count()
            == 0
        )
        assert watched.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_therapist_edits_and_withdraws_an_assignment(
    live_server, browser, watch, sign_in, screenshot, transactional_db, screen
):
    world = make_world()
    context, watched = therapist_page(browser, watch, sign_in, world, screen)
    try:
        page = open_screen(watched, f"{live_server.url}/practice/{world['couple'].pk}")
        settled(page)
        card = page.locator(f"li[data-assignment='{world['late'].pk}']")
        assert card.get_by_test_id("overdue").is_visible()
        card.get_by_role("button", name="Change").click()
        new_date = timezone.localdate() + timedelta(days=5)
        card.get_by_label("Note for the couple (changed)").fill("Take your time")
        card.get_by_label("New due date").fill(new_date.isoformat())
        card.get_by_role("button", name="Save changes").click()
        card = page.locator(f"li[data-assignment='{world['late'].pk}']", has_text="Take your time")
        card.wait_for()
        assert card.get_by_test_id("overdue").count() == 0
        world["late"].refresh_from_db()
        assert (world["late"].note, world["late"].due_on) == ("Take your time", new_date)
        screenshot(page, f"assignment-edited-{screen}")

        card.get_by_role("button", name="Withdraw").click()
        card.get_by_role("button", name="Yes, withdraw").click()
        page.locator(f"li.withdrawn[data-assignment='{world['late'].pk}']").wait_for()
        world["late"].refresh_from_db()
        assert world["late"].withdrawn_at is not None
        assert watched.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_an_exercise_already_open_fulfils_its_assignment(
    live_server, browser, watch, sign_in, screenshot, transactional_db, screen
):
    world = make_world()
    partner = browser.new_context(**SCREENS[screen])
    context, watched = therapist_page(browser, watch, sign_in, world, screen)
    try:
        sign_in(partner, world["anna"])
        anna = watch(partner)
        page_a = open_screen(anna, live_server.url + "/therapist")
        settled(page_a)
        item = page_a.locator(f"li[data-assignment='{world['fulfilled'].pk}']")
        item.get_by_role("button").click()
        page_a.wait_for_url(f"**/s/{world['open_session'].pk}")
        assert list(world["fulfilled"].sessions.values_list("pk", flat=True)) == [
            world["open_session"].pk
        ]

        page_t = open_screen(watched, f"{live_server.url}/practice/{world['couple'].pk}")
        settled(page_t)
        card = page_t.locator(f"li[data-assignment='{world['fulfilled'].pk}']")
        assert "Started on" in card.inner_text()
        assert card.locator(f"[data-session='{world['open_session'].pk}']").count() == 1
        screenshot(page_t, f"assignment-fulfilled-{screen}")
        assert watched.errors == [] and anna.errors == []
    finally:
        context.close()
        partner.close()


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_therapist_writes_and_reads_a_private_note(
    live_server, browser, watch, sign_in, screenshot, transactional_db, screen
):
    world = make_world()
    context, watched = therapist_page(browser, watch, sign_in, world, screen)
    try:
        page = open_screen(watched, f"{live_server.url}/practice/{world['couple'].pk}")
        settled(page)
        page.get_by_label("New note").fill("They spoke about the move.\nFollow up next time.")
        page.get_by_role("button", name="Save note").click()
        page.locator(".note-text", has_text="They spoke about the move.").wait_for()
        assert ClinicalNote.objects.get().body.startswith("They spoke about the move.")

        page.reload()
        settled(page)
        assert "Follow up next time." in page.locator(".private-notes").inner_text()
        screenshot(page, f"private-note-{screen}")
        assert watched.errors == []
    finally:
        context.close()


def test_the_print_view_leaves_out_the_safety_bar_and_the_forms(
    live_server, browser, watch, sign_in, screenshot, transactional_db
):
    world = make_world()
    context, watched = therapist_page(browser, watch, sign_in, world, "desktop")
    try:
        page = open_screen(watched, f"{live_server.url}/practice/{world['couple'].pk}")
        settled(page)
        assert page.locator(".safety-bar").is_visible()

        page.emulate_media(media="print")

        assert not page.locator(".safety-bar").is_visible()
        assert not page.locator(".footer-nav").is_visible()
        assert page.locator("form:visible, button:visible").count() == 0
        assert page.get_by_test_id("timeline").is_visible()
        assert page.get_by_test_id("consents").is_visible()
        screenshot(page, "couple-file-print")
        assert watched.errors == []
    finally:
        context.close()

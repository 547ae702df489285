"""Therapist screens on a phone: the therapist's couples, progress per assignment, assigning an
exercise and reading shared answers; the partner's side: the therapist and their exercises,
sharing and unsharing a revealed session, removing the therapist and accepting a new code."""

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from exercises.services import library_import
from tests.factories import (
    ANNA_MARKER,
    answered_session,
    fresh_check_in,
    link,
    make_user,
    publish,
    reveal_all,
    therapist_link,
)
from tests.mfa import give_totp

from .helpers import PHONE, axe_violations, open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTER = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"


def build_world() -> dict:
    library_import(items=json.loads(STARTER.read_text())["exercises"])
    anna, bram = make_user("anna", language="en"), make_user("bram", language="en")
    link(anna, bram)
    for person in (anna, bram):
        fresh_check_in(person)
    thea = make_user("thea", language="en", is_therapist=True)
    give_totp(thea)
    therapist_link(thea, anna, bram)
    version = publish()
    session = reveal_all(answered_session(version, anna, bram), anna, bram)
    return {"anna": anna, "thea": thea, "session": session}


@pytest.fixture
def therapy_world(transactional_db):
    # The live reveal services send channel events through async_to_sync, which refuses the
    # thread where Playwright's event loop runs; the data is built in a thread of its own.
    def build() -> dict:
        try:
            return build_world()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(build).result()


def test_a_therapist_assigns_and_reads_only_what_a_partner_shares(
    live_server, browser, watch, sign_in, screenshot, therapy_world
):
    contexts = [browser.new_context(**PHONE) for _ in range(2)]
    try:
        sign_in(contexts[0], therapy_world["thea"])
        sign_in(contexts[1], therapy_world["anna"])
        thea, anna = watch(contexts[0]), watch(contexts[1])

        page_t = open_screen(thea, live_server.url + "/practice")
        page_t.get_by_role("link", name="Anna & Bram").click()
        settled(page_t)
        page_t.get_by_label("Exercise").select_option("waardering")
        page_t.get_by_label("Note for the couple").fill("Try this one this week.")
        page_t.get_by_role("button", name="Assign").click()
        page_t.locator("li[data-assignment]", has_text="Try this one this week.").wait_for()
        assert page_t.get_by_test_id("shared-answers").count() == 0
        screenshot(page_t, "practice-couple")
        findings = axe_violations(page_t)

        page_a = open_screen(anna, live_server.url + "/therapist")
        settled(page_a)
        page_a.get_by_text("Linked since").wait_for()
        page_a.locator(".assignments li", has_text="Try this one this week.").wait_for()
        screenshot(page_a, "therapist")
        findings += axe_violations(page_a)

        page_a.goto(f"{live_server.url}/s/{therapy_world['session'].id}")
        settled(page_a)
        page_a.get_by_role("button", name="Share my answers with Thea").click()
        page_a.get_by_text("Thea can now read your answers of this session.").wait_for()
        screenshot(page_a, "session-shared")
        page_t.reload()
        settled(page_t)
        assert ANNA_MARKER in page_t.get_by_test_id("shared-answers").first.inner_text()
        findings += axe_violations(page_t)

        page_a.get_by_role("button", name="Stop sharing").click()
        page_a.get_by_text("Your answers are no longer shared.").wait_for()
        page_t.reload()
        settled(page_t)
        assert ANNA_MARKER not in page_t.locator("main").inner_text()

        # Anna removes the therapist on her own; thea's new code needs both consents again.
        page_a.goto(live_server.url + "/therapist")
        settled(page_a)
        page_a.get_by_role("button", name="Remove the therapist").click()
        page_a.get_by_role("button", name="Yes, remove now").click()
        page_a.get_by_text("No therapist is linked to your couple.").wait_for()
        page_t.goto(live_server.url + "/practice")
        settled(page_t)
        assert page_t.get_by_text("No couples are linked to you yet.").is_visible()
        page_t.get_by_role("button", name="Make a code for a couple").click()
        code = page_t.get_by_test_id("therapist-code").inner_text()
        page_a.get_by_label("Code from your therapist").fill(code)
        page_a.get_by_role("button", name="Use this code").click()
        page_a.get_by_test_id("therapist-name").get_by_text("Thea").wait_for()
        screenshot(page_a, "therapist-accept")
        findings += axe_violations(page_a)
        page_a.get_by_role("button", name="Yes, I agree").click()
        page_a.get_by_text("Waiting for your partner to agree too.").wait_for()
        assert findings == []
        assert thea.errors == [] and anna.errors == []
    finally:
        for context in contexts:
            context.close()


def test_a_partner_without_the_therapist_role_is_told_so(
    live_server, phone, watch, sign_in, therapy_world
):
    sign_in(phone, therapy_world["anna"])
    page = open_screen(watch(phone), live_server.url + "/practice")
    page.get_by_text("This part is for verified therapists.").wait_for()

"""Answering on a phone: drafts saved as you type (also after a spell offline), keep_private
per prompt, submit with a summary, the partner's state."""

import json
from pathlib import Path

import pytest

from exercises.services import library_import
from pairing.services import invite_accept, invite_create
from safety.content import QUESTION_IDS
from safety.services import check_in_submit
from sessions.models import Answer
from tests.factories import make_user

from .helpers import open_screen, settled, step_through_prompts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTER = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"


@pytest.fixture
def anna_ready(db):
    library_import(items=json.loads(STARTER.read_text())["exercises"])
    anna, bram = make_user("anna", language="en"), make_user("bram", language="en")
    invite_accept(user=bram, code=invite_create(inviter=anna).code)
    for person in (anna, bram):
        check_in_submit(user=person, alone=True, answers=dict.fromkeys(QUESTION_IDS, "no"))
    return anna


def start_session(page):
    page.get_by_role("button", name="Start together").click()
    page.wait_for_url("**/s/*")
    settled(page)
    page.locator("ol.prompts").wait_for()


DRAFT_DATABASES = "() => indexedDB.databases().then((list) => list.map((db) => db.name))"
# How many rows the drafts database holds on this device (drafts and session outlines).
STORED_ROWS = """() => new Promise((resolve) => {
  const request = indexedDB.open("tweespraak-drafts");
  request.onsuccess = () => {
    const tx = request.result.transaction(["drafts", "sessions"]);
    const counts = ["drafts", "sessions"].map((name) => tx.objectStore(name).count());
    tx.oncomplete = () => resolve(counts.reduce((sum, count) => sum + count.result, 0));
  };
})"""


def test_drafts_save_as_you_type_and_survive_going_offline_and_a_reload_offline(
    live_server, phone, watch, sign_in, screenshot, anna_ready
):
    sign_in(phone, anna_ready)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/library/waardering")
    start_session(page)
    # The offline shell needs the service worker in control of this page.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    screenshot(page, "answering")
    first = page.locator("li.prompt").filter(has=page.locator("textarea")).first
    first.locator("textarea").fill("A first thought")
    first.get_by_text("Saved").wait_for()
    answer = Answer.objects.get(user=anna_ready)
    assert answer.value == "A first thought"

    phone.set_offline(True)
    first.locator("textarea").fill("Written on the train")
    first.get_by_text("Offline: saved when you are back online.").wait_for()
    page.reload()
    settled(page)
    page.get_by_test_id("offline-notice").wait_for()
    screenshot(page, "answering-offline")
    first = page.locator("li.prompt").filter(has=page.locator("textarea")).first
    assert first.locator("textarea").input_value() == "Written on the train"
    first.get_by_text("Offline: saved when you are back online.").wait_for()
    answer.refresh_from_db()
    assert answer.value == "A first thought"

    phone.set_offline(False)
    first.get_by_text("Saved").wait_for()
    answer.refresh_from_db()
    assert answer.value == "Written on the train"

    # Quick exit takes the drafts on this device with it.
    assert "tweespraak-drafts" in page.evaluate(DRAFT_DATABASES)
    page.get_by_test_id("leave").click()
    page.wait_for_url("https://www.google.com/")
    page.goto(live_server.url + "/advice")
    page.wait_for_function(
        f"() => ({DRAFT_DATABASES})().then((names) => !names.includes('tweespraak-drafts'))"
    )
    # The failed loads while offline are logged by Chromium; nothing else may be.
    assert [e for e in watched.errors if "ERR_INTERNET_DISCONNECTED" not in e] == []


def test_keep_private_per_prompt_then_submit_with_a_summary(
    live_server, phone, watch, sign_in, screenshot, anna_ready
):
    sign_in(phone, anna_ready)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/library/waardering")
    start_session(page)

    def answer(item, index):
        if item.locator("textarea").count():
            item.locator("textarea").fill(f"Answer {index + 1}")
        else:
            item.get_by_label("Keep this one for myself").check()

    step_through_prompts(page, answer)
    page.get_by_role("button", name="Review my answers").click()
    summary = page.locator(".summary")
    summary.wait_for()
    assert "Answer 1" in summary.inner_text() or "for myself" in summary.inner_text()
    screenshot(page, "summary")
    assert page.evaluate(STORED_ROWS) > 0
    page.get_by_role("button", name="Lock my answers").click()
    page.get_by_text("Your answers are locked.").wait_for()
    # Once submitted, no answer stays on the device.
    assert page.evaluate(STORED_ROWS) == 0
    assert page.get_by_test_id("partner-state").inner_text() == "Bram: not started"
    screenshot(page, "waiting")
    assert watched.errors == []

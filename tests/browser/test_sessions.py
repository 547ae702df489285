"""Answering on a phone: drafts saved as you type (also after a spell offline), keep_private
per prompt, submit with a summary, the partner's state."""

import json
from pathlib import Path

import pytest

from exercises.models import Answer
from exercises.services import library_import
from pairing.services import invite_accept, invite_create
from safety.content import QUESTION_IDS
from safety.services import check_in_submit
from tests.conftest import make_user

from .conftest import open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTER = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"


@pytest.fixture
def anna(db):
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


def test_drafts_save_as_you_type_and_survive_going_offline(
    live_server, phone, watch, sign_in, screenshot, anna
):
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/library/waardering")
    start_session(page)
    screenshot(page, "answering")
    first = page.locator("li.prompt").filter(has=page.locator("textarea")).first
    first.locator("textarea").fill("A first thought")
    first.get_by_text("Saved").wait_for()
    assert Answer.objects.filter(user=anna).count() == 1

    phone.set_offline(True)
    first.locator("textarea").fill("Written on the train")
    first.get_by_text("Offline: saved when you are back online.").wait_for()
    phone.set_offline(False)
    first.get_by_text("Saved").wait_for()

    page.reload()
    settled(page)
    page.locator("ol.prompts").wait_for()
    assert page.locator("textarea").first.input_value() == "Written on the train"
    # The failed save while offline is logged by Chromium; nothing else may be.
    assert [e for e in watched.errors if "ERR_INTERNET_DISCONNECTED" not in e] == []


def test_keep_private_per_prompt_then_submit_with_a_summary(
    live_server, phone, watch, sign_in, screenshot, anna
):
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/library/waardering")
    start_session(page)
    prompts = page.locator("li.prompt")
    for index in range(prompts.count()):
        item = prompts.nth(index)
        if item.locator("textarea").count():
            item.locator("textarea").fill(f"Answer {index + 1}")
        else:
            item.get_by_label("Keep this one for myself").check()
        item.get_by_text("Saved").wait_for()
    page.get_by_role("button", name="Review my answers").click()
    summary = page.locator(".summary")
    summary.wait_for()
    assert "Answer 1" in summary.inner_text() or "for myself" in summary.inner_text()
    screenshot(page, "summary")
    page.get_by_role("button", name="Lock my answers").click()
    page.get_by_text("Your answers are locked.").wait_for()
    assert page.get_by_test_id("partner-state").inner_text() == "Bram: not started"
    screenshot(page, "waiting")
    assert watched.errors == []

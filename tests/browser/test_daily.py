"""Issue 18: a couple answers the question of the day on two phones (two browser contexts);
each sees the other's answer only once both answered, then reacts. Screens checked with axe,
in Dutch and English."""

from pathlib import Path

import pytest
from django.core.management import call_command

from pairing.services import invite_accept, invite_create
from safety.content import QUESTION_IDS
from safety.services import check_in_submit
from sessions.models import DailyAnswer
from tests.factories import make_user

from .helpers import PHONE, axe_violations, open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/shots/issue-18")
TEXTS = {
    "en": {
        "send": "Send my answer",
        "not_yet": "has not answered yet",
        "waiting": "You will see it once you have answered too",
        "react": "I hear you",
        "reacted": "Your partner reacted: I hear you",
    },
    "nl": {
        "send": "Antwoord versturen",
        "not_yet": "heeft nog niet geantwoord",
        "waiting": "Je ziet het antwoord zodra jij ook hebt geantwoord",
        "react": "Ik hoor je",
        "reacted": "Je partner reageerde: Ik hoor je",
    },
}


def shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def answer(page, text: str, send: str) -> None:
    page.get_by_role("textbox").fill(text)
    page.get_by_role("button", name=send).click()
    page.get_by_test_id("daily-mine").filter(has_text=text).wait_for()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_couple_answers_the_question_of_the_day_on_two_phones(
    live_server, browser, watch, sign_in, language
):
    call_command("daily_questions")
    anna, bram = make_user("anna", language=language), make_user("bram", language=language)
    invite_accept(user=bram, code=invite_create(inviter=anna).code)
    for person in (anna, bram):
        check_in_submit(user=person, alone=True, answers=dict.fromkeys(QUESTION_IDS, "no"))
    words = TEXTS[language]
    annas_phone, brams_phone = browser.new_context(**PHONE), browser.new_context(**PHONE)
    try:
        sign_in(annas_phone, anna)
        sign_in(brams_phone, bram)
        anna_watched, bram_watched = watch(annas_phone), watch(brams_phone)

        anna_page = open_screen(anna_watched, live_server.url + "/daily")
        settled(anna_page)
        question = anna_page.get_by_test_id("daily-question").inner_text()
        assert words["not_yet"] in anna_page.get_by_test_id("daily-partner").inner_text()
        assert axe_violations(anna_page) == []
        shot(anna_page, f"daily-empty-{language}")
        answer(anna_page, "Een wandeling in de zon", words["send"])

        bram_page = open_screen(bram_watched, live_server.url + "/daily")
        settled(bram_page)
        assert bram_page.get_by_test_id("daily-question").inner_text() == question
        assert words["waiting"] in bram_page.get_by_test_id("daily-partner").inner_text()
        assert "Een wandeling in de zon" not in bram_page.content()
        shot(bram_page, f"daily-partner-answered-{language}")
        answer(bram_page, "Samen koken", words["send"])
        assert "Een wandeling in de zon" in bram_page.get_by_test_id("daily-partner").inner_text()
        # Anna's phone, left open, shows bram's answer by itself (no reload).
        anna_page.get_by_test_id("daily-partner").filter(has_text="Samen koken").wait_for(
            timeout=20_000
        )
        bram_page.get_by_role("button", name=words["react"]).click()
        bram_page.wait_for_selector("button[aria-pressed=true]")

        anna_page = open_screen(anna_watched, live_server.url + "/daily")
        settled(anna_page)
        assert "Samen koken" in anna_page.get_by_test_id("daily-partner").inner_text()
        assert anna_page.get_by_test_id("daily-their-reaction").inner_text() == words["reacted"]
        assert axe_violations(anna_page) == []
        shot(anna_page, f"daily-both-{language}")

        assert DailyAnswer.objects.count() == 2
        assert anna_watched.errors == [] and bram_watched.errors == []
    finally:
        annas_phone.close()
        brams_phone.close()

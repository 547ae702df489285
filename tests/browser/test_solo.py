"""Issue 18: a single person does a solo exercise on a phone: picks it from the library's
"for yourself" filter, answers it (only they will see it), finishes it and finds it in their
history. Screens checked with axe, in Dutch and English."""

import json
from pathlib import Path

import pytest

from exercises.services import library_import
from sessions.models import Answer, CoupleSession
from tests.factories import make_user

from .helpers import axe_violations, open_screen, settled, step_through_prompts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTER = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"
SHOTS = Path("/work/shots/issue-18")
TEXTS = {
    "en": (
        "For yourself",
        "Start for yourself",
        "Only you will see this",
        "Done. This stays yours",
    ),
    "nl": ("Voor jezelf", "Begin voor jezelf", "Alleen jij ziet dit", "Klaar. Dit blijft van jou"),
}


def shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_single_person_does_a_solo_exercise(live_server, phone, watch, sign_in, language):
    library_import(items=json.loads(STARTER.read_text())["exercises"])
    cas = make_user("cas", language=language)
    solo_filter, start, only_you, done = TEXTS[language]
    sign_in(phone, cas)
    watched = watch(phone)

    page = open_screen(watched, live_server.url + "/library")
    page.get_by_role("link", name=solo_filter, exact=True).click()
    page.wait_for_url("**/library?audience=solo")
    settled(page)
    page.get_by_role(
        "link", name="Landen in je lijf" if language == "nl" else "Landing in your body"
    ).click()
    settled(page)
    shot(page, f"solo-detail-{language}")
    page.get_by_role("button", name=start).click()
    page.wait_for_url("**/s/*")
    settled(page)
    page.locator("ol.prompts").wait_for()
    assert only_you in page.get_by_test_id("solo-notice").inner_text()
    assert page.locator(".check.keep").count() == 0
    assert axe_violations(page) == []
    shot(page, f"solo-answering-{language}")

    def answer(item, _index):
        # One prompt per screen: each kind answered on its own screen, then Next.
        if item.locator("textarea").count():
            item.locator("textarea").fill("Een lamp, een vogel, mijn stoel")
        elif item.locator("input[type=range]").count():
            item.locator("input[type=range]").press("ArrowRight")
        elif item.get_by_role("checkbox").count():
            item.get_by_role("checkbox").first.check()
        else:
            item.get_by_role("radio").first.check()

    saved = "Opgeslagen" if language == "nl" else "Saved"
    assert step_through_prompts(page, answer, saved=saved) == 4
    page.get_by_role(
        "button", name="Review my answers" if language == "en" else "Mijn antwoorden bekijken"
    ).click()
    page.locator("section.summary form button").click()
    page.get_by_test_id("solo-notice").filter(has_text=done).wait_for()
    assert "Een lamp, een vogel, mijn stoel" in page.locator(".solo-answers").inner_text()
    assert axe_violations(page) == []
    shot(page, f"solo-done-{language}")

    session = CoupleSession.objects.get(owner=cas)
    assert session.status == "completed" and session.couple_id is None
    assert Answer.objects.filter(session=session, user=cas).count() == 4
    page = open_screen(watched, live_server.url + "/history")
    assert solo_filter in page.locator("ul.sessions").inner_text()
    assert axe_violations(page) == []
    shot(page, f"solo-history-{language}")
    page = open_screen(watched, live_server.url + "/library?audience=solo")
    shot(page, f"solo-library-{language}")
    assert watched.errors == []

"""The live reveal as one full-screen card per prompt, on two phones over the real WebSocket,
in Dutch and in English: both answers arrive together in the card that takes focus, the one
before steps aside, progress dots fill, a reaction arrives as a bubble on both phones, the
closing moment, and looking back shows every prompt in the same card.

The couple, its check-ins and both locked answer sets are made in the ASGI server's own
database (``manage.py shell``); each phone gets a signed-in session cookie from there too."""

import json
import os
from pathlib import Path

import pytest

from tests.factories import MARKER

from .helpers import PHONE, axe_violations, open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

I18N = Path(__file__).resolve().parents[2] / "frontend" / "static" / "frontend" / "i18n"
SHOTS = Path(
    os.environ.get("TWEESPRAAK_SHOTS") or Path(__file__).resolve().parents[1] / "artifacts"
)
LOCALES = {"nl": "nl-NL", "en": "en-GB"}
PROMPTS = 4  # publish()'s grenzen-voelen: text, scale, choice, multi

SETUP = """
from django.test import Client
from tests.factories import fresh_check_in, link, make_user, publish, submitted_session
anna = make_user("anna", language="{language}")
bram = make_user("bram", language="{language}")
fresh_check_in(anna)
fresh_check_in(bram)
link(anna, bram)
session = submitted_session(anna, bram, publish())
cookies = []
for person in (anna, bram):
    client = Client()
    client.force_login(person)
    cookies.append(client.cookies["sessionid"].value)
print(session.id, *cookies)
"""


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def still(page) -> None:
    """Wait until a card or bubble has finished arriving (axe measures colours mid-fade)."""
    page.wait_for_function(
        "() => document.getAnimations().every((item) => item.playState !== 'running')"
    )


def shown_cards(page):
    return page.locator("li.revealed:visible")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_reveal_shows_one_card_per_prompt_on_both_phones_and_look_back_the_same_cards(
    browser, watch, asgi_server, language
):
    words = json.loads((I18N / f"{language}.json").read_text())
    made = asgi_server.manage("shell", "--verbosity", "0", "-c", SETUP.format(language=language))
    session_id, *cookies = made.strip().splitlines()[-1].split()
    assert len(cookies) == 2
    contexts = [browser.new_context(**PHONE, locale=LOCALES[language]) for _ in cookies]
    try:
        pages = []
        for context, cookie in zip(contexts, cookies, strict=True):
            context.add_cookies(
                [{"name": "sessionid", "value": cookie, "domain": "127.0.0.1", "path": "/"}]
            )
            pages.append(watch(context))
        anna, bram = pages
        page_a = open_screen(anna, f"{asgi_server.url}/s/{session_id}")
        page_b = open_screen(bram, f"{asgi_server.url}/s/{session_id}")
        here = words["reveal.partner_here"]
        page_a.get_by_test_id("presence").get_by_text(here.format(name="Bram")).wait_for()
        page_b.get_by_test_id("presence").get_by_text(here.format(name="Anna")).wait_for()
        still(page_a)
        findings = axe_violations(page_a)
        shoot(page_a, f"reveal-room-{language}")

        seen: list[str] = []
        for index in range(PROMPTS):
            page_a.get_by_test_id("ready").click()
            page_a.get_by_role(
                "button", name=words["reveal.waiting_ready"].format(name="Bram")
            ).wait_for()
            page_b.get_by_test_id("ready").click()
            for page in (page_a, page_b):
                page.locator("li.revealed").nth(index).wait_for()
                # One card on screen: the new one, in focus; the one before has stepped aside.
                # After the last one the closing moment takes the focus.
                page.wait_for_function(
                    """n => document.querySelectorAll('li.revealed:not([hidden])').length === 1
                    && !document.querySelectorAll('li.revealed')[n].hidden
                    && (document.activeElement === document.querySelectorAll('li.revealed')[n]
                        || document.activeElement.matches('section.done'))""",
                    arg=index,
                )
                assert page.locator(".progress-dots li.done").count() == index + 1
            prompt = shown_cards(page_a).get_attribute("data-prompt")
            assert prompt not in seen and shown_cards(page_b).get_attribute("data-prompt") == prompt
            seen.append(prompt)
            if index == 0:
                # Both answers arrive together in the one card, each on their own side.
                card_a, card_b = shown_cards(page_a), shown_cards(page_b)
                assert card_a.locator(".mine").inner_text().endswith("Anna schrijft")
                assert card_a.locator(".partner").inner_text().endswith(MARKER)
                assert card_b.locator(".partner").inner_text().endswith("Anna schrijft")
                thanks = words["reaction.thanks"]
                card_a.get_by_role("button", name=thanks).click()
                mine = words["reveal.you_reacted"].format(reaction=thanks)
                card_a.locator(".bubble.mine").get_by_text(mine).wait_for()
                theirs = words["reveal.reacted"].format(name="Anna", reaction=thanks)
                card_b.locator(".bubble.partner").get_by_text(theirs).wait_for()
                shoot(page_a, f"reveal-card-reacted-{language}")
                shoot(page_b, f"reveal-card-bubble-{language}")
                still(page_b)
                findings += axe_violations(page_b)
            if index == 1:
                shown_cards(page_b).get_by_test_id("scale-picture").wait_for()
                shoot(page_b, f"reveal-card-scale-{language}")

        for page in (page_a, page_b):
            page.get_by_role("heading", name=words["reveal.completed_title"]).wait_for()
        still(page_a)
        shoot(page_a, f"reveal-done-{language}")
        findings += axe_violations(page_a)

        # Looking back: every prompt in the same card, both sides, none hidden.
        page_b.goto(f"{asgi_server.url}/history")
        settled(page_b)
        page_b.locator(".sessions a").first.click()
        page_b.locator("li.revealed").nth(PROMPTS - 1).wait_for()
        settled(page_b)
        assert shown_cards(page_b).count() == PROMPTS
        on = words["history.revealed_on"].split("{date}")[0]
        assert page_b.get_by_test_id("revealed-on").inner_text().startswith(on)
        assert [card.get_attribute("data-prompt") for card in shown_cards(page_b).all()] == seen
        assert shown_cards(page_b).first.locator(".mine").inner_text().endswith(MARKER)
        # The reaction anna sent on the first card is there too, as bram saw it arrive.
        shown_cards(page_b).first.locator(".bubble.partner").get_by_text(theirs).wait_for()
        still(page_b)
        shoot(page_b, f"look-back-{language}")
        findings += axe_violations(page_b)
        assert findings == []
        assert anna.errors == [] and bram.errors == []
    finally:
        for context in contexts:
            context.close()

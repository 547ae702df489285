"""Issue 22's measures in the browser: Anna lets her therapist see her pulse trend on her own
pulse screen; Thea's couple file then shows Anna's trend as a chart with the numbers as text,
and says that Bram does not share his. Desktop (1366x900) and phone, Dutch and English."""

from pathlib import Path

import pytest

from pulse.items import ITEM_IDS
from pulse.services import pulse_record
from tests.factories import fresh_check_in, link, make_user, therapist_link
from tests.mfa import give_totp

from .helpers import PHONE, axe_violations, open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/shots/issue-18")
SCREENS = {"desktop": {"viewport": {"width": 1366, "height": 900}}, "phone": PHONE}
CONSENT = {
    "en": "Let our therapist see how my pulse changes over time",
    "nl": "Laat onze therapeut het verloop van mijn polsslag zien",
}
NO_CONSENT = {"en": "Bram does not share their pulse", "nl": "Bram deelt de polsslag niet"}


def shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_anna_consents_and_her_therapist_sees_her_trend(
    live_server, browser, watch, sign_in, screen, language
):
    anna, bram = make_user("anna", language=language), make_user("bram", language=language)
    couple = link(anna, bram)
    for person in (anna, bram):
        fresh_check_in(person)
    thea = make_user("thea", language=language, is_therapist=True)
    give_totp(thea)
    therapist_link(thea, anna, bram)
    pulse_record(user=anna, answers=dict.fromkeys(ITEM_IDS, 2))
    pulse_record(user=anna, answers=dict.fromkeys(ITEM_IDS, 4))

    annas = browser.new_context(**SCREENS[screen])
    theas = browser.new_context(**SCREENS[screen])
    try:
        sign_in(annas, anna)
        sign_in(theas, thea)
        anna_watched, thea_watched = watch(annas), watch(theas)
        page = open_screen(anna_watched, live_server.url + "/pulse")
        settled(page)
        page.get_by_label(CONSENT[language]).check()
        page.get_by_test_id("measures-consent").get_by_role("status").filter(
            has_text="."
        ).wait_for()
        shot(page, f"pulse-consent-{screen}-{language}")

        page = open_screen(thea_watched, live_server.url + f"/practice/{couple.pk}")
        settled(page)
        measures = page.get_by_test_id("measures")
        measures.get_by_test_id("trend-numbers").wait_for()
        numbers = measures.get_by_test_id("trend-numbers").inner_text()
        assert ": 25" in numbers and ": 75" in numbers
        assert NO_CONSENT[language] in measures.inner_text()
        assert axe_violations(page) == []
        shot(page, f"measures-{screen}-{language}")
        assert anna_watched.errors == [] and thea_watched.errors == []
    finally:
        annas.close()
        theas.close()

"""Issue 18: a person records two pulses on a phone and sees their trend: a chart with a title
and a description, and the numbers as text. Checked with axe, in Dutch and English."""

from pathlib import Path

import pytest

from pulse.models import PulseEntry
from tests.factories import make_user

from .helpers import axe_violations, open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/shots/issue-18")
SAVE = {"en": "Save check", "nl": "Meting opslaan"}


def shot(page, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_person_records_two_pulses_and_sees_the_trend(
    live_server, phone, watch, sign_in, language
):
    cas = make_user("cas", language=language)
    sign_in(phone, cas)
    watched = watch(phone)

    page = open_screen(watched, live_server.url + "/pulse")
    settled(page)
    assert axe_violations(page) == []
    shot(page, f"pulse-empty-{language}")
    # First: everything at its highest (100).
    for index in range(4):
        page.locator("input[type=range]").nth(index).press("End")
    page.get_by_role("button", name=SAVE[language]).click()
    page.get_by_test_id("trend-numbers").wait_for()
    settled(page)
    # Second: untouched sliders are not an answer; the form says so and saves nothing.
    page.get_by_role("textbox").fill("Een rustige week")
    page.get_by_role("button", name=SAVE[language]).click()
    page.locator(".form-error:not([hidden])").wait_for()
    assert PulseEntry.objects.filter(user=cas).count() == 1
    # Then everything in the middle (50), chosen on purpose.
    for index in range(4):
        slider = page.locator("input[type=range]").nth(index)
        slider.press("ArrowRight")
        slider.press("ArrowLeft")
    page.get_by_role("button", name=SAVE[language]).click()
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=trend-numbers] li').length === 2"
    )
    settled(page)

    numbers = page.get_by_test_id("trend-numbers").inner_text()
    assert ": 100" in numbers and ": 50" in numbers
    chart = page.get_by_test_id("trend-chart")
    assert chart.get_attribute("role") == "img"
    assert ": 100" in chart.locator("desc").text_content()
    assert chart.locator("circle").count() == 2
    assert sorted(entry.score for entry in PulseEntry.objects.filter(user=cas)) == [50, 100]
    assert axe_violations(page) == []
    shot(page, f"pulse-trend-{language}")
    assert watched.errors == []

"""Issue 21 in Chromium at 1366x900: the admin speaks the signed-in person's language (the
profile's, whatever the browser asks for), every section in it; a help line's change page has
the cost text next to the other ways to reach it."""

import datetime
from pathlib import Path

import pytest

from safety.models import HelpResource
from tests.factories import make_user
from tests.mfa import give_totp
from tests.project.test_admin_language import EVERYTHING, OTHER

from .helpers import axe_violations
from .test_editors_workbench import _signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/shots/issue-21b")


@pytest.fixture(autouse=True)
def _codes_survive_a_slow_round_trip(settings):
    settings.MFA_TOTP_TOLERANCE = 1


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_admin_index_and_a_help_line_in_one_language(live_server, browser, watch, language):
    root = make_user("root", language=language, is_staff=True, is_superuser=True)
    secret = give_totp(root)
    line = HelpResource.objects.create(
        country="NL",
        language=language,
        kind="domestic_abuse",
        name="Testlijn",
        phone="08002000",
        phone_display="0800-2000",
        cost={"nl": "Gratis", "en": "Free"}[language],
        source_url="https://example.org/contact",
        last_verified=datetime.date.today(),
        verified_by=root,
    )
    # The browser asks for the other language; the profile decides.
    context, watched = _signed_in(browser, live_server, watch, root, secret, OTHER[language])
    try:
        page = watched.page
        sections = page.locator("#content-main caption a.section").all_text_contents()
        assert sorted(sections) == sorted(EVERYTHING[language])
        assert axe_violations(page) == []
        shoot(page, f"01-admin-index-{language}")

        page.goto(live_server.url + f"/admin/safety/helpresource/{line.pk}/change/")
        cost = page.locator('[name="cost"]')
        assert cost.input_value() == {"nl": "Gratis", "en": "Free"}[language]
        shoot(page, f"02-help-line-change-{language}")
        cost.fill({"nl": "Lokaal tarief", "en": "Local rate"}[language])
        page.locator('[name="_continue"]').click()
        page.wait_for_load_state()
        line.refresh_from_db()
        assert line.cost == {"nl": "Lokaal tarief", "en": "Local rate"}[language]
        assert line.last_verified is None
        assert watched.errors == []
    finally:
        context.close()

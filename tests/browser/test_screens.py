"""Every main screen: drawn without console errors or CSP violations, screenshotted under
tests/artifacts/, and free of serious or critical axe-core findings."""

import datetime
import json
from pathlib import Path

import pytest

from exercises.services import library_import
from pairing.services import invite_accept, invite_create
from safety.models import HelpResource
from tests.factories import make_user

from .helpers import axe_violations, open_screen, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTER = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"
ANONYMOUS = {
    "welcome": "/",
    "signup": "/signup",
    "login": "/login",
    "reset": "/reset",
    "verify": "/verify",
    "help-first-anonymous": "/help",
    "advice": "/advice",
    "not-found": "/library/../s",
}
SIGNED_IN = {
    "home": "/",
    "profile": "/profile",
    "two-step": "/profile/two-step",
    "devices": "/profile/devices",
    "check-in": "/check-in",
    "help-first": "/help",
    "library": "/library",
    "exercise": "/library/waardering",
    "couple": "/couple",
    "history": "/history",
    "therapist": "/therapist",
}


@pytest.fixture
def starter_world(db):
    HelpResource.objects.create(
        country="NL",
        language="en",
        kind="emergency",
        name="Emergency",
        phone="112",
        last_verified=datetime.date.today(),
    )
    library_import(items=json.loads(STARTER.read_text())["exercises"])
    anna, bram = make_user("anna", language="en"), make_user("bram", language="en")
    invite_accept(user=bram, code=invite_create(inviter=anna).code)
    return anna


def check(watched, url, name, screenshot) -> list:
    page = open_screen(watched, url)
    settled(page)
    assert page.title() == "Tweespraak", name
    screenshot(page, f"screen-{name}")
    return [(name, finding) for finding in axe_violations(page)]


def test_every_main_screen_is_clean_accessible_and_screenshotted(
    live_server, phone, watch, sign_in, screenshot, starter_world
):
    watched = watch(phone)
    findings = []
    for name, path in ANONYMOUS.items():
        findings += check(watched, live_server.url + path, name, screenshot)
    sign_in(phone, starter_world)
    for name, path in SIGNED_IN.items():
        findings += check(watched, live_server.url + path, name, screenshot)
    assert findings == []
    assert watched.errors == []


def test_the_screens_work_in_dutch_too(
    live_server, phone, watch, sign_in, screenshot, starter_world
):
    starter_world.language = "nl"
    starter_world.save(update_fields=["language"])
    sign_in(phone, starter_world)
    watched = watch(phone)
    findings = []
    for name, path in SIGNED_IN.items():
        findings += check(watched, live_server.url + path, f"nl-{name}", screenshot)
    assert findings == []
    assert watched.errors == []

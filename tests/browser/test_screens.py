"""Every main screen: drawn without console errors or CSP violations, screenshotted under
tests/artifacts/, and free of serious or critical axe-core findings. In Dutch, no screen shows a
raw catalog key, an English catalog string or an English server message."""

import datetime
import json
from pathlib import Path

import polib
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
    "guide-how": "/guide/how",
    "guide-privacy": "/guide/privacy",
    "guide-not-for": "/guide/not-for",
    "guide-after-a-reveal": "/guide/after-a-reveal",
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
    "guide-how": "/guide/how",
    "guide-privacy": "/guide/privacy",
    "guide-not-for": "/guide/not-for",
    "guide-after-a-reveal": "/guide/after-a-reveal",
}
ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "frontend" / "static" / "frontend" / "i18n"


def english_leaks() -> tuple[set[str], set[str]]:
    """The PWA's catalog keys, and English texts a Dutch screen must not show: catalog strings
    and server messages whose Dutch differs (long enough not to be a name or a shared word)."""
    en = json.loads((I18N / "en.json").read_text())
    nl = json.loads((I18N / "nl.json").read_text())
    texts = {text for key, text in en.items() if nl.get(key) != text and len(text) >= 20}
    for po_path in ROOT.glob("*/locale/nl/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(po_path)):
            if entry.msgstr and entry.msgstr != entry.msgid and len(entry.msgid) >= 20:
                texts.add(entry.msgid)
    plain = {text for text in texts if "{" not in text and "%(" not in text}
    return set(en), plain


KEYS, ENGLISH = english_leaks()


def untranslated_on(page) -> list[str]:
    shown = page.inner_text("body")
    keys = [key for key in KEYS if key in shown]
    english = [text for text in ENGLISH if text in shown]
    return keys + english


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
    found = [(name, finding) for finding in axe_violations(page)]
    if name.startswith("nl-"):
        found += [(name, text) for text in untranslated_on(page)]
    return found


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


def test_the_leak_check_knows_english_when_it_sees_it():
    assert "guide.how.title" in KEYS
    assert "How Tweespraak works" in ENGLISH
    assert "This session has already ended." in ENGLISH


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

"""Issue 24 on a phone, in Dutch and English: the plain-language pages, the reveal's cue and
scale ends, the repair guide from the closing screen and from looking back, and "not now"
shown to the partner on the session screen and at home."""

import json
from pathlib import Path

import pytest

from exercises.services import library_import
from pairing.services import invite_accept, invite_create
from safety.content import QUESTION_IDS
from safety.services import check_in_submit
from sessions import services as session_services
from sessions.models import CoupleSession, PromptReveal, SessionStatus
from tests.factories import make_user

from .helpers import open_screen, settled
from .test_screens import untranslated_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTER = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"
GUIDES = {
    "how": ("Hoe Tweespraak werkt", "How Tweespraak works"),
    "privacy": ("Wie ziet wat", "Who sees what"),
    "not-for": ("Wat Tweespraak niet is", "What Tweespraak is not"),
    "after-a-reveal": ("Als een antwoord pijn deed", "When an answer hurt"),
}
CUE_TITLE = {"nl": "Om samen over te praten", "en": "To talk about together"}


@pytest.fixture
def couple(db):
    library_import(items=json.loads(STARTER.read_text())["exercises"])
    anna, bram = make_user("anna"), make_user("bram")
    invite_accept(user=bram, code=invite_create(inviter=anna).code)
    for person in (anna, bram):
        check_in_submit(user=person, alone=True, answers=dict.fromkeys(QUESTION_IDS, "no"))
    return anna, bram


def _speak(user, language):
    user.language = language
    user.save(update_fields=["language"])


def _revealed_session(anna, bram) -> CoupleSession:
    """A finished session of "zelf-tot-rust-komen" (a scale first) with every prompt revealed."""
    session = session_services.session_start(user=anna, exercise_slug="zelf-tot-rust-komen")
    values = {"scale": 2, "multi": ["breathe", "other"], "choice": "minutes", "text": "Even pauze"}
    prompts = list(session.version.prompts.order_by("position"))
    for person in (anna, bram):
        for prompt in prompts:
            session_services.answer_save(
                user=person,
                session=session,
                prompt_id=prompt.id,
                value=values[prompt.kind],
                keep_private=False,
            )
        session_services.session_submit(user=person, session=session)
    PromptReveal.objects.bulk_create(
        PromptReveal(session=session, prompt=prompt, index=index)
        for index, prompt in enumerate(prompts)
    )
    CoupleSession.objects.filter(pk=session.pk).update(status=SessionStatus.COMPLETED)
    return session


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_plain_language_pages_are_reachable_from_home(
    live_server, phone, watch, sign_in, screenshot, couple, language
):
    anna, _bram = couple
    _speak(anna, language)
    sign_in(phone, anna)
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/")
    settled(page)
    titles = {key: pair[0 if language == "nl" else 1] for key, pair in GUIDES.items()}

    for key in ("how", "privacy", "not-for"):
        page.get_by_role("link", name=titles[key]).first.click()
        page.get_by_role("heading", level=1, name=titles[key]).wait_for()
        settled(page)
        screenshot(page, f"guide-{key}-{language}")
        if language == "nl":
            assert untranslated_on(page) == []
        page.goto(live_server.url + "/")
        settled(page)
    page.goto(live_server.url + "/guide/privacy")
    settled(page)
    kept = {"nl": "maar wel dát je het voor jezelf hield", "en": "but does see that you kept it"}
    assert kept[language] in page.inner_text("body")
    assert watched.errors == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_reveal_shows_cues_and_scale_ends_and_leads_to_the_repair_guide(
    live_server, phone, watch, sign_in, screenshot, couple, language
):
    anna, bram = couple
    session = _revealed_session(anna, bram)
    _speak(bram, language)
    sign_in(phone, bram)
    watched = watch(phone)

    page = open_screen(watched, f"{live_server.url}/s/{session.id}")
    settled(page)

    cards = page.locator("li.revealed")
    assert cards.count() == 4
    assert page.get_by_test_id("talk-about").count() == 4
    assert CUE_TITLE[language] in page.get_by_test_id("talk-about").first.inner_text()
    ends = page.get_by_test_id("scale-ends").first.inner_text()
    assert (
        ends
        == {"nl": "1 = Heel langzaam · 5 = Heel snel", "en": "1 = Very slowly · 5 = Very fast"}[
            language
        ]
    )
    screenshot(page, f"reveal-cues-{language}")
    if language == "nl":
        assert untranslated_on(page) == []
    repair = {"nl": "Deed een antwoord pijn?", "en": "Did an answer hurt?"}[language]
    page.get_by_role("link", name=repair).click()
    title = GUIDES["after-a-reveal"][0 if language == "nl" else 1]
    page.get_by_role("heading", level=1, name=title).wait_for()
    screenshot(page, f"guide-after-a-reveal-{language}")

    page.goto(live_server.url + "/history")
    settled(page)
    page.get_by_role("link", name=repair).click()
    page.wait_for_url("**/guide/after-a-reveal")
    assert watched.errors == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_not_now_is_shown_to_the_partner_on_the_session_and_at_home(
    live_server, browser, phone, watch, sign_in, screenshot, couple, language
):
    anna, bram = couple
    _speak(anna, language)
    _speak(bram, language)
    session = session_services.session_start(user=anna, exercise_slug="waardering")
    message = {"nl": "Vanavond niet. Dit weekend?", "en": "Not tonight. This weekend?"}[language]
    sign_in(phone, bram)
    watched = watch(phone)
    page = open_screen(watched, f"{live_server.url}/s/{session.id}")
    settled(page)

    page.get_by_test_id("not-now").locator("summary").click()
    screenshot(page, f"not-now-choose-{language}")
    page.get_by_role("button", name=message).click()
    page.get_by_role("button", name={"nl": "Toch wel", "en": "Actually"}[language]).wait_for()
    assert session.participants.get(user=bram).not_now == "not_tonight"

    anna_context = browser.new_context(viewport={"width": 390, "height": 844})
    sign_in(anna_context, anna)
    anna_page = open_screen(watch(anna_context), f"{live_server.url}/s/{session.id}")
    settled(anna_page)
    assert message in anna_page.get_by_test_id("partner-not-now").inner_text()
    screenshot(anna_page, f"not-now-partner-{language}")
    anna_page.goto(live_server.url + "/")
    settled(anna_page)
    anna_page.get_by_test_id("partner-not-now").wait_for()
    assert message in anna_page.get_by_test_id("partner-not-now").inner_text()
    screenshot(anna_page, f"not-now-home-{language}")
    if language == "nl":
        assert untranslated_on(anna_page) == []
    anna_context.close()
    assert watched.errors == []

"""The editors' workbench (issue 21) in Chromium at 1366x900, as editors with two-step sign-in:
write an exercise with all four prompt kinds without typing JSON, reorder, submit, a second
editor approves against the safety checklist, publish, edit (live with changes), compare,
revert, archive (usage shown, read-only) and restore; a help line refuses a phone field with
words in it, and a changed number clears its verification."""

import datetime
from pathlib import Path

import pytest

from exercises.models import Exercise
from exercises.services import content_editors_group_ensure
from safety.models import HelpResource
from sessions.services import session_start
from tests.factories import fresh_check_in, make_user, publish
from tests.mfa import give_totp

from .helpers import axe_violations
from .test_admin_sign_in import DESKTOP, sign_in_with_code, texts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/shots/issue-21")


@pytest.fixture(autouse=True)
def _codes_survive_a_slow_round_trip(settings):
    settings.MFA_TOTP_TOLERANCE = 1


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _editor(key: str, language: str):
    user = make_user(key, language=language, is_staff=True)
    user.groups.add(content_editors_group_ensure())
    return user, give_totp(user)


def _signed_in(browser, live_server, watch, user, secret, language):
    context = browser.new_context(**DESKTOP, locale="nl-NL" if language == "nl" else "en-GB")
    watched = watch(context)
    page = watched.page
    page.goto(live_server.url + "/admin/")
    page.wait_for_selector("body[data-ready]")
    sign_in_with_code(page, user, secret, texts(language))
    page.wait_for_url(live_server.url + "/admin/")
    return context, watched


def _status(page) -> str:
    return page.locator(".workflow-status").get_attribute("data-status")


def _step(page, step: str) -> None:
    page.locator(f'form[action$="/workflow/{step}/"] button').click()
    page.wait_for_load_state()


def _fill_prompt(page, index: int, kind: str, options=()) -> None:
    key = f"draft_prompts-{index}"
    page.locator(f'[name="{key}-kind"]').select_option(kind)
    page.locator(f'[name="{key}-text_nl"]').fill(f"Vraag {index + 1} ({kind})")
    page.locator(f'[name="{key}-text_en"]').fill(f"Question {index + 1} ({kind})")
    page.locator(f'[name="{key}-talk_about_nl"]').fill("Wat valt je op?")
    page.locator(f'[name="{key}-talk_about_en"]').fill("What stands out?")
    scale = page.locator(f'[name="{key}-min"]')
    assert scale.is_visible() == (kind == "scale")
    assert page.locator(f'[name="{key}-options-0-value"]').is_visible() == bool(options)
    if kind == "scale":
        scale.fill("1")
        page.locator(f'[name="{key}-max"]').fill("5")
        for end, nl, en in (("min", "Weinig", "Little"), ("max", "Veel", "A lot")):
            page.locator(f'[name="{key}-{end}_label_nl"]').fill(nl)
            page.locator(f'[name="{key}-{end}_label_en"]').fill(en)
    for row, (value, nl, en) in enumerate(options):
        page.locator(f'[name="{key}-options-{row}-value"]').fill(value)
        page.locator(f'[name="{key}-options-{row}-label_nl"]').fill(nl)
        page.locator(f'[name="{key}-options-{row}-label_en"]').fill(en)


OPTIONS = [("yes", "Ja", "Yes"), ("no", "Nee", "No"), ("other", "Iets anders", "Something else")]


def test_two_editors_take_an_exercise_from_draft_to_live_and_back(
    live_server, browser, watch, anna, bram, anna_and_bram
):
    eva, eva_secret = _editor("eva", "en")
    fenna, fenna_secret = _editor("fenna", "nl")
    context, watched = _signed_in(browser, live_server, watch, eva, eva_secret, "en")
    try:
        page = watched.page
        page.goto(live_server.url + "/admin/exercises/exercise/add/")
        for name, value in {
            "slug": "vier-soorten",
            "minutes": "10",
            "title_nl": "Vier soorten",
            "title_en": "Four kinds",
            "summary_nl": "Kort.",
            "summary_en": "Short.",
            "intro_nl": "Een inleiding.",
            "intro_en": "An introduction.",
        }.items():
            page.locator(f'[name="{name}"]').fill(value)
        page.locator('[name="theme"]').select_option("appreciation")
        add = page.locator(".add-row a")
        for index, (kind, options) in enumerate(
            [("text", ()), ("scale", ()), ("choice", OPTIONS), ("multi", OPTIONS)]
        ):
            add.click()
            _fill_prompt(page, index, kind, options)
        shoot(page, "01-exercise-add-four-kinds-en")
        page.locator('[name="_continue"]').click()
        page.wait_for_load_state()
        exercise = Exercise.objects.get(slug="vier-soorten")
        prompts = list(exercise.draft_prompts.order_by("position"))
        assert [p.kind for p in prompts] == ["text", "scale", "choice", "multi"]
        assert prompts[2].options[2] == {
            "value": "other",
            "label_nl": "Iets anders",
            "label_en": "Something else",
        }
        assert _status(page) == "draft"
        seen = len(watched.errors)
        assert axe_violations(page) == []
        # axe-core, run from the test, adds a <style> of its own that the CSP refuses.
        del watched.errors[seen:]

        # Reorder: the text prompt goes last; positions stay 1..4.
        page.locator('[name="draft_prompts-0-position"]').fill("9")
        page.locator('[name="_continue"]').click()
        page.wait_for_load_state()
        kinds = list(exercise.draft_prompts.order_by("position").values_list("kind", "position"))
        assert kinds == [("scale", 1), ("choice", 2), ("multi", 3), ("text", 4)]

        _step(page, "submit")
        assert _status(page) == "in_review"
        assert page.locator('[name="checklist"]').count() == 0  # not for the one who submitted
        shoot(page, "02-in-review-en")

        # The second editor approves against the checklist.
        second, second_watched = _signed_in(browser, live_server, watch, fenna, fenna_secret, "nl")
        try:
            review_page = second_watched.page
            review_page.goto(live_server.url + f"/admin/exercises/exercise/{exercise.pk}/change/")
            boxes = review_page.locator('[name="checklist"]')
            assert boxes.count() == 8
            shoot(review_page, "03-review-checklist-nl")
            for box in boxes.all():
                box.check()
            _step(review_page, "approve")
            assert _status(review_page) == "approved"
            assert second_watched.errors == []
        finally:
            second.close()

        page.reload()
        assert _status(page) == "approved"
        _step(page, "publish")
        assert _status(page) == "live"
        exercise.refresh_from_db()
        assert exercise.current_version.approved_by == fenna
        shoot(page, "04-live-en")

        # An edit: live with changes, compare, revert.
        page.locator('[name="title_en"]').fill("Four kinds, rewritten")
        page.locator('[name="_continue"]').click()
        page.wait_for_load_state()
        assert _status(page) == "live_with_changes"
        shoot(page, "05-live-with-changes-en")
        page.locator('a[href$="/compare/"]').click()
        page.wait_for_load_state()
        assert page.locator(".workflow-diff").is_visible()
        assert "Four kinds, rewritten" in page.locator(".workflow-diff").inner_text()
        shoot(page, "06-compare-en")
        page.go_back()
        page.wait_for_load_state()
        _step(page, "revert")
        assert _status(page) == "live"
        assert page.locator('[name="title_en"]').input_value() == "Four kinds"

        # Archive: usage first (an open session of anna and bram), then read-only, then restore.
        fresh_check_in(anna)
        fresh_check_in(bram)
        session_start(user=anna, exercise_slug=exercise.slug)
        page.locator('a[href$="/workflow/archive/"]').click()
        page.wait_for_load_state()
        usage = page.locator(".workflow-usage").inner_text()
        assert "1 open sessions" in usage
        shoot(page, "07-archive-usage-en")
        page.locator('button[type="submit"]').last.click()
        page.wait_for_load_state()
        assert _status(page) == "archived"
        assert page.locator('[name="_save"]').count() == 0
        assert page.locator('[name="title_en"]').count() == 0
        shoot(page, "08-archived-read-only-en")
        _step(page, "restore")
        assert _status(page) == "draft"
        assert page.locator('[name="title_en"]').is_visible()
        assert watched.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_help_line_refuses_words_in_the_phone_field_and_a_new_number_clears_the_check(
    live_server, browser, watch, language
):
    eva, secret = _editor("eva", language)
    line = HelpResource.objects.create(
        country="NL",
        language="nl",
        kind="domestic_abuse",
        name="Testlijn",
        phone="08002000",
        phone_display="0800-2000",
        source_url="https://example.org/contact",
        last_verified=datetime.date.today(),
        verified_by=eva,
    )
    context, watched = _signed_in(browser, live_server, watch, eva, secret, language)
    try:
        page = watched.page
        page.goto(live_server.url + f"/admin/safety/helpresource/{line.pk}/change/")
        assert page.locator('a[href="tel:08002000"]').is_visible()
        page.locator('[name="phone"]').fill("0800-2000 (of bel 112)")
        page.locator('[name="_continue"]').click()
        page.wait_for_load_state()
        assert page.locator(".errorlist").first.is_visible()
        shoot(page, f"09-help-line-refused-{language}")
        line.refresh_from_db()
        assert line.phone == "08002000"

        page.locator('[name="phone"]').fill("+31800200")
        page.locator('[name="_continue"]').click()
        page.wait_for_load_state()
        line.refresh_from_db()
        assert line.phone == "+31800200"
        assert line.last_verified is None
        shoot(page, f"10-help-line-unverified-{language}")

        page.goto(live_server.url + "/admin/safety/helpresource/?verification=needs_check")
        assert page.get_by_role("link", name="Testlijn").is_visible()
        shoot(page, f"11-help-lines-needing-check-{language}")
        page.goto(live_server.url + "/admin/safety/helpresource/preview/?country=NL")
        shoot(page, f"12-help-first-preview-{language}")
        assert page.locator('a[href="tel:+31800200"]').is_visible()
        assert watched.errors == []
    finally:
        context.close()


def test_the_published_by_name_is_no_dead_link(live_server, browser, watch):
    eva, secret = _editor("eva", "en")
    version = publish("dode-link")
    context, watched = _signed_in(browser, live_server, watch, eva, secret, "en")
    try:
        page = watched.page
        page.goto(live_server.url + f"/admin/exercises/exercise/{version.exercise.pk}/change/")
        assert page.locator('a[href*="/admin/accounts/user/"]').count() == 0
        shoot(page, "13-version-history-en")
    finally:
        context.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_preview_is_the_real_app_at_phone_size(live_server, browser, watch, language):
    from tests.factories import build_draft

    from .helpers import PHONE

    eva, secret = _editor("eva", language)
    exercise = build_draft("voorbeeld")
    context = browser.new_context(**PHONE, locale="nl-NL" if language == "nl" else "en-GB")
    try:
        watched = watch(context)
        page = watched.page
        page.goto(live_server.url + "/admin/")
        page.wait_for_selector("body[data-ready]")
        sign_in_with_code(page, eva, secret, texts(language))
        page.wait_for_url(live_server.url + "/admin/")
        page.goto(live_server.url + f"/preview/{exercise.pk}/{language}")
        page.get_by_test_id("preview-reveal").wait_for()
        words = texts(language)
        assert page.get_by_test_id("preview-notice").inner_text() == words["preview.notice"]
        expected = (
            "Wanneer voelde je een grens?" if language == "nl" else "When did you feel a boundary?"
        )
        assert expected in page.get_by_test_id("preview-answering").inner_text()
        assert page.get_by_test_id("talk-about").count() == 4
        shoot(page, f"14-preview-phone-{language}")
        seen = len(watched.errors)
        assert axe_violations(page) == []
        del watched.errors[seen:]
        assert watched.errors == []
    finally:
        context.close()

"""Issue 16's blocking defects, each tried on phone-sized browsers (two where it takes two):
the two-step sign-in step, a waiting screen that follows the partner, a scale that starts
unset, "Leave quickly" above every dialog, ending the couple honestly, and an app-styled 404.

The live server here speaks no WebSocket, so these screens follow through the polling fallback
of js/live.js; test_journey_live.py runs the same on the real ASGI server with /ws/me/."""

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pairing.models import Couple
from sessions import services as session_services
from sessions.models import ParticipantState
from tests.factories import (
    answer_all,
    fresh_check_in,
    link,
    make_user,
    password_of,
    publish,
    reveal_all,
    submitted_session,
)
from tests.mfa import give_recovery_codes, give_totp, totp_code, unused_recovery_codes

from .helpers import EXIT_SITE, PHONE, axe_violations, open_screen, settled, step_through_prompts

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(180),
]

I18N = Path(__file__).resolve().parents[2] / "frontend" / "static" / "frontend" / "i18n"
# Where the screenshots go: TWEESPRAAK_SHOTS when set (not committed), else tests/artifacts.
SHOTS = Path(
    os.environ.get("TWEESPRAAK_SHOTS") or Path(__file__).resolve().parents[1] / "artifacts"
)
LOCALES = {"nl": "nl-NL", "en": "en-GB"}


def texts(language: str) -> dict[str, str]:
    return json.loads((I18N / f"{language}.json").read_text())


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture(autouse=True)
def _codes_survive_a_slow_round_trip(settings):
    settings.MFA_TOTP_TOLERANCE = 1


def phone_for(browser, language: str):
    return browser.new_context(**PHONE, locale=LOCALES[language])


def couple_with_session(language: str):
    anna = make_user("anna", language=language)
    bram = make_user("bram", language=language)
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    version = publish()
    session = session_services.session_start(user=anna, exercise_slug=version.exercise.slug)
    return anna, bram, session


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_therapist_signs_in_with_the_app_code_after_logging_out_and_with_a_recovery_code(
    live_server, browser, watch, sign_in, language
):
    thea = make_user("thea", language=language, is_therapist=True)
    secret = give_totp(thea)
    give_recovery_codes(thea)
    words = texts(language)
    context = phone_for(browser, language)
    try:
        sign_in(context, thea)
        watched = watch(context)
        page = open_screen(watched, live_server.url + "/logout")
        page.wait_for_url(live_server.url + "/")
        page.get_by_role("link", name=words["nav.login"]).first.click()

        def password_step():
            page.get_by_label(words["account.email"]).fill(thea.email)
            page.get_by_label(words["account.password"]).fill(password_of(thea))
            page.get_by_role("button", name=words["account.login_submit"]).click()
            page.get_by_test_id("second-step").wait_for()

        password_step()
        shoot(page, f"second-step-{language}")
        findings = axe_violations(page)
        step = page.get_by_test_id("second-step")
        # A wrong code: said under the field, the form stays.
        step.get_by_label(words["account.second_step_code"]).fill("000000")
        step.get_by_role("button", name=words["account.second_step_submit"]).click()
        error = step.locator(".field-error:not([hidden])")
        error.wait_for()
        assert error.inner_text().strip()
        assert (
            step.get_by_label(words["account.second_step_code"]).get_attribute("aria-invalid")
            == "true"
        )
        shoot(page, f"second-step-wrong-{language}")

        step.get_by_label(words["account.second_step_code"]).fill(totp_code(secret))
        step.get_by_role("button", name=words["account.second_step_submit"]).click()
        # A therapist lands on the practice.
        page.wait_for_url(live_server.url + "/practice")
        settled(page)

        # Logged out again, a recovery code works in the same step, once.
        page.goto(live_server.url + "/logout")
        page.wait_for_url(live_server.url + "/")
        page.goto(live_server.url + "/login")
        page.wait_for_selector("body[data-ready]")
        password_step()
        code = unused_recovery_codes(thea)[0]
        page.get_by_test_id("second-step").get_by_label(words["account.second_step_code"]).fill(
            code
        )
        page.get_by_role("button", name=words["account.second_step_submit"]).click()
        page.wait_for_url(live_server.url + "/practice")
        assert code not in unused_recovery_codes(thea)
        assert findings == []
        assert watched.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_waiting_screen_follows_the_partner_and_moves_on_by_itself(
    live_server, browser, watch, sign_in, language
):
    anna, bram, session = couple_with_session(language)
    answer_all(session, anna)
    session_services.session_submit(user=anna, session=session)
    words = texts(language)
    context = phone_for(browser, language)
    try:
        sign_in(context, anna)
        watched = watch(context)
        page = open_screen(watched, live_server.url + f"/s/{session.id}")
        page.get_by_test_id("waiting").wait_for()
        line = page.get_by_test_id("partner-state")
        assert line.inner_text() == f"Bram: {words['state.not_started']}"
        shoot(page, f"waiting-{language}")
        findings = axe_violations(page)

        # Bram starts answering on his phone: anna's line changes without a reload.
        answer_all(session, bram)
        page.wait_for_function(
            "text => document.querySelector('[data-testid=partner-state]')?.textContent === text",
            arg=f"Bram: {words['state.drafting']}",
        )
        # He locks his answers: anna's phone moves on to the reveal room by itself.
        session_services.session_submit(user=bram, session=session)
        page.get_by_test_id("presence").wait_for()
        assert page.get_by_test_id("waiting").count() == 0
        assert findings == []
        # The room's own socket needs the ASGI server (test_journey_live.py); here it cannot open.
        assert [error for error in watched.errors if "/ws/sessions/" not in error] == []
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_scale_starts_unset_and_the_lock_names_the_missing_prompt_and_goes_there(
    live_server, browser, watch, sign_in, language
):
    anna, _bram, session = couple_with_session(language)
    words = texts(language)
    context = phone_for(browser, language)
    try:
        sign_in(context, anna)
        watched = watch(context)
        page = open_screen(watched, live_server.url + f"/s/{session.id}")
        page.locator("ol.prompts").wait_for()
        scale_item = page.locator("li.prompt", has=page.locator("input[type=range]"))
        assert (
            scale_item.get_by_test_id("scale-value").text_content() == words["session.scale_unset"]
        )
        assert scale_item.locator("input[type=range]").get_attribute("data-unset") == "true"
        findings = axe_violations(page)

        # One prompt per screen: the scale is left untouched on its way to the review.
        def answer(item, index):
            if item.locator("textarea").count():
                item.locator("textarea").fill("Anna schrijft")
            elif item.locator("input[type=range]").count():
                shoot(page, f"answering-scale-unset-{language}")
                return False
            else:
                item.locator("input[type=radio], input[type=checkbox]").first.check()
                shoot(page, f"answering-options-{language}")
            return True

        step_through_prompts(page, answer, saved=words["state.saved"])
        page.get_by_role("button", name=words["session.review"]).click()
        missing = page.get_by_test_id("missing")
        missing.wait_for()
        scale_text = scale_item.locator("label.prompt-text").text_content()
        assert missing.get_by_role("link").all_inner_texts() == [scale_text]
        shoot(page, f"review-missing-{language}")
        findings += axe_violations(page)

        # The review's link takes the person to the missing prompt's own screen.
        missing.get_by_role("link").click()
        scale_item.wait_for()
        page.wait_for_function("() => document.activeElement?.type === 'range'")
        assert page.locator("li.prompt:visible").count() == 1
        page.get_by_role("button", name=words["session.review"]).click()
        page.get_by_test_id("missing").wait_for()

        # Locking anyway: the lock names the missing prompt and takes the person there.
        page.get_by_role("button", name=words["session.submit"]).click()
        scale_item.wait_for()
        page.wait_for_function("() => document.activeElement?.type === 'range'")
        assert page.get_by_test_id("missing").get_by_role("link").all_inner_texts() == [scale_text]
        assert session.participants.get(user=anna).state != ParticipantState.SUBMITTED

        scale_item.locator("input[type=range]").fill("4")
        scale_item.get_by_text(words["state.saved"]).wait_for()
        assert scale_item.get_by_test_id("scale-value").inner_text() == "4"
        page.get_by_role("button", name=words["session.review"]).click()
        assert page.get_by_test_id("missing").is_hidden()
        page.get_by_role("button", name=words["session.submit"]).click()
        page.get_by_test_id("waiting").wait_for()
        assert session.participants.get(user=anna).state == ParticipantState.SUBMITTED
        assert findings == []
        assert watched.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_leave_quickly_stays_reachable_above_the_password_dialog(
    live_server, browser, watch, sign_in, language
):
    anna = make_user("anna", language=language)
    bram = make_user("bram", language=language)
    link(anna, bram)
    words = texts(language)
    context = phone_for(browser, language)
    try:
        sign_in(context, anna)
        watched = watch(context)
        page = open_screen(watched, live_server.url + "/profile")
        settled(page)
        page.get_by_test_id("export").click()
        dialog = page.get_by_test_id("password-dialog")
        dialog.wait_for()
        leave = dialog.get_by_test_id("leave")
        assert leave.inner_text() == words["chrome.leave"]
        # Really on top: the point at its middle is the button itself, not the backdrop.
        box = leave.bounding_box()
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid=leave]') !== null",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top
        assert box["height"] >= 44
        shoot(page, f"dialog-with-exit-{language}")
        findings = axe_violations(page)
        leave.click()
        page.wait_for_url(EXIT_SITE)
        assert findings == []
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_ending_the_couple_is_confirmed_told_kindly_and_looking_back_stays_honest(
    live_server, browser, watch, sign_in, language
):
    anna = make_user("anna", language=language)
    bram = make_user("bram", language=language)
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    # The reveal's services send to the channel layer with async_to_sync, which refuses the
    # thread Playwright's loop runs in: build the finished session on a thread of its own.
    with ThreadPoolExecutor(1) as pool:
        done = pool.submit(
            lambda: reveal_all(submitted_session(anna, bram, publish()), anna, bram)
        ).result()
    words = texts(language)
    anna_phone, bram_phone = phone_for(browser, language), phone_for(browser, language)
    try:
        sign_in(anna_phone, anna)
        sign_in(bram_phone, bram)
        anna_page = open_screen(watch(anna_phone), live_server.url + "/couple")
        bram_watched = watch(bram_phone)
        bram_page = open_screen(bram_watched, live_server.url + "/couple")
        settled(anna_page)
        settled(bram_page)

        anna_page.get_by_role("button", name=words["couple.end"]).click()
        anna_page.get_by_role("button", name=words["couple.note_continue"]).click()
        anna_page.get_by_role("button", name=words["couple.end_yes"]).click()
        dialog = anna_page.get_by_test_id("password-dialog")
        dialog.get_by_label(words["account.password"]).fill(password_of(anna))
        dialog.get_by_role("button", name=words["reauth.confirm"]).click()
        ended = anna_page.get_by_test_id("couple-ended")
        ended.wait_for()
        assert words["couple.ended_done"] in ended.inner_text()
        assert (
            ended.get_by_role("link", name=words["couple.ended_support_link"]).get_attribute("href")
            == "/help"
        )
        assert Couple.objects.get().ended_at is not None
        shoot(anna_page, f"couple-ended-{language}")
        findings = axe_violations(anna_page)

        # Bram's open /couple screen follows by itself and tells him kindly.
        notice = bram_page.get_by_test_id("couple-ended-notice")
        notice.wait_for()
        assert notice.get_by_role("link", name=words["couple.ended_support_link"]).count() == 1
        shoot(bram_page, f"couple-ended-notice-{language}")
        findings += axe_violations(bram_page)
        bram_page = open_screen(bram_watched, live_server.url + "/")
        settled(bram_page)
        assert bram_page.get_by_test_id("couple-ended-notice").count() == 1

        # Looking back: his own answers, and an honest line instead of "kept for themselves".
        bram_page = open_screen(bram_watched, live_server.url + f"/s/{done.id}")
        settled(bram_page)
        bram_page.get_by_test_id("partner-gone").wait_for()
        body = bram_page.locator("main").inner_text()
        assert words["session.kept_by_partner"] not in body
        assert words["session.partner_gone"] in body
        assert "Anna schrijft" not in body
        shoot(bram_page, f"look-back-after-ending-{language}")
        findings += axe_violations(bram_page)
        assert findings == []
        assert bram_watched.errors == []
    finally:
        anna_phone.close()
        bram_phone.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_unknown_address_answers_the_apps_own_not_found_with_status_404(
    live_server, browser, watch, language
):
    words = texts(language)
    context = phone_for(browser, language)
    try:
        watched = watch(context)
        response = watched.page.goto(live_server.url + "/nergens/te/vinden")
        assert response.status == 404
        page = watched.page
        page.wait_for_selector("body[data-ready]")
        assert page.locator("main h1").inner_text() == words["notfound.title"]
        assert page.get_by_test_id("leave").is_visible()
        shoot(page, f"not-found-{language}")
        assert axe_violations(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_first_run_a_single_person_pairs_first_and_sees_the_partner_join(
    live_server, browser, watch, sign_in, language
):
    anna = make_user("anna", language=language)
    bram = make_user("bram", language=language)
    words = texts(language)
    context = phone_for(browser, language)
    try:
        sign_in(context, anna)
        watched = watch(context)
        page = open_screen(watched, live_server.url + "/")
        settled(page)
        steps = page.get_by_test_id("first-steps").locator("li")
        assert steps.count() == 3
        assert steps.nth(0).get_attribute("aria-current") == "step"
        assert steps.nth(0).inner_text() == words["home.step_pair"]
        # Paired first: no check-in is asked of a single person.
        assert page.get_by_role("link", name=words["home.checkin_start"]).count() == 0
        assert page.get_by_test_id("how-it-works").is_visible()
        tab = page.locator(".tab-bar a[aria-current=page]")
        assert tab.inner_text() == words["nav.home"]
        shoot(page, f"home-first-run-{language}")
        findings = axe_violations(page)

        link(bram, anna)
        # Home follows (here by polling): the next step is now the check-in, step 2 of 3.
        page.get_by_role("link", name=words["home.checkin_start"]).wait_for()
        assert steps.nth(1).get_attribute("aria-current") == "step"
        shoot(page, f"home-paired-{language}")
        findings += axe_violations(page)
        assert findings == []
        assert watched.errors == []
    finally:
        context.close()

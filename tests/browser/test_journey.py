"""The whole journey on two phones against a real ASGI server: anna and bram sign up with the
emailed code, pair with an invite code, do the check-in, answer alone, submit, and reveal their
answers together over the real WebSocket until the end, with a reaction and a pause on the way.

After signing up nothing is reloaded: every step is a tap on a link or a button, and each
phone follows the other over /ws/me/ (the invite accepted, the session started, both locked)."""

import pytest

from .helpers import (
    PHONE,
    Watched,
    answer_check_in,
    axe_violations,
    open_screen,
    settled,
    step_through_prompts,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

EXERCISE = "waardering"
PROMPTS = 4  # waardering in exercises/starter_library.json: text, multi, scale, choice


def heading(page, text: str) -> None:
    page.wait_for_function(
        "text => document.querySelector('main h1')?.textContent === text", arg=text
    )


def sign_up(watched: Watched, server, name: str) -> None:
    email = f"{name.lower()}@example.com"
    page = open_screen(watched, server.url + "/signup")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(f"{name}-a-long-Passphrase-7")
    page.get_by_role("button", name="Create account").click()
    heading(page, "Check your email")
    page.get_by_label("Code").fill(server.last_code_for(email))
    page.get_by_role("button", name="Confirm").click()
    heading(page, f"Hello {name}")


def go(page, path: str) -> None:
    """Tap a link to ``path`` inside the app: the router draws it, the page is not reloaded."""
    page.evaluate(
        """path => {
            const link = document.createElement("a");
            link.href = path;
            document.body.append(link);
            link.click();
            link.remove();
        }""",
        path,
    )
    settled(page)


def same_document(page) -> None:
    page.evaluate("() => { window.__sameDocument = true; }")


def never_reloaded(page) -> bool:
    return page.evaluate("() => window.__sameDocument === true")


def check_in(page, server) -> None:
    go(page, "/check-in")
    answer_check_in(page, "No")
    page.get_by_text("Thank you. You can go on.").wait_for()


def answer_and_submit(page, who: str, *, second: bool = False) -> None:
    def answer(item, index):
        if item.locator("textarea").count():
            item.locator("textarea").fill(f"{who} writes answer {index + 1}")
        elif item.locator("input[type=range]").count():
            item.locator("input[type=range]").fill("4")
        else:
            item.locator("input[type=radio], input[type=checkbox]").first.check()

    step_through_prompts(page, answer)
    page.get_by_role("button", name="Review my answers").click()
    page.get_by_role("button", name="Lock my answers").click()
    # The second to submit goes straight on to the live reveal.
    if second:
        page.get_by_test_id("presence").wait_for()
    else:
        page.get_by_text("Your answers are locked.").wait_for()


def test_two_partners_go_from_sign_up_to_a_completed_live_reveal(
    browser, watch, asgi_server, screenshot
):
    contexts = [browser.new_context(**PHONE) for _ in range(2)]
    try:
        anna, bram = watch(contexts[0]), watch(contexts[1])
        sign_up(anna, asgi_server, "Anna")
        screenshot(anna.page, "journey-home")
        sign_up(bram, asgi_server, "Bram")
        page_a, page_b = anna.page, bram.page
        for page in (page_a, page_b):
            same_document(page)

        # Pairing: anna makes a code, bram sees who invites him before he accepts.
        go(page_a, "/pair")
        page_a.get_by_role("button", name="Make an invite code").click()
        code = page_a.get_by_test_id("invite-code").inner_text()
        screenshot(page_a, "journey-invite")
        go(page_b, f"/pair/{code}")
        page_b.get_by_role("button", name="Yes, link us").click()
        page_b.get_by_text("You and Anna").wait_for()
        # Anna's phone moves on by itself and says so.
        page_a.get_by_test_id("partner-joined").get_by_text("Bram accepted your invite").wait_for()

        for page in (page_a, page_b):
            check_in(page, asgi_server)
        screenshot(page_b, "journey-check-in")

        # Bram waits on his start screen; anna starts the exercise and it appears there by itself.
        go(page_b, "/")
        assert page_b.locator(".sessions a").count() == 0
        go(page_a, f"/library/{EXERCISE}")
        page_a.get_by_role("button", name="Start together").click()
        page_a.wait_for_url("**/s/*")
        session_url = page_a.url
        page_b.locator(".sessions a").first.wait_for()
        answer_and_submit(page_a, "Anna")
        page_a.get_by_test_id("partner-state").get_by_text("Bram: not started").wait_for()
        screenshot(page_a, "journey-waiting")
        page_b.locator(".sessions a").first.click()
        page_b.wait_for_url(session_url)
        # Bram answering shows on anna's waiting screen at once.
        page_b.locator("li.prompt textarea").first.fill("Bram begins")
        page_a.get_by_test_id("partner-state").get_by_text("Bram: answering").wait_for()
        answer_and_submit(page_b, "Bram", second=True)

        # Anna's waiting screen moves on to the live reveal by itself.
        page_a.get_by_test_id("presence").get_by_text("Bram is here.").wait_for()
        page_b.get_by_test_id("presence").get_by_text("Anna is here.").wait_for()
        screenshot(page_a, "journey-reveal-start")
        for index in range(PROMPTS):
            page_a.get_by_test_id("ready").click()
            page_a.get_by_role("button", name="Waiting for Bram…").wait_for()
            page_b.get_by_test_id("ready").click()
            for page in (page_a, page_b):
                page.locator("li.revealed").nth(index).wait_for()
            if index == 0:
                first_a = page_a.locator("li.revealed").first
                first_b = page_b.locator("li.revealed").first
                assert "Anna writes answer 1" in first_a.locator(".mine").inner_text()
                assert "Bram writes answer 1" in first_a.locator(".partner").inner_text()
                assert "Anna writes answer 1" in first_b.locator(".partner").inner_text()
                first_a.get_by_role("button", name="Thank you").click()
                first_b.get_by_text("Anna: Thank you").wait_for()
                screenshot(page_b, "journey-reveal-reaction")
                assert axe_violations(page_b) == []
                # A pause shows both the breathing exercise until one of them goes on.
                page_a.get_by_role("button", name="Pause").click()
                for page in (page_a, page_b):
                    page.get_by_test_id("breathing").wait_for()
                screenshot(page_b, "journey-reveal-pause")
                page_b.get_by_role("button", name="Go on").click()
                for page in (page_a, page_b):
                    page.get_by_test_id("breathing").wait_for(state="hidden")
                    page.get_by_test_id("ready").wait_for()

        for page in (page_a, page_b):
            page.get_by_role("heading", name="Done together").wait_for()
        screenshot(page_a, "journey-reveal-done")
        assert axe_violations(page_a) == []
        assert asgi_server.manage(
            "shell",
            "--verbosity",
            "0",
            "-c",
            "from sessions.models import CoupleSession; "
            "print(*CoupleSession.objects.values_list('status', flat=True))",
        ).split() == ["completed"]

        # History lists the revealed session with both sides.
        go(page_b, "/history")
        page_b.locator(".sessions a").first.click()
        page_b.locator("li.revealed").nth(PROMPTS - 1).wait_for()
        screenshot(page_b, "journey-history-session")
        assert never_reloaded(page_a) and never_reloaded(page_b)
        assert anna.errors == [] and bram.errors == []
    finally:
        for context in contexts:
            context.close()

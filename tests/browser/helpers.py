"""What the browser tests share besides fixtures: the phone, the watched page, axe-core, and
waiting for the router to settle."""

from pathlib import Path

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True}

# Whatever "Leave quickly" opens is answered locally: no test may reach the internet.
EXIT_SITE = "https://www.google.com/"
# Reported as console errors too, so the watchers below see CSP violations either way.
CSP_WATCH = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


class Watched:
    """A page whose console errors, page errors and CSP violations are collected."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _console(self, message) -> None:
        # Chromium logs every 4xx answer as an error; a 401 from /api/me/ when signed out or a
        # 404 for "no couple yet" is the API speaking, not the page failing.
        # pytest-django's live server speaks no WebSocket: there /ws/me/ cannot open and the app
        # follows by polling instead (js/live.js); the ASGI server's tests use the socket.
        text = message.text
        if message.type != "error":
            return
        if text.startswith("Failed to load resource: the server responded with a status of 4"):
            return
        if "WebSocket" in text and "/ws/me/' failed" in text:
            return
        self.errors.append(text)


def open_screen(watched: Watched, url: str):
    """Load a URL and wait until the router has drawn the first screen."""
    watched.page.goto(url)
    watched.page.wait_for_selector("body[data-ready]")
    return watched.page


AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run the vendored axe-core in the page (evaluate is not subject to the page's CSP, so
    the strict policy stays on while checking) and return the serious and critical findings."""
    # A card still fading in has the contrast of its first frames: check what stays on screen,
    # once every animation that ends has ended (an endless one, a breathing circle, is left).
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect?.getComputedTiming().endTime === Infinity)"
    )
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text() + "\n;true")
    results = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values:"
        " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
        if v["impact"] in impacts
    ]


def settled(page) -> None:
    """Wait until no part of the screen is still loading."""
    page.wait_for_selector("body[data-ready]")
    page.wait_for_function("() => !document.querySelector('.state-loading')")


def answer_check_in(page, answers) -> None:
    """Go through the check-in one question at a time: ``answers`` is one button label for
    every question, or a list with a label per question."""
    from safety.content import QUESTION_IDS

    labels = [answers] * len(QUESTION_IDS) if isinstance(answers, str) else answers
    page.get_by_test_id("alone-yes").click()
    for question_id, label in zip(QUESTION_IDS, labels, strict=True):
        question = page.locator(f'[data-question="{question_id}"]')
        question.get_by_role("button", name=label, exact=True).click()


def step_through_prompts(page, answer, saved: str = "Saved") -> int:
    """Answer a session one prompt per screen: ``answer(item, index)`` fills the prompt on
    screen (and returns False to leave it open), its autosave is awaited, then Next. Ends on
    the last prompt, where the review is the step forward. Returns how many prompts there are."""
    page.locator("ol.prompts").wait_for()
    count = page.locator("li.prompt").count()
    assert count > 0
    for index in range(count):
        item = page.locator("li.prompt").nth(index)
        item.wait_for()
        assert page.get_by_test_id("step-progress").inner_text().split()[-3] == str(index + 1)
        if answer(item, index) is not False:
            item.get_by_text(saved).wait_for()
        if index < count - 1:
            page.get_by_test_id("step-next").click()
    return count

"""Playwright (Python) driving Debian's Chromium; its own browser download does not work here."""

import os
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True}


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an event loop running in this thread; Django's guard against
    # sync database calls inside a loop would refuse the test's own fixtures.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context
    context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite, a file instead of the shared in-memory database: the live server answers the
    page's parallel requests on several threads, and shared-cache memory databases refuse
    concurrent writers at once ("database table is locked") where a WAL file waits its turn."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = Path(tempfile.mkdtemp(prefix="tweespraak-browser-"))
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


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
        if message.type == "error" and not message.text.startswith(
            "Failed to load resource: the server responded with a status of 4"
        ):
            self.errors.append(message.text)


@pytest.fixture
def watch():
    def start(context):
        context.add_init_script(CSP_WATCH)
        context.route(
            EXIT_SITE + "**",
            lambda route: route.fulfill(
                status=200, content_type="text/html", body="<title>Search</title><p>search"
            ),
        )
        return Watched(context.new_page())

    return start


@pytest.fixture
def sign_in(live_server):
    """Put a signed-in session cookie for `user` into a browser context."""
    from django.test import Client

    def add(context, user):
        client = Client()
        client.force_login(user)
        host = live_server.url.split("//")[1].split(":")[0]
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "domain": host,
                    "path": "/",
                }
            ]
        )

    return add


def open_screen(watched: Watched, url: str):
    """Load a URL and wait until the router has drawn the first screen."""
    watched.page.goto(url)
    watched.page.wait_for_selector("body[data-ready]")
    return watched.page


AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run the vendored axe-core in the page (evaluate is not subject to the page's CSP, so
    the strict policy stays on while checking) and return the serious and critical findings."""
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


@pytest.fixture
def asgi_server(tmp_path):
    """daphne in a subprocess with its own migrated SQLite file, stopped at the end."""
    from .asgi import AsgiServer

    server = AsgiServer(tmp_path)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def answer_check_in(page, answers) -> None:
    """Go through the check-in one question at a time: ``answers`` is one button label for
    every question, or a list with a label per question."""
    from safety.content import QUESTION_IDS

    labels = [answers] * len(QUESTION_IDS) if isinstance(answers, str) else answers
    page.get_by_test_id("alone-yes").click()
    for question_id, label in zip(QUESTION_IDS, labels, strict=True):
        question = page.locator(f'[data-question="{question_id}"]')
        question.get_by_role("button", name=label, exact=True).click()

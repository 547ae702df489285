"""Playwright (Python) driving Debian's Chromium; its own browser download does not work here."""

import os
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .helpers import CSP_WATCH, EXIT_SITE, PHONE, Watched

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


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

"""Installable: the manifest's fields, a service worker that controls the page, an offline
shell, and no API response kept by the service worker."""

import pytest

from tests.factories import make_user

from .helpers import open_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_manifest_linked_from_the_page_makes_the_app_installable(live_server, phone, watch):
    page = open_screen(watch(phone), live_server.url + "/")
    manifest = page.evaluate(
        """async () => {
            const response = await fetch(document.querySelector('link[rel=manifest]').href);
            return {type: response.headers.get('content-type'), body: await response.json()};
        }"""
    )
    assert manifest["type"] == "application/manifest+json"
    body = manifest["body"]
    assert body["name"] == body["short_name"] == "Tweespraak"
    assert body["display"] == "standalone"
    assert body["start_url"] == body["scope"] == "/"
    assert body["theme_color"] == "#2f5d62"
    purposes = {(icon["sizes"], icon["purpose"]) for icon in body["icons"]}
    assert {("192x192", "maskable"), ("512x512", "maskable"), ("512x512", "any")} <= purposes
    for icon in body["icons"]:
        status = page.evaluate("src => fetch(src).then(r => r.status)", icon["src"])
        assert status == 200, icon["src"]


def wait_for_control(page) -> None:
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_selector("body[data-ready]")


def test_the_service_worker_controls_the_page_after_reload(live_server, phone, watch):
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/")
    wait_for_control(page)
    assert page.evaluate("() => navigator.serviceWorker.controller?.scriptURL") == (
        live_server.url + "/sw.js"
    )
    assert watched.errors == []


def test_the_app_shell_opens_offline(live_server, phone, watch, screenshot):
    page = open_screen(watch(phone), live_server.url + "/")
    wait_for_control(page)
    phone.set_offline(True)
    try:
        page.goto(live_server.url + "/advice")
        page.wait_for_selector("body[data-ready]")
        assert page.locator("main h1").inner_text() == "Using this app privately"
        assert page.get_by_test_id("leave").is_visible()
        screenshot(page, "offline-advice")
    finally:
        phone.set_offline(False)


def test_no_api_or_account_response_is_cached(live_server, phone, watch, sign_in):
    sign_in(phone, make_user("anna", language="en"))
    page = open_screen(watch(phone), live_server.url + "/help")
    wait_for_control(page)
    page.goto(live_server.url + "/profile")
    page.wait_for_selector("body[data-ready]")
    cached = page.evaluate(
        """async () => {
            const urls = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
            }
            return urls;
        }"""
    )
    assert "/" in cached
    assert [url for url in cached if url.startswith(("/api/", "/_allauth/", "/ws/"))] == []
    assert "/profile" not in cached and "/help" not in cached

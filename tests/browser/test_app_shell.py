import pytest

from .helpers import open_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_app_shell_loads_in_chromium_on_a_phone(live_server, phone, watch, screenshot):
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/")
    assert page.title() == "Tweespraak"
    assert page.locator("h1").inner_text() == "Tweespraak"
    assert page.get_by_role("button", name="Leave quickly").is_visible()
    assert screenshot(page, "app-shell").exists()
    assert watched.errors == []


def test_a_client_route_loaded_directly_draws_its_screen(live_server, phone, watch):
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/login")
    assert page.locator("h1").inner_text() == "Log in"
    assert page.title() == "Tweespraak"


def test_the_language_can_be_switched_on_screen(live_server, phone, watch):
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/login")
    page.get_by_label("Language").select_option("nl")
    page.wait_for_function("() => document.querySelector('h1')?.textContent === 'Inloggen'")
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.title() == "Tweespraak"
    assert watched.errors == []


def test_it_fits_a_320_pixel_wide_screen(live_server, browser, watch):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    try:
        page = open_screen(watch(context), live_server.url + "/help")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_touch_targets_are_at_least_44_pixels(live_server, phone, watch):
    page = open_screen(watch(phone), live_server.url + "/signup")
    sizes = page.eval_on_selector_all(
        "button, .button, select, input, .safety-bar a, .footer-nav a",
        "els => els.filter(e => e.offsetParent).map(e => [e.outerHTML.slice(0, 60),"
        " e.getBoundingClientRect().height])",
    )
    assert sizes
    assert [s for s in sizes if s[1] < 44] == []

"""Leave quickly (button or Shift three times): a neutral site, and Back cannot return."""

import pytest

from tests.factories import make_user

from .helpers import EXIT_SITE, open_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def walk_through_the_app(page):
    """Move between screens the way a person would, by links inside the app."""
    page.get_by_test_id("unsafe").click()
    page.wait_for_url("**/help")
    page.get_by_role("link", name="Privacy tips").first.click()
    page.wait_for_url("**/advice")
    page.evaluate("sessionStorage.setItem('draft', 'something personal')")


def assert_left_for_good(page, live_server):
    page.wait_for_url(EXIT_SITE)
    assert page.title() == "Search"
    page.go_back()
    assert not page.url.startswith(live_server.url)
    page.go_forward()
    assert not page.url.startswith(live_server.url)


def test_the_leave_quickly_button_leaves_no_way_back(live_server, phone, watch, sign_in):
    sign_in(phone, make_user("anna", language="en"))
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/")
    walk_through_the_app(page)
    page.get_by_role("button", name="Leave quickly").first.click()
    assert_left_for_good(page, live_server)
    assert watched.errors == []


def test_pressing_shift_three_times_leaves_no_way_back(live_server, phone, watch):
    watched = watch(phone)
    page = open_screen(watched, live_server.url + "/")
    walk_through_the_app(page)
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_for_good(page, live_server)


def still_here(page) -> dict:
    """Leaving blanks the page and its title in the same keydown that triggers it, before the
    browser navigates: a page that still has its content did not leave, without waiting."""
    return page.evaluate(
        "() => ({children: document.body.children.length > 0, title: document.title !== ''})"
    )


def test_shift_inside_typing_does_not_leave(live_server, phone, watch):
    page = open_screen(watch(phone), live_server.url + "/signup")
    page.get_by_label("Your name").type("Anne Marie Van Dijk")
    assert still_here(page) == {"children": True, "title": True}
    assert page.url == live_server.url + "/signup"


def test_three_shift_presses_spread_over_more_than_two_seconds_do_not_leave(
    live_server, phone, watch
):
    phone.clock.install()
    page = open_screen(watch(phone), live_server.url + "/help")
    # From here the page's time moves only when the test says so.
    page.clock.pause_at(page.evaluate("Date.now()") + 60_000)
    page.keyboard.press("Shift")
    page.clock.run_for(1500)
    page.keyboard.press("Shift")
    page.clock.run_for(1500)
    page.keyboard.press("Shift")
    assert still_here(page) == {"children": True, "title": True}
    assert page.url == live_server.url + "/help"

    # One more press at the same moment makes three within two seconds: that leaves.
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT_SITE)

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_app_shell_loads_in_chromium_on_a_phone(live_server, phone, screenshot):
    page = phone.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = page.goto(live_server.url + "/")
    assert response.status == 200
    assert page.title() == "Tweespraak"
    assert page.locator("h1").inner_text() == "Tweespraak"
    assert screenshot(page, "app-shell").exists()
    assert errors == []

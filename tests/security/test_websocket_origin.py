"""Issue 23, finding 10: a WebSocket handshake signed in by cookie must come from this server's
own origin or a configured trusted origin, compared as scheme, host and port. Before, only the
host name was compared, so a page on ``http://127.0.0.1:9999`` reached the live reveal with the
person's cookie. A native app (token header, no ``Origin``) is still accepted."""

from __future__ import annotations

import pytest
from channels.layers import channel_layers

from project.ws_auth import origin_allowed
from tests.factories import fresh_check_in, link, publish, submitted_session
from tests.support.live import connect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    # Each test has its own event loop; a channel layer object must not outlive it.
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture
def ready_session(anna, bram):
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    return submitted_session(anna, bram, publish())


def scope(origin: str | None, host: str = "127.0.0.1:8000", scheme: str = "ws") -> dict:
    headers = [(b"host", host.encode())]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    return {"type": "websocket", "scheme": scheme, "headers": headers}


@pytest.mark.parametrize(
    "origin",
    [
        "http://127.0.0.1:9999",  # the audit's page on another port
        "https://127.0.0.1:8000",  # another scheme
        "http://127.0.0.1",  # the default port is another port
        "http://evil.example:8000",
        "null",
        "http://127.0.0.1:8000/path",
        "",
    ],
)
def test_an_origin_that_differs_in_scheme_host_or_port_is_refused(origin):
    assert not origin_allowed(scope(origin))


def test_the_servers_own_origin_is_allowed():
    assert origin_allowed(scope("http://127.0.0.1:8000"))
    assert origin_allowed(scope("HTTP://127.0.0.1:8000"))


def test_behind_tls_the_own_origin_is_https_on_the_default_port(settings):
    settings.ALLOWED_HOSTS = ["tweespraak.example"]
    assert origin_allowed(scope("https://tweespraak.example", "tweespraak.example", "wss"))
    assert not origin_allowed(scope("http://tweespraak.example", "tweespraak.example", "wss"))


def test_a_host_outside_allowed_hosts_gives_no_own_origin(settings):
    settings.ALLOWED_HOSTS = ["tweespraak.example"]
    assert not origin_allowed(scope("http://evil.example", "evil.example"))


def test_a_configured_trusted_origin_is_allowed_exactly(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://app.example", "https://*.tweespraak.example"]
    assert origin_allowed(scope("https://app.example"))
    assert origin_allowed(scope("https://app.example:443"))
    assert origin_allowed(scope("https://beta.tweespraak.example"))
    assert not origin_allowed(scope("http://app.example"))
    assert not origin_allowed(scope("https://app.example:8443"))
    assert not origin_allowed(scope("https://tweespraak.example.evil.example"))


async def test_a_cookie_from_a_page_on_another_port_cannot_connect(anna, ready_session):
    _, connected, _ = await connect(
        anna, ready_session.id, origin="http://testserver:9999", cookie=True
    )
    assert connected is False


async def test_a_cookie_from_the_same_host_over_another_scheme_cannot_connect(anna, ready_session):
    _, connected, _ = await connect(
        anna, ready_session.id, origin="https://testserver", cookie=True
    )
    assert connected is False


async def test_a_cookie_from_the_servers_own_origin_connects(anna, ready_session):
    live, connected, _ = await connect(
        anna, ready_session.id, origin="http://testserver", cookie=True
    )
    assert connected is True
    await live.close()


async def test_a_cookie_from_a_trusted_origin_connects(anna, ready_session, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://app.example"]
    live, connected, _ = await connect(
        anna, ready_session.id, origin="https://app.example", cookie=True
    )
    assert connected is True
    await live.close()


async def test_an_app_without_an_origin_still_connects_with_its_token(anna, ready_session):
    live, connected, _ = await connect(anna, ready_session.id, origin="")
    assert connected is True
    await live.close()

"""WebSocket authentication: the browser's session cookie or the app client's session token.

allauth has no Channels integration. This module is the one place that resolves the app
client's ``X-Session-Token`` header on the handshake, through allauth's public token strategy
(``HEADLESS_TOKEN_STRATEGY``: ``lookup_session(token)`` returns the Django session or ``None``)
and Django's public ``auth.get_user``, which checks the session's auth hash (one database call for
both). Without a token header, Channels' cookie-based ``AuthMiddleware`` decides.

``tests/project/test_ws_auth_contract.py`` pins the upstream contract this relies on, so a
breaking change in allauth fails one clear test.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.headless import app_settings as headless_settings
from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.http.request import split_domain_port, validate_host

from .db_threads import side_thread

TOKEN_HEADER = b"x-session-token"


@database_sync_to_async
def session_for_token(token: str) -> SessionBase | None:
    """The Django session behind an allauth app session token, or None when it is unknown."""
    return headless_settings.TOKEN_STRATEGY.lookup_session(token)


def _user_and_session(token: str):
    session = headless_settings.TOKEN_STRATEGY.lookup_session(token)
    if session is None:
        return AnonymousUser(), None
    # Django's own ``get_user`` (as Channels' does): the user of the session, its auth hash
    # checked, AnonymousUser otherwise.
    return auth.get_user(SimpleNamespace(session=session)), session


async def user_for_token(token: str):
    """The user and Django session behind an app session token, in one database call (on the
    side thread: ``project.db_threads``)."""
    return await side_thread(_user_and_session)(token)


class SessionTokenAuthMiddleware:
    """A handshake with a token header is signed in by the token alone, in one database call;
    the cookie stack (which would look up an anonymous cookie session first) is skipped. Without
    a token header, Channels' cookie-based ``AuthMiddlewareStack`` decides."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.cookies = AuthMiddlewareStack(inner)

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers") or [])
        token = headers.get(TOKEN_HEADER)
        if not token:
            return await self.cookies(scope, receive, send)
        user, session = await user_for_token(token.decode("latin-1"))
        scope = dict(scope, user=user)
        if session is not None:
            scope["session"] = session
        return await self.inner(scope, receive, send)


def WebSocketAuthStack(inner):
    """Token first; without a token header, the session cookie decides."""
    return SessionTokenAuthMiddleware(inner)


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(value: str) -> tuple[str, str, int] | None:
    """An origin as (scheme, host, port), the default port filled in; None when it is not one
    (``null``, a path, another scheme)."""
    try:
        parts = urlsplit(value.strip().lower())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        return None
    return parts.scheme, parts.hostname, port or _DEFAULT_PORTS[parts.scheme]


def own_origin(scope) -> tuple[str, str, int] | None:
    """The origin a browser on this very server sends: the handshake's scheme and ``Host``,
    when that host is one of ``ALLOWED_HOSTS`` (as Django's CSRF check trusts it). Behind a
    proxy the server turns ``X-Forwarded-Proto`` into the scheme (``--proxy-headers``)."""
    host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return None
    scheme = "https" if scope.get("scheme") in ("wss", "https") else "http"
    return _origin(f"{scheme}://{host}")


def _trusted(origin: tuple[str, str, int], pattern: str) -> bool:
    # CSRF_TRUSTED_ORIGINS entries, including Django's "https://*.example.com" for subdomains.
    wildcard = "://*." in pattern
    allowed = _origin(pattern.replace("://*.", "://", 1) if wildcard else pattern)
    if allowed is None:
        return False
    scheme, host, port = origin
    if wildcard:
        return (scheme, port) == (allowed[0], allowed[2]) and host.endswith("." + allowed[1])
    return origin == allowed


def origin_allowed(scope) -> bool:
    """True when the handshake's ``Origin`` is this server's own origin or one of
    ``CSRF_TRUSTED_ORIGINS``: scheme, host and port must all match, as for Django's forms."""
    headers = dict(scope.get("headers") or [])
    origin = _origin(headers.get(b"origin", b"").decode("latin-1"))
    if origin is None:
        return False
    if origin == own_origin(scope):
        return True
    return any(_trusted(origin, pattern) for pattern in settings.CSRF_TRUSTED_ORIGINS)


class OriginCheck:
    """A browser's handshake must come from an allowed origin (:func:`origin_allowed`): its
    cookie rides along on any site's request. A native app sends no ``Origin`` and is signed in
    by a token header that no other site can add, so a handshake with a token and without an
    origin passes. Settings are read per handshake, so tests may change them."""

    def __init__(self, inner) -> None:
        self.inner = inner

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers") or [])
        if TOKEN_HEADER in headers and b"origin" not in headers:
            return await self.inner(scope, receive, send)
        if origin_allowed(scope):
            return await self.inner(scope, receive, send)
        return await WebsocketDenier()(scope, receive, send)

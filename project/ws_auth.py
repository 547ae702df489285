"""WebSocket authentication: the browser's session cookie or the app client's session token.

allauth has no Channels integration. This module is the one place that resolves the app
client's ``X-Session-Token`` header on the handshake, through allauth's public token strategy
(``HEADLESS_TOKEN_STRATEGY``: ``lookup_session(token)`` returns the Django session or ``None``)
and Channels' public ``get_user``, which checks the session's auth hash as Django does. Without
a token header, Channels' cookie-based ``AuthMiddleware`` decides.

``tests/project/test_ws_auth_contract.py`` pins the upstream contract this relies on, so a
breaking change in allauth fails one clear test.
"""

from allauth.headless import app_settings as headless_settings
from channels.auth import AuthMiddlewareStack, get_user
from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from channels.security.websocket import AllowedHostsOriginValidator
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase

TOKEN_HEADER = b"x-session-token"


@database_sync_to_async
def session_for_token(token: str) -> SessionBase | None:
    """The Django session behind an allauth app session token, or None when it is unknown."""
    return headless_settings.TOKEN_STRATEGY.lookup_session(token)


async def user_for_token(token: str):
    session = await session_for_token(token)
    if session is None:
        return AnonymousUser(), None
    return await get_user({"session": session}), session


class SessionTokenAuthMiddleware(BaseMiddleware):
    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers") or [])
        token = headers.get(TOKEN_HEADER)
        if token:
            user, session = await user_for_token(token.decode("latin-1"))
            scope = dict(scope, user=user)
            if session is not None:
                scope["session"] = session
        return await super().__call__(scope, receive, send)


def WebSocketAuthStack(inner):
    """Token first; without a token header, the session cookie decides."""
    return AuthMiddlewareStack(SessionTokenAuthMiddleware(inner))


class OriginCheck:
    """A browser's handshake must come from an allowed origin: its cookie rides along on any
    site's request. A native app sends no ``Origin`` and is signed in by a token header that no
    other site can add, so a handshake with a token and without an origin passes."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.checked = AllowedHostsOriginValidator(inner)

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers") or [])
        if TOKEN_HEADER in headers and b"origin" not in headers:
            return await self.inner(scope, receive, send)
        return await self.checked(scope, receive, send)

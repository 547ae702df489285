"""WebSocket authentication: the browser's session cookie or the app client's session token.

allauth has no Channels integration, so the app client's ``X-Session-Token`` header on the
handshake is resolved here with allauth's own lookup; the browser client falls back to
Channels' cookie-based ``AuthMiddleware``.
"""

from allauth.headless.internal.sessionkit import authenticate_by_x_session_token
from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.contrib.auth.models import AnonymousUser


@database_sync_to_async
def _user_for_token(token: str):
    result = authenticate_by_x_session_token(token)
    return result[0] if result else AnonymousUser()


class SessionTokenAuthMiddleware(BaseMiddleware):
    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers") or [])
        token = headers.get(b"x-session-token")
        if token:
            scope = dict(scope, user=await _user_for_token(token.decode("latin-1")))
        return await super().__call__(scope, receive, send)


def WebSocketAuthStack(inner):
    """Token first; without a token header, the session cookie decides."""
    return AuthMiddlewareStack(SessionTokenAuthMiddleware(inner))

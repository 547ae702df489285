import hashlib
from collections.abc import Callable

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .language import activate_user_language


class UserLanguageMiddleware:
    """After LocaleMiddleware and authentication: a signed-in person's profile language wins."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            activate_user_language(request, request.user)
        return self.get_response(request)


# allauth rewrites a signed-in session's "last seen" row on every request when it tracks
# activity; once a minute tells "Your devices" just as much.
USER_SESSION_SEEN_EVERY = 60


class ThrottledUserSessionsMiddleware:
    """allauth's ``UserSessionsMiddleware`` (``USERSESSIONS_TRACK_ACTIVITY``), writing a
    session's activity at most once a minute: a cache entry per session (the key hashed) holds
    when it was last written, so the other requests of that minute cost no database write.
    Sign-in itself records the session through allauth's own signal, not through here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if (
            getattr(settings, "USERSESSIONS_TRACK_ACTIVITY", False)
            and user is not None
            and user.is_authenticated
            and session is not None
            and session.session_key
        ):
            digest = hashlib.sha256(session.session_key.encode()).hexdigest()
            key = f"usersession-seen:{digest}"
            now = timezone.now().timestamp()
            last = cache.get(key)
            # Decided by the clock, not by the entry's expiry: the cache (Redis in production)
            # keeps its own time, and an entry may outlive or predate the minute it stands for.
            if last is None or now - last >= USER_SESSION_SEEN_EVERY:
                cache.set(key, now, timeout=USER_SESSION_SEEN_EVERY * 2)
                UserSession.objects.create_from_request(request, user=user, session=session)
        return self.get_response(request)

from importlib import import_module

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from .language import language_from_request
from .models import User


def user_complete_signup(*, user: User, display_name: str, request: HttpRequest | None) -> User:
    user.display_name = display_name
    user.language = language_from_request(request)
    user.save(update_fields=["display_name", "language"])
    return user


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    display_name: str | None = None,
    language: str | None = None,
    country: str | None = None,
) -> User:
    changed = []
    for field, value in (
        ("display_name", display_name),
        ("language", language),
        ("country", country),
    ):
        if value is not None and getattr(user, field) != value:
            setattr(user, field, value)
            changed.append(field)
    if changed:
        user.save(update_fields=changed)
    return user


def sessions_spent_delete() -> int:
    """Forget sign-ins that are over: expired Django sessions (a browser's cookie, an app's
    session token), then the device rows allauth keeps for sessions that are gone or no longer
    sign anyone in. Returns how many device rows went."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return sum(device.purge() for device in UserSession.objects.iterator())

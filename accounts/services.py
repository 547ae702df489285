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

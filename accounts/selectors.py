"""Reads about a person's account: the account part of their export (privacy rule 6)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession

from .models import User


def profile_export(user: User) -> dict[str, Any]:
    """The account itself, its email addresses and its signed-in devices."""
    return {
        "id": str(user.id),
        "email": user.email,
        "display_name": user.display_name,
        "language": user.language,
        "country": user.country,
        "is_therapist": user.is_therapist,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "signed_in_devices": [
            {
                "ip": session.ip,
                "user_agent": session.user_agent,
                "created_at": session.created_at.isoformat(),
                "last_seen_at": session.last_seen_at.isoformat(),
            }
            for session in UserSession.objects.filter(user=user).order_by("created_at")
        ],
        # That a second factor is set up, and when it was used; never its secret or codes.
        "authenticators": [
            {
                "type": authenticator.type,
                "created_at": authenticator.created_at.isoformat(),
                "last_used_at": (
                    authenticator.last_used_at.isoformat() if authenticator.last_used_at else None
                ),
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
    }

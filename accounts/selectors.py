"""Reads about a person's account: their export (privacy rule 6).

The export is one section per app. Each app answers for its own data with a selector
``<app>_export(user) -> dict`` that returns only what the person may already read; this module
only puts the sections together. A new app that stores personal data adds its line to
``EXPORT_SECTIONS`` (``tests/privacy/test_export.py`` checks every model that points at a user
is covered by a section).
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import TherapistApplication, User

EXPORT_FORMAT = "tweespraak-export"
EXPORT_VERSION = 1

# Imported lazily: accounts sits below every other app and must not import them at load time.
EXPORT_SECTIONS: dict[str, str] = {
    "pairing": "pairing.selectors.pairing_export",
    "therapist_links": "pairing.therapist_export.therapist_links_export",
    "safety": "safety.selectors.safety_export",
    "exercises": "exercises.session_export.sessions_export",
    "notifications": "notifications.export.notifications_export",
}


def _therapist_application(user: User) -> dict[str, Any] | None:
    # Whether and when it was verified is the applicant's; which admin verified it is staff
    # bookkeeping (and about someone else), so ``verified_by`` stays out.
    application = TherapistApplication.objects.filter(user=user).first()
    if application is None:
        return None
    return {
        "name": application.name,
        "practice": application.practice,
        "registration_number": application.registration_number,
        "country": application.country,
        "created_at": application.created_at.isoformat(),
        "verified_at": application.verified_at.isoformat() if application.verified_at else None,
    }


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
        "therapist_application": _therapist_application(user),
    }


def user_export(user: User) -> dict[str, Any]:
    """Everything stored about ``user``, as plain JSON-ready data."""
    export: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "profile": profile_export(user),
    }
    for section, selector in EXPORT_SECTIONS.items():
        export[section] = import_string(selector)(user)
    return export

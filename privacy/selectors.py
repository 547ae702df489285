"""A person's export (privacy rule 6): everything stored about them, as they may read it.

Each app answers for its own data with a selector ``<app>_export(user) -> dict`` that returns
only what the person may already read; this module, the top layer, puts the sections together.
A new app that stores personal data adds its section here (``tests/privacy/test_export_coverage.py``
fails when a model that points at a person is covered by no section).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from accounts.models import User
from accounts.selectors import profile_export
from notifications.export import notifications_export
from pairing.selectors import pairing_export
from pulse.export import pulse_export
from safety.selectors import safety_export
from sessions.export import sessions_export
from therapists.export import (
    assignments_export,
    clinical_notes_export,
    therapist_application_export,
    therapist_links_export,
)

EXPORT_FORMAT = "tweespraak-export"
EXPORT_VERSION = 1


def user_export(user: User) -> dict[str, Any]:
    """Everything stored about ``user``, as plain JSON-ready data."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "profile": {
            **profile_export(user),
            "therapist_application": therapist_application_export(user),
        },
        "pairing": pairing_export(user),
        "therapist_links": {
            **therapist_links_export(user),
            "clinical_notes": clinical_notes_export(user),
        },
        "safety": safety_export(user),
        "exercises": {**sessions_export(user), **assignments_export(user)},
        "notifications": notifications_export(user),
        "pulse": pulse_export(user),
    }

"""The pulse part of a person's export: every entry of theirs, with whether it was shared."""

from __future__ import annotations

from typing import Any

from accounts.models import User

from .models import PulseEntry


def pulse_export(user: User) -> dict[str, Any]:
    return {
        "entries": [
            {
                "recorded_at": entry.created_at.isoformat(),
                "answers": entry.answers,
                "score": entry.score,
                "note": entry.note,
                "shared_with_partner": entry.shared_in_id is not None,
            }
            for entry in PulseEntry.objects.filter(user=user).order_by("created_at")
        ]
    }

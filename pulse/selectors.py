"""Reads about the pulse. Mine: the items, my entries and my trend. My partner's: only the
entries they shared with our couple, while it lasts."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import QuerySet

from accounts.models import User
from pairing.selectors import active_couple_for
from project.errors import NotFound

from .items import ITEMS, SCALE_MAX, SCALE_MIN
from .models import PulseEntry

ENTRY_LIMIT = 100


def pulse_items() -> list[dict[str, Any]]:
    """The items in the active language."""
    return [
        {
            "id": item.id,
            "text": str(item.text),
            "min": SCALE_MIN,
            "max": SCALE_MAX,
            "min_label": str(item.min_label),
            "max_label": str(item.max_label),
        }
        for item in ITEMS
    ]


def pulse_entry_data(entry: PulseEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "created_at": entry.created_at,
        "answers": entry.answers,
        "score": entry.score,
        "note": entry.note,
        "share_with_partner": entry.shared_in_id is not None,
    }


def pulse_entries_for(*, user: User, limit: int = ENTRY_LIMIT) -> QuerySet[PulseEntry]:
    return PulseEntry.objects.filter(user=user).order_by("-created_at")[:limit]


def pulse_trend(*, user_id: UUID, limit: int = ENTRY_LIMIT) -> list[dict[str, Any]]:
    """``[{date, score}]``, oldest first: the last ``limit`` entries. One query."""
    entries = list(
        PulseEntry.objects.filter(user_id=user_id)
        .only("created_at", "score", "user_id")
        .order_by("-created_at")[:limit]
    )
    return [{"date": entry.created_at.date(), "score": entry.score} for entry in reversed(entries)]


def pulse_access_entry(*, user: User, entry_id: UUID | str) -> PulseEntry:
    """My own entry, or 404 (one query): nobody else may change or see it this way."""
    entry = PulseEntry.objects.filter(pk=entry_id, user=user).first()
    if entry is None:
        raise NotFound()
    return entry


def pulse_partner_shared(*, user: User) -> list[dict[str, Any]]:
    """What my partner shared with our couple, newest first; nothing without a couple. Two
    queries."""
    couple = active_couple_for(user=user)
    if couple is None:
        return []
    entries = (
        PulseEntry.objects.filter(shared_in=couple)
        .exclude(user=user)
        .order_by("-created_at")[:ENTRY_LIMIT]
    )
    return [
        {
            "id": entry.id,
            "created_at": entry.created_at,
            "answers": entry.answers,
            "score": entry.score,
            "note": entry.note,
        }
        for entry in entries
    ]

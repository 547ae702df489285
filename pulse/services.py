"""Writes for the pulse: record an entry, share one with my partner or take it back."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from pairing.selectors import active_couple_for
from project.errors import Conflict, Invalid

from .items import ITEM_IDS, SCALE_MAX, SCALE_MIN, pulse_score
from .models import PulseEntry

NOTE_MAX_LENGTH = 2000


def _answers(answers: Any) -> dict[str, int]:
    message = _("Give each of the four a whole number from %(min)s to %(max)s.") % {
        "min": SCALE_MIN,
        "max": SCALE_MAX,
    }
    if not isinstance(answers, dict) or set(answers) != set(ITEM_IDS):
        raise Invalid(fields={"answers": [message]})
    for value in answers.values():
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(fields={"answers": [message]})
        if not SCALE_MIN <= value <= SCALE_MAX:
            raise Invalid(fields={"answers": [message]})
    return {item_id: answers[item_id] for item_id in ITEM_IDS}


def _note(note: Any) -> str:
    if note is None:
        return ""
    if not isinstance(note, str) or len(note) > NOTE_MAX_LENGTH:
        raise Invalid(
            fields={"note": [_("Keep it under %(limit)s characters.") % {"limit": NOTE_MAX_LENGTH}]}
        )
    return note


def _couple_to_share_in(user: User):
    couple = active_couple_for(user=user)
    if couple is None:
        raise Conflict("no_couple", _("Link with your partner first."))
    return couple


@transaction.atomic
def pulse_record(*, user: User, answers: Any, note: Any = "", share_with_partner: bool = False):
    answers = _answers(answers)
    note = _note(note)
    shared_in = _couple_to_share_in(user) if share_with_partner else None
    return PulseEntry.objects.create(
        user=user, answers=answers, note=note, score=pulse_score(answers), shared_in=shared_in
    )


@transaction.atomic
def pulse_share_set(*, user: User, entry: PulseEntry, share_with_partner: bool) -> PulseEntry:
    """Share one entry with my partner, or take it back at once."""
    entry.shared_in = _couple_to_share_in(user) if share_with_partner else None
    entry.save(update_fields=["shared_in"])
    return entry

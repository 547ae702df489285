"""The pulse's four items, written for Tweespraak (not a published instrument, and not
validated: see docs/pulse.md for why). Each is a 1-5 scale where higher means more content;
the score of an entry is the four answers on a 0-100 scale."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SCALE_MIN = 1
SCALE_MAX = 5


@dataclass(frozen=True)
class PulseItem:
    id: str
    text: object
    min_label: object
    max_label: object


ITEMS = (
    PulseItem(
        "content",
        _("How content are you with your relationship at the moment?"),
        _("Not at all"),
        _("Very"),
    ),
    PulseItem(
        "warmth",
        _("How much warmth have you felt between the two of you lately?"),
        _("Hardly any"),
        _("A lot"),
    ),
    PulseItem(
        "heard",
        _("How well do you feel heard by your partner?"),
        _("Not at all"),
        _("Very well"),
    ),
    PulseItem(
        "hopeful",
        _("How hopeful are you about where you are heading together?"),
        _("Not at all"),
        _("Very"),
    ),
)
ITEM_IDS = tuple(item.id for item in ITEMS)


def pulse_score(answers: dict[str, int]) -> int:
    """0 (every item at its lowest) to 100 (every item at its highest)."""
    total = sum(answers[item_id] - SCALE_MIN for item_id in ITEM_IDS)
    return round(100 * total / (len(ITEM_IDS) * (SCALE_MAX - SCALE_MIN)))

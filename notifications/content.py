"""The words people see. Discreet by default: a phone screen is often seen by the partner, so
unless the person chose detailed texts every event says the same neutral sentence. Detailed
texts name the kind of event, never a person, an exercise or an answer. Nothing here mentions
safety, check-ins or reports, and nothing ever will (tests/notifications/test_discreet.py)."""

from django.utils.translation import gettext_lazy as _

from .models import Event

SENDER_NAME = "Tweespraak"
TITLE = "Tweespraak"
DISCREET_TEXT = _("Something new is waiting for you in Tweespraak.")

DETAILED_TEXTS = {
    Event.PARTNER_STARTED: _("Your partner started an exercise with you."),
    Event.PARTNER_WAITING: _("Your partner is waiting for you to look at your answers together."),
    Event.READY_TO_REVEAL: _("You have both answered. You can look at your answers together."),
    Event.ASSIGNMENT_CREATED: _("Your therapist has set out a new exercise for you."),
    Event.ASSIGNMENT_DUE: _("An exercise from your therapist is planned for tomorrow."),
    Event.WEEKLY_REMINDER: _("Time for a moment together this week? An exercise is ready."),
    Event.DAILY_QUESTION: _("Today's question is there for you, whenever you like."),
    Event.SESSION_SHARED: _("A partner shared the answers of a session with you."),
    Event.ASSIGNMENT_OVERDUE: _("An exercise you assigned has passed its date."),
}


def notification_text(*, event: str, detailed: bool) -> str:
    """In the active language; call inside ``translation.override(user.language)``."""
    return str(DETAILED_TEXTS[Event(event)] if detailed else DISCREET_TEXT)

"""The notifications part of a person's export (privacy rule 6): their devices, their choices
and the messages queued or sent to them.

A device is shown by the push service's host only: the full endpoint URL and its keys are a
credential that lets anyone push to that browser, and an export file travels further than the
app. An outbox row holds no words (they are rendered when sent), so its event, channel, page and
dates are the whole of it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from accounts.models import User

from .models import NotificationPreference, OutboxMessage, PushSubscription


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _preferences(user: User) -> dict[str, Any] | None:
    preference = NotificationPreference.objects.filter(user=user).first()
    if preference is None:
        return None
    return {
        "events": preference.event_channels,
        "email_enabled": preference.email_enabled,
        "detailed_texts": preference.detailed_texts,
        "weekly_reminder": preference.weekly_reminder,
        "daily_reminder": preference.daily_reminder,
        "quiet_hours_start": _iso(preference.quiet_hours_start),
        "quiet_hours_end": _iso(preference.quiet_hours_end),
        "timezone": preference.timezone,
        "updated_at": _iso(preference.updated_at),
    }


def notifications_export(user: User) -> dict[str, Any]:
    return {
        "push_subscriptions": [
            {
                "id": str(subscription.id),
                "push_service": urlsplit(subscription.endpoint).hostname,
                "device": subscription.user_agent,
                "created_at": subscription.created_at.isoformat(),
                "last_used_at": _iso(subscription.last_used_at),
            }
            for subscription in PushSubscription.objects.filter(user=user).order_by("created_at")
        ],
        "preferences": _preferences(user),
        "outbox": [
            {
                "id": str(message.id),
                "event": message.event,
                "channel": message.channel,
                "path": message.payload.get("path"),
                "status": message.status,
                "attempts": message.attempts,
                "created_at": message.created_at.isoformat(),
                "sent_at": _iso(message.sent_at),
            }
            for message in OutboxMessage.objects.filter(user=user).order_by("created_at")
        ],
    }

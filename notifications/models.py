"""Web push subscriptions, each person's notification choices, and the outbox that the task
worker (``notifications/tasks.py``) drains outside the request.

Nothing here holds personal content: an outbox row knows who, which channel, which event and
which page to open; the words are chosen when it is sent, in the person's language.
"""

import uuid
from datetime import time

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PUSH = "push", _("Push notification")
    EMAIL = "email", _("Email")


class Event(models.TextChoices):
    PARTNER_STARTED = "partner_started", _("Your partner started an exercise with you")
    PARTNER_WAITING = "partner_waiting", _("Your partner is waiting in the live reveal")
    READY_TO_REVEAL = "ready_to_reveal", _("You have both answered")
    ASSIGNMENT_CREATED = "assignment_created", _("Your therapist assigned an exercise")
    ASSIGNMENT_DUE = "assignment_due", _("An exercise is due tomorrow")
    WEEKLY_REMINDER = "weekly_reminder", _("Weekly reminder")
    DAILY_QUESTION = "daily_question", _("Question of the day")
    # For therapists.
    SESSION_SHARED = "session_shared", _("A partner shared a session with you")
    ASSIGNMENT_OVERDUE = "assignment_overdue", _("An exercise you assigned is overdue")


def default_event_channels() -> dict[str, dict[str, bool]]:
    channels = {event.value: {"push": True, "email": True} for event in Event}
    # The live reveal is over long before anyone reads an email about it.
    channels[Event.PARTNER_WAITING]["email"] = False
    return channels


class PushSubscription(models.Model):
    """One browser or device that agreed to receive push (the PWA's PushSubscription)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    user_agent = models.CharField(_("device"), max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("push subscription")
        verbose_name_plural = _("push subscriptions")

    def __str__(self) -> str:
        return self.user_agent or str(self.id)


class NotificationPreference(models.Model):
    """What one person wants to hear about, on which channel, and when not."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_preference",
    )
    # {event: {"push": bool, "email": bool}} for every Event.
    event_channels = models.JSONField(default=default_event_channels)
    email_enabled = models.BooleanField(default=True)
    detailed_texts = models.BooleanField(default=False)
    weekly_reminder = models.BooleanField(default=False)
    # Opt-in: a gentle nudge that today's question is there; skipping it costs nothing.
    daily_reminder = models.BooleanField(default=False)
    quiet_hours_start = models.TimeField(null=True, blank=True, default=time(22, 0))
    quiet_hours_end = models.TimeField(null=True, blank=True, default=time(8, 0))
    timezone = models.CharField(max_length=64, default="Europe/Amsterdam")
    # When another account turned on notifications in a browser that had them for this person:
    # the device moved to the account signed in there last, and this person is told so in
    # their settings (never by push or email) until they dismiss it.
    device_moved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.user_id)


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed, will retry")
    DEAD = "dead", _("given up")


class OutboxMessage(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outbox_messages"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # Push goes per device, so one device failing never repeats the message on another.
    subscription = models.ForeignKey(
        PushSubscription, on_delete=models.CASCADE, null=True, blank=True
    )
    event = models.CharField(max_length=32, choices=Event.choices)
    # Only the page to open (a path such as /sessions/<uuid>); never names or answers.
    payload = models.JSONField(default=dict)
    # Scheduled notifications (due tomorrow, weekly) are computed repeatedly; this makes that
    # safe: the same key for the same person and event is enqueued once.
    dedupe_key = models.CharField(max_length=100, blank=True)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # A live event is useless once the moment is gone; such a row is given up, not sent late.
    expires_at = models.DateTimeField(null=True, blank=True)
    # Status code or exception class only: never the text or the endpoint.
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx"),
            models.Index(fields=["user", "event", "dedupe_key"], name="outbox_dedupe_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event} ({self.channel})"

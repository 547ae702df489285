"""Writes for notifications.

Other apps call one function, :func:`notify`, after something happened that a person may want
to hear about. It never decides anything about safety: it is never called because of a
check-in or a report, and it never asks about anyone's pause. A paused partner is, to the other
partner, someone who simply has not answered; there is no event for them, so nothing goes out.

Sending happens outside the request: :func:`notify` enqueues outbox rows on commit and wakes
the task worker, which calls :func:`outbox_send_due` (``notifications/tasks.py``; also every
minute, for retries and the end of quiet hours).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from email.utils import formataddr, parseaddr
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID
from zoneinfo import ZoneInfo

import requests
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from pywebpush import WebPushException, webpush

from accounts.models import User
from project.after_commit import after_commit
from project.errors import Conflict, Invalid, NotFound

from . import selectors
from .content import SENDER_NAME, TITLE, notification_text
from .models import (
    Channel,
    Event,
    NotificationPreference,
    OutboxMessage,
    OutboxStatus,
    PushSubscription,
    default_event_channels,
)
from .vapid import VapidKeys, vapid_keys, vapid_signer

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
# The partner waits in the live reveal for minutes, not hours.
LIVE_EVENT_LIFETIME = timedelta(minutes=15)
PUSH_TTL = timedelta(days=1)
GONE_STATUSES = {404, 410}
# The push service refused this message for good (bad request, payload too large).
REJECTED_STATUSES = {400, 401, 403, 413}


# ---- enqueueing ---------------------------------------------------------------------------


def notify(*, user: User, event: Event | str, path: str = "/", dedupe_key: str = "") -> None:
    """Tell ``user`` that ``event`` happened, on every channel they opted into, once the current
    transaction commits (nothing goes out for a rolled-back action).

    ``path`` is the page the notification opens (``/s/<session id>``); it is the only detail
    stored, so never put names or content in it. ``dedupe_key`` makes repeated scheduled calls
    safe: for the same person and event a key is enqueued only once.
    """
    event = Event(event)
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError("path must be a path on this site")
    user_id = user.pk
    after_commit(lambda: _enqueue(user_id=user_id, event=event, path=path, dedupe_key=dedupe_key))


def _wanted_channels(*, user: User, preference: NotificationPreference, event: Event) -> list[str]:
    if event == Event.WEEKLY_REMINDER and not preference.weekly_reminder:
        return []
    if event == Event.DAILY_QUESTION and not preference.daily_reminder:
        return []
    # An event added after the person saved their choices starts with its default.
    chosen = preference.event_channels.get(event.value) or default_event_channels()[event.value]
    channels = []
    if chosen.get(Channel.PUSH) and vapid_keys() is not None:
        channels.append(Channel.PUSH)
    if chosen.get(Channel.EMAIL) and preference.email_enabled and user.email:
        channels.append(Channel.EMAIL)
    return channels


@transaction.atomic
def _enqueue(*, user_id: UUID, event: Event, path: str, dedupe_key: str) -> list[OutboxMessage]:
    users = User.objects.filter(pk=user_id, is_active=True)
    if dedupe_key:
        # Two task workers running the reminders at once: the second waits here for the first
        # to commit, then finds its row below, so the key is still enqueued once.
        users = users.select_for_update(of=("self",))
    user = users.first()
    if user is None:
        return []
    if (
        dedupe_key
        and OutboxMessage.objects.filter(user=user, event=event, dedupe_key=dedupe_key).exists()
    ):
        return []
    preference = selectors.preference_for(user=user)
    channels = _wanted_channels(user=user, preference=preference, event=event)
    now = timezone.now()
    common: dict[str, Any] = {
        "user": user,
        "event": event,
        "payload": {"path": path},
        "dedupe_key": dedupe_key,
        "next_attempt_at": selectors.outside_quiet_hours(preference=preference, moment=now),
        "expires_at": now + LIVE_EVENT_LIFETIME if event == Event.PARTNER_WAITING else None,
        "created_at": now,
    }
    rows = []
    if Channel.PUSH in channels:
        rows += [
            OutboxMessage(channel=Channel.PUSH, subscription=subscription, **common)
            for subscription in selectors.subscriptions_for(user=user)
        ]
    if Channel.EMAIL in channels:
        rows.append(OutboxMessage(channel=Channel.EMAIL, **common))
    created = OutboxMessage.objects.bulk_create(rows)
    if created:
        for waker in _outbox_wakers:
            transaction.on_commit(waker)
    return created


# How to wake a task worker, so new rows go out within seconds rather than at its next round.
# The task runner registers it (NotificationsConfig.ready); this module knows no task runner.
_outbox_wakers: list[Callable[[], object]] = []


def register_outbox_waker(waker: Callable[[], object]) -> None:
    if waker not in _outbox_wakers:
        _outbox_wakers.append(waker)


# ---- scheduled reminders ------------------------------------------------------------------

# Who has an assignment due on a given day, as (person, page to open). The assignments feature
# registers its selector here (in its AppConfig.ready), so this app needs no knowledge of it.
DueSource = Callable[[date], Iterable[tuple[User, str]]]
_due_sources: list[DueSource] = []


def register_due_source(source: DueSource) -> None:
    if source not in _due_sources:
        _due_sources.append(source)


def unregister_due_source(source: DueSource) -> None:
    if source in _due_sources:
        _due_sources.remove(source)


# ``source()`` → ids of the people who have someone to answer the question of the day with (the
# sessions app registers it). Nobody else is reminded of it, whatever their choice says.
DailyAudience = Callable[[], Iterable[UUID]]
_daily_audiences: list[DailyAudience] = []


def register_daily_audience(source: DailyAudience) -> None:
    if source not in _daily_audiences:
        _daily_audiences.append(source)


def reminders_enqueue(*, now: datetime | None = None) -> int:
    """The "due tomorrow", weekly and (opt-in) daily-question reminders. Safe to run as often as
    you like (each is enqueued once per person per day, or per week)."""
    now = now or timezone.now()
    count = 0
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    for source in _due_sources:
        for user, path in source(tomorrow):
            notify(
                user=user,
                event=Event.ASSIGNMENT_DUE,
                path=path,
                dedupe_key=f"due:{tomorrow.isoformat()}",
            )
            count += 1
    weekly = NotificationPreference.objects.filter(
        weekly_reminder=True, user__is_active=True
    ).select_related("user")
    for preference in weekly:
        year, week, _day = now.astimezone(ZoneInfo(preference.timezone)).isocalendar()
        notify(
            user=preference.user,
            event=Event.WEEKLY_REMINDER,
            path="/library",
            dedupe_key=f"weekly:{year}-W{week:02d}",
        )
        count += 1
    audience = {user_id for source in _daily_audiences for user_id in source()}
    daily = NotificationPreference.objects.filter(
        daily_reminder=True, user__is_active=True, user_id__in=audience
    ).select_related("user")
    for preference in daily:
        day = now.astimezone(ZoneInfo(preference.timezone)).date()
        notify(
            user=preference.user,
            event=Event.DAILY_QUESTION,
            path="/daily",
            dedupe_key=f"daily:{day.isoformat()}",
        )
        count += 1
    return count


# ---- devices and choices ------------------------------------------------------------------


def _check_push_endpoint(endpoint: str) -> None:
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    scheme_ok = parts.scheme == "https" or (parts.scheme == "http" and settings.PUSH_ALLOW_HTTP)
    host_ok = any(
        host == allowed or host.endswith("." + allowed) for allowed in settings.PUSH_SERVICE_HOSTS
    )
    if not (scheme_ok and host_ok):
        raise Invalid(
            "push_service_not_supported", _("This browser's push service is not supported.")
        )


# Devices one person receives push notifications on (a phone, a tablet, a few browsers).
MAX_PUSH_SUBSCRIPTIONS = 10


@transaction.atomic
def subscription_register(
    *, user: User, endpoint: str, p256dh: str, auth: str, user_agent: str = ""
) -> tuple[PushSubscription, bool]:
    """Register this device for ``user``. A device belongs to whoever signed in on it last:
    registering an endpoint another account had moves it, so nobody gets someone else's
    notifications on a shared phone, and the former owner is told in their own settings. At most
    ``MAX_PUSH_SUBSCRIPTIONS`` devices per person."""
    _check_push_endpoint(endpoint)
    existing = PushSubscription.objects.select_for_update().filter(endpoint=endpoint).first()
    adds_a_device = existing is None or existing.user_id != user.pk
    if (
        adds_a_device
        and PushSubscription.objects.filter(user=user).count() >= MAX_PUSH_SUBSCRIPTIONS
    ):
        raise Conflict(
            "too_many_devices",
            _(
                "Notifications are on for %(count)d devices already. Switch them off on one "
                "of them first."
            )
            % {"count": MAX_PUSH_SUBSCRIPTIONS},
        )
    if existing is not None and existing.user_id != user.pk:
        # Not silently: the person who had this browser sees it in their own settings (the
        # partner or anyone else learns nothing; no push or email says it).
        preference, _created = NotificationPreference.objects.get_or_create(
            user_id=existing.user_id
        )
        preference.device_moved_at = timezone.now()
        preference.save(update_fields=["device_moved_at", "updated_at"])
    return PushSubscription.objects.update_or_create(
        endpoint=endpoint,
        defaults={"user": user, "p256dh": p256dh, "auth": auth, "user_agent": user_agent[:120]},
    )


def subscription_delete(*, user: User, subscription_id: UUID) -> None:
    deleted, _rows = PushSubscription.objects.filter(pk=subscription_id, user=user).delete()
    if not deleted:
        raise NotFound()


@transaction.atomic
def preference_update(
    *, user: User, event_channels: dict[str, dict[str, bool]] | None = None, **fields: Any
) -> NotificationPreference:
    """Change some of the person's choices; ``event_channels`` merges per event and channel."""
    preference, _created = NotificationPreference.objects.select_for_update().get_or_create(
        user=user
    )
    for event, channels in (event_channels or {}).items():
        preference.event_channels.setdefault(event, {}).update(channels)
    for name, value in fields.items():
        setattr(preference, name, value)
    preference.save()
    return preference


def email_unsubscribe(*, token: str) -> User:
    """Turn off every notification email for the person the signed token names (no login)."""
    user = selectors.user_for_unsubscribe_token(token=token)
    if user is None:
        raise NotFound()
    preference_update(user=user, email_enabled=False)
    return user


# ---- sending ------------------------------------------------------------------------------


class _Retry(Exception):
    """A failure worth another try later."""


class _GiveUp(Exception):
    """A failure no retry will fix."""


class _Gone(Exception):
    """The browser dropped this push subscription."""


def _public_url() -> str:
    if settings.PUBLIC_URL:
        return settings.PUBLIC_URL.rstrip("/")
    if settings.IS_PRODUCTION:
        return f"https://{settings.ALLOWED_HOSTS[0]}"
    return "http://127.0.0.1:8000"


def unsubscribe_url(*, user: User) -> str:
    token = selectors.unsubscribe_token(user=user)
    return f"{_public_url()}/api/notifications/unsubscribe/{token}/"


def _texts(message: OutboxMessage) -> tuple[str, str]:
    preference = selectors.preference_for(user=message.user)
    body = notification_text(event=message.event, detailed=preference.detailed_texts)
    return TITLE, body


def _deliver_push(message: OutboxMessage, keys: VapidKeys) -> None:
    subscription = message.subscription
    with translation.override(message.user.language):
        title, body = _texts(message)
    data = {"title": title, "body": body, "url": message.payload.get("path", "/")}
    ttl = LIVE_EVENT_LIFETIME if message.event == Event.PARTNER_WAITING else PUSH_TTL
    try:
        webpush(
            subscription_info={
                "endpoint": subscription.endpoint,
                "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
            },
            data=json.dumps(data),
            vapid_private_key=vapid_signer(keys),
            vapid_claims={"sub": keys.subject},
            ttl=int(ttl.total_seconds()),
            timeout=10,
        )
    except WebPushException as error:
        status = error.response.status_code if error.response is not None else None
        if status in GONE_STATUSES:
            raise _Gone() from None
        if status in REJECTED_STATUSES:
            raise _GiveUp(f"push {status}") from None
        raise _Retry(f"push {status}") from None
    except requests.RequestException as error:
        raise _Retry(type(error).__name__) from None
    subscription.last_used_at = timezone.now()
    subscription.save(update_fields=["last_used_at"])


def _deliver_email(message: OutboxMessage) -> None:
    user = message.user
    with translation.override(user.language):
        _title, text = _texts(message)
        context = {
            "text": text,
            "open_url": _public_url() + message.payload.get("path", "/"),
            "preferences_url": _public_url() + "/profile",
            "unsubscribe_url": unsubscribe_url(user=user),
            "language": user.language,
        }
        plain = render_to_string("notifications/email.txt", context)
        html = render_to_string("notifications/email.html", context)
    sender = formataddr((SENDER_NAME, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))
    email = EmailMultiAlternatives(
        subject=text.rstrip("."),
        body=plain,
        from_email=sender,
        to=[user.email],
        headers={
            # One-click unsubscribe for mail clients (RFC 8058): a POST to the same link.
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    email.attach_alternative(html, "text/html")
    try:
        email.send()
    except OSError as error:
        # smtplib's errors are OSErrors; so are refused connections.
        raise _Retry(type(error).__name__) from None


def _backoff(attempts: int) -> timedelta:
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_RETRY)


def _send_one(message: OutboxMessage, *, now: datetime) -> str:
    """Try one message; returns its new status."""
    message.attempts += 1
    try:
        if message.expires_at is not None and message.expires_at <= now:
            raise _GiveUp("expired")
        if message.channel == Channel.PUSH:
            keys = vapid_keys()
            if keys is None:
                raise _GiveUp("push disabled")
            _deliver_push(message, keys)
        else:
            if not selectors.preference_for(user=message.user).email_enabled:
                raise _GiveUp("unsubscribed")
            _deliver_email(message)
    except _Gone:
        # Its outbox rows, this one included, go with it.
        message.subscription.delete()
        return "gone"
    except _GiveUp as error:
        message.status, message.last_error = OutboxStatus.DEAD, str(error)
    except _Retry as error:
        message.last_error = str(error)
        if message.attempts >= MAX_ATTEMPTS:
            message.status = OutboxStatus.DEAD
        else:
            message.status = OutboxStatus.FAILED
            preference = selectors.preference_for(user=message.user)
            message.next_attempt_at = selectors.outside_quiet_hours(
                preference=preference, moment=now + _backoff(message.attempts)
            )
    else:
        message.status, message.sent_at, message.last_error = OutboxStatus.SENT, now, ""
    message.save(update_fields=["status", "attempts", "next_attempt_at", "last_error", "sent_at"])
    return message.status


def outbox_send_due(*, now: datetime | None = None, limit: int = 200) -> dict[str, int]:
    """Send every outbox row that is due, each at most once; returns counts per outcome.

    Each row is locked while it is sent (``skip_locked``), so several workers may run side by
    side without sending anything twice.
    """
    now = now or timezone.now()
    counts: dict[str, int] = {}
    for _round in range(limit):
        with transaction.atomic():
            message = (
                selectors.outbox_due(now=now)
                .select_related("user", "subscription")
                .select_for_update(skip_locked=True, of=("self",))
                .first()
            )
            if message is None:
                break
            outcome = _send_one(message, now=now)
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


# ---- cleanup (the task worker runs it daily; docs/privacy.md) ------------------------------

# Sent and given-up rows are kept this long (for support: "did my reminder go out?"), then go.
OUTBOX_RETENTION = timedelta(days=30)
# A device that nothing reached for this long, while deliveries to it were given up, is gone.
STALE_SUBSCRIPTION_AFTER = timedelta(days=60)
# Rows given up for these reasons say nothing about the device.
_NOT_THE_DEVICES_FAULT = ("expired", "push disabled")


def outbox_finished_delete(*, now: datetime | None = None) -> int:
    """Delete sent and given-up outbox rows older than :data:`OUTBOX_RETENTION`."""
    cutoff = (now or timezone.now()) - OUTBOX_RETENTION
    deleted, _rows = OutboxMessage.objects.filter(
        status__in=[OutboxStatus.SENT, OutboxStatus.DEAD], created_at__lt=cutoff
    ).delete()
    return deleted


def subscriptions_stale_delete(*, now: datetime | None = None) -> int:
    """Delete push subscriptions that stopped working: no push reached them for
    :data:`STALE_SUBSCRIPTION_AFTER`, and a push to them was given up after it failed (a push
    service that keeps answering 403 after the VAPID keys changed, or a host that is gone). A
    device that was merely not needed keeps its subscription."""
    cutoff = (now or timezone.now()) - STALE_SUBSCRIPTION_AFTER
    failed = (
        OutboxMessage.objects.filter(status=OutboxStatus.DEAD, subscription__isnull=False)
        .exclude(last_error__in=_NOT_THE_DEVICES_FAULT)
        .values("subscription")
    )
    stale = PushSubscription.objects.filter(pk__in=failed).filter(
        Q(last_used_at__lt=cutoff) | Q(last_used_at__isnull=True, created_at__lt=cutoff)
    )
    _total, per_model = stale.delete()
    return per_model.get(PushSubscription._meta.label, 0)

"""Reads for notifications: a person's choices, their devices, when a message may go out."""

from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from django.core import signing
from django.db.models import QuerySet

from accounts.models import User

from .models import NotificationPreference, OutboxMessage, OutboxStatus, PushSubscription

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def preference_for(*, user: User) -> NotificationPreference:
    """The person's choices; the defaults (unsaved) if they never changed any."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference or NotificationPreference(user=user)


def subscriptions_for(*, user: User) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user=user)


def outside_quiet_hours(*, preference: NotificationPreference, moment: datetime) -> datetime:
    """``moment`` itself, or the end of the quiet hours it falls in (in the person's zone)."""
    start, end = preference.quiet_hours_start, preference.quiet_hours_end
    if start is None or end is None or start == end:
        return moment
    zone = ZoneInfo(preference.timezone)
    local = moment.astimezone(zone)
    now = local.time()
    if start < end:
        quiet, end_day = start <= now < end, local.date()
    elif now >= start:
        quiet, end_day = True, local.date() + timedelta(days=1)
    else:
        quiet, end_day = now < end, local.date()
    if not quiet:
        return moment
    return datetime.combine(end_day, end, tzinfo=zone)


def outbox_due(*, now: datetime) -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.filter(
        status__in=[OutboxStatus.PENDING, OutboxStatus.FAILED], next_attempt_at__lte=now
    ).order_by("next_attempt_at")


def unsubscribe_token(*, user: User) -> str:
    """Signed, without expiry: a link in an old email must still work."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(user.pk))


def user_for_unsubscribe_token(*, token: str) -> User | None:
    try:
        user_id = UUID(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()

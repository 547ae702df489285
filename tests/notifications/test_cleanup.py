"""The daily cleanup: old outbox rows go after the retention period (docs/privacy.md), and so do
push subscriptions that stopped working; a device that was merely not needed stays."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Channel, Event, OutboxMessage, OutboxStatus, PushSubscription
from notifications.services import (
    OUTBOX_RETENTION,
    STALE_SUBSCRIPTION_AFTER,
    outbox_finished_delete,
    subscriptions_stale_delete,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def row(user, status, age, *, subscription=None, last_error="") -> OutboxMessage:
    return OutboxMessage.objects.create(
        user=user,
        channel=Channel.PUSH if subscription else Channel.EMAIL,
        subscription=subscription,
        event=Event.PARTNER_STARTED,
        payload={"path": "/s/1"},
        status=status,
        last_error=last_error,
        created_at=NOW - age,
    )


def test_sent_and_given_up_rows_go_after_the_retention_period(anna):
    old = OUTBOX_RETENTION + timedelta(minutes=1)
    young = OUTBOX_RETENTION - timedelta(minutes=1)
    gone = [row(anna, OutboxStatus.SENT, old), row(anna, OutboxStatus.DEAD, old)]
    kept = [
        row(anna, OutboxStatus.SENT, young),
        row(anna, OutboxStatus.DEAD, young),
        # Still to be sent, however old: never dropped unsent by the cleanup.
        row(anna, OutboxStatus.PENDING, old),
        row(anna, OutboxStatus.FAILED, old),
    ]

    assert outbox_finished_delete(now=NOW) == 2
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {r.pk for r in kept}
    assert not OutboxMessage.objects.filter(pk__in=[r.pk for r in gone]).exists()
    assert outbox_finished_delete(now=NOW) == 0


def device(user, *, registered, last_used=None) -> PushSubscription:
    subscription = PushSubscription.objects.create(
        user=user,
        endpoint=f"https://fcm.googleapis.com/fcm/send/{PushSubscription.objects.count()}",
        p256dh="key",
        auth="auth",
        created_at=NOW - registered,
    )
    subscription.last_used_at = None if last_used is None else NOW - last_used
    subscription.save()
    return subscription


def test_a_device_no_push_reached_for_two_months_after_failures_is_removed(anna):
    long_ago = STALE_SUBSCRIPTION_AFTER + timedelta(days=1)
    lately = STALE_SUBSCRIPTION_AFTER - timedelta(days=1)
    # The push service refused it (new VAPID keys) and nothing reached it since.
    refused = device(anna, registered=long_ago * 2, last_used=long_ago)
    row(anna, OutboxStatus.DEAD, timedelta(days=2), subscription=refused, last_error="push 403")
    # Registered, never reached: its host is gone.
    unreachable = device(anna, registered=long_ago)
    row(anna, OutboxStatus.DEAD, timedelta(days=2), subscription=unreachable, last_error="Timeout")
    # Failed once, but a push reached it recently.
    recovered = device(anna, registered=long_ago * 2, last_used=lately)
    row(anna, OutboxStatus.DEAD, timedelta(days=2), subscription=recovered, last_error="push 500")
    # Only messages that were too late: nothing wrong with the device.
    late_only = device(anna, registered=long_ago * 2, last_used=long_ago)
    row(anna, OutboxStatus.DEAD, timedelta(days=2), subscription=late_only, last_error="expired")
    # Not needed for months: no failure, so it stays.
    quiet = device(anna, registered=long_ago * 2, last_used=long_ago)
    row(anna, OutboxStatus.SENT, long_ago, subscription=quiet)
    # Still retrying: not given up yet.
    retrying = device(anna, registered=long_ago * 2, last_used=long_ago)
    row(anna, OutboxStatus.FAILED, timedelta(days=1), subscription=retrying, last_error="push 503")

    assert subscriptions_stale_delete(now=NOW) == 2
    assert set(PushSubscription.objects.all()) == {recovered, late_only, quiet, retrying}
    # Their outbox rows went with them.
    assert not OutboxMessage.objects.filter(subscription_id__in=[refused.pk, unreachable.pk])
    assert subscriptions_stale_delete(now=NOW) == 0

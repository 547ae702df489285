"""The real thing: pywebpush encrypts and signs, a push service on loopback receives it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Event, OutboxMessage, OutboxStatus, PushSubscription
from notifications.services import MAX_ATTEMPTS, outbox_send_due, preference_update

from .push import verify_vapid

pytestmark = pytest.mark.django_db

DISCREET_NL = "Er staat iets nieuws voor je klaar in Tweespraak."
DISCREET_EN = "Something new is waiting for you in Tweespraak."


@pytest.fixture
def anna_device(anna, device_for, no_quiet_hours):
    no_quiet_hours(anna, email_enabled=False)
    return device_for(anna)


def test_it_delivers_an_encrypted_push_signed_with_vapid_that_only_the_device_can_read(
    anna, anna_device, push_service, enqueue, settings
):
    enqueue(user=anna, event=Event.PARTNER_STARTED, path="/s/123")

    assert outbox_send_due() == {"sent": 1}

    [request] = push_service.received
    assert request.path == anna_device.subscription.endpoint.removeprefix(push_service.origin)
    claims = verify_vapid(
        request, public_key=settings.VAPID_PUBLIC_KEY, audience=push_service.origin
    )
    assert claims["exp"] > timezone.now().timestamp()
    assert int(request.headers["ttl"]) > 0
    assert DISCREET_NL.encode() not in request.body
    assert anna_device.decrypt(request) == {
        "title": "Tweespraak",
        "body": DISCREET_NL,
        "url": "/s/123",
    }
    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts, message.last_error) == (OutboxStatus.SENT, 1, "")
    anna_device.subscription.refresh_from_db()
    assert anna_device.subscription.last_used_at is not None


def test_it_writes_in_the_persons_own_language(bram, device_for, push_service, enqueue):
    bram.language = "en"
    bram.save()
    preference_update(user=bram, quiet_hours_start=None, quiet_hours_end=None, email_enabled=False)
    device = device_for(bram)
    enqueue(user=bram, event=Event.READY_TO_REVEAL)

    outbox_send_due()

    assert device.decrypt(push_service.received[0])["body"] == DISCREET_EN


def test_each_device_gets_its_own_copy(anna, anna_device, device_for, push_service, enqueue):
    laptop = device_for(anna, "Chrome on Linux")
    enqueue(user=anna, event=Event.PARTNER_STARTED)

    assert outbox_send_due() == {"sent": 2}

    by_path = {request.path: request for request in push_service.received}
    for device in (anna_device, laptop):
        request = by_path[device.subscription.endpoint.removeprefix(push_service.origin)]
        assert device.decrypt(request)["body"] == DISCREET_NL


def test_a_failing_push_is_retried_with_exponential_backoff(
    anna, anna_device, push_service, enqueue
):
    push_service.statuses.extend([500, 500])
    enqueue(user=anna, event=Event.PARTNER_STARTED)
    start = timezone.now()

    assert outbox_send_due(now=start) == {"failed": 1}
    message = OutboxMessage.objects.get()
    assert (message.attempts, message.next_attempt_at) == (1, start + timedelta(minutes=1))
    assert message.last_error == "push 500"

    assert outbox_send_due(now=start + timedelta(seconds=59)) == {}
    assert outbox_send_due(now=start + timedelta(minutes=1)) == {"failed": 1}
    message.refresh_from_db()
    assert (message.attempts, message.next_attempt_at) == (2, start + timedelta(minutes=3))

    assert outbox_send_due(now=start + timedelta(minutes=3)) == {"sent": 1}
    assert len(push_service.received) == 3
    assert anna_device.decrypt(push_service.received[-1])["body"] == DISCREET_NL
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (OutboxStatus.SENT, 3, "")


def test_it_gives_up_after_the_last_attempt(anna, anna_device, push_service, enqueue):
    push_service.statuses.extend([503] * MAX_ATTEMPTS)
    enqueue(user=anna, event=Event.PARTNER_STARTED)
    moment = timezone.now()

    for _attempt in range(MAX_ATTEMPTS):
        outbox_send_due(now=moment)
        moment += timedelta(hours=7)

    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts) == (OutboxStatus.DEAD, MAX_ATTEMPTS)
    assert message.last_error == "push 503"
    assert outbox_send_due(now=moment + timedelta(days=1)) == {}


def test_a_connection_failure_is_retried(anna, device_for, no_quiet_hours, enqueue):
    no_quiet_hours(anna, email_enabled=False)
    device = device_for(anna)
    # Nobody listens on the port the push service had: the connection is refused.
    PushSubscription.objects.filter(pk=device.subscription.pk).update(
        endpoint="http://127.0.0.1:9/push/closed"
    )
    enqueue(user=anna, event=Event.PARTNER_STARTED)

    assert outbox_send_due() == {"failed": 1}
    assert OutboxMessage.objects.get().last_error == "ConnectionError"


@pytest.mark.parametrize("status", [404, 410])
def test_an_expired_subscription_is_removed(
    status, anna, anna_device, device_for, push_service, enqueue
):
    phone = device_for(anna, "Safari on iOS")
    gone = anna_device.subscription.endpoint.removeprefix(push_service.origin)
    push_service.status_by_path[gone] = status
    enqueue(user=anna, event=Event.PARTNER_STARTED)

    assert outbox_send_due() == {"gone": 1, "sent": 1}

    assert list(PushSubscription.objects.all()) == [phone.subscription]
    [message] = OutboxMessage.objects.all()
    assert (message.subscription, message.status) == (phone.subscription, OutboxStatus.SENT)


def test_a_refused_message_is_not_retried_and_the_device_stays(
    anna, anna_device, push_service, enqueue
):
    push_service.statuses.append(413)
    enqueue(user=anna, event=Event.PARTNER_STARTED)

    assert outbox_send_due() == {"dead": 1}
    assert OutboxMessage.objects.get().last_error == "push 413"
    assert PushSubscription.objects.filter(pk=anna_device.subscription.pk).exists()


def test_a_missed_live_reveal_is_dropped_rather_than_sent_late(
    anna, anna_device, push_service, enqueue
):
    enqueue(user=anna, event=Event.PARTNER_WAITING)

    assert outbox_send_due(now=timezone.now() + timedelta(minutes=16)) == {"dead": 1}
    assert OutboxMessage.objects.get().last_error == "expired"
    assert push_service.received == []


def test_production_without_vapid_keys_sends_no_push(anna, anna_device, enqueue, settings):
    settings.IS_PRODUCTION = True
    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = ""

    enqueue(user=anna, event=Event.PARTNER_STARTED)

    assert not OutboxMessage.objects.exists()

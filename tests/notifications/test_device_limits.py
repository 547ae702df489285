"""Issue 23, what the audit suspected: a cap on the devices one person gets push notifications
on, and a browser that moves to another account does not leave its former owner unaware."""

import pytest
from django.utils import timezone

from notifications.models import NotificationPreference, OutboxMessage, PushSubscription
from notifications.services import MAX_PUSH_SUBSCRIPTIONS
from tests.notifications.test_api import subscription_body

pytestmark = pytest.mark.django_db

SUBSCRIPTIONS = "/api/notifications/subscriptions/"
PREFERENCES = "/api/notifications/preferences/"


def register(client, push_service, name):
    return client.post(SUBSCRIPTIONS, subscription_body(push_service, name), format="json")


def test_one_person_has_notifications_on_at_most_ten_devices(client_for, anna, push_service):
    client = client_for(anna)
    for number in range(MAX_PUSH_SUBSCRIPTIONS):
        assert register(client, push_service, f"device-{number}").status_code == 201

    refused = register(client, push_service, "one-too-many")

    assert refused.status_code == 409
    assert refused.json()["code"] == "too_many_devices"
    assert PushSubscription.objects.filter(user=anna).count() == MAX_PUSH_SUBSCRIPTIONS
    # Registering a device that is already mine again is no new device.
    assert register(client, push_service, "device-0").status_code == 200


def test_a_browser_taken_by_another_account_tells_its_former_owner_in_their_settings(
    client_for, anna, cas, push_service
):
    assert register(client_for(anna), push_service, "shared").status_code == 201
    assert client_for(anna).get(PREFERENCES).json()["device_moved_at"] is None

    moved = register(client_for(cas), push_service, "shared")

    assert moved.status_code == 200
    assert PushSubscription.objects.get().user == cas
    notice = client_for(anna).get(PREFERENCES).json()["device_moved_at"]
    assert notice is not None
    # Only anna's own settings say it; cas sees nothing about anna.
    assert client_for(cas).get(PREFERENCES).json()["device_moved_at"] is None
    assert "anna" not in moved.content.decode().lower()

    dismissed = client_for(anna).patch(PREFERENCES, {"device_moved_seen": True}, format="json")
    assert dismissed.status_code == 200
    assert NotificationPreference.objects.get(user=anna).device_moved_at is None


def test_the_notice_is_never_sent_by_push_or_email(client_for, anna, cas, push_service):
    register(client_for(anna), push_service, "shared")
    before = timezone.now()
    register(client_for(cas), push_service, "shared")
    assert NotificationPreference.objects.get(user=anna).device_moved_at >= before
    assert not OutboxMessage.objects.exists()

"""The endpoints the PWA calls: the VAPID key, this device's subscription, my choices."""

import pytest

from notifications.models import NotificationPreference, PushSubscription
from notifications.vapid import _dev_key_pair

pytestmark = pytest.mark.django_db

KEYS = {
    "p256dh": (
        "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"
    ),
    "auth": "tBHItJI5svbpez7KI4CCXg",
}


def subscription_body(push_service, name="phone"):
    return {"endpoint": f"{push_service.origin}/push/{name}", "keys": KEYS, "user_agent": "Pixel"}


def test_it_gives_the_vapid_public_key(client_for, anna, settings):
    response = client_for(anna).get("/api/notifications/vapid-public-key/")
    assert response.status_code == 200
    assert response.json() == {"public_key": settings.VAPID_PUBLIC_KEY}


def test_without_keys_in_production_the_public_key_is_empty(client_for, anna, settings):
    settings.IS_PRODUCTION = True
    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = ""
    response = client_for(anna).get("/api/notifications/vapid-public-key/")
    assert response.json() == {"public_key": ""}


def test_the_embedded_default_generates_keys_once_into_var(client_for, anna, settings, tmp_path):
    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = ""
    settings.VAR_DIR = tmp_path
    first = _dev_key_pair()
    assert (tmp_path / "vapid-keys.json").stat().st_mode & 0o777 == 0o600
    assert _dev_key_pair() == first
    assert len(first[0]) == 87 and len(first[1]) == 43


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", "/api/notifications/vapid-public-key/"),
        ("get", "/api/notifications/subscriptions/"),
        ("get", "/api/notifications/preferences/"),
        ("patch", "/api/notifications/preferences/"),
    ],
)
def test_anonymous_people_get_401(api, method, path):
    response = getattr(api, method)(path, {}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_it_registers_this_device_once(client_for, anna, push_service):
    client = client_for(anna)
    first = client.post(
        "/api/notifications/subscriptions/", subscription_body(push_service), format="json"
    )
    again = client.post(
        "/api/notifications/subscriptions/", subscription_body(push_service), format="json"
    )

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert set(first.json()) == {"id", "endpoint", "user_agent", "created_at", "last_used_at"}
    listed = client.get("/api/notifications/subscriptions/").json()
    assert [item["user_agent"] for item in listed] == ["Pixel"]


def test_a_shared_device_belongs_to_whoever_registered_it_last(
    client_for, anna, bram, push_service
):
    client_for(anna).post(
        "/api/notifications/subscriptions/", subscription_body(push_service), format="json"
    )
    client_for(bram).post(
        "/api/notifications/subscriptions/", subscription_body(push_service), format="json"
    )

    assert client_for(anna).get("/api/notifications/subscriptions/").json() == []
    assert PushSubscription.objects.get().user == bram


def test_people_see_and_remove_only_their_own_devices(client_for, anna, cas, push_service):
    created = (
        client_for(anna)
        .post("/api/notifications/subscriptions/", subscription_body(push_service), format="json")
        .json()
    )
    path = f"/api/notifications/subscriptions/{created['id']}/"

    assert client_for(cas).get("/api/notifications/subscriptions/").json() == []
    response = client_for(cas).delete(path)
    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert client_for(anna).delete(path).status_code == 204
    assert not PushSubscription.objects.exists()
    assert client_for(anna).delete(path).status_code == 404


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://attacker.example/push/1",
        "https://fcm.googleapis.com.attacker.example/push/1",
        "http://fcm.googleapis.com/push/1",
    ],
)
def test_only_known_push_services_over_https_are_accepted(client_for, anna, settings, endpoint):
    settings.PUSH_SERVICE_HOSTS = ["fcm.googleapis.com"]
    settings.PUSH_ALLOW_HTTP = False
    response = client_for(anna).post(
        "/api/notifications/subscriptions/",
        {"endpoint": endpoint, "keys": KEYS},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "push_service_not_supported"
    assert not PushSubscription.objects.exists()


def test_a_real_push_service_endpoint_is_accepted(client_for, anna, settings):
    settings.PUSH_SERVICE_HOSTS = ["fcm.googleapis.com"]
    settings.PUSH_ALLOW_HTTP = False
    response = client_for(anna).post(
        "/api/notifications/subscriptions/",
        {"endpoint": "https://fcm.googleapis.com/fcm/send/abc", "keys": KEYS},
        format="json",
    )
    assert response.status_code == 201


def test_a_subscription_without_keys_is_refused(client_for, anna, push_service):
    body = subscription_body(push_service)
    del body["keys"]
    response = client_for(anna).post("/api/notifications/subscriptions/", body, format="json")
    assert response.status_code == 400
    assert "keys" in response.json()["fields"]


def test_the_defaults_are_discreet_and_quiet_at_night(client_for, anna):
    response = client_for(anna).get("/api/notifications/preferences/")

    assert response.status_code == 200
    body = response.json()
    assert body["detailed_texts"] is False
    assert body["weekly_reminder"] is False
    assert body["daily_reminder"] is False
    assert body["email_enabled"] is True
    assert (body["quiet_hours_start"], body["quiet_hours_end"]) == ("22:00", "08:00")
    assert body["timezone"] == "Europe/Amsterdam"
    assert body["events"]["partner_started"] == {"push": True, "email": True}
    assert body["events"]["partner_waiting"] == {"push": True, "email": False}
    assert set(body["events"]) == {
        "partner_started",
        "partner_waiting",
        "ready_to_reveal",
        "assignment_created",
        "assignment_due",
        "weekly_reminder",
        "daily_question",
        "session_shared",
        "assignment_overdue",
    }
    assert not NotificationPreference.objects.exists()


def test_it_changes_only_what_was_sent(client_for, anna):
    client = client_for(anna)
    response = client.patch(
        "/api/notifications/preferences/",
        {
            "events": {"partner_started": {"email": False}},
            "detailed_texts": True,
            "quiet_hours_start": None,
            "timezone": "America/New_York",
        },
        format="json",
    )

    assert response.status_code == 200
    body = client.get("/api/notifications/preferences/").json()
    assert body["events"]["partner_started"] == {"push": True, "email": False}
    assert body["events"]["ready_to_reveal"] == {"push": True, "email": True}
    assert body["detailed_texts"] is True
    assert body["quiet_hours_start"] is None
    assert body["quiet_hours_end"] == "08:00"
    assert body["timezone"] == "America/New_York"


@pytest.mark.parametrize(
    "body, field",
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"quiet_hours_start": "25:00"}, "quiet_hours_start"),
        ({"quiet_hours_start": "22:00:00"}, "quiet_hours_start"),
        ({"quiet_hours_end": "8 uur"}, "quiet_hours_end"),
        ({"events": {"partner_started": {"push": "maybe"}}}, "events"),
        ({"detailed_texts": None}, "detailed_texts"),
    ],
)
def test_bad_preferences_get_400_with_field_messages(client_for, anna, body, field):
    response = client_for(anna).patch("/api/notifications/preferences/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_the_schema_documents_the_endpoints(client):
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    for path in (
        "/api/notifications/vapid-public-key/",
        "/api/notifications/subscriptions/",
        "/api/notifications/subscriptions/{subscription_id}/",
        "/api/notifications/preferences/",
        "/api/notifications/unsubscribe/{token}/",
    ):
        assert path in paths

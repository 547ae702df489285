"""People see their signed-in devices and end any of them (allauth's user sessions)."""

from __future__ import annotations

from rest_framework.test import APIClient

from tests.factories import password_of


def signed_in(user, agent: str) -> APIClient:
    client = APIClient(HTTP_USER_AGENT=agent)
    response = client.post(
        "/_allauth/browser/v1/auth/login",
        {"email": user.email, "password": password_of(user)},
        format="json",
    )
    assert response.status_code == 200
    return client


def test_anna_lists_her_devices_and_ends_the_other_one(anna, bram):
    phone = signed_in(anna, "Anna's phone")
    laptop = signed_in(anna, "Anna's laptop")
    signed_in(bram, "Bram's phone")

    listed = phone.get("/_allauth/browser/v1/auth/sessions").json()["data"]

    assert sorted(device["user_agent"] for device in listed) == ["Anna's laptop", "Anna's phone"]
    other = next(device for device in listed if not device["is_current"])
    assert other["user_agent"] == "Anna's laptop"

    ended = phone.delete(
        "/_allauth/browser/v1/auth/sessions", {"sessions": [other["id"]]}, format="json"
    )

    assert ended.status_code == 200
    assert laptop.get("/api/me/").status_code == 401
    assert phone.get("/api/me/").status_code == 200
    assert [d["user_agent"] for d in ended.json()["data"]] == ["Anna's phone"]


def test_anna_cannot_end_brams_device(anna, bram):
    phone = signed_in(anna, "Anna's phone")
    brams = signed_in(bram, "Bram's phone")
    brams_id = brams.get("/_allauth/browser/v1/auth/sessions").json()["data"][0]["id"]

    response = phone.delete(
        "/_allauth/browser/v1/auth/sessions", {"sessions": [brams_id]}, format="json"
    )

    assert response.status_code == 400
    assert brams.get("/api/me/").status_code == 200

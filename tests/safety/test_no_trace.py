"""Safety actions leave no trace outside the person's own safety data: no cache, no email."""

import uuid

import pytest

from tests.factories import all_no, one_yes

pytestmark = pytest.mark.django_db

REPORT = "/api/safety/reports/"


def _calls(report_id):
    return [
        ("get", "/api/safety/check-in/", None),
        ("post", "/api/safety/check-in/", {"alone": True, "answers": one_yes()}),
        ("post", "/api/safety/check-in/", {"alone": False}),
        ("post", "/api/safety/check-in/", {"alone": True}),
        ("get", REPORT, None),
        ("post", REPORT, {"note": "x"}),
        ("post", REPORT, {"note": "x" * 6000}),
        ("get", f"{REPORT}{report_id}/", None),
        ("patch", f"{REPORT}{report_id}/", {"share_with_therapist": True}),
        ("get", f"{REPORT}{uuid.uuid4()}/", None),
        ("get", "/api/safety/resources/?country=NL", None),
        ("get", "/api/safety/resources/?country=NLD", None),
        ("get", "/api/safety/status/", None),
        ("post", "/api/safety/resume/", None),
    ]


def test_every_safety_response_carries_no_store(client_for, api, anna):
    client = client_for(anna)
    report_id = client.post(REPORT, {}, format="json").json()["report"]["id"]
    statuses = set()
    for caller in (client, api):
        for method, url, payload in _calls(report_id):
            response = getattr(caller, method)(url, payload, format="json")
            statuses.add(response.status_code)
            assert "no-store" in response["Cache-Control"], (method, url, response.status_code)
    # The list covers successes, validation errors, 401, 404 and 409.
    assert {200, 201, 400, 401, 404, 409} <= statuses


def test_no_safety_action_sends_any_email(client_for, check_in, anna, mailoutbox, clock):
    client = client_for(anna)
    check_in(anna, all_no())
    check_in(anna, one_yes())
    check_in(anna, one_yes(), alone=False)
    client.post(REPORT, {"note": "help", "share_with_therapist": True}, format="json")
    client.post("/api/safety/resume/", format="json")
    clock.move(hours=25)
    client.post("/api/safety/resume/", format="json")
    client.get("/api/safety/status/")
    assert mailoutbox == []

"""Issue 23, findings 4 and 5: every JSON body passes one loader (``project.jsoninput``) that
refuses text that is not valid Unicode (a lone surrogate) and nesting deeper than 32 levels,
with 400 and a stable code, before any view, serializer or allauth form sees it. Before, a
partner's lone surrogate was stored and broke the other partner's view and export (500), and
3 KB of brackets answered 500 on every JSON endpoint."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from notifications.models import PushSubscription
from project import jsoninput
from safety.models import SafetyReport
from tests.factories import fresh_check_in, link, publish, therapist_link
from tests.mfa import give_totp
from therapists.models import TherapistApplication

pytestmark = pytest.mark.django_db

LONE = "\ud800"
DEEP = "[" * 1500 + "]" * 1500  # 3 KB


def send(client, method: str, url: str, body) -> object:
    """``body`` as JSON text with every non-ASCII character escaped (``\\ud800`` stays an
    escape, as a hostile client would send it); a str is sent as it is."""
    data = body if isinstance(body, str) else json.dumps(body)
    return client.generic(method, url, data.encode(), content_type="application/json")


def refused(response, code: str) -> bool:
    return response.status_code == 400 and response.json()["code"] == code


@pytest.fixture
def started(anna, bram, client_for) -> dict:
    """anna and bram in a couple, a session of a published exercise under way."""
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    version = publish()
    response = client_for(anna).post(
        "/api/sessions/", {"exercise": version.exercise.slug}, format="json"
    )
    assert response.status_code == 201
    return response.json()


def text_prompt(session: dict) -> str:
    return next(p["id"] for p in session["prompts"] if p["kind"] == "text")


# ---- the loader ------------------------------------------------------------------------------


def test_it_reads_32_levels_and_refuses_33():
    assert jsoninput.loads("[" * 32 + "]" * 32) is not None
    with pytest.raises(jsoninput.JSONInputError) as refused_:
        jsoninput.loads("[" * 33 + "]" * 33)
    assert refused_.value.code == "too_deeply_nested"


def test_brackets_inside_text_do_not_count_as_nesting():
    text = json.dumps({"value": "[" * 100 + '\\"{' * 50})
    assert jsoninput.loads(text) == {"value": "[" * 100 + '\\"{' * 50}


@pytest.mark.parametrize(
    "text",
    ['"\\ud800"', '{"\\udfff": 1}', '["ok", ["\\ud83d"]]', '{"a": {"b": "x\\ude00y"}}'],
)
def test_a_lone_surrogate_anywhere_is_refused(text):
    with pytest.raises(jsoninput.JSONInputError) as refused_:
        jsoninput.loads(text)
    assert refused_.value.code == "invalid_unicode"


def test_a_surrogate_pair_is_one_valid_character():
    assert jsoninput.loads('"\\ud83d\\ude00"') == "\U0001f600"


def test_bytes_that_are_not_utf8_are_refused():
    with pytest.raises(jsoninput.JSONInputError) as refused_:
        jsoninput.loads(b'"\xff"')
    assert refused_.value.code == "invalid_unicode"


def test_an_unterminated_string_is_plain_invalid_json():
    with pytest.raises(ValueError, match="Unterminated string"):
        jsoninput.loads('["' + '\\"' * 10_000)


def test_nan_is_not_json():
    with pytest.raises(ValueError, match="NaN"):
        jsoninput.loads("[NaN]")


# ---- every free-text field, through the API ----------------------------------------------------


def test_a_lone_surrogate_in_an_answer_is_refused_and_the_partner_still_sees_the_session(
    anna, bram, client_for, started
):
    url = f"/api/sessions/{started['id']}/answers/{text_prompt(started)}/"
    bram_client = client_for(bram)
    assert send(bram_client, "PUT", url, {"value": "Gewoon", "keep_private": False}).status_code
    assert refused(
        send(bram_client, "PUT", url, {"value": LONE, "keep_private": False}), "invalid_unicode"
    )

    annas = client_for(anna)
    assert annas.get(f"/api/sessions/{started['id']}/").status_code == 200
    # The export is behind a fresh password; what matters here is that it is not a 500.
    assert annas.get("/api/me/export/").status_code != 500
    bram_view = bram_client.get(f"/api/sessions/{started['id']}/").json()
    assert [a["value"] for a in bram_view["me"]["answers"]] == ["Gewoon"]


def test_a_lone_surrogate_in_a_display_name_is_refused(anna, client_for):
    response = send(client_for(anna), "PATCH", "/api/me/", {"display_name": f"An{LONE}na"})
    assert refused(response, "invalid_unicode")
    anna.refresh_from_db()
    assert anna.display_name == "Anna"


def test_a_lone_surrogate_in_a_report_note_is_refused(anna, client_for):
    response = send(client_for(anna), "POST", "/api/safety/reports/", {"note": LONE})
    assert refused(response, "invalid_unicode")
    assert not SafetyReport.objects.exists()


def test_a_lone_surrogate_in_a_therapist_application_is_refused(cas, client_for):
    body = {"name": f"Cas{LONE}", "practice": "Praktijk", "registration_number": "12345678901"}
    response = send(client_for(cas), "POST", "/api/therapist/application/", body)
    assert refused(response, "invalid_unicode")
    assert not TherapistApplication.objects.exists()


def test_a_lone_surrogate_in_an_assignment_note_is_refused(anna, bram, thea, client_for):
    fresh_check_in(anna)
    fresh_check_in(bram)
    couple = link(anna, bram)
    give_totp(thea)
    therapist_link(thea, anna, bram)
    version = publish()
    body = {"exercise": version.exercise.slug, "note": f"Voor {LONE} volgende week"}
    response = send(
        client_for(thea), "POST", f"/api/therapist/couples/{couple.pk}/assignments/", body
    )
    assert refused(response, "invalid_unicode")
    assert client_for(anna).get("/api/assignments/").json() == []


def test_a_lone_surrogate_in_a_push_device_name_is_refused(anna, client_for):
    body = {
        "endpoint": "https://fcm.googleapis.com/fcm/send/abc",
        "keys": {"p256dh": "BNcR", "auth": "tBHI"},
        "user_agent": f"Pixel {LONE}",
    }
    response = send(client_for(anna), "POST", "/api/notifications/subscriptions/", body)
    assert refused(response, "invalid_unicode")
    assert not PushSubscription.objects.exists()


def test_a_lone_surrogate_in_a_signup_display_name_is_refused():
    client = Client(enforce_csrf_checks=False)
    body = {"email": "new@example.com", "password": "a-Long-Secret-9", "display_name": LONE}
    response = send(client, "POST", "/_allauth/browser/v1/auth/signup", body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "invalid_unicode"


def test_a_lone_surrogate_in_a_password_at_login_is_refused(anna):
    body = {"email": anna.email, "password": LONE}
    response = send(Client(), "POST", "/_allauth/browser/v1/auth/login", body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "invalid_unicode"


# ---- deep nesting, through the API -------------------------------------------------------------


def test_a_deeply_nested_answer_is_refused(bram, client_for, started):
    url = f"/api/sessions/{started['id']}/answers/{text_prompt(started)}/"
    body = '{"value": ' + DEEP + ', "keep_private": false}'
    assert refused(send(client_for(bram), "PUT", url, body), "too_deeply_nested")


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("PATCH", "/api/me/"),
        ("POST", "/api/safety/reports/"),
        ("POST", "/api/safety/check-in/"),
        ("PATCH", "/api/notifications/preferences/"),
        ("POST", "/api/notifications/subscriptions/"),
    ],
)
def test_a_deeply_nested_body_is_a_400_not_a_500(anna, client_for, method, url):
    assert refused(send(client_for(anna), method, url, DEEP), "too_deeply_nested")


def test_a_deeply_nested_body_at_allauth_is_a_400_not_a_500():
    response = send(Client(), "POST", "/_allauth/browser/v1/auth/login", '{"email": ' + DEEP + "}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "too_deeply_nested"

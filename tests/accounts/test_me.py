import pytest

pytestmark = pytest.mark.django_db


def test_it_shows_my_profile(client_for, anna):
    response = client_for(anna).get("/api/me/")
    assert response.status_code == 200
    assert response.json() == {
        "id": str(anna.id),
        "email": "anna@example.com",
        "display_name": "Anna",
        "language": "nl",
        "country": "NL",
        "is_therapist": False,
    }


def test_it_updates_name_language_and_country(client_for, anna):
    response = client_for(anna).patch(
        "/api/me/", {"display_name": " Anna B ", "language": "en", "country": "be"}, format="json"
    )
    assert response.status_code == 200
    anna.refresh_from_db()
    assert (anna.display_name, anna.language, anna.country) == ("Anna B", "en", "BE")


def test_responses_follow_my_profile_language_over_the_browser(client_for, anna):
    anna.language = "en"
    anna.save()
    response = client_for(anna).patch(
        "/api/me/", {"language": "xx"}, format="json", HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == 400
    assert response.json()["message"] == "Please check the highlighted fields."
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"display_name": "   "}, "display_name"),
        ({"display_name": "x" * 61}, "display_name"),
        ({"language": "fr"}, "language"),
        ({"country": "NLD"}, "country"),
    ],
)
def test_bad_profile_input_is_a_400_with_field_messages(client_for, anna, payload, field):
    response = client_for(anna).patch("/api/me/", payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["fields"]
    anna.refresh_from_db()
    assert anna.display_name == "Anna"


def test_nobody_can_make_themselves_a_therapist(client_for, anna):
    response = client_for(anna).patch("/api/me/", {"is_therapist": True}, format="json")
    assert response.status_code == 200
    anna.refresh_from_db()
    assert anna.is_therapist is False


def test_the_app_client_token_authenticates_the_api(anna):
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import Client

    session = SessionStore()
    session["_auth_user_id"] = str(anna.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = anna.get_session_auth_hash()
    session.create()
    # The app client's session token is the session key (allauth's default strategy).
    token = session.session_key
    response = Client().get("/api/me/", HTTP_X_SESSION_TOKEN=token)
    assert response.status_code == 200
    assert response.json()["email"] == "anna@example.com"
    assert Client().get("/api/me/", HTTP_X_SESSION_TOKEN="nonsense").status_code == 401

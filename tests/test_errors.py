"""Errors under /api/ are JSON with a stable code, never an HTML page."""

import pytest
from django.test import override_settings
from django.urls import path
from rest_framework.views import APIView

pytestmark = pytest.mark.django_db


class Boom(APIView):
    permission_classes = []

    def get(self, request):
        raise RuntimeError("boom")


urlpatterns = [path("api/boom/", Boom.as_view())]
handler500 = "project.edge.handler500"


def test_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/does-not-exist/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"


def test_anonymous_me_is_a_json_401_with_a_code(client):
    response = client.get("/api/me/")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_error_messages_follow_the_accept_language(client):
    response = client.get("/api/does-not-exist/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.json()["message"] == "Niet gevonden."
    response = client.get("/api/does-not-exist/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["message"] == "Not found."


@override_settings(ROOT_URLCONF=__name__)
def test_an_unexpected_error_is_a_json_500_without_details():
    from django.test import Client

    response = Client(raise_request_exception=False).get("/api/boom/")
    assert response.status_code == 500
    assert response.json() == {
        "code": "server_error",
        "message": "Er ging bij ons iets mis.",
    }


def test_malformed_json_is_a_400_with_a_code(client_for, anna):
    response = client_for(anna).patch("/api/me/", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_csrf_failure_on_the_api_is_json(anna):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(anna)
    response = client.patch("/api/me/", {"display_name": "X"}, content_type="application/json")
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"]

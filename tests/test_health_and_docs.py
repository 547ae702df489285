from unittest import mock

import pytest

pytestmark = pytest.mark.django_db


def test_it_reports_healthy_when_database_and_channel_layer_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "channel_layer": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_it_reports_unavailable_when_the_channel_layer_fails(client):
    with mock.patch("project.health.get_channel_layer", side_effect=RuntimeError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["channel_layer"] == "failing"


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    assert "/api/me/" in schema.json()["paths"]
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"swagger" in docs.content.lower()


def test_allauth_config_and_its_openapi_spec_are_served(client):
    assert client.get("/_allauth/browser/v1/config").status_code == 200
    assert client.get("/_allauth/app/v1/config").status_code == 200
    spec = client.get("/_allauth/openapi.json")
    assert spec.status_code == 200
    assert "paths" in spec.json()

"""``/readyz``: ready only when the database answers, the channel layer carries a message and
the schema matches the code (a new release gets traffic after its migrations ran)."""

from unittest import mock

import pytest

from project import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget_schema_check(monkeypatch):
    monkeypatch.setattr(health, "_schema_current", False)


def test_it_is_ready_when_everything_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "database": "ok",
        "channel_layer": "ok",
        "migrations": "ok",
    }
    assert "no-cache" in response["Cache-Control"]


def test_it_is_not_ready_while_migrations_are_unapplied(client):
    with mock.patch.object(health.MigrationExecutor, "migration_plan", return_value=[("m", False)]):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "failing"


def test_it_is_not_ready_without_the_channel_layer(client):
    with mock.patch("project.health.get_channel_layer", side_effect=RuntimeError("down")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["channel_layer"] == "failing"

"""Issue 23, finding 7: ``rotate_field_keys`` reads a batch of tokens, then re-encrypts them.
Whatever the app saves in between (an answer, a pause) must survive: the command writes only
where the stored token is still the one it read (compare-and-swap). Before, it wrote by primary
key and put the older value back.

Real threads, each with its own connection, the app's own write committing between the
command's read and its write. PostgreSQL only, as in ``tests/pairing/test_concurrency.py``: the
SQLite test database lives in memory in shared-cache mode, where a second writer fails at once
("database table is locked") instead of waiting its turn."""

from __future__ import annotations

import threading

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from rest_framework.test import APIClient

from project.management.commands import rotate_field_keys
from tests.factories import fresh_check_in, link, publish

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's row locks between threads"
    ),
    pytest.mark.django_db(transaction=True),
]

OLD = Fernet.generate_key().decode()
NEW = Fernet.generate_key().decode()


def signed_in(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def rotate_while(model_name: str, write) -> None:
    """Run ``rotate_field_keys`` on its own thread. Once it has read the batch of
    ``model_name`` and before it writes it, ``write`` runs on a second thread and commits."""
    read = threading.Event()
    written = threading.Event()
    failures: list[BaseException] = []
    original = rotate_field_keys.Command._rotate_batch

    def between_read_and_write(self, model, names, batch):
        if model._meta.model_name == model_name and not read.is_set():
            read.set()
            assert written.wait(timeout=20), "the app's write never came"
        return original(self, model, names, batch)

    def rotation() -> None:
        try:
            call_command("rotate_field_keys")
        except BaseException as error:  # handed to the test below
            failures.append(error)
        finally:
            read.set()
            connection.close()

    def app() -> None:
        try:
            assert read.wait(timeout=20), "the rotation never read the batch"
            write()
        except BaseException as error:  # handed to the test below
            failures.append(error)
        finally:
            written.set()
            connection.close()

    rotate_field_keys.Command._rotate_batch = between_read_and_write
    try:
        threads = [threading.Thread(target=rotation), threading.Thread(target=app)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        rotate_field_keys.Command._rotate_batch = original
    assert not failures, failures
    assert not any(thread.is_alive() for thread in threads)


def test_an_answer_saved_during_a_rotation_keeps_its_new_value(anna, bram):
    annas = signed_in(anna)
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD]):
        fresh_check_in(anna)
        fresh_check_in(bram)
        link(anna, bram)
        version = publish()
        session = annas.post("/api/sessions/", {"exercise": version.exercise.slug}, format="json")
        assert session.status_code == 201
        prompt = next(p["id"] for p in session.json()["prompts"] if p["kind"] == "text")
        url = f"/api/sessions/{session.json()['id']}/answers/{prompt}/"
        saved = annas.put(url, {"value": "Eerste versie", "keep_private": False}, format="json")
        assert saved.status_code == 200

    def save_newer() -> None:
        response = signed_in(anna).put(
            url, {"value": "Nieuwere versie", "keep_private": False}, format="json"
        )
        assert response.status_code == 200

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW, OLD]):
        rotate_while("answer", save_newer)
        mine = annas.get(f"/api/sessions/{session.json()['id']}/").json()["me"]["answers"]
    assert [answer["value"] for answer in mine] == ["Nieuwere versie"]


def test_a_pause_made_during_a_rotation_is_not_undone(anna):
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD]):
        fresh_check_in(anna)
        assert signed_in(anna).get("/api/safety/status/").json()["paused"] is False

    def report() -> None:
        response = signed_in(anna).post("/api/safety/reports/", {"note": ""}, format="json")
        assert response.status_code == 201

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW, OLD]):
        rotate_while("safetystate", report)
        assert signed_in(anna).get("/api/safety/status/").json()["paused"] is True


def test_rows_nobody_touched_are_still_rotated(anna):
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD]):
        fresh_check_in(anna)
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW, OLD]):
        call_command("rotate_field_keys")
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW]):
        assert signed_in(anna).get("/api/safety/status/").json()["paused"] is False

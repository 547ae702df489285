"""Encryption at rest: ciphertext in the table, rotation under a new key, resumable."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection, models
from django.test import override_settings
from django.test.utils import isolate_apps

from project.crypto import EncryptedJSONField, decrypt, encrypt, is_under_newest_key

OLD = Fernet.generate_key().decode()
NEW = Fernet.generate_key().decode()
MARKER = "marker-7f3a-private-thought"


def test_it_round_trips_any_json_value():
    for value in ["tekst", 7, ["a", "b"], {"k": [1, 2]}, MARKER]:
        token = encrypt(value)
        assert MARKER not in token
        assert decrypt(token) == value


def test_the_command_finds_every_encrypted_field_in_the_project():
    from project.management.commands.rotate_field_keys import encrypted_fields

    for model, names in encrypted_fields():
        assert names
        assert all(isinstance(model._meta.get_field(n), EncryptedJSONField) for n in names)


@override_settings(FIELD_ENCRYPTION_KEYS=[NEW, OLD])
def test_the_first_key_encrypts_and_every_key_decrypts():
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD]):
        old_token = encrypt(MARKER)
    assert decrypt(old_token) == MARKER
    assert not is_under_newest_key(old_token)
    assert is_under_newest_key(encrypt(MARKER))


@pytest.fixture
def secret_model(django_db_blocker):
    with isolate_apps("project"):

        class Secret(models.Model):
            value = EncryptedJSONField(null=True)

            class Meta:
                app_label = "project"

            def __str__(self) -> str:
                return str(self.pk)

        with django_db_blocker.unblock(), connection.schema_editor() as editor:
            editor.create_model(Secret)
        yield Secret
        with django_db_blocker.unblock(), connection.schema_editor() as editor:
            editor.delete_model(Secret)


def _raw_values(model) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {model._meta.db_table} ORDER BY id")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db(transaction=True)
def test_the_table_holds_ciphertext_and_rotation_moves_every_row_to_the_new_key(
    secret_model, monkeypatch
):
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD]):
        for i in range(7):
            secret_model.objects.create(value={"text": f"{MARKER}-{i}"})
        secret_model.objects.create(value=None)
    assert all(MARKER not in (raw or "") for raw in _raw_values(secret_model))

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW, OLD]):
        # Simulate an interrupted run: the batch after the first fails, then the run resumes.
        from project.management.commands import rotate_field_keys

        original = rotate_field_keys.Command._rotate_batch
        calls = {"n": 0}

        def flaky(self, model, names, batch):
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("interrupted")
            return original(self, model, names, batch)

        # The isolated test model lives outside the app registry the command scans.
        monkeypatch.setattr(
            rotate_field_keys, "encrypted_fields", lambda: [(secret_model, ["value"])]
        )
        monkeypatch.setattr(rotate_field_keys.Command, "_rotate_batch", flaky)
        with pytest.raises(RuntimeError):
            call_command("rotate_field_keys", batch_size=3)
        monkeypatch.setattr(rotate_field_keys.Command, "_rotate_batch", original)
        raws = [r for r in _raw_values(secret_model) if r]
        assert sum(is_under_newest_key(r) for r in raws) == 3

        call_command("rotate_field_keys", batch_size=3)
        raws = [r for r in _raw_values(secret_model) if r]
        assert all(is_under_newest_key(r) for r in raws)

    # Only the new key is needed now.
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW]):
        values = [s.value for s in secret_model.objects.order_by("id")]
    assert values[:7] == [{"text": f"{MARKER}-{i}"} for i in range(7)]
    assert values[7] is None

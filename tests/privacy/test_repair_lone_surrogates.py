"""Rows stored before lone surrogates were refused are repaired by a data migration: the
partner's view and the export work again, and nothing else in the text changes."""

import importlib

import pytest
from django.apps import apps

from sessions.models import Answer
from tests.factories import submitted_session

pytestmark = pytest.mark.django_db

migration = importlib.import_module("privacy.migrations.0001_repair_lone_surrogates")


def test_it_replaces_only_lone_surrogates_in_nested_values():
    value = {"a": ["ok", "bad \ud800 here"], "b": 3, "c": "fine 😀"}
    assert migration.repaired(value) == {"a": ["ok", "bad \ufffd here"], "b": 3, "c": "fine 😀"}
    assert migration.repaired({"a": ["ok"], "c": "fine 😀"}) is None


def test_a_stored_answer_with_a_lone_surrogate_is_repaired(anna, bram, anna_and_bram, version):
    session = submitted_session(anna, bram, version)
    answer = Answer.objects.filter(session=session, user=bram, value__isnull=False).first()
    assert answer is not None
    # As it could be stored before the JSON loader refused it.
    Answer.objects.filter(pk=answer.pk).update(value="before \ud800 after")
    migration.repair(apps, None)
    answer.refresh_from_db()
    assert answer.value == "before \ufffd after"
    assert answer.value.encode("utf-8")

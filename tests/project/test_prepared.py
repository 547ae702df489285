"""``project.prepared``: a query compiled once gives what the ORM gives, for any values, and a
query that cannot be compiled once is refused instead of run with a wrong value."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import F, OuterRef, Subquery, UUIDField
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from project import prepared
from safety.selectors import gate_annotations
from sessions.models import Answer, CoupleSession, SessionParticipant
from tests.factories import fresh_check_in, report_unsafe, submitted_session

pytestmark = pytest.mark.django_db


def _session_with_facts(user_id, session_id, prompt_id):
    """Every kind of value a live read takes: a UUID subquery, the safety facts (an encrypted
    JSON and a date-time), an encrypted answer and a flag."""
    members = SessionParticipant.objects.filter(session=OuterRef("pk")).order_by("user_id")
    answer = Answer.objects.filter(session=OuterRef("pk"), user=user_id, prompt_id=prompt_id)
    return CoupleSession.objects.filter(pk=session_id).annotate(
        first_member=Subquery(members.values("user_id")[:1], output_field=UUIDField()),
        value=Subquery(answer.values("value")[:1], output_field=Answer._meta.get_field("value")),
        private=Subquery(answer.values("keep_private")[:1]),
        **gate_annotations(user_id),
    )


NAMES = ("first_member", "value", "private", "safety_pause_data", "safety_last_check_in_at")


def _orm(user, session, prompt_id) -> dict:
    row = _session_with_facts(user.pk, session.pk, prompt_id).get()
    return {name: getattr(row, name) for name in ("pk", "status", "updated_at", *NAMES)}


def _prepared(key, user, session, prompt_id) -> dict:
    rows = prepared.prepared_rows(key, _session_with_facts, user.pk, session.pk, prompt_id)
    assert len(rows) == 1
    return {name: getattr(rows[0], name) for name in ("pk", "status", "updated_at", *NAMES)}


def test_it_gives_what_the_orm_gives_for_each_person_and_session(
    anna, bram, dirk, ella, dirk_and_ella, ready_session, version
):
    report_unsafe(bram)  # a pause: bram's facts differ from anna's
    fresh_check_in(anna)
    prompt_id = ready_session.version.prompts.order_by("position").first().id
    key = ("test-facts", uuid.uuid4())
    for user in (anna, bram, anna):
        expected = _orm(user, ready_session, prompt_id)
        assert expected["value"] is not None, "the answers were written"
        assert _prepared(key, user, ready_session, prompt_id) == expected
    other = submitted_session(dirk, ella, version)  # another couple: another row, other values
    for user in (dirk, anna):
        assert _prepared(key, user, other, prompt_id) == _orm(user, other, prompt_id)


def test_the_sql_is_built_twice_once_and_then_never(anna, ready_session):
    built = []

    def build(session_id):
        built.append(session_id)
        return CoupleSession.objects.filter(pk=session_id)

    key = ("test-once", uuid.uuid4())
    first = prepared.prepared_rows(key, build, ready_session.pk)
    assert [row.pk for row in first] == [ready_session.pk]
    assert len(built) == 2, "two compilations with stand-ins, to find where the value goes"
    assert ready_session.pk not in built, "compiled with stand-ins, never the real value"
    with CaptureQueriesContext(connection) as queries:
        again = prepared.prepared_rows(key, build, ready_session.pk)
        missing = prepared.prepared_rows(key, build, uuid.uuid4())
    assert [row.pk for row in again] == [ready_session.pk]
    assert missing == []
    assert len(built) == 2
    assert len(queries) == 2


def test_a_query_that_reads_the_clock_is_refused(ready_session):
    def build(session_id):
        return CoupleSession.objects.filter(pk=session_id, created_at__lte=timezone.now())

    with pytest.raises(ImproperlyConfigured, match="not one of its arguments"):
        prepared.prepared_rows(("test-clock", uuid.uuid4()), build, ready_session.pk)


def test_a_query_whose_sql_changes_is_refused(ready_session):
    calls = []

    def build(session_id):
        calls.append(session_id)
        query = CoupleSession.objects.filter(pk=session_id)
        return query.annotate(extra=F("current_index")) if len(calls) > 1 else query

    with pytest.raises(ImproperlyConfigured, match="not preparable"):
        prepared.prepared_rows(("test-changes", uuid.uuid4()), build, ready_session.pk)


@pytest.mark.parametrize("value", [True, 1.5, None, b"bytes"])
def test_only_ids_numbers_and_text_are_arguments(ready_session, value):
    with pytest.raises(ImproperlyConfigured):
        prepared.prepared_rows(
            ("test-kinds", uuid.uuid4()),
            lambda session_id, other: CoupleSession.objects.filter(pk=session_id),
            ready_session.pk,
            value,
        )


def test_an_integer_and_a_text_argument_find_their_places(ready_session):
    key = ("test-int-text", uuid.uuid4())

    def build(session_id, index, status):
        return CoupleSession.objects.filter(pk=session_id, current_index=index, status=status)

    status, index = ready_session.status, ready_session.current_index
    assert [row.pk for row in prepared.prepared_rows(key, build, ready_session.pk, index, status)]
    assert not prepared.prepared_rows(key, build, ready_session.pk, index + 1, status)
    assert not prepared.prepared_rows(key, build, ready_session.pk, index, "ended")

"""allauth's per-request "last seen" write of a signed-in session, at most once a minute
(issue 19, HTTP): requests within the minute write nothing to the user-session table."""

from __future__ import annotations

import pytest
from allauth.usersessions.models import UserSession
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if "usersessions_usersession" in q["sql"]
        and q["sql"].split()[0].upper() in ("INSERT", "UPDATE")
    ]


def _get(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/me/")
    assert response.status_code == 200, response.content
    return queries


def test_activity_is_written_once_a_minute_per_session(anna, client_for, clock):
    client = client_for(anna)
    first = _get(client)
    assert len(_writes(first)) >= 1
    seen = UserSession.objects.get(user=anna).last_seen_at
    clock.move(seconds=30)
    assert _writes(_get(client)) == []
    assert _writes(_get(client)) == []
    assert UserSession.objects.get(user=anna).last_seen_at == seen
    clock.move(seconds=31)
    assert len(_writes(_get(client))) >= 1
    assert UserSession.objects.get(user=anna).last_seen_at > seen

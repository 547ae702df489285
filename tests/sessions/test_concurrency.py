"""Races between the two partners, on PostgreSQL's row locks and unique indexes."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection

from sessions import services as session_services
from sessions.models import CoupleSession, PromptReveal

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL's row locks between threads (SQLite serialises whole writes)",
    ),
    pytest.mark.django_db(transaction=True),
]


def _at_once(*calls) -> list[object]:
    """Run each call in its own thread, released together; their results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # Each thread reports what it got; the test inspects it.
            results[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_both_partners_starting_the_same_exercise_at_once_make_one_session(
    anna, bram, anna_and_bram, version
):
    slug = version.exercise.slug
    results = _at_once(
        lambda: session_services.session_start(user=anna, exercise_slug=slug),
        lambda: session_services.session_start(user=bram, exercise_slug=slug),
    )
    started = [r for r in results if isinstance(r, CoupleSession)]
    refused = [r for r in results if isinstance(r, session_services.SessionAlreadyOpen)]
    assert len(started) == 1
    assert len(refused) == 1
    assert refused[0].session_id == started[0].id
    assert CoupleSession.objects.count() == 1


def test_both_partners_saying_ready_at_once_reveal_the_prompt_exactly_once(
    anna, bram, ready_session
):
    from tests.support.live import mark_present

    mark_present(ready_session, anna, bram)
    for _round in range(3):
        results = _at_once(
            lambda: session_services.reveal_ready(user=anna, session_id=ready_session.id),
            lambda: session_services.reveal_ready(user=bram, session_id=ready_session.id),
        )
        assert results == [None, None]
    assert list(
        PromptReveal.objects.filter(session=ready_session)
        .order_by("index")
        .values_list("index", flat=True)
    ) == [0, 1, 2]
    ready_session.refresh_from_db()
    assert ready_session.current_index == 3

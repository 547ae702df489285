"""Work that follows a commit, run where the caller says.

``transaction.on_commit`` runs its callbacks in the thread that committed. For the live reveal
that is Channels' one shared database thread, where a join's "partner is waiting" notification
(a transaction of its own) held up every other live action of the process during a wave of
arrivals (docs/performance.md). Inside ``jobs_collected`` the committed work is handed to the
caller instead, which runs it on another thread; anywhere else it runs at once after the commit,
as ``on_commit`` always did. A rolled-back change runs nothing either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.db import transaction

Job = Callable[[], Any]
T = TypeVar("T")

_collected: ContextVar[list[Job] | None] = ContextVar("after_commit_jobs", default=None)


@contextmanager
def collecting(into: ContextVar[list[T] | None]) -> Iterator[list[T]]:
    """A fresh list in ``into`` for the duration of the block: where committed work or
    announcements go instead of being run or sent (``jobs_collected``,
    ``sessions.events.events_collected``)."""
    items: list[T] = []
    token = into.set(items)
    try:
        yield items
    finally:
        into.reset(token)


def jobs_collected() -> AbstractContextManager[list[Job]]:
    """Collect the jobs that ``after_commit`` would run, for the caller to run elsewhere."""
    return collecting(_collected)


def after_commit(job: Job) -> None:
    """Run ``job`` once the current transaction commits (or collect it, see above)."""
    collected = _collected.get()

    def committed() -> None:
        if collected is None:
            job()
        else:
            collected.append(job)

    transaction.on_commit(committed)


def run_jobs(jobs: list[Job]) -> None:
    for job in jobs:
        job()

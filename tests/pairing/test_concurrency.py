"""Two phones press "accept" at the same moment: real threads, each with its own connection, so
the row lock and the partial unique index decide.

PostgreSQL only: the SQLite test database lives in memory in shared-cache mode, where a second
writer fails at once with "database table is locked" instead of waiting, so the race cannot be
shown there. CI runs the suite on PostgreSQL, where these run."""

import threading

import pytest
from django.db import connection

from pairing.models import Couple, CoupleMember
from pairing.services import invite_accept, invite_create
from project.errors import DomainError
from tests.factories import make_user

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's row locks between threads"
    ),
    pytest.mark.django_db(transaction=True),
]


def _race(*calls) -> list[str]:
    """Run each call on its own thread, released together; the outcome of each, in order."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = [""] * len(calls)

    def run(index: int, call) -> None:
        try:
            barrier.wait(timeout=10)
            call()
            outcomes[index] = "linked"
        except DomainError as error:
            outcomes[index] = error.code
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_the_same_invite_accepted_by_two_people_at_once_makes_one_couple():
    anna, bram, cas = make_user("anna"), make_user("bram"), make_user("cas")
    code = invite_create(inviter=anna).code

    outcomes = _race(
        lambda: invite_accept(user=bram, code=code),
        lambda: invite_accept(user=cas, code=code),
    )

    assert sorted(outcomes) == ["invite_invalid", "linked"]
    assert Couple.objects.count() == 1
    assert CoupleMember.objects.filter(active=True).count() == 2


def test_one_person_accepting_two_invites_at_once_ends_up_in_one_couple():
    anna, bram, cas = make_user("anna"), make_user("bram"), make_user("cas")
    annas_code = invite_create(inviter=anna).code
    cas_code = invite_create(inviter=cas).code

    outcomes = _race(
        lambda: invite_accept(user=bram, code=annas_code),
        lambda: invite_accept(user=bram, code=cas_code),
    )

    assert sorted(outcomes) == ["already_in_couple", "linked"]
    assert CoupleMember.objects.filter(user=bram, active=True).count() == 1

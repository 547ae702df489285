"""The database itself refuses a second active couple, whatever code path tries it."""

import itertools

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from pairing.models import Couple, CoupleMember, PartnerInvite
from pairing.services import couple_end, invite_accept, invite_create
from project.errors import DomainError


def _couple_of(*users) -> Couple:
    couple = Couple.objects.create()
    for seat, user in enumerate(users, start=1):
        CoupleMember.objects.create(couple=couple, user=user, seat=seat)
    return couple


def test_the_database_refuses_a_second_active_couple(anna, bram, cas, anna_and_bram):
    with pytest.raises(IntegrityError), transaction.atomic():
        _couple_of(cas, anna)


def test_the_database_allows_a_new_couple_after_the_old_one_ended(anna, bram, cas, anna_and_bram):
    couple_end(user=bram)

    assert _couple_of(anna, cas).members.count() == 2


def test_the_database_refuses_a_third_member(anna, bram, cas, anna_and_bram):
    with pytest.raises(IntegrityError), transaction.atomic():
        CoupleMember.objects.create(couple=anna_and_bram, user=cas, seat=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        CoupleMember.objects.create(couple=anna_and_bram, user=cas, seat=1)


def test_the_database_refuses_a_couple_with_one_person_twice(anna):
    couple = Couple.objects.create(ended_at=timezone.now())
    CoupleMember.objects.create(couple=couple, user=anna, seat=1, active=False)

    with pytest.raises(IntegrityError), transaction.atomic():
        CoupleMember.objects.create(couple=couple, user=anna, seat=2, active=False)


def test_the_database_refuses_two_open_invites_of_one_person(anna):
    expires = timezone.now()
    PartnerInvite.objects.create(inviter=anna, code_digest="a" * 64, expires_at=expires)

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerInvite.objects.create(inviter=anna, code_digest="b" * 64, expires_at=expires)


@pytest.mark.parametrize(
    "order", list(itertools.permutations(["anna>bram", "cas>anna", "bram>cas"]))
)
def test_no_order_of_calls_puts_anyone_in_two_couples(anna, bram, cas, order):
    people = {"anna": anna, "bram": bram, "cas": cas}
    invites = {}
    for step in order:
        invites[step] = invite_create(inviter=people[step.split(">")[0]])
    outcomes = []
    for step in order:
        try:
            invite_accept(user=people[step.split(">")[1]], code=invites[step].code)
            outcomes.append("linked")
        except DomainError as error:
            outcomes.append(error.code)

    assert outcomes[0] == "linked"
    assert set(outcomes[1:]) <= {"invite_invalid", "already_in_couple"}
    assert CoupleMember.objects.filter(active=True).count() == 2

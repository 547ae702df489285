"""Random sequences of create / accept / revoke / end by four people, checked after every step
against a small model of what should have happened and against the couple invariants."""

import pytest
from django.core.cache import cache
from django.db.models import Count
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from accounts.models import User
from pairing.models import Couple, CoupleMember, PartnerInvite
from pairing.selectors import active_couple_for, my_couple
from pairing.services import couple_end, invite_accept, invite_create, invite_revoke
from project.errors import DomainError
from tests.factories import make_user

PEOPLE = ["anna", "bram", "cas", "dirk"]
person = st.sampled_from(PEOPLE)


def _outcome(call) -> str:
    try:
        call()
    except DomainError as error:
        return error.code
    return "ok"


class Pairing(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        # Examples share one test transaction: start each from no couples and no invites.
        Couple.objects.all().delete()
        PartnerInvite.objects.all().delete()
        cache.clear()
        self.users = {key: User.objects.get(email=f"{key}@example.com") for key in PEOPLE}
        self.partner: dict[str, str | None] = dict.fromkeys(PEOPLE)
        self.codes: list[tuple[str, str]] = []  # (inviter, code), oldest first
        self.state: dict[str, str] = {}  # code -> open | used | revoked

    def _revoke_open_of(self, key: str) -> None:
        for inviter, code in self.codes:
            if inviter == key and self.state[code] == "open":
                self.state[code] = "revoked"

    @rule(who=person)
    def create(self, who):
        outcome = "ok"
        try:
            issued = invite_create(inviter=self.users[who])
        except DomainError as error:
            outcome = error.code
        if self.partner[who] is not None:
            assert outcome == "already_in_couple"
            return
        assert outcome == "ok"
        self._revoke_open_of(who)
        self.codes.append((who, issued.code))
        self.state[issued.code] = "open"

    @rule(who=person, pick=st.integers(min_value=0))
    def accept(self, who, pick):
        if not self.codes:
            return
        inviter, code = self.codes[pick % len(self.codes)]
        cache.clear()  # the lockout is tested elsewhere; here every attempt must reach the rules
        outcome = _outcome(lambda: invite_accept(user=self.users[who], code=code))
        if self.state[code] != "open":
            expected = "invite_invalid"
        elif inviter == who:
            expected = "invite_own"
        elif self.partner[who] is not None or self.partner[inviter] is not None:
            expected = "already_in_couple"
        else:
            expected = "ok"
        assert outcome == expected
        if outcome == "ok":
            self.state[code] = "used"
            self.partner[who], self.partner[inviter] = inviter, who
            self._revoke_open_of(who)
            self._revoke_open_of(inviter)

    @rule(who=person, pick=st.integers(min_value=0))
    def revoke(self, who, pick):
        if not self.codes:
            return
        inviter, code = self.codes[pick % len(self.codes)]
        outcome = _outcome(lambda: invite_revoke(inviter=self.users[who], code=code))
        expected = "ok" if inviter == who and self.state[code] == "open" else "not_found"
        assert outcome == expected
        if outcome == "ok":
            self.state[code] = "revoked"

    @rule(who=person)
    def end(self, who):
        outcome = _outcome(lambda: couple_end(user=self.users[who]))
        partner = self.partner[who]
        assert outcome == ("ok" if partner else "not_found")
        if partner:
            self.partner[who] = self.partner[partner] = None

    @rule(who=person, typed=st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZ-", max_size=10))
    def guess(self, who, typed):
        known = {code.replace("-", "") for _inviter, code in self.codes}
        if typed.replace("-", "") in known:
            return
        cache.clear()
        assert _outcome(lambda: invite_accept(user=self.users[who], code=typed)) == (
            "invite_invalid"
        )

    @invariant()
    def nobody_is_in_two_active_couples(self):
        busiest = (
            CoupleMember.objects.filter(active=True)
            .values("user")
            .annotate(n=Count("id"))
            .order_by("-n")
            .first()
        )
        assert busiest is None or busiest["n"] == 1

    @invariant()
    def every_couple_has_two_distinct_members_whose_flags_match_it(self):
        for couple in Couple.objects.prefetch_related("members"):
            members = list(couple.members.all())
            assert len({member.user_id for member in members}) == 2
            assert all(member.active == couple.is_active for member in members)

    @invariant()
    def the_database_agrees_with_the_model(self):
        for key, user in self.users.items():
            mine = my_couple(user=user)
            expected = self.partner[key]
            assert (mine.partner.email if mine else None) == (
                f"{expected}@example.com" if expected else None
            )
            assert (active_couple_for(user=user) is None) == (expected is None)
        assert PartnerInvite.objects.filter(used_at__isnull=False).count() == sum(
            1 for state in self.state.values() if state == "used"
        )


@pytest.mark.django_db
def test_random_sequences_keep_the_couple_invariants():
    for key in PEOPLE:
        make_user(key)

    run_state_machine_as_test(
        Pairing,
        settings=settings(
            max_examples=40,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )

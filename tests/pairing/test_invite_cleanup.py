"""The daily cleanup deletes partner invites nobody used, a week after they expired."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pairing.models import PartnerInvite
from pairing.services import INVITE_KEPT_AFTER_EXPIRY, invites_expired_delete

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def invite(inviter, expired_ago: timedelta, **fields) -> PartnerInvite:
    return PartnerInvite.objects.create(
        inviter=inviter,
        code_digest=f"digest-{PartnerInvite.objects.count()}",
        created_at=NOW - expired_ago - timedelta(hours=48),
        expires_at=NOW - expired_ago,
        **fields,
    )


def test_unused_invites_go_a_week_after_they_expired(anna, bram, cas, dirk):
    past_grace = INVITE_KEPT_AFTER_EXPIRY + timedelta(minutes=1)
    expired = invite(anna, past_grace)
    revoked = invite(bram, past_grace, revoked_at=NOW - past_grace - timedelta(hours=1))
    # Within the week: a late "accept" still hears that the code expired.
    recent = invite(cas, INVITE_KEPT_AFTER_EXPIRY - timedelta(minutes=1))
    # Used: part of how a couple came to be.
    used = invite(dirk, past_grace * 10, used_at=NOW - past_grace * 10 - timedelta(hours=1))

    assert invites_expired_delete(now=NOW) == 2
    assert set(PartnerInvite.objects.all()) == {recent, used}
    assert not PartnerInvite.objects.filter(pk__in=[expired.pk, revoked.pk]).exists()
    assert invites_expired_delete(now=NOW) == 0

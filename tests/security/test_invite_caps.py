"""Issue 23, "also close": a cap per person on open invites. A therapist may have at most 20
codes that no couple has accepted yet (before: no limit, an endless supply of doors into the
practice); a partner has one open invite at a time (a new one revokes the older)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone

from pairing.models import PartnerInvite
from tests.factories import fresh_check_in, link
from tests.mfa import give_totp
from therapists.services import MAX_OPEN_THERAPIST_INVITES

pytestmark = pytest.mark.django_db

INVITES = "/api/therapist/invites/"


@pytest.fixture
def practice(thea, client_for):
    give_totp(thea)
    return client_for(thea)


def make_codes(client, count: int) -> list[dict]:
    made = [client.post(INVITES) for _ in range(count)]
    assert [response.status_code for response in made] == [201] * count
    return [response.json() for response in made]


def test_a_therapist_has_at_most_20_codes_waiting(practice):
    assert MAX_OPEN_THERAPIST_INVITES == 20
    make_codes(practice, 20)
    refused = practice.post(INVITES)
    assert refused.status_code == 409
    assert refused.json()["code"] == "too_many_open_invites"
    assert len(practice.get(INVITES).json()) == 20


def test_revoking_a_code_makes_room_for_a_new_one(practice):
    codes = make_codes(practice, 20)
    assert practice.delete(f"{INVITES}{codes[0]['id']}/").status_code == 204
    assert practice.post(INVITES).status_code == 201


def test_expired_codes_do_not_count(practice):
    make_codes(practice, 20)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8), tick=False):
        assert practice.post(INVITES).status_code == 201


def test_a_code_a_partner_accepted_no_longer_counts(practice, anna, bram, client_for):
    fresh_check_in(anna)
    fresh_check_in(bram)
    link(anna, bram)
    codes = make_codes(practice, 20)
    accepted = client_for(anna).post(f"/api/pairing/therapist-invites/{codes[0]['code']}/accept/")
    assert accepted.status_code in (200, 201)
    assert practice.post(INVITES).status_code == 201


def test_a_partner_has_one_open_invite_at_a_time(anna, bram, client_for):
    annas = client_for(anna)
    made = [annas.post("/api/pairing/invites/") for _ in range(5)]
    assert [response.status_code for response in made] == [201] * 5
    open_invites = PartnerInvite.objects.filter(
        inviter=anna, used_at__isnull=True, revoked_at__isnull=True
    )
    assert open_invites.count() == 1
    brams = client_for(bram)
    assert brams.get(f"/api/pairing/invites/{made[0].json()['code']}/").status_code == 404
    assert brams.get(f"/api/pairing/invites/{made[-1].json()['code']}/").status_code == 200

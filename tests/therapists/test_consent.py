"""A therapist's link to a couple: a code, both partners' consent, and either side ends it."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from pairing.services import couple_end
from tests.factories import make_user, therapist_link
from tests.mfa import give_totp
from therapists.models import TherapistLink, TherapistLinkStatus
from therapists.services import therapist_invite_create

MINE = "/api/pairing/therapist/"


def accept_url(code: str) -> str:
    return f"/api/pairing/therapist-invites/{code}/accept/"


@pytest.fixture
def code(thea_mfa, client_for) -> str:
    response = client_for(thea_mfa).post("/api/therapist/invites/")
    assert response.status_code == 201
    return response.json()["code"]


def test_the_invite_gives_a_code_and_a_deadline(code, thea_mfa):
    assert len(code) == 9 and code[4] == "-"
    link = TherapistLink.objects.get(therapist=thea_mfa)
    assert link.status == TherapistLinkStatus.OPEN
    assert link.couple is None
    # Only a digest is stored.
    assert code.replace("-", "") not in link.code_digest


def test_a_partner_previews_who_invites_before_accepting(code, client_for, anna, anna_and_bram):
    response = client_for(anna).get(f"/api/pairing/therapist-invites/{code}/")
    assert response.status_code == 200
    assert response.json() == {"therapist": {"display_name": "Thea", "practice": ""}}


def test_one_consent_makes_the_link_pending(code, client_for, anna, anna_and_bram):
    response = client_for(anna).post(accept_url(code))
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "pending"
    assert body["you_accepted"] is True
    assert body["partner_accepted"] is False
    assert body["since"] is None
    assert body["therapist"]["display_name"] == "Thea"


def test_the_link_is_active_only_when_both_accepted(code, client_for, anna, bram, anna_and_bram):
    assert client_for(anna).post(accept_url(code)).status_code == 200
    assert TherapistLink.objects.get().status == TherapistLinkStatus.PENDING
    response = client_for(bram).post(accept_url(code))
    assert response.json()["state"] == "active"
    assert response.json()["partner_accepted"] is True
    link = TherapistLink.objects.get()
    assert link.status == TherapistLinkStatus.ACTIVE
    assert link.couple == anna_and_bram
    assert client_for(anna).get(MINE).json()["state"] == "active"


def test_accepting_twice_changes_nothing(code, client_for, anna, anna_and_bram):
    client = client_for(anna)
    assert client.post(accept_url(code)).status_code == 200
    response = client.post(accept_url(code))
    assert response.status_code == 200
    assert response.json()["state"] == "pending"


def test_another_couple_cannot_use_a_code_already_bound(
    code, client_for, anna, anna_and_bram, dirk, dirk_and_ella
):
    assert client_for(anna).post(accept_url(code)).status_code == 200
    response = client_for(dirk).post(accept_url(code))
    assert response.status_code == 404
    assert response.json()["code"] == "invite_invalid"


def test_a_single_person_cannot_accept(code, client_for, cas):
    response = client_for(cas).post(accept_url(code))
    assert response.status_code == 409
    assert response.json()["code"] == "no_couple"


def test_a_wrong_code_is_404_and_counts_towards_the_lockout(client_for, anna, anna_and_bram):
    client = client_for(anna)
    for _ in range(10):
        assert client.post(accept_url("AAAA-AAAA")).json()["code"] == "invite_invalid"
    assert client.post(accept_url("AAAA-AAAA")).status_code == 429


def test_an_expired_code_does_not_work(code, client_for, anna, anna_and_bram):
    TherapistLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client_for(anna).post(accept_url(code)).status_code == 404


def test_a_couple_has_at_most_one_therapist(linked, client_for, anna, db, anna_and_bram):
    theo = make_user("theo", is_therapist=True)
    give_totp(theo)
    other = therapist_invite_create(therapist=theo)
    response = client_for(anna).post(accept_url(other.code))
    assert response.status_code == 409
    assert response.json()["code"] == "therapist_already_linked"


def test_the_database_refuses_a_second_live_link_per_couple(linked, anna_and_bram, thea):
    with pytest.raises(IntegrityError), transaction.atomic():
        TherapistLink.objects.create(
            therapist=thea,
            couple=anna_and_bram,
            status=TherapistLinkStatus.PENDING,
            code_digest="x" * 64,
            expires_at=timezone.now(),
        )


def test_a_therapist_has_many_couples(
    thea_mfa, anna, bram, dirk, ella, anna_and_bram, dirk_and_ella
):
    therapist_link(thea_mfa, anna, bram)
    therapist_link(thea_mfa, dirk, ella)
    assert TherapistLink.objects.filter(therapist=thea_mfa, status="active").count() == 2


def test_an_expired_pending_link_gives_way_to_a_new_one(
    thea_mfa, client_for, anna, bram, anna_and_bram
):
    stale = therapist_link(thea_mfa, anna)
    TherapistLink.objects.filter(pk=stale.pk).update(expires_at=timezone.now())
    assert client_for(bram).get(MINE).json()["state"] == "expired"
    fresh = therapist_invite_create(therapist=thea_mfa)
    assert client_for(bram).post(accept_url(fresh.code)).json()["state"] == "pending"
    stale.refresh_from_db()
    assert stale.status == TherapistLinkStatus.ENDED


@pytest.mark.parametrize("who", ["anna", "bram"])
def test_either_partner_ends_the_link_alone(linked, client_for, who, request):
    partner = request.getfixturevalue(who)
    response = client_for(partner).delete(MINE)
    assert response.status_code == 204
    linked.refresh_from_db()
    assert linked.status == TherapistLinkStatus.ENDED
    assert linked.ended_by == partner
    assert client_for(request.getfixturevalue("anna")).get(MINE).status_code == 404


def test_a_partner_withdraws_a_pending_consent(thea_mfa, client_for, anna, bram, anna_and_bram):
    pending = therapist_link(thea_mfa, anna)
    assert client_for(bram).delete(MINE).status_code == 204
    pending.refresh_from_db()
    assert pending.status == TherapistLinkStatus.ENDED


def test_ending_without_a_therapist_is_404(client_for, anna, anna_and_bram):
    assert client_for(anna).delete(MINE).status_code == 404


def test_the_therapist_ends_the_link(linked, client_for, thea_mfa, anna, anna_and_bram):
    url = f"/api/therapist/couples/{anna_and_bram.pk}/"
    assert client_for(thea_mfa).get(url).status_code == 200
    assert client_for(thea_mfa).delete(url).status_code == 204
    assert client_for(thea_mfa).get(url).status_code == 404
    assert client_for(anna).get(MINE).status_code == 404


def test_ending_the_couple_ends_the_link_and_access_at_once(
    linked, client_for, thea_mfa, anna, anna_and_bram
):
    url = f"/api/therapist/couples/{anna_and_bram.pk}/"
    couple_end(user=anna)
    linked.refresh_from_db()
    assert linked.status == TherapistLinkStatus.ENDED
    assert client_for(thea_mfa).get(url).status_code == 404
    assert client_for(thea_mfa).get("/api/therapist/couples/").json() == []


def test_the_therapist_cannot_accept_their_own_code(code, client_for, thea_mfa):
    response = client_for(thea_mfa).post(accept_url(code))
    assert response.status_code == 400
    assert response.json()["code"] == "invite_own"

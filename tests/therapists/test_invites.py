"""A therapist lists their invites still waiting for consent and revokes one."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_user, therapist_link
from tests.mfa import give_totp
from therapists.models import TherapistLink, TherapistLinkStatus
from therapists.services import therapist_invite_accept, therapist_invite_create

pytestmark = pytest.mark.django_db

INVITES = "/api/therapist/invites/"


def test_the_list_shows_open_and_pending_invites_newest_first(
    client_for, thea_mfa, anna, anna_and_bram
):
    pending = therapist_invite_create(therapist=thea_mfa)
    therapist_invite_accept(user=anna, code=pending.code)
    opened = client_for(thea_mfa).post(INVITES).json()

    response = client_for(thea_mfa).get(INVITES)

    assert response.status_code == 200
    body = response.json()
    assert [(item["id"], item["state"]) for item in body] == [
        (opened["id"], "open"),
        (str(pending.link.id), "pending"),
    ]
    assert set(body[0]) == {"id", "state", "created_at", "expires_at"}
    # No code (only its digest is kept) and nothing about the couple before both consent.
    assert "Anna" not in response.content.decode()


def test_active_ended_expired_and_other_therapists_invites_are_left_out(
    client_for, thea_mfa, anna, bram, anna_and_bram
):
    therapist_link(thea_mfa, anna, bram)  # active
    ended = therapist_invite_create(therapist=thea_mfa).link
    TherapistLink.objects.filter(pk=ended.pk).update(status=TherapistLinkStatus.ENDED)
    expired = therapist_invite_create(therapist=thea_mfa).link
    TherapistLink.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    therapist_invite_create(therapist=make_user("tina", is_therapist=True))

    assert client_for(thea_mfa).get(INVITES).json() == []


def test_revoking_an_open_invite_makes_its_code_stop_working(
    client_for, thea_mfa, anna, anna_and_bram
):
    issued = client_for(thea_mfa).post(INVITES).json()

    response = client_for(thea_mfa).delete(f"{INVITES}{issued['id']}/")

    assert response.status_code == 204
    link = TherapistLink.objects.get(pk=issued["id"])
    assert (link.status, link.ended_by) == (TherapistLinkStatus.ENDED, thea_mfa)
    assert client_for(thea_mfa).get(INVITES).json() == []
    accept = client_for(anna).post(f"/api/pairing/therapist-invites/{issued['code']}/accept/")
    assert (accept.status_code, accept.json()["code"]) == (404, "invite_invalid")


def test_revoking_a_pending_invite_ends_the_half_consent(client_for, thea_mfa, anna, anna_and_bram):
    issued = therapist_invite_create(therapist=thea_mfa)
    therapist_invite_accept(user=anna, code=issued.code)
    assert client_for(anna).get("/api/pairing/therapist/").json()["state"] == "pending"

    assert client_for(thea_mfa).delete(f"{INVITES}{issued.link.id}/").status_code == 204

    assert client_for(anna).get("/api/pairing/therapist/").status_code == 404


def test_an_active_link_is_not_revoked_here(client_for, linked, thea_mfa):
    response = client_for(thea_mfa).delete(f"{INVITES}{linked.id}/")
    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    linked.refresh_from_db()
    assert linked.status == TherapistLinkStatus.ACTIVE


def test_another_therapists_invite_is_the_same_404_as_an_unknown_one(client_for, thea_mfa):
    tina = make_user("tina", is_therapist=True)
    theirs = therapist_invite_create(therapist=tina).link

    other = client_for(thea_mfa).delete(f"{INVITES}{theirs.id}/")
    unknown = client_for(thea_mfa).delete(f"{INVITES}{uuid.uuid4()}/")

    assert (other.status_code, other.json()) == (unknown.status_code, unknown.json())
    assert other.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == TherapistLinkStatus.OPEN


@pytest.mark.parametrize("method", ["get", "delete"])
def test_partners_and_therapists_without_mfa_are_refused_first(client_for, api, anna, thea, method):
    url = INVITES if method == "get" else f"{INVITES}{uuid.uuid4()}/"
    assert getattr(api, method)(url).status_code == 401
    assert getattr(client_for(anna), method)(url).json()["code"] == "not_a_therapist"
    assert getattr(client_for(thea), method)(url).json()["code"] == "mfa_required"
    give_totp(thea)
    assert getattr(client_for(thea), method)(url).status_code == (200 if method == "get" else 404)

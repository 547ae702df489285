from datetime import timedelta

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from pairing.codes import code_normalise
from pairing.models import PartnerInvite
from pairing.services import invite_accept, invite_create


def test_it_creates_an_invite_with_a_code_a_link_and_48_hours(client_for, anna):
    response = client_for(anna).post("/api/pairing/invites/")

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"code", "expires_at", "url"}
    assert code_normalise(body["code"]) is not None
    assert body["code"][4] == "-" and len(body["code"]) == 9
    assert body["url"] == f"/pair/{body['code']}"
    expected = timezone.now() + timedelta(hours=48)
    assert abs(parse_datetime(body["expires_at"]) - expected) < timedelta(seconds=10)


def test_it_keeps_only_a_digest_of_the_code(client_for, anna):
    code = client_for(anna).post("/api/pairing/invites/").json()["code"]

    invite = PartnerInvite.objects.get(inviter=anna)
    assert code_normalise(code) not in invite.code_digest
    assert len(invite.code_digest) == 64


def test_a_new_invite_revokes_my_older_one(client_for, anna, bram):
    client = client_for(anna)
    old = client.post("/api/pairing/invites/").json()["code"]
    new = client.post("/api/pairing/invites/").json()["code"]

    assert client_for(bram).post(f"/api/pairing/invites/{old}/accept/").json()["code"] == (
        "invite_invalid"
    )
    assert client_for(bram).post(f"/api/pairing/invites/{new}/accept/").status_code == 201
    assert PartnerInvite.objects.filter(inviter=anna, revoked_at__isnull=False).count() == 1


def test_it_refuses_an_invite_while_i_am_in_a_couple(client_for, anna, anna_and_bram):
    response = client_for(anna).post("/api/pairing/invites/")

    assert response.status_code == 409
    assert response.json()["code"] == "already_in_couple"
    assert not PartnerInvite.objects.filter(inviter=anna, used_at__isnull=True).exists()


def test_it_needs_a_signed_in_person(api):
    response = api.post("/api/pairing/invites/")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_accepting_revokes_the_other_open_invites_of_both(anna, bram, cas):
    cas_invite = invite_create(inviter=cas)
    brams_invite = invite_create(inviter=bram)
    annas_invite = invite_create(inviter=anna)

    invite_accept(user=bram, code=annas_invite.code)

    brams_invite.invite.refresh_from_db()
    cas_invite.invite.refresh_from_db()
    assert brams_invite.invite.state == "revoked"
    assert cas_invite.invite.state == "open"

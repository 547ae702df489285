from pairing.models import Couple, CoupleMember, PartnerInvite
from pairing.selectors import active_couple_for, couple_members
from pairing.services import invite_accept, invite_create


def test_it_links_the_two_accounts(client_for, anna, bram, annas_invite):
    response = client_for(bram).post(f"/api/pairing/invites/{annas_invite.code}/accept/")

    assert response.status_code == 201
    body = response.json()
    couple = Couple.objects.get()
    assert body["id"] == str(couple.id)
    assert body["partner"] == {"display_name": "Anna"}
    assert set(body) == {"id", "partner", "since"}
    assert couple_members(couple=couple) == [anna, bram]
    invite = PartnerInvite.objects.get()
    assert invite.state == "used"
    assert invite.couple_id == couple.id


def test_the_code_works_in_lower_case_and_without_dash(client_for, bram, annas_invite):
    typed = annas_invite.code.replace("-", "").lower()

    assert client_for(bram).post(f"/api/pairing/invites/{typed}/accept/").status_code == 201


def test_i_cannot_accept_my_own_invite(client_for, anna, annas_invite):
    response = client_for(anna).post(f"/api/pairing/invites/{annas_invite.code}/accept/")

    assert response.status_code == 400
    assert response.json() == {
        "code": "invite_own",
        "message": "Dit is je eigen code. Geef hem aan je partner om jullie accounts te koppelen.",
    }
    assert not Couple.objects.exists()


def test_a_used_invite_cannot_be_used_again(client_for, anna, bram, cas, annas_invite):
    url = f"/api/pairing/invites/{annas_invite.code}/accept/"
    assert client_for(bram).post(url).status_code == 201

    response = client_for(cas).post(url)

    assert response.status_code == 404
    assert response.json()["code"] == "invite_invalid"
    assert active_couple_for(user=cas) is None
    assert Couple.objects.count() == 1


def test_i_cannot_accept_while_i_am_in_a_couple(client_for, anna, cas, anna_and_bram):
    cas_invite = invite_create(inviter=cas)

    response = client_for(anna).post(f"/api/pairing/invites/{cas_invite.code}/accept/")

    assert response.status_code == 409
    assert response.json()["code"] == "already_in_couple"
    assert active_couple_for(user=cas) is None
    assert active_couple_for(user=anna) == anna_and_bram


def test_i_cannot_accept_when_the_inviter_got_linked_meanwhile(client_for, anna, bram, cas):
    annas_invite = invite_create(inviter=anna)
    invite_accept(user=anna, code=invite_create(inviter=cas).code)

    response = client_for(bram).post(f"/api/pairing/invites/{annas_invite.code}/accept/")

    # Linking revoked anna's open invite, so bram learns nothing about anna's new couple.
    assert response.status_code == 404
    assert response.json()["code"] == "invite_invalid"
    assert active_couple_for(user=bram) is None


def test_it_needs_a_signed_in_person(api, annas_invite):
    assert api.post(f"/api/pairing/invites/{annas_invite.code}/accept/").status_code == 401
    assert api.get(f"/api/pairing/invites/{annas_invite.code}/").status_code == 401
    assert not CoupleMember.objects.exists()

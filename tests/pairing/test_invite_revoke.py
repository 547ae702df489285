from pairing.models import PartnerInvite


def test_i_can_revoke_my_invite(client_for, anna, bram, annas_invite):
    response = client_for(anna).delete(f"/api/pairing/invites/{annas_invite.code}/")

    assert response.status_code == 204
    assert PartnerInvite.objects.get().state == "revoked"
    accept = client_for(bram).post(f"/api/pairing/invites/{annas_invite.code}/accept/")
    assert accept.json()["code"] == "invite_invalid"


def test_cas_gets_404_revoking_annas_invite(client_for, cas, annas_invite):
    response = client_for(cas).delete(f"/api/pairing/invites/{annas_invite.code}/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert PartnerInvite.objects.get().state == "open"


def test_revoking_twice_or_a_code_that_never_was_is_404(client_for, anna, annas_invite):
    client = client_for(anna)
    assert client.delete(f"/api/pairing/invites/{annas_invite.code}/").status_code == 204

    assert client.delete(f"/api/pairing/invites/{annas_invite.code}/").status_code == 404
    assert client.delete("/api/pairing/invites/not-a-code/").status_code == 404

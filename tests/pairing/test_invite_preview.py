from datetime import timedelta

import pytest
from django.utils import timezone

from pairing.models import PartnerInvite
from pairing.services import invite_accept, invite_create, invite_revoke


def test_it_shows_only_the_inviters_display_name(client_for, bram, annas_invite):
    response = client_for(bram).get(f"/api/pairing/invites/{annas_invite.code}/")

    assert response.status_code == 200
    assert response.json() == {"inviter": {"display_name": "Anna"}}


def test_it_reads_the_code_in_lower_case_and_without_dash(client_for, bram, annas_invite):
    typed = annas_invite.code.replace("-", "").lower()

    assert client_for(bram).get(f"/api/pairing/invites/{typed}/").status_code == 200


def test_it_tells_me_when_the_code_is_my_own(client_for, anna, annas_invite):
    response = client_for(anna).get(f"/api/pairing/invites/{annas_invite.code}/")

    assert response.status_code == 400
    assert response.json()["code"] == "invite_own"


def _spend(invite, how, *, anna, cas):
    if how == "expired":
        PartnerInvite.objects.filter(pk=invite.invite.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
    elif how == "used":
        invite_accept(user=cas, code=invite.code)
    elif how == "revoked":
        invite_revoke(inviter=anna, code=invite.code)
    elif how == "wrong":
        return "ZZZZ-ZZZZ" if invite.code != "ZZZZ-ZZZZ" else "YYYY-YYYY"
    return invite.code


@pytest.mark.parametrize("how", ["wrong", "expired", "used", "revoked"])
def test_wrong_expired_used_and_revoked_codes_answer_alike(client_for, anna, bram, cas, how):
    code = _spend(invite_create(inviter=anna), how, anna=anna, cas=cas)

    preview = client_for(bram).get(f"/api/pairing/invites/{code}/")
    accept = client_for(bram).post(f"/api/pairing/invites/{code}/accept/")

    wrong = {
        "code": "invite_invalid",
        "message": "Deze code werkt niet. Vraag je partner om een nieuwe.",
    }
    assert (preview.status_code, preview.json()) == (404, wrong)
    assert (accept.status_code, accept.json()) == (404, wrong)


def test_it_answers_in_english_for_english_speakers(client_for, bram):
    bram.language = "en"
    bram.save()

    response = client_for(bram).get("/api/pairing/invites/ZZZZ-ZZZZ/")

    assert response.json()["message"] == "This code doesn't work. Ask your partner for a new one."

"""DELETE /api/me/ with the password: my answers, check-ins and reports are erased, my couple is
ended, my account is gone; my partner's own data stays theirs (privacy rule 6)."""

from __future__ import annotations

from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session

from accounts.models import User
from pairing.models import Couple, CoupleMember
from pairing.selectors import active_couple_for
from safety.models import SafetyReport
from tests.factories import password_of, report_unsafe, screen_positive

from .helpers import rows_referencing, stored_values_containing

ANNAS_NOTE = "ANNA-ERASE-MARKER-2b8e"
BRAMS_NOTE = "BRAM-KEEP-MARKER-5a0c"


def delete_me(client, password):
    return client.delete("/api/me/", {"password": password}, format="json")


def test_a_wrong_password_erases_nothing(client_for, anna):
    response = delete_me(client_for(anna), "not-my-password")

    assert (response.status_code, response.json()["code"]) == (403, "wrong_password")
    assert User.objects.filter(pk=anna.pk).exists()


def test_no_password_erases_nothing(client_for, anna):
    response = client_for(anna).delete("/api/me/", {}, format="json")

    assert (response.status_code, response.json()["code"]) == (400, "invalid")
    assert "password" in response.json()["fields"]
    assert User.objects.filter(pk=anna.pk).exists()


def test_guessing_the_password_is_rate_limited(client_for, anna):
    client = client_for(anna)
    statuses = [delete_me(client, f"guess-{n}").status_code for n in range(12)]

    assert statuses[:10] == [403] * 10
    assert statuses[10:] == [429, 429]
    # Even the right password waits until the limit has passed.
    assert delete_me(client, password_of(anna)).status_code == 429
    assert User.objects.filter(pk=anna.pk).exists()


def test_anonymous_gets_401(api):
    assert api.delete("/api/me/", {"password": "x"}, format="json").status_code == 401


def test_it_erases_me_and_everything_of_mine(client_for, anna, bram, anna_and_bram):
    screen_positive(anna)
    report_unsafe(anna, note=ANNAS_NOTE)
    client = client_for(anna)
    client.get("/api/me/")  # a tracked signed-in device
    assert UserSession.objects.filter(user=anna).exists()

    response = delete_me(client, password_of(anna))

    assert response.status_code == 204
    assert not User.objects.filter(pk=anna.pk).exists()
    assert rows_referencing(anna.pk) == []
    assert stored_values_containing(ANNAS_NOTE, "anna@example.com") == []
    # Every signed-in device is signed out, this one included.
    assert client.get("/api/me/").status_code == 401
    assert all(
        session.get_decoded().get("_auth_user_id") != str(anna.pk)
        for session in Session.objects.all()
    )


def test_my_couple_is_ended_before_i_go_so_my_partner_is_single_again(
    client_for, anna, bram, anna_and_bram
):
    delete_me(client_for(anna), password_of(anna))

    couple = Couple.objects.get(pk=anna_and_bram.pk)
    assert couple.ended_at is not None
    assert list(CoupleMember.objects.filter(couple=couple).values_list("user", "active")) == [
        (bram.pk, False)
    ]
    assert active_couple_for(user=bram) is None
    assert client_for(bram).get("/api/pairing/couple/").status_code == 404


def test_my_partners_own_data_stays_theirs(client_for, anna, bram, anna_and_bram):
    report_unsafe(bram, note=BRAMS_NOTE)

    delete_me(client_for(anna), password_of(anna))

    assert [report.note for report in SafetyReport.objects.filter(user=bram)] == [BRAMS_NOTE]
    assert client_for(bram).get("/api/me/").status_code == 200


def test_a_single_person_can_erase_their_account_too(client_for, cas):
    assert delete_me(client_for(cas), password_of(cas)).status_code == 204
    assert rows_referencing(cas.pk) == []

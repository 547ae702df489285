"""Issue 22's measures: a linked therapist sees a partner's pulse trend only with that partner's
consent, per therapist link, revocable at once; never the other partner's without theirs,
never another therapist, never without MFA, never anonymously."""

from __future__ import annotations

import pytest

from pulse.items import ITEM_IDS
from pulse.services import pulse_record
from tests.factories import make_user, therapist_link
from tests.mfa import give_totp
from therapists.services import therapist_link_end_by_partner

CONSENT = "/api/pairing/therapist/measures/"
NOTE = "anna-pulse-note-for-nobody-5c2e"


def measures(couple) -> str:
    return f"/api/therapist/couples/{couple.pk}/measures/"


@pytest.fixture
def pulses(anna, bram, clock):
    pulse_record(user=anna, answers=dict.fromkeys(ITEM_IDS, 2), note=NOTE)
    clock.move(days=30)
    pulse_record(user=anna, answers=dict.fromkeys(ITEM_IDS, 4), note=NOTE)
    pulse_record(user=bram, answers=dict.fromkeys(ITEM_IDS, 5))


def partners(client, couple) -> dict[str, dict]:
    response = client.get(measures(couple))
    assert response.status_code == 200, response.content
    return {item["display_name"]: item for item in response.json()["partners"]}


def test_without_consent_the_therapist_sees_that_there_is_none_and_no_trend(
    linked, pulses, client_for, thea_mfa, anna_and_bram
):
    seen = partners(client_for(thea_mfa), anna_and_bram)

    assert seen["Anna"] == {"display_name": "Anna", "consented": False, "trend": None}
    assert seen["Bram"]["trend"] is None


def test_with_annas_consent_the_therapist_sees_her_trend_and_not_brams(
    linked, pulses, client_for, thea_mfa, anna, anna_and_bram
):
    given = client_for(anna).put(CONSENT)
    response = client_for(thea_mfa).get(measures(anna_and_bram))

    assert given.status_code == 200 and given.json()["consented"] is True
    seen = {item["display_name"]: item for item in response.json()["partners"]}
    assert seen["Anna"]["trend"] == [
        {"date": "2026-03-02", "score": 25},
        {"date": "2026-04-01", "score": 75},
    ]
    assert seen["Bram"] == {"display_name": "Bram", "consented": False, "trend": None}
    # The trend only: never the notes or the answers.
    assert NOTE not in response.content.decode()


def test_taking_it_back_hides_it_at_once(linked, pulses, client_for, thea_mfa, anna, anna_and_bram):
    client_for(anna).put(CONSENT)
    withdrawn = client_for(anna).delete(CONSENT)

    assert withdrawn.status_code == 204
    assert client_for(anna).get(CONSENT).json()["consented"] is False
    assert partners(client_for(thea_mfa), anna_and_bram)["Anna"]["trend"] is None


def test_consent_belongs_to_one_link_a_new_therapist_starts_without_it(
    linked, pulses, client_for, anna, bram, anna_and_bram
):
    client_for(anna).put(CONSENT)
    therapist_link_end_by_partner(user=bram)
    tom = make_user("tom", is_therapist=True)
    give_totp(tom)
    therapist_link(tom, anna, bram)

    assert partners(client_for(tom), anna_and_bram)["Anna"]["trend"] is None
    assert client_for(anna).get(CONSENT).json()["consented"] is False


def test_another_therapist_gets_404(linked, pulses, client_for, anna, anna_and_bram):
    client_for(anna).put(CONSENT)
    other = make_user("olga", is_therapist=True)
    give_totp(other)

    response = client_for(other).get(measures(anna_and_bram))

    assert response.status_code == 404
    assert "2026" not in response.content.decode()


def test_a_therapist_without_two_step_is_refused(linked, pulses, client_for, anna, anna_and_bram):
    client_for(anna).put(CONSENT)
    plain = make_user("pim", is_therapist=True)

    response = client_for(plain).get(measures(anna_and_bram))

    assert (response.status_code, response.json()["code"]) == (403, "mfa_required")


@pytest.mark.parametrize("actor", ["bram", "dirk", "cas"])
def test_partners_and_strangers_cannot_read_the_measures(
    request, linked, pulses, client_for, anna, anna_and_bram, dirk_and_ella, actor
):
    client_for(anna).put(CONSENT)

    response = client_for(request.getfixturevalue(actor)).get(measures(anna_and_bram))

    assert (response.status_code, response.json()["code"]) == (403, "not_a_therapist")


def test_without_a_linked_therapist_consent_is_409(client_for, cas, dirk, dirk_and_ella):
    for person in (cas, dirk):
        response = client_for(person).put(CONSENT)
        assert (response.status_code, response.json()["code"]) == (409, "no_therapist")


def test_anonymous_gets_401(api, linked, anna_and_bram):
    assert api.get(measures(anna_and_bram)).status_code == 401
    assert api.put(CONSENT).status_code == 401
    assert api.delete(CONSENT).status_code == 401


@pytest.mark.parametrize("entries", [1, 5])
def test_the_measures_take_the_same_queries_however_many_entries(
    linked, client_for, thea_mfa, anna, bram, anna_and_bram, django_assert_num_queries, entries
):
    for _number in range(entries):
        pulse_record(user=anna, answers=dict.fromkeys(ITEM_IDS, 3))
    client_for(anna).put(CONSENT)
    client_for(bram).put(CONSENT)
    client = client_for(thea_mfa)
    client.get(measures(anna_and_bram))

    # Sign-in and the MFA gate, then the link, the members, the consents, two trends.
    with django_assert_num_queries(8):
        response = client.get(measures(anna_and_bram))

    assert response.status_code == 200

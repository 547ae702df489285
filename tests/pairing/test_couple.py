from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.dateparse import parse_datetime

from pairing.models import Couple, CoupleMember
from pairing.selectors import active_couple_for, couple_members, my_couple, partner_of
from pairing.services import couple_end
from tests.factories import link, reauthenticate


def test_it_shows_my_couple_with_my_partners_name(client_for, anna, bram, anna_and_bram):
    for me, partner in ((anna, "Bram"), (bram, "Anna")):
        response = client_for(me).get("/api/pairing/couple/")

        assert response.status_code == 200
        body = response.json()
        assert body == {
            "id": str(anna_and_bram.id),
            "partner": {"display_name": partner},
            "since": body["since"],
        }
        assert parse_datetime(body["since"]) == anna_and_bram.created_at


def test_it_answers_404_when_i_am_single(client_for, cas):
    response = client_for(cas).get("/api/pairing/couple/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_cas_gets_404_on_anna_and_brams_couple(client_for, cas, anna_and_bram):
    client = client_for(cas)
    reauthenticate(client, cas)

    assert client.get("/api/pairing/couple/").status_code == 404
    assert client.post("/api/pairing/couple/end/").status_code == 404
    assert Couple.objects.get().ended_at is None


def test_either_partner_ends_the_couple_alone_and_at_once(client_for, anna, bram, anna_and_bram):
    client = client_for(bram)
    reauthenticate(client, bram)
    response = client.post("/api/pairing/couple/end/")

    assert response.status_code == 204
    anna_and_bram.refresh_from_db()
    assert anna_and_bram.ended_at is not None
    assert not CoupleMember.objects.filter(active=True).exists()
    # anna only sees that there is no couple anymore.
    seen_by_anna = client_for(anna).get("/api/pairing/couple/")
    assert (seen_by_anna.status_code, seen_by_anna.json()["code"]) == (404, "not_found")
    annas_client = client_for(anna)
    reauthenticate(annas_client, anna)
    assert annas_client.post("/api/pairing/couple/end/").status_code == 404


def test_after_ending_both_can_link_again(anna, bram, cas, anna_and_bram):
    couple_end(user=anna)

    again = link(anna, cas)
    assert active_couple_for(user=anna) == again
    assert active_couple_for(user=bram) is None
    assert Couple.objects.filter(ended_at__isnull=True).count() == 1


def test_get_couple_makes_one_query_beyond_signing_in(
    client_for, anna, anna_and_bram, django_assert_num_queries
):
    client = client_for(anna)
    client.get("/api/me/")
    # /api/me/ reads nothing but the signed-in person: its queries are the cost of signing in.
    with CaptureQueriesContext(connection) as signing_in:
        client.get("/api/me/")

    with django_assert_num_queries(len(signing_in.captured_queries) + 1):
        response = client.get("/api/pairing/couple/")

    assert response.json()["partner"] == {"display_name": "Bram"}


def test_the_selectors_each_make_one_query(
    anna, bram, cas, anna_and_bram, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert active_couple_for(user=anna) == anna_and_bram
    with django_assert_num_queries(1):
        assert active_couple_for(user=cas) is None
    with django_assert_num_queries(1):
        assert partner_of(user=anna, couple=anna_and_bram) == bram
    with django_assert_num_queries(1):
        assert partner_of(user=cas, couple=anna_and_bram) is None
    with django_assert_num_queries(1):
        assert couple_members(couple=anna_and_bram) == [anna, bram]
    with django_assert_num_queries(1):
        assert my_couple(user=cas) is None

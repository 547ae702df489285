"""``GET /api/pairing/couple/ended/``: when my last couple ended, for a kind notice to both
former partners. Only a date, never who ended it or anything of the other person."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.dateparse import parse_datetime

from pairing.services import couple_end
from tests.factories import link

URL = "/api/pairing/couple/ended/"


def test_both_former_partners_get_the_date_it_ended(
    client_for, anna, bram, anna_and_bram, clock, django_assert_num_queries
):
    couple_end(user=anna)
    anna_and_bram.refresh_from_db()
    assert anna_and_bram.ended_at == clock.now

    for person in (anna, bram):
        client = client_for(person)
        client.get("/api/me/")
        # /api/me/ reads nothing but the signed-in person: its queries are the cost of signing in.
        with CaptureQueriesContext(connection) as signing_in:
            client.get("/api/me/")
        with django_assert_num_queries(len(signing_in.captured_queries) + 1):
            response = client.get(URL)
        assert response.status_code == 200
        assert response.json().keys() == {"ended_at"}
        assert parse_datetime(response.json()["ended_at"]) == clock.now


def test_null_while_in_a_couple_or_never_in_one(client_for, anna, bram, cas, anna_and_bram):
    assert client_for(anna).get(URL).json() == {"ended_at": None}
    assert client_for(cas).get(URL).json() == {"ended_at": None}


def test_null_again_once_in_a_new_couple(client_for, anna, bram, cas, anna_and_bram, clock):
    couple_end(user=bram)
    assert client_for(anna).get(URL).json()["ended_at"] is not None
    clock.move(hours=1)
    link(anna, cas)
    assert client_for(anna).get(URL).json() == {"ended_at": None}
    # bram still sees his own ended couple; nothing about anna's new one.
    assert parse_datetime(client_for(bram).get(URL).json()["ended_at"]) < clock.now


def test_anonymous_is_refused(api):
    assert api.get(URL).status_code in (401, 403)

"""Issue 18: a pulse over time. Each person records their own four items and a note, privately;
sees their trend; the partner sees an entry only if it was shared with the couple (and no longer
once taken back or once the couple ended); another couple, a stranger and a therapist never see
it here; anonymous gets 401; bad input 400; encrypted at rest; export and erasure."""

from __future__ import annotations

import json

import pytest
from django.db import connection

from pairing.services import couple_end
from pulse.items import ITEM_IDS, pulse_score
from pulse.models import PulseEntry
from tests.factories import password_of

PULSE = "/api/pulse/"
TREND = "/api/pulse/trend/"
PARTNER = "/api/pulse/partner/"
NOTE = "anna-pulse-note-marker-77a1"


def answers(value: int = 4) -> dict[str, int]:
    return dict.fromkeys(ITEM_IDS, value)


def record(client, value: int = 4, note: str = NOTE, share: bool = False):
    response = client.post(
        PULSE,
        {"answers": answers(value), "note": note, "share_with_partner": share},
        format="json",
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_the_items_are_four_in_my_language(client_for, anna):
    anna.language = "nl"
    anna.save()

    response = client_for(anna).get(PULSE)

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == list(ITEM_IDS)
    assert items[0]["text"].startswith("Hoe tevreden")
    assert response.json()["entries"] == []


def test_a_single_person_records_two_and_sees_the_trend(client_for, cas, clock):
    first = record(client_for(cas), value=2)
    clock.move(days=30)
    # A month later: signed in again.
    client = client_for(cas)
    second = record(client, value=5)

    trend = client.get(TREND)

    assert (first["score"], second["score"]) == (25, 100)
    assert trend.status_code == 200
    assert trend.json() == [
        {"date": "2026-03-02", "score": 25},
        {"date": "2026-04-01", "score": 100},
    ]
    assert [entry["id"] for entry in client.get(PULSE).json()["entries"]] == [
        second["id"],
        first["id"],
    ]


def test_the_score_runs_from_0_to_100():
    assert pulse_score(answers(1)) == 0
    assert pulse_score(answers(3)) == 50
    assert pulse_score(answers(5)) == 100


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"answers": None},
        {"answers": [4, 4, 4, 4]},
        {"answers": {"content": 4}},
        {"answers": {**answers(), "content": 6}},
        {"answers": {**answers(), "content": 0}},
        {"answers": {**answers(), "content": "4"}},
        {"answers": {**answers(), "content": True}},
        {"answers": {**answers(), "extra": 3}},
        {"answers": answers(), "note": "x" * 2001},
        {"answers": answers(), "note": 5},
        {"answers": answers(), "share_with_partner": "maybe"},
    ],
)
def test_bad_input_gets_400_and_stores_nothing(client_for, anna, body):
    response = client_for(anna).post(PULSE, body, format="json")

    assert response.status_code == 400
    assert response.json()["code"]
    assert not PulseEntry.objects.exists()


def test_sharing_without_a_couple_is_409(client_for, cas):
    response = client_for(cas).post(
        PULSE, {"answers": answers(), "share_with_partner": True}, format="json"
    )
    assert (response.status_code, response.json()["code"]) == (409, "no_couple")
    assert not PulseEntry.objects.exists()


def test_anonymous_gets_401(api):
    for url in (PULSE, TREND, PARTNER):
        assert api.get(url).status_code == 401
    assert api.post(PULSE, {"answers": answers()}, format="json").status_code == 401


def test_the_partner_sees_only_what_was_shared_and_not_after_it_is_taken_back(
    client_for, anna, bram, anna_and_bram
):
    private = record(client_for(anna), note="kept-for-me-marker")
    shared = record(client_for(anna), share=True)
    brams = client_for(bram).get(PARTNER)

    taken_back = client_for(anna).patch(
        f"{PULSE}{shared['id']}/", {"share_with_partner": False}, format="json"
    )
    after = client_for(bram).get(PARTNER)

    assert brams.status_code == 200
    assert [entry["id"] for entry in brams.json()] == [shared["id"]]
    assert brams.json()[0]["note"] == NOTE
    assert "kept-for-me-marker" not in brams.content.decode() and private["id"] not in str(
        brams.json()
    )
    assert taken_back.status_code == 200 and taken_back.json()["share_with_partner"] is False
    assert after.json() == []


@pytest.mark.parametrize("actor", ["bram", "dirk", "cas", "thea_mfa"])
def test_nobody_else_reads_my_trend_or_entries_or_changes_them(
    request, client_for, anna, anna_and_bram, dirk_and_ella, actor
):
    mine = record(client_for(anna), share=True)
    other = client_for(request.getfixturevalue(actor))

    for url in (PULSE, TREND):
        text = other.get(url).content.decode()
        assert NOTE not in text and mine["id"] not in text
    changed = other.patch(f"{PULSE}{mine['id']}/", {"share_with_partner": False}, format="json")
    assert changed.status_code == 404
    assert PulseEntry.objects.get(pk=mine["id"]).shared_in_id == anna_and_bram.pk
    if actor != "bram":
        assert NOTE not in other.get(PARTNER).content.decode()


def test_after_the_couple_ends_the_partner_sees_nothing(client_for, anna, bram, anna_and_bram):
    record(client_for(anna), share=True)
    couple_end(user=anna)

    assert client_for(bram).get(PARTNER).json() == []


def test_it_is_encrypted_at_rest(client_for, anna):
    record(client_for(anna))

    with connection.cursor() as cursor:
        cursor.execute("SELECT answers, note, score FROM pulse_pulseentry")
        [row] = cursor.fetchall()

    assert NOTE not in " ".join(str(value) for value in row)
    assert '"content"' not in str(row[0])


@pytest.mark.parametrize("entries", [1, 8])
def test_the_trend_takes_the_same_queries_however_many_entries(
    client_for, anna, clock, django_assert_num_queries, entries
):
    for number in range(entries):
        record(client_for(anna), value=1 + number % 5)
        clock.move(days=7)
    client = client_for(anna)
    client.get(TREND)

    # Sign-in (2: the session and the user), then the entries.
    with django_assert_num_queries(3):
        response = client.get(TREND)

    assert len(response.json()) == entries


def test_export_has_my_entries_and_not_my_partners(
    reauthenticated_client_for, client_for, anna, bram, anna_and_bram
):
    record(client_for(anna), share=True)
    record(client_for(bram), note="bram-pulse-marker", share=True)

    response = reauthenticated_client_for(anna).get("/api/me/export/")

    assert response.status_code == 200
    export = json.loads(response.content)
    assert [entry["note"] for entry in export["pulse"]["entries"]] == [NOTE]
    assert "bram-pulse-marker" not in response.content.decode()


def test_erasure_takes_my_entries_and_leaves_my_partners(client_for, anna, bram, anna_and_bram):
    record(client_for(anna), share=True)
    record(client_for(bram), note="bram-pulse-marker")

    response = client_for(anna).delete("/api/me/", {"password": password_of(anna)}, format="json")

    assert response.status_code == 204
    assert [entry.note for entry in PulseEntry.objects.all()] == ["bram-pulse-marker"]

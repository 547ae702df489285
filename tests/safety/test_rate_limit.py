"""Check-ins and reports: at most 20 of each per person per hour (429 ``too_many_attempts``);
the help resources and everything else stay reachable while limited."""

import pytest
from django.core.cache import cache

from project.ratelimit import opaque_key
from safety import services
from safety.models import SafetyCheckIn, SafetyReport
from tests.factories import all_no, one_yes

pytestmark = pytest.mark.django_db

CHECK_IN = "/api/safety/check-in/"
REPORTS = "/api/safety/reports/"


def _check_in(client, answers=None, alone=True):
    return client.post(CHECK_IN, {"alone": alone, "answers": answers or all_no()}, format="json")


def _limit_check_ins(client) -> None:
    for _ in range(services.WRITE_LIMIT):
        assert _check_in(client).status_code == 200


def test_the_21st_check_in_within_an_hour_is_refused_and_stores_nothing(client_for, anna):
    client = client_for(anna)
    _limit_check_ins(client)

    response = _check_in(client, one_yes())

    assert response.status_code == 429
    assert response.json()["code"] == "too_many_attempts"
    assert response.json()["message"]
    assert "no-store" in response["Cache-Control"]
    assert SafetyCheckIn.objects.filter(user=anna).count() == services.WRITE_LIMIT
    assert client.get("/api/safety/status/").json()["paused"] is False


def test_the_21st_report_within_an_hour_is_refused_and_stores_nothing(client_for, anna):
    client = client_for(anna)
    for _ in range(services.WRITE_LIMIT):
        assert client.post(REPORTS, {}, format="json").status_code == 201

    response = client.post(REPORTS, {"note": "again"}, format="json")

    assert response.status_code == 429
    assert response.json()["code"] == "too_many_attempts"
    assert SafetyReport.objects.filter(user=anna).count() == services.WRITE_LIMIT


def test_help_stays_reachable_while_limited(client_for, anna):
    client = client_for(anna)
    _limit_check_ins(client)
    assert _check_in(client).status_code == 429

    resources = client.get("/api/safety/resources/")
    assert resources.status_code == 200
    assert resources.json()["resources"][0]["kind"] == "emergency"
    assert client.get(CHECK_IN).status_code == 200
    assert client.get("/api/safety/status/").status_code == 200
    # Reports count separately: the "I don't feel safe" button still works.
    assert client.post(REPORTS, {}, format="json").status_code == 201


def test_not_alone_is_never_counted_nor_refused(client_for, anna):
    client = client_for(anna)
    for _ in range(services.WRITE_LIMIT + 5):
        assert _check_in(client, alone=False).json()["outcome"] == "not_alone"
    _limit_check_ins(client)
    assert _check_in(client, alone=False).status_code == 200


def test_the_limit_is_per_person(client_for, anna, bram):
    _limit_check_ins(client_for(anna))
    assert _check_in(client_for(bram)).status_code == 200


def test_the_limit_ends_with_its_window(clock, client_for, anna):
    client = client_for(anna)
    _limit_check_ins(client)
    assert _check_in(client).status_code == 429

    clock.move(seconds=services.WRITE_WINDOW_SECONDS - 1)
    assert _check_in(client).status_code == 429

    clock.move(seconds=1)
    assert _check_in(client).status_code == 200


def test_the_counter_in_the_cache_names_neither_the_person_nor_the_action(clock, client_for, anna):
    assert _check_in(client_for(anna)).status_code == 200
    key = opaque_key("safety.check_in", anna.pk)
    window_end = cache.get(key)
    assert window_end == clock.now.timestamp() + services.WRITE_WINDOW_SECONDS
    counter = f"{key}:{window_end}"
    assert cache.get(counter) == 1
    for name in (key, counter):
        assert str(anna.pk) not in name
        assert "safety" not in name and "check" not in name

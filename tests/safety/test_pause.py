from datetime import timedelta

import pytest
from django.utils.dateparse import parse_datetime

from project.errors import Conflict
from safety import selectors, services
from safety.selectors import is_paused, require_couple_exercise_allowed
from tests.factories import all_no, one_yes

pytestmark = pytest.mark.django_db


def _status(client):
    response = client.get("/api/safety/status/")
    assert response.status_code == 200
    return response.json()


def _resume(client):
    return client.post("/api/safety/resume/", format="json")


def test_nobody_is_paused_to_begin_with(client_for, anna):
    assert _status(client_for(anna)) == {
        "paused": False,
        "paused_since": None,
        "can_resume_at": None,
        "check_in_due": True,
    }
    assert is_paused(anna) is False


def test_an_ok_check_in_does_not_pause(check_in, anna):
    check_in(anna, all_no())
    assert is_paused(anna) is False


def test_a_yes_pauses_and_tells_when_i_can_resume(check_in, client_for, anna, clock):
    check_in(anna, one_yes("controlled"))
    status = _status(client_for(anna))
    assert status["paused"] is True
    assert parse_datetime(status["paused_since"]) == clock.now
    assert parse_datetime(status["can_resume_at"]) == clock.now + timedelta(hours=24)


def test_a_report_pauses(client_for, anna):
    assert client_for(anna).post("/api/safety/reports/", {}, format="json").status_code == 201
    assert is_paused(anna) is True


def test_resume_is_refused_at_23h59_and_allowed_at_24h(client_for, anna, clock):
    client = client_for(anna)
    assert client.post("/api/safety/reports/", {}, format="json").status_code == 201
    clock.move(hours=23, minutes=59)
    response = _resume(client)
    assert response.status_code == 409
    assert response.json()["code"] == "resume_too_soon"
    assert is_paused(anna) is True

    clock.move(minutes=1)
    response = _resume(client)
    assert response.status_code == 200
    assert response.json()["paused"] is False
    assert is_paused(anna) is False


def test_a_new_report_restarts_the_24_hours(client_for, anna, clock):
    client = client_for(anna)
    assert client.post("/api/safety/reports/", {}, format="json").status_code == 201
    first_since = _status(client)["paused_since"]
    clock.move(hours=20)
    assert client.post("/api/safety/reports/", {}, format="json").status_code == 201
    clock.move(hours=20)
    assert _resume(client).status_code == 409
    assert _status(client)["paused_since"] == first_since
    clock.move(hours=4)
    assert _resume(client).status_code == 200


def test_a_positive_check_in_while_paused_restarts_the_24_hours(check_in, anna, clock):
    check_in(anna, one_yes())
    clock.move(hours=23)
    check_in(anna, one_yes("hurt"))
    clock.move(hours=2)
    with pytest.raises(Conflict) as error:
        services.pause_resume(user=anna)
    assert error.value.code == "resume_too_soon"


def test_an_ok_check_in_does_not_lift_the_pause(check_in, anna, clock):
    check_in(anna, one_yes())
    clock.move(days=2)
    check_in(anna, all_no())
    assert is_paused(anna) is True


def test_only_the_person_can_resume_their_own_pause(client_for, anna, bram, eva, clock):
    assert client_for(anna).post("/api/safety/reports/", {}, format="json").status_code == 201
    clock.move(hours=25)
    for other in (bram, eva):
        response = _resume(client_for(other))
        assert response.status_code == 200
        assert response.json()["paused"] is False
        assert is_paused(anna) is True
    assert _resume(client_for(anna)).json()["paused"] is False
    assert is_paused(anna) is False


def test_resume_needs_a_sign_in(api):
    response = api.post("/api/safety/resume/", format="json")
    assert response.status_code == 401


def test_resuming_when_not_paused_changes_nothing(client_for, anna):
    response = _resume(client_for(anna))
    assert response.status_code == 200
    assert response.json()["paused"] is False


def test_after_resuming_a_fresh_check_in_is_due(check_in, anna, clock):
    check_in(anna, one_yes())
    clock.move(hours=24)
    services.pause_resume(user=anna)
    assert selectors.check_in_due(anna) is True
    with pytest.raises(Conflict) as error:
        require_couple_exercise_allowed(anna)
    assert error.value.code == "check_in_required"
    clock.move(minutes=1)
    check_in(anna, all_no())
    require_couple_exercise_allowed(anna)


def test_the_pause_of_one_person_does_not_touch_anyone_else(check_in, anna, bram):
    check_in(bram, all_no())
    check_in(anna, one_yes())
    assert is_paused(bram) is False
    require_couple_exercise_allowed(bram)

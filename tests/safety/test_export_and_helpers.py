import pytest

from safety.selectors import is_paused, require_couple_exercise_allowed, safety_export
from tests.factories import fresh_check_in, one_yes, report_unsafe, screen_positive

pytestmark = pytest.mark.django_db


def test_my_export_holds_my_check_ins_reports_and_pause(check_in, client_for, anna, bram, clock):
    check_in(anna, one_yes())
    response = client_for(anna).post("/api/safety/reports/", {"note": "mine"}, format="json")
    assert response.status_code == 201
    check_in(bram)
    export = safety_export(anna)
    assert [c["outcome"] for c in export["check_ins"]] == ["help_first"]
    assert [(r["note"], r["share_with_therapist"]) for r in export["reports"]] == [("mine", False)]
    assert export["pause"]["paused"] is True
    assert export["pause"]["paused_since"] == clock.now.isoformat()


def test_an_export_without_safety_data_is_empty(anna):
    assert safety_export(anna) == {
        "check_ins": [],
        "reports": [],
        "pause": {"paused": False, "paused_since": None, "can_resume_at": None},
    }


def test_the_helpers_put_people_in_each_state(anna, bram, cas):
    fresh_check_in(anna)
    screen_positive(bram)
    report_unsafe(cas, note="x")
    require_couple_exercise_allowed(anna)
    assert (is_paused(anna), is_paused(bram), is_paused(cas)) == (False, True, True)

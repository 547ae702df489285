import logging

import pytest
from django.db import connection

from safety.models import SafetyCheckIn, SafetyReport, SafetyState
from safety.selectors import reports_shared_with_therapist
from tests.factories import link, make_user, therapist_link
from tests.mfa import give_totp

pytestmark = pytest.mark.django_db

NOTE = "He took my phone again last night"


def _report(client, status=201, **payload):
    """Post a report, check it got ``status`` (201 unless told otherwise), return the response."""
    response = client.post("/api/safety/reports/", payload, format="json")
    assert response.status_code == status, response.content
    return response


def test_a_report_answers_with_the_help_first_screen(client_for, anna):
    response = _report(client_for(anna), note=NOTE)
    assert response.status_code == 201
    body = response.json()
    assert body["outcome"] == "help_first"
    assert body["paused"] is True
    assert body["pause_text"]
    assert body["resources"][0]["kind"] == "emergency"
    assert body["resources"][0]["phone"] == "112"
    assert body["about_unsafety"]["title"]
    assert body["quick_exit"]["url"] == "https://www.google.com/"
    assert body["report"]["note"] == NOTE
    assert body["report"]["share_with_therapist"] is False


def test_a_report_needs_no_note(client_for, anna):
    response = _report(client_for(anna))
    assert response.status_code == 201
    assert SafetyReport.objects.get(user=anna).note is None


def test_bad_report_input_is_a_400_with_field_messages(client_for, anna):
    response = _report(
        client_for(anna), status=400, note="x" * 5001, share_with_therapist="perhaps"
    )
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"note", "share_with_therapist"}
    assert SafetyReport.objects.count() == 0


def test_reporting_needs_a_sign_in(api):
    _report(api, status=401, note=NOTE)
    assert SafetyReport.objects.count() == 0


def test_i_can_list_and_read_my_own_reports(client_for, anna):
    client = client_for(anna)
    report_id = _report(client, note=NOTE).json()["report"]["id"]
    listed = client.get("/api/safety/reports/").json()
    assert [r["id"] for r in listed] == [report_id]
    assert client.get(f"/api/safety/reports/{report_id}/").json()["note"] == NOTE


@pytest.fixture
def linked(anna, bram, thea):
    """anna and bram a couple, thea their therapist with both partners' consent."""
    link(anna, bram)
    give_totp(thea)
    return therapist_link(thea, anna, bram)


def test_nobody_else_can_read_my_report(client_for, linked, anna, bram, cas, thea, eva):
    response = _report(client_for(anna), note=NOTE, share_with_therapist=True)
    assert response.status_code == 201
    report_id = response.json()["report"]["id"]
    assert response.json()["report"]["share_with_therapist"] is True
    for other in (bram, cas, thea, eva):
        client = client_for(other)
        assert client.get("/api/safety/reports/").json() == []
        response = client.get(f"/api/safety/reports/{report_id}/")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
        assert NOTE not in response.content.decode()
        patch = client.patch(
            f"/api/safety/reports/{report_id}/", {"share_with_therapist": False}, format="json"
        )
        assert patch.status_code == 404
    assert SafetyReport.objects.get(pk=report_id).share_with_therapist is True


def test_anonymous_callers_get_401_on_reports(api, client_for, anna):
    report_id = _report(client_for(anna), note=NOTE).json()["report"]["id"]
    assert api.get("/api/safety/reports/").status_code == 401
    assert api.get(f"/api/safety/reports/{report_id}/").status_code == 401


def test_only_opted_in_reports_are_offered_to_the_therapist_feature(client_for, linked, anna, bram):
    client = client_for(anna)
    assert _report(client, note="not shared").status_code == 201
    response = _report(client, note="shared", share_with_therapist=True)
    assert response.status_code == 201
    shared = response.json()["report"]["id"]
    assert _report(client_for(bram), note="bram's", share_with_therapist=True).status_code == 201
    assert [str(r.id) for r in reports_shared_with_therapist(anna, link_id=linked.id)] == [shared]


def test_i_can_opt_a_report_in_and_out_of_sharing(client_for, linked, anna):
    client = client_for(anna)
    report_id = _report(client).json()["report"]["id"]
    url = f"/api/safety/reports/{report_id}/"
    assert client.patch(url, {"share_with_therapist": True}, format="json").status_code == 200
    assert [str(r.id) for r in reports_shared_with_therapist(anna, link_id=linked.id)] == [
        report_id
    ]
    assert client.patch(url, {"share_with_therapist": False}, format="json").status_code == 200
    assert reports_shared_with_therapist(anna, link_id=linked.id) == []


def test_without_a_therapist_a_report_is_filed_and_kept_unshared(client_for, anna):
    client = client_for(anna)
    response = _report(client, note=NOTE, share_with_therapist=True)
    assert response.status_code == 201
    assert response.json()["paused"] is True
    assert response.json()["report"]["share_with_therapist"] is False
    url = f"/api/safety/reports/{response.json()['report']['id']}/"
    refused = client.patch(url, {"share_with_therapist": True}, format="json")
    assert refused.status_code == 400
    assert refused.json()["code"] == "no_therapist"
    assert SafetyReport.objects.get(user=anna).share_with_therapist is False


def test_a_report_shared_with_one_link_is_invisible_to_another(
    client_for, linked, anna, bram, dirk
):
    response = _report(client_for(anna), note=NOTE, share_with_therapist=True)
    assert response.status_code == 201
    assert [r.note for r in reports_shared_with_therapist(anna, link_id=linked.id)] == [NOTE]
    # The couple removes thea and links another therapist: the report was never shared with him.
    assert client_for(anna).delete("/api/pairing/therapist/").status_code == 204
    tom = make_user("tom", is_therapist=True)
    give_totp(tom)
    second = therapist_link(tom, anna, bram)
    assert second.id != linked.id
    assert reports_shared_with_therapist(anna, link_id=second.id) == []
    detail = client_for(tom).get(f"/api/therapist/couples/{second.couple_id}/")
    assert detail.status_code == 200
    assert NOTE not in detail.content.decode()
    assert all(partner["shared_reports"] == [] for partner in detail.json()["partners"])


def test_the_raw_database_row_holds_no_plaintext_note(client_for, anna):
    _report(client_for(anna), note=NOTE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM safety_safetyreport")
        (raw,) = cursor.fetchone()
    assert NOTE not in raw
    assert "phone" not in raw
    assert raw.startswith("gAAAA")


def test_a_report_row_tells_a_database_reader_nothing_beyond_its_existence(
    client_for, linked, anna, bram
):
    assert _report(client_for(anna)).status_code == 201
    assert _report(client_for(bram), note=NOTE * 100, share_with_therapist=True).status_code == 201
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM safety_safetyreport")
        columns = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    # No date, flag or note column: only the id, the person and one encrypted field.
    assert sorted(columns) == ["data", "id", "user_id"]
    # Short or long note, shared or not: the encrypted field has one size.
    assert len({len(row[columns.index("data")]) for row in rows}) == 1


def test_nothing_about_a_report_is_logged(client_for, anna, caplog):
    with caplog.at_level(logging.DEBUG):
        _report(client_for(anna), note=NOTE)
        _report(client_for(anna), status=400, note=NOTE, share_with_therapist="perhaps")
    assert NOTE not in caplog.text
    assert "help_first" not in caplog.text


def test_deleting_my_account_erases_my_reports_and_check_ins(client_for, check_in, anna):
    check_in(anna)
    _report(client_for(anna), note=NOTE)
    anna.delete()
    assert SafetyReport.objects.count() == 0
    assert SafetyCheckIn.objects.count() == SafetyState.objects.count() == 0

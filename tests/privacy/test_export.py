"""GET /api/me/export/: everything stored about me, as a JSON file, and nothing about anyone
else beyond what I may already read (privacy rule 6)."""

from __future__ import annotations

import json

from accounts.models import User
from pairing.services import couple_end
from tests.factories import link, report_unsafe, screen_positive

ANNAS_NOTE = "ANNA-REPORT-MARKER-7c1f"
BRAMS_NOTE = "BRAM-REPORT-MARKER-91de"


def export_of(client) -> dict:
    response = client.get("/api/me/export/")
    assert response.status_code == 200
    return json.loads(response.content)


def test_it_is_a_json_file_that_no_cache_keeps(reauthenticated_client_for, anna):
    response = reauthenticated_client_for(anna).get("/api/me/export/")

    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="tweespraak-export.json"'
    assert "no-store" in response["Cache-Control"]


def test_anonymous_gets_401(api):
    response = api.get("/api/me/export/")

    assert (response.status_code, response.json()["code"]) == (401, "not_authenticated")


def test_it_holds_my_profile(reauthenticated_client_for, anna):
    profile = export_of(reauthenticated_client_for(anna))["profile"]

    assert profile["id"] == str(anna.id)
    assert profile["email"] == "anna@example.com"
    assert profile["display_name"] == "Anna"
    assert profile["email_addresses"] == [
        {"email": "anna@example.com", "verified": True, "primary": True}
    ]


def test_it_holds_my_couple_history(reauthenticated_client_for, anna, bram, anna_and_bram):
    couple_end(user=anna)
    cas = User.objects.create_user(email="cas2@example.com", password="x", display_name="Cees")
    now = link(cas, anna)

    pairing = export_of(reauthenticated_client_for(anna))["pairing"]

    assert [couple["id"] for couple in pairing["couples"]] == [str(anna_and_bram.id), str(now.id)]
    ended, active = pairing["couples"]
    assert ended["ended_at"] is not None
    # The ex-partner is no longer someone anna may read about.
    assert ended["partner"] is None
    assert active["partner"] == {"display_name": "Cees"}
    assert [invite["state"] for invite in pairing["invites"]] == ["used"]


def test_it_holds_my_check_ins_and_reports_and_none_of_my_partners(
    reauthenticated_client_for, anna, bram, anna_and_bram
):
    # anna_and_bram gave each an "ok" check-in; bram's next one is positive.
    report_unsafe(anna, note=ANNAS_NOTE)
    screen_positive(bram)
    report_unsafe(bram, note=BRAMS_NOTE)

    response = reauthenticated_client_for(anna).get("/api/me/export/")
    assert response.status_code == 200
    body = response.content.decode()
    safety = json.loads(body)["safety"]

    assert [check_in["outcome"] for check_in in safety["check_ins"]] == ["ok"]
    assert [report["note"] for report in safety["reports"]] == [ANNAS_NOTE]
    assert safety["pause"]["paused"] is True
    assert BRAMS_NOTE not in body
    assert "help_first" not in body


def test_nothing_in_it_names_another_person_beyond_my_partners_display_name(
    reauthenticated_client_for, anna, bram, cas, dirk_and_ella, anna_and_bram
):
    body = reauthenticated_client_for(anna).get("/api/me/export/").content.decode()

    for other in (bram, cas, *dirk_and_ella.members.values_list("user__email", flat=True)):
        email = other if isinstance(other, str) else other.email
        assert email not in body
    assert str(bram.id) not in body
    assert str(dirk_and_ella.id) not in body

"""Safety rule 3 for sessions: nothing the partner sees changes because of a check-in, a report
or a pause. A paused person's state simply stays where it was."""

import pytest

from safety.content import QUESTION_IDS
from safety.services import check_in_submit, report_create

pytestmark = pytest.mark.django_db


def _bram_sees(client_for, bram, session) -> tuple[bytes, bytes]:
    client = client_for(bram)
    return (
        client.get(f"/api/sessions/{session.id}/").content,
        client.get("/api/sessions/").content,
    )


def test_brams_view_is_byte_identical_after_annas_report_and_refused_actions(
    client_for, anna, bram, session
):
    before = _bram_sees(client_for, bram, session)
    report_create(user=anna, note="ik voel me niet veilig")
    anna_client = client_for(anna)
    prompt = session.version.prompts.first()
    refused = anna_client.put(
        f"/api/sessions/{session.id}/answers/{prompt.id}/", {"value": "x"}, format="json"
    )
    assert refused.json()["code"] == "paused"
    assert anna_client.post(f"/api/sessions/{session.id}/submit/").status_code == 409
    assert _bram_sees(client_for, bram, session) == before


def test_brams_view_is_byte_identical_after_annas_help_first_check_in(
    client_for, anna, bram, session
):
    before = _bram_sees(client_for, bram, session)
    check_in_submit(
        user=anna, alone=True, answers={**dict.fromkeys(QUESTION_IDS, "no"), "afraid": "yes"}
    )
    assert _bram_sees(client_for, bram, session) == before

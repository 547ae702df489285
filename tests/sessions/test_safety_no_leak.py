"""Safety rule 3 for sessions: nothing the partner sees changes because of a check-in, a report
or a pause. A paused person's state simply stays where it was."""

import pytest

from safety.content import QUESTION_IDS
from safety.services import check_in_submit, report_create
from sessions.models import DailyQuestion

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


# ---- the daily question (issue 18) ------------------------------------------------------------


def _brams_daily(client_for, bram) -> tuple[bytes, bytes]:
    client = client_for(bram)
    today = client.get("/api/daily/")
    history = client.get("/api/daily/history/")
    assert (today.status_code, history.status_code) == (200, 200)
    return today.content, history.content


@pytest.mark.parametrize("pause", ["report", "check_in"])
def test_a_paused_partner_looks_to_bram_exactly_like_one_who_did_not_answer_the_daily_question(
    client_for, anna, bram, dirk, ella, anna_and_bram, dirk_and_ella, pause
):
    # One question in the pool: both couples get the same one today.
    first = DailyQuestion.objects.create(key="een", text_nl="Hoe was je dag?", text_en="Your day?")
    before = _brams_daily(client_for, bram)
    # Ella simply does not answer today.
    not_answered = _brams_daily(client_for, dirk)
    if pause == "report":
        report_create(user=anna, note="ik voel me niet veilig")
    else:
        check_in_submit(
            user=anna, alone=True, answers={**dict.fromkeys(QUESTION_IDS, "no"), "afraid": "yes"}
        )
    refused = client_for(anna).put("/api/daily/answer/", {"value": "x"}, format="json")
    assert (refused.status_code, refused.json()["code"]) == (409, "paused")

    paused = _brams_daily(client_for, bram)

    assert paused == not_answered == before
    assert b"Hoe was je dag?" in paused[0] and str(first.id).encode() in paused[0]

"""Issue 24: "not now". Either partner can decline or postpone a started exercise with one of a
few kind messages; the partner sees it on the session and in the list, the session stays open,
and answering again takes it back. (No "waiting" notice after it: tests/notifications.)"""

import pytest

from sessions.models import SessionStatus
from tests.factories import answer_all


def _not_now(client, session, message="not_tonight"):
    return client.post(f"/api/sessions/{session.id}/not-now/", {"message": message}, format="json")


def test_anna_says_not_now_and_bram_sees_her_message(client_for, anna, bram, session):
    response = _not_now(client_for(anna), session)

    assert response.status_code == 200
    assert response.json()["message"] == "not_tonight"
    mine = client_for(anna).get(f"/api/sessions/{session.id}/").json()
    assert mine["me"]["not_now"]["message"] == "not_tonight"
    assert mine["partner"]["not_now"] is None
    theirs = client_for(bram).get(f"/api/sessions/{session.id}/").json()
    assert theirs["partner"]["not_now"]["message"] == "not_tonight"
    assert theirs["me"]["not_now"] is None
    listed = client_for(bram).get("/api/sessions/").json()
    assert [(item["id"], item["partner_not_now"]) for item in listed] == [
        (str(session.id), "not_tonight")
    ]
    assert client_for(anna).get("/api/sessions/").json()[0]["partner_not_now"] is None
    session.refresh_from_db()
    assert session.status == SessionStatus.ANSWERING


@pytest.mark.parametrize("message", ["go away", "", None, 3])
def test_only_the_kind_messages_are_accepted(client_for, anna, session, message):
    response = _not_now(client_for(anna), session, message)
    assert response.status_code == 400
    assert "message" in response.json()["fields"]


def test_a_completed_session_cannot_be_put_off(client_for, anna, session):
    session.status = SessionStatus.COMPLETED
    session.save(update_fields=["status"])
    response = _not_now(client_for(anna), session)
    assert response.status_code == 409
    assert response.json()["code"] == "session_not_open"


def test_cas_gets_404_on_anna_and_brams_not_now(client_for, cas, session):
    assert _not_now(client_for(cas), session).status_code == 404


def test_answering_again_takes_the_not_now_back(client_for, anna, bram, session):
    assert _not_now(client_for(anna), session).status_code == 200

    answer_all(session, anna)

    body = client_for(bram).get(f"/api/sessions/{session.id}/").json()
    assert body["partner"]["state"] == "drafting"
    assert body["partner"]["not_now"] is None


def test_anna_can_take_her_not_now_back(client_for, anna, bram, session):
    client = client_for(anna)
    assert _not_now(client, session, "too_tired").status_code == 200

    assert client.delete(f"/api/sessions/{session.id}/not-now/").status_code == 204

    assert client_for(bram).get(f"/api/sessions/{session.id}/").json()["partner"]["not_now"] is None

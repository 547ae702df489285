"""A partner shares their own answers of one revealed session with the therapist, and takes
them back; the therapist reads exactly those, never a kept-private answer."""

import pytest

from pairing.services import couple_end
from tests.factories import (
    ANNA_MARKER,
    BRAM_MARKER,
    answered_session,
    make_user,
    reveal_all,
    therapist_link,
)
from tests.mfa import give_totp
from therapists.models import SessionShare
from therapists.services import therapist_link_end_by_partner


def share_url(session) -> str:
    return f"/api/sessions/{session.pk}/share/"


def share(client, session) -> None:
    response = client.post(share_url(session))
    assert response.status_code == 200, response.content


def detail(client, couple) -> str:
    response = client.get(f"/api/therapist/couples/{couple.pk}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def revealed(linked, version, anna, bram):
    return reveal_all(answered_session(version, anna, bram), anna, bram)


def test_nothing_is_readable_before_a_share(revealed, client_for, thea_mfa, anna_and_bram):
    text = detail(client_for(thea_mfa), anna_and_bram)
    # Not even the session: it was not assigned and nobody shared it.
    assert str(revealed.pk) not in text
    assert ANNA_MARKER not in text and BRAM_MARKER not in text


def test_the_therapist_reads_exactly_the_sharers_answers(
    revealed, client_for, thea_mfa, anna, anna_and_bram
):
    response = client_for(anna).post(share_url(revealed))
    assert response.status_code == 200
    assert response.json()["therapist"] == {"display_name": "Thea"}
    data = client_for(thea_mfa).get(f"/api/therapist/couples/{anna_and_bram.pk}/").json()
    [session] = data["shared_sessions"]
    [shared] = session["shared"]
    assert shared["display_name"] == "Anna"
    assert shared["answers"][0]["value"] == ANNA_MARKER
    assert len(shared["answers"]) == 4
    assert BRAM_MARKER not in str(data)


def test_both_shared_shows_both(revealed, client_for, thea_mfa, anna, bram, anna_and_bram):
    share(client_for(anna), revealed)
    share(client_for(bram), revealed)
    text = detail(client_for(thea_mfa), anna_and_bram)
    assert ANNA_MARKER in text and BRAM_MARKER in text


def test_unsharing_takes_the_answers_back_at_once(
    revealed, client_for, thea_mfa, anna, anna_and_bram
):
    client = client_for(anna)
    share(client, revealed)
    assert ANNA_MARKER in detail(client_for(thea_mfa), anna_and_bram)
    assert client.delete(share_url(revealed)).status_code == 204
    assert ANNA_MARKER not in detail(client_for(thea_mfa), anna_and_bram)
    assert not SessionShare.objects.exists()


def test_kept_private_answers_are_never_shared(
    linked, version, client_for, thea_mfa, anna, bram, anna_and_bram
):
    # bram keeps his text answer (the one with the marker) for himself.
    session = reveal_all(answered_session(version, anna, bram, bram_private=(1,)), anna, bram)
    share(client_for(bram), session)
    data = client_for(thea_mfa).get(f"/api/therapist/couples/{anna_and_bram.pk}/").json()
    [shared] = data["shared_sessions"][0]["shared"]
    assert shared["display_name"] == "Bram"
    assert len(shared["answers"]) == 3
    assert BRAM_MARKER not in str(data)


def test_a_session_not_yet_revealed_cannot_be_shared(linked, version, client_for, anna, bram):
    session = answered_session(version, anna, bram)
    response = client_for(anna).post(share_url(session))
    assert response.status_code == 409
    assert response.json()["code"] == "session_not_revealed"


def test_without_an_active_therapist_there_is_nobody_to_share_with(
    thea_mfa, version, client_for, anna, bram, anna_and_bram
):
    session = reveal_all(answered_session(version, anna, bram), anna, bram)
    response = client_for(anna).post(share_url(session))
    assert response.status_code == 409
    assert response.json()["code"] == "no_therapist"


def test_dirk_gets_404_on_anna_and_brams_session(revealed, client_for, dirk, dirk_and_ella):
    assert client_for(dirk).post(share_url(revealed)).status_code == 404
    assert client_for(dirk).delete(share_url(revealed)).status_code == 404


def test_a_share_is_with_that_therapist_only(
    revealed, client_for, thea_mfa, anna, bram, anna_and_bram
):
    share(client_for(anna), revealed)
    assert ANNA_MARKER in detail(client_for(thea_mfa), anna_and_bram)
    therapist_link_end_by_partner(user=bram)
    theo = make_user("theo", is_therapist=True)
    give_totp(theo)
    therapist_link(theo, anna, bram)
    # theo reads the couple's page (``detail`` checks the 200), without what anna gave thea.
    assert ANNA_MARKER not in detail(client_for(theo), anna_and_bram)


def test_ending_the_couple_removes_the_shared_answers_from_the_therapist(
    revealed, client_for, thea_mfa, anna, anna_and_bram
):
    share(client_for(anna), revealed)
    assert ANNA_MARKER in detail(client_for(thea_mfa), anna_and_bram)
    couple_end(user=anna)
    response = client_for(thea_mfa).get(f"/api/therapist/couples/{anna_and_bram.pk}/")
    assert response.status_code == 404

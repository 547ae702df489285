"""Looking back shows the reactions sent during the live reveal (issue 16): both partners see
them while the couple lasts; after it ended each keeps only their own; nobody else sees any."""

import pytest

from pairing.services import couple_end
from sessions.models import SessionReaction
from tests.factories import answered_session, reveal_all


@pytest.fixture
def reacted(version, anna, bram, anna_and_bram):
    session = reveal_all(answered_session(version, anna, bram), anna, bram)
    first = version.prompts.order_by("position").first()
    # Reactions are sent while the reveal is live; add them as the live service stores them.
    SessionReaction.objects.create(session=session, prompt=first, user=anna, reaction="thanks")
    SessionReaction.objects.create(session=session, prompt=first, user=bram, reaction="me_too")
    return session, first


def url(session) -> str:
    return f"/api/sessions/{session.id}/reactions/"


def test_both_partners_see_the_reactions_from_their_own_side(
    reacted, client_for, anna, bram, django_assert_num_queries
):
    session, first = reacted
    client = client_for(anna)
    client.get("/api/me/")
    # Sign-in (2), the session (access), the reactions.
    with django_assert_num_queries(4):
        response = client.get(url(session))
    assert response.status_code == 200
    assert [(item["prompt"], item["from"], item["reaction"]) for item in response.json()] == [
        (str(first.id), "me", "thanks"),
        (str(first.id), "partner", "me_too"),
    ]
    brams = client_for(bram).get(url(session)).json()
    assert [(item["from"], item["reaction"]) for item in brams] == [
        ("partner", "thanks"),
        ("me", "me_too"),
    ]


def test_after_the_couple_ended_each_keeps_only_their_own(reacted, client_for, anna):
    session, _first = reacted
    ended = couple_end(user=anna)
    assert ended.ended_at is not None
    response = client_for(anna).get(url(session))
    assert response.status_code == 200
    assert [(item["from"], item["reaction"]) for item in response.json()] == [("me", "thanks")]


def test_another_couple_a_stranger_and_anonymous_get_nothing(reacted, client_for, cas, dirk, api):
    session, _first = reacted
    assert client_for(cas).get(url(session)).status_code == 404
    assert client_for(dirk).get(url(session)).status_code == 404
    assert api.get(url(session)).status_code == 401

"""A reaction is one conditional INSERT: what it must refuse, it refuses without writing.

The connection resolved its access when it joined; these tests change the session or the
couple after that (as another worker or the REST API would) and react with the old access, the
race the single statement has to close.
"""

import pytest

from pairing import services as pairing_services
from pairing.models import Couple
from project.errors import Conflict, Invalid, NotFound
from sessions import services
from sessions.models import CoupleSession, SessionReaction, SessionStatus
from sessions.selectors import live_access
from tests.factories import reveal_first_prompt

pytestmark = pytest.mark.django_db


@pytest.fixture
def revealing(clock, ready_session, anna, bram):
    reveal_first_prompt(ready_session, anna, bram)
    ready_session.refresh_from_db()
    assert ready_session.status == SessionStatus.REVEALING
    assert ready_session.reveals.count() == 1
    return ready_session


def _prompts(session: CoupleSession) -> list:
    return list(session.version.prompts.order_by("position").values_list("id", flat=True))


def _react_with(access, session: CoupleSession, user) -> None:
    """React on the first prompt with the access the connection resolved when it joined."""
    services.reveal_react(
        user=user,
        session_id=session.id,
        prompt_id=_prompts(session)[0],
        reaction="thanks",
        access=access,
    )


def test_a_reaction_on_a_revealed_prompt_is_written_once(revealing, bram):
    first = _prompts(revealing)[0]
    services.reveal_react(user=bram, session_id=revealing.id, prompt_id=first, reaction="thanks")
    assert list(SessionReaction.objects.values_list("user_id", "prompt_id", "reaction")) == [
        (bram.pk, first, "thanks")
    ]


def test_a_prompt_not_yet_revealed_is_refused_and_nothing_is_written(revealing, bram):
    second = _prompts(revealing)[1]
    with pytest.raises(Conflict) as refused:
        services.reveal_react(
            user=bram, session_id=revealing.id, prompt_id=second, reaction="thanks"
        )
    assert refused.value.code == "prompt_not_revealed"
    assert not SessionReaction.objects.exists()


def test_another_word_is_refused_before_the_database(revealing, bram, django_assert_num_queries):
    access = live_access(user=bram, session_id=revealing.id)
    first = _prompts(revealing)[0]
    with django_assert_num_queries(0), pytest.raises(Invalid) as refused:
        services.reveal_react(
            user=bram,
            session_id=revealing.id,
            prompt_id=first,
            reaction="boo",
            access=access,
        )
    assert refused.value.code == "invalid_reaction"
    assert not SessionReaction.objects.exists()


def test_a_couple_that_ended_after_the_connection_joined_gets_no_reaction(revealing, anna, bram):
    access = live_access(user=bram, session_id=revealing.id)
    pairing_services.couple_end(user=anna)
    assert Couple.objects.get(pk=revealing.couple_id).ended_at is not None
    with pytest.raises(Conflict) as refused:
        _react_with(access, revealing, bram)
    assert refused.value.code == "couple_ended"
    assert not SessionReaction.objects.exists()


def test_a_session_no_longer_live_gets_no_reaction(revealing, bram):
    access = live_access(user=bram, session_id=revealing.id)
    updated = CoupleSession.objects.filter(pk=revealing.pk).update(status=SessionStatus.ABANDONED)
    assert updated == 1
    with pytest.raises(Conflict) as refused:
        _react_with(access, revealing, bram)
    assert refused.value.code == "session_not_live"
    assert not SessionReaction.objects.exists()


def test_a_session_erased_after_the_connection_joined_is_not_found(revealing, bram):
    access = live_access(user=bram, session_id=revealing.id)
    CoupleSession.objects.filter(pk=revealing.pk).delete()
    with pytest.raises(NotFound):
        _react_with(access, revealing, bram)
    assert not SessionReaction.objects.exists()

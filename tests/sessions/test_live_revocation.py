"""Access is resolved once per connection; what ends it reaches the person's own sockets.

Signing out (one session or all of them), a new password, a pause (check-in "yes", a report),
the couple's end and erasure close that person's live-reveal sockets (issue 23 findings 2 and
3, issue 17). To the partner every one of them is exactly "left the room": the partner-side
frames are compared byte for byte with those of a person who simply left.
"""

from __future__ import annotations

import json

import pytest
from channels.db import database_sync_to_async
from django.contrib.sessions.backends.db import SessionStore

from pairing.services import couple_end
from project.errors import Conflict
from safety import services as safety_services
from sessions import services as session_services
from sessions.models import CoupleSession, PromptReveal, SessionReaction
from tests.factories import one_yes, submitted_session
from tests.support.live import channels_of, connect, session_key_for

pytestmark = pytest.mark.django_db(transaction=True)


async def _both(session, first, second, *, first_key=None):
    first_live, ok_a, _ = await connect(first, session.id, key=first_key)
    second_live, ok_b, _ = await connect(second, session.id)
    assert ok_a and ok_b
    await first_live.expect("state", partner_present=True)
    await second_live.expect("state", partner_present=True)
    return first_live, second_live


def _bytes(messages: list[dict]) -> list[str]:
    return [json.dumps(message, sort_keys=True) for message in messages]


async def _partner_frames_when(first, second, session, stop) -> tuple[list[str], object]:
    """``first`` says ready, then ``stop(first_live)`` takes ``first`` out of the room; the
    partner says ready too. Returns every frame the partner received, and ``first``'s live."""
    first_live, second_live = await _both(session, first, second)
    await first_live.send({"type": "ready"})
    await first_live.expect("state", you_ready=True)
    await second_live.expect("state", partner_ready=True)
    await stop(first_live)
    await first_live.expect("__closed__")
    await second_live.expect("state", partner_present=False)
    await second_live.send({"type": "ready"})
    await second_live.expect("state", you_ready=True)
    await second_live.nothing_more(first_live)
    await second_live.close()
    return _bytes(second_live.log), first_live


async def _leave(live) -> None:
    await live.send({"type": "leave"})


async def test_a_pause_during_the_reveal_looks_to_the_partner_exactly_like_leaving(
    anna, bram, dirk, ella, anna_and_bram, dirk_and_ella, version
):
    left_session = await database_sync_to_async(submitted_session)(anna, bram, version)
    paused_session = await database_sync_to_async(submitted_session)(dirk, ella, version)

    left, _anna_live = await _partner_frames_when(anna, bram, left_session, _leave)

    async def pause(live) -> None:
        result = await database_sync_to_async(safety_services.check_in_submit)(
            user=dirk, alone=True, answers=one_yes("afraid")
        )
        assert result.pauses

    paused, dirk_live = await _partner_frames_when(dirk, ella, paused_session, pause)
    assert dirk_live.closed_with == 4409
    assert paused == left
    # dirk's earlier "ready" and ella's revealed nothing, and dirk no longer counts as present.
    assert not await database_sync_to_async(
        PromptReveal.objects.filter(session=paused_session).exists
    )()
    assert channels_of(dirk, paused_session.id) == set()


async def test_a_report_closes_my_sockets_like_leaving(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await database_sync_to_async(safety_services.report_create)(user=anna, note="")
    await anna_live.expect("__closed__")
    assert anna_live.closed_with == 4409
    assert (await bram_live.expect("state"))["partner_present"] is False
    await bram_live.nothing_more()
    await bram_live.close()


async def test_signing_out_closes_the_socket_of_that_session_only(anna, bram, ready_session):
    key = await database_sync_to_async(session_key_for)(anna)
    anna_live, bram_live = await _both(ready_session, anna, bram, first_key=key)
    other_device, ok, _ = await connect(anna, ready_session.id)
    assert ok
    await other_device.expect("state")
    await database_sync_to_async(SessionStore(key).delete)()
    await anna_live.expect("__closed__")
    assert anna_live.closed_with == 4401
    # The other device, signed in with another session, stays (it only sees the new state).
    assert {message["type"] for message in await other_device.drain(anna_live)} <= {"state"}
    assert other_device.closed_with is None
    await other_device.send({"type": "ready"})
    assert (await other_device.expect("state", you_ready=True))["partner_present"] is True
    await other_device.close()
    await bram_live.close()


async def test_after_logout_the_socket_no_longer_moves_the_session(anna, bram, ready_session):
    key = await database_sync_to_async(session_key_for)(anna)
    anna_live, bram_live = await _both(ready_session, anna, bram, first_key=key)
    await database_sync_to_async(SessionStore(key).delete)()
    await anna_live.expect("__closed__")
    await bram_live.expect("state", partner_present=False)
    await bram_live.send({"type": "ready"})
    await bram_live.expect("state", you_ready=True, partner_ready=False)
    await bram_live.nothing_more()
    session = await database_sync_to_async(CoupleSession.objects.get)(pk=ready_session.pk)
    assert session.current_index == 0
    await bram_live.close()


async def test_a_new_password_closes_every_socket_of_the_person(anna, bram, ready_session):
    from rest_framework.test import APIClient

    from tests.factories import password_of

    anna_live, bram_live = await _both(ready_session, anna, bram)
    second, ok, _ = await connect(anna, ready_session.id)
    assert ok
    await second.expect("state")

    def change() -> None:
        client = APIClient()
        client.force_login(anna)
        response = client.post(
            "/_allauth/browser/v1/account/password/change",
            {"current_password": password_of(anna), "new_password": "A new long pass-phrase 9"},
            format="json",
        )
        assert response.status_code == 200, response.content

    await database_sync_to_async(change)()
    for live in (anna_live, second):
        await live.expect("__closed__")
        assert live.closed_with == 4401
    await bram_live.expect("state", partner_present=False)
    await bram_live.close()


async def test_the_couple_ending_closes_sockets_on_a_completed_session(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    for index in range(4):
        await anna_live.send({"type": "ready"})
        await bram_live.send({"type": "ready"})
        revealed = await anna_live.expect("reveal", index=index)
        await bram_live.expect("reveal", index=index)
    await anna_live.expect("completed")
    await bram_live.expect("completed")
    await database_sync_to_async(couple_end)(user=anna)
    for live in (anna_live, bram_live):
        assert (await live.expect("__closed__"))["code"] == 4410
    # And the service refuses a reaction on that session from now on.
    with pytest.raises(Conflict) as refused:
        await database_sync_to_async(session_services.reveal_react)(
            user=bram,
            session_id=ready_session.id,
            prompt_id=revealed["prompt"],
            reaction="thanks",
        )
    assert refused.value.code == "couple_ended"
    assert not await database_sync_to_async(SessionReaction.objects.exists)()


async def test_erasure_closes_the_partners_sockets_too(anna, bram, ready_session):
    from privacy.services import user_delete

    anna_live, bram_live = await _both(ready_session, anna, bram)
    await database_sync_to_async(user_delete)(user=anna)
    assert (await anna_live.expect("__closed__"))["code"] in (4401, 4410)
    assert (await bram_live.expect("__closed__"))["code"] == 4410

"""The live reveal over /ws/sessions/<uuid>/, through the project's real ASGI stack."""

import json

import pytest
from channels.db import database_sync_to_async

from exercises.models import Prompt
from sessions.models import CoupleSession, PromptReveal, SessionStatus
from tests.factories import MARKER, PRIVATE_MARKER, answer_all
from tests.support.live import channels_of, connect, mark_present

pytestmark = pytest.mark.django_db(transaction=True)


@database_sync_to_async
def _prompt_ids(session) -> list[str]:
    return [
        str(pk)
        for pk in Prompt.objects.filter(version=session.version)
        .order_by("position")
        .values_list("id", flat=True)
    ]


@database_sync_to_async
def _refresh(session) -> CoupleSession:
    return CoupleSession.objects.get(pk=session.pk)


async def _both(session, anna, bram):
    anna_live, ok_a, _ = await connect(anna, session.id)
    bram_live, ok_b, _ = await connect(bram, session.id, cookie=True)
    assert ok_a and ok_b
    await anna_live.expect("state", partner_present=True)
    await bram_live.expect("state", partner_present=True)
    return anna_live, bram_live


async def _reveal_next(anna_live, bram_live) -> tuple[dict, dict]:
    await anna_live.send({"type": "ready"})
    await bram_live.send({"type": "ready"})
    return await anna_live.expect("reveal"), await bram_live.expect("reveal")


async def test_connecting_gives_the_state_and_starts_revealing(anna, bram, ready_session):
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    state = await anna_live.expect("state")
    assert state == {
        "type": "state",
        "status": "revealing",
        "current_index": 0,
        "prompt_count": 4,
        "current_prompt": (await _prompt_ids(ready_session))[0],
        "partner_present": False,
        "you_ready": False,
        "partner_ready": False,
        "paused": False,
    }
    bram_live, _, _ = await connect(bram, ready_session.id)
    assert (await anna_live.expect("state"))["partner_present"] is True
    assert (await bram_live.expect("state"))["partner_present"] is True
    await anna_live.close()
    assert (await bram_live.expect("state"))["partner_present"] is False
    await bram_live.close()


async def test_a_prompt_is_revealed_to_both_only_once_both_said_ready(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    prompts = await _prompt_ids(ready_session)
    await anna_live.send({"type": "ready"})
    assert await anna_live.expect("state", you_ready=True, partner_ready=False)
    assert await bram_live.expect("state", you_ready=False, partner_ready=True)
    assert "reveal" not in [m["type"] for m in await anna_live.drain()]
    await bram_live.send({"type": "ready", "index": 0})
    anna_reveal = await anna_live.expect("reveal")
    bram_reveal = await bram_live.expect("reveal")
    assert anna_reveal == {
        "type": "reveal",
        "prompt": prompts[0],
        "index": 0,
        "mine": {"value": "Anna schrijft", "keep_private": False},
        "partner": {"value": MARKER, "keep_private": False},
    }
    assert bram_reveal["mine"] == anna_reveal["partner"]
    assert bram_reveal["partner"] == anna_reveal["mine"]
    state = await anna_live.expect("state")
    assert (state["current_index"], state["you_ready"], state["partner_ready"]) == (1, False, False)
    await anna_live.close()
    await bram_live.close()


async def test_the_whole_reveal_ends_in_completed(client_for, anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    for _ in range(4):
        await _reveal_next(anna_live, bram_live)
    await anna_live.expect("completed")
    await bram_live.expect("completed")
    assert (await anna_live.expect("state"))["status"] == "completed"
    session = await _refresh(ready_session)
    assert session.status == SessionStatus.COMPLETED
    assert session.completed_at is not None
    await anna_live.close()
    await bram_live.close()
    body = await database_sync_to_async(
        lambda: client_for(anna).get(f"/api/sessions/{ready_session.id}/").json()
    )()
    assert body["revealed"][0]["partner"]["value"] == MARKER
    assert len(body["revealed"]) == 4


async def test_ready_waits_for_a_partner_who_dropped_and_reveals_when_they_return(
    anna, bram, ready_session
):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await bram_live.send({"type": "ready"})
    await bram_live.expect("state", you_ready=True)
    await bram_live.close()
    await anna_live.send({"type": "ready"})
    await anna_live.expect("state", you_ready=True, partner_ready=True, partner_present=False)
    assert "reveal" not in [m["type"] for m in await anna_live.drain()]
    bram_again, _, _ = await connect(bram, ready_session.id)
    assert (await anna_live.expect("reveal"))["index"] == 0
    assert (await bram_again.expect("reveal"))["index"] == 0
    await anna_live.close()
    await bram_again.close()


async def test_a_reconnect_mid_reveal_gets_the_current_state_and_continues(
    anna, bram, ready_session
):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await _reveal_next(anna_live, bram_live)
    await anna_live.close()
    anna_again, _, _ = await connect(anna, ready_session.id)
    state = await anna_again.expect("state", partner_present=True)
    assert state["current_index"] == 1
    first, _second = await _reveal_next(anna_again, bram_live)
    assert first["index"] == 1
    await anna_again.close()
    await bram_live.close()


async def test_a_second_device_of_the_same_person_follows_along(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    anna_tablet, _, _ = await connect(anna, ready_session.id)
    await anna_tablet.expect("state", partner_present=True)
    await anna_tablet.send({"type": "ready"})
    await anna_live.expect("state", you_ready=True)
    await bram_live.expect("state", partner_ready=True)
    await bram_live.send({"type": "ready"})
    for live in (anna_live, anna_tablet, bram_live):
        assert (await live.expect("reveal"))["index"] == 0
    await anna_tablet.close()
    # Anna is still here on her phone.
    assert (await bram_live.expect("state"))["partner_present"] is True
    for live in (anna_live, bram_live):
        await live.close()


async def test_reactions_go_to_both(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    first, _ = await _reveal_next(anna_live, bram_live)
    for reaction in ("thanks", "hear_you", "tell_me_more", "me_too"):
        await anna_live.send({"type": "react", "prompt": first["prompt"], "reaction": reaction})
        got = await bram_live.expect("reaction")
        assert got == {
            "type": "reaction",
            "prompt": first["prompt"],
            "reaction": reaction,
            "from_me": False,
        }
        assert (await anna_live.expect("reaction"))["from_me"] is True
    await anna_live.close()
    await bram_live.close()


async def test_reacting_to_an_unrevealed_prompt_or_with_another_word_is_an_error(
    anna, bram, ready_session
):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    prompts = await _prompt_ids(ready_session)
    await anna_live.send({"type": "react", "prompt": prompts[2], "reaction": "thanks"})
    assert (await anna_live.expect("error"))["code"] == "prompt_not_revealed"
    first, _ = await _reveal_next(anna_live, bram_live)
    await anna_live.send({"type": "react", "prompt": first["prompt"], "reaction": "boo"})
    assert (await anna_live.expect("error"))["code"] == "invalid_reaction"
    await anna_live.send({"type": "react", "prompt": "not-a-uuid", "reaction": "thanks"})
    assert (await anna_live.expect("error"))["code"] == "malformed"
    assert [m["type"] for m in await bram_live.drain(anna_live)] == ["state"]
    await anna_live.close()
    await bram_live.close()


async def test_either_partner_pauses_both_breathe_and_either_resumes(anna, bram, ready_session):
    await database_sync_to_async(type(bram).objects.filter(pk=bram.pk).update)(language="en")
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await bram_live.send({"type": "pause"})
    anna_paused = await anna_live.expect("paused")
    bram_paused = await bram_live.expect("paused")
    assert "adem" in anna_paused["breathing"].lower()
    assert "breathe" in bram_paused["breathing"].lower()
    assert (await anna_live.expect("state"))["paused"] is True
    await anna_live.send({"type": "ready"})
    assert (await anna_live.expect("error"))["code"] == "session_paused"
    await anna_live.send({"type": "resume"})
    await anna_live.expect("resumed")
    await bram_live.expect("resumed")
    assert (await bram_live.expect("state"))["paused"] is False
    await _reveal_next(anna_live, bram_live)
    await anna_live.close()
    await bram_live.close()


async def test_a_pause_survives_a_reconnect(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await anna_live.send({"type": "pause"})
    await bram_live.expect("paused")
    await bram_live.close()
    bram_again, _, _ = await connect(bram, ready_session.id)
    assert (await bram_again.expect("state"))["paused"] is True
    await anna_live.close()
    await bram_again.close()


async def test_leave_closes_my_connection_and_my_partner_sees_me_go(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await anna_live.send({"type": "leave"})
    assert (await anna_live.next())["type"] == "__closed__"
    assert (await bram_live.expect("state"))["partner_present"] is False
    assert channels_of(anna, ready_session.id) == set()
    await bram_live.close()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{not json", "malformed"),
        ('"just a string"', "unknown_type"),
        ("[1, 2]", "unknown_type"),
        ('{"no_type": 1}', "unknown_type"),
        ('{"type": "shout"}', "unknown_type"),
        ('{"type": "ready", "index": "zero"}', "malformed"),
    ],
)
async def test_a_malformed_or_unknown_message_is_an_error_and_the_connection_stays(
    anna, bram, ready_session, frame, code
):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await anna_live.send(frame)
    assert (await anna_live.expect("error"))["code"] == code
    await _reveal_next(anna_live, bram_live)
    await anna_live.close()
    await bram_live.close()


async def test_a_binary_frame_is_an_error_and_the_connection_stays(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await anna_live.communicator.send_to(bytes_data=b"\x00\x01")
    assert (await anna_live.expect("error"))["code"] == "malformed"
    await _reveal_next(anna_live, bram_live)
    await anna_live.close()
    await bram_live.close()


async def test_an_oversized_message_is_refused_and_the_connection_closed(anna, ready_session):
    anna_live, _, _ = await connect(anna, ready_session.id)
    await anna_live.expect("state")
    await anna_live.send({"type": "ready", "padding": "x" * 5000})
    assert (await anna_live.expect("error"))["code"] == "message_too_large"
    assert (await anna_live.next())["type"] == "__closed__"
    assert anna_live.closed_with == 1009
    assert not await database_sync_to_async(
        PromptReveal.objects.filter(session=ready_session).exists
    )()


async def test_anonymous_is_refused(ready_session):
    _, connected, code = await connect(None, ready_session.id)
    assert (connected, code) == (False, 4401)


async def test_cas_and_dirk_are_refused_like_an_unknown_session(
    cas, dirk, dirk_and_ella, ready_session
):
    for stranger in (cas, dirk):
        _, connected, code = await connect(stranger, ready_session.id)
        assert (connected, code) == (False, 4404)


async def test_an_unknown_session_is_refused(anna, anna_and_bram):
    import uuid

    _, connected, code = await connect(anna, uuid.uuid4())
    assert (connected, code) == (False, 4404)


async def test_a_foreign_origin_is_refused(anna, ready_session):
    _, connected, _ = await connect(anna, ready_session.id, origin="https://evil.example")
    assert connected is False


async def test_a_foreign_origin_is_refused_with_a_cookie_too(anna, ready_session):
    _, connected, _ = await connect(
        anna, ready_session.id, origin="https://evil.example", cookie=True
    )
    assert connected is False


async def test_a_cookie_without_an_origin_is_refused(anna, ready_session):
    _, connected, _ = await connect(anna, ready_session.id, origin="", cookie=True)
    assert connected is False


async def test_an_app_client_without_an_origin_connects_with_its_token(anna, ready_session):
    live, connected, _ = await connect(anna, ready_session.id, origin="")
    assert connected
    assert (await live.expect("state"))["status"] == "revealing"
    await live.close()


async def test_a_session_still_being_answered_is_refused_with_an_error(anna, session):
    live, connected, _ = await connect(anna, session.id)
    assert connected
    error = await live.expect("error")
    assert error["code"] == "session_not_live"
    assert (await live.next())["type"] == "__closed__"
    assert live.closed_with == 4409


async def test_a_paused_person_is_refused_and_the_partner_sees_nobody(anna, bram, ready_session):
    from safety.services import report_create

    bram_live, _, _ = await connect(bram, ready_session.id)
    await bram_live.expect("state")
    await database_sync_to_async(report_create)(user=anna)
    anna_live, connected, _ = await connect(anna, ready_session.id)
    assert connected
    assert (await anna_live.expect("error"))["code"] == "paused"
    assert (await anna_live.next())["type"] == "__closed__"
    # Exactly what bram would see if anna had simply not come: nothing.
    await bram_live.nothing_more()
    await bram_live.close()


async def test_a_person_with_a_check_in_due_is_refused(anna, ready_session):
    from safety.models import SafetyCheckIn

    await database_sync_to_async(SafetyCheckIn.objects.filter(user=anna).delete)()
    anna_live, _, _ = await connect(anna, ready_session.id)
    assert (await anna_live.expect("error"))["code"] == "check_in_required"
    assert (await anna_live.next())["type"] == "__closed__"


async def test_ending_the_couple_ends_the_live_reveal(anna, bram, ready_session):
    from pairing.services import couple_end

    anna_live, bram_live = await _both(ready_session, anna, bram)
    await database_sync_to_async(couple_end)(user=anna)
    assert (await bram_live.expect("state"))["status"] == "abandoned"
    assert (await bram_live.next())["type"] == "__closed__"
    assert bram_live.closed_with == 4410
    await anna_live.close()


async def test_a_stale_presence_from_a_dead_worker_does_not_count(anna, bram, ready_session):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from sessions.presence import PRESENCE_TTL

    # Bram's worker beat for the last time more than a TTL ago, then died.
    with time_machine.travel(timezone.now() - PRESENCE_TTL - timedelta(seconds=1), tick=False):
        mark_present(ready_session, bram, channel="dead-worker!abc")
    anna_live, _, _ = await connect(anna, ready_session.id)
    assert (await anna_live.expect("state"))["partner_present"] is False
    await anna_live.close()


async def test_before_the_reveal_anna_never_receives_brams_answer(anna, bram, ready_session):
    prompts = await _prompt_ids(ready_session)
    anna_live, bram_live = await _both(ready_session, anna, bram)
    for message in (
        {"type": "react", "prompt": prompts[0], "reaction": "thanks"},
        {"type": "ready", "index": 3},
        {"type": "pause"},
        {"type": "resume"},
        {"type": "ready"},
        "{broken",
    ):
        await anna_live.send(message)
    await anna_live.expect("state", you_ready=True)
    await anna_live.drain()
    assert {m["type"] for m in anna_live.log} == {"state", "error", "paused", "resumed"}
    assert MARKER not in json.dumps(anna_live.log)
    await bram_live.send({"type": "ready"})
    assert (await anna_live.expect("reveal"))["partner"]["value"] == MARKER
    await anna_live.close()
    await bram_live.close()


async def test_a_kept_private_answer_never_reaches_the_partner_live(anna, bram, session):
    from sessions.services import session_submit

    def prepare():
        answer_all(session, anna)
        answer_all(session, bram, text=PRIVATE_MARKER, private=(1,))
        session_submit(user=anna, session=session)
        session_submit(user=bram, session=session)

    await database_sync_to_async(prepare)()
    anna_live, bram_live = await _both(session, anna, bram)
    for _ in range(4):
        await _reveal_next(anna_live, bram_live)
    await anna_live.expect("completed")
    assert PRIVATE_MARKER not in json.dumps(anna_live.log)
    first = next(m for m in anna_live.log if m["type"] == "reveal" and m["index"] == 0)
    assert first["partner"] == {"value": None, "keep_private": True}
    bram_first = next(m for m in bram_live.log if m["type"] == "reveal" and m["index"] == 0)
    assert bram_first["mine"] == {"value": PRIVATE_MARKER, "keep_private": True}
    await anna_live.close()
    await bram_live.close()

"""``/ws/me/``: one socket per signed-in app. The services send each person the frame they may
see (ids and states, never content); the consumer forwards it without a database read."""

import json

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from pairing.services import couple_end
from project.me_channel import couple_frame, send_frame
from sessions import services as session_services
from sessions.models import ParticipantState, SessionStatus
from tests.factories import MARKER, answer_all, fresh_check_in, link, report_unsafe
from tests.sessions.test_live_reveal_queries import ConsumerQueries
from tests.support.live import connect as connect_reveal
from tests.support.live import session_key_for
from tests.support.me import connect_me

pytestmark = pytest.mark.django_db(transaction=True)

db = database_sync_to_async


def frame(raw: str) -> dict:
    return json.loads(raw)


def session_frame(session, *, status, me, partner, present=False) -> dict:
    return {
        "type": "session",
        "id": str(session.id),
        "status": status,
        "me": {"state": me},
        "partner": {"state": partner, "present": present},
    }


async def test_anonymous_and_foreign_origins_are_refused(anna):
    _me, connected, code = await connect_me(None)
    assert not connected and code == 4401
    _me, connected, _ = await connect_me(anna, origin="https://evil.example")
    assert not connected


async def test_connecting_reads_only_who_is_signed_in_and_an_event_costs_no_query(anna):
    key = await db(session_key_for)(anna)
    async with ConsumerQueries() as connecting:
        me, connected, _ = await connect_me(anna, key=key)
    assert connected
    # The session row and the user row, as every signed-in socket; nothing per feature.
    assert connecting.count == 2
    async with ConsumerQueries() as receiving:
        await db(send_frame)(anna.pk, couple_frame("Bram"))
        received = await me.drain()
        assert [frame(raw) for raw in received] == [couple_frame("Bram")]
    assert receiving.count == 0
    await me.close()


async def test_both_see_the_partner_appear_when_the_invite_is_accepted_and_go_when_it_ends(
    anna, bram, cas
):
    anna_me, ok_a, _ = await connect_me(anna)
    bram_me, ok_b, _ = await connect_me(bram)
    cas_me, ok_c, _ = await connect_me(cas)
    assert ok_a and ok_b and ok_c
    couple = await db(link)(anna, bram)
    assert couple.is_active
    assert [frame(raw) for raw in await anna_me.drain()] == [
        {"type": "couple", "partner": {"display_name": "Bram"}}
    ]
    assert [frame(raw) for raw in await bram_me.drain()] == [
        {"type": "couple", "partner": {"display_name": "Anna"}}
    ]

    ended = await db(couple_end)(user=bram)
    assert ended.ended_at is not None
    for me in (anna_me, bram_me):
        assert [frame(raw) for raw in await me.drain()] == [{"type": "couple", "partner": None}]
    # Another person hears nothing of it.
    assert await cas_me.drain() == []
    for me in (anna_me, bram_me, cas_me):
        await me.close()


async def test_the_partner_follows_start_answering_and_locking_without_content(
    anna, bram, anna_and_bram, version
):
    anna_me, _, _ = await connect_me(anna)
    bram_me, _, _ = await connect_me(bram)
    session = await db(session_services.session_start)(
        user=anna, exercise_slug=version.exercise.slug
    )
    started = session_frame(session, status="answering", me="not_started", partner="not_started")
    assert [frame(raw) for raw in await bram_me.drain()] == [started]

    await db(answer_all)(session, anna, text=MARKER)
    received = await bram_me.drain()
    assert [frame(raw) for raw in received] == [
        session_frame(session, status="answering", me="not_started", partner="drafting")
    ]
    assert MARKER not in "".join(received)
    await db(session_services.session_submit)(user=anna, session=session)
    assert [frame(raw) for raw in await bram_me.drain()] == [
        session_frame(session, status="answering", me="not_started", partner="submitted")
    ]
    await db(answer_all)(session, bram)
    await db(session_services.session_submit)(user=bram, session=session)
    frames = [frame(raw) for raw in await anna_me.drain()]
    assert frames[-1] == session_frame(
        session, status=SessionStatus.READY_TO_REVEAL, me="submitted", partner="submitted"
    )
    assert MARKER not in json.dumps(frames)
    await anna_me.close()
    await bram_me.close()


async def test_the_partner_sees_who_is_in_the_reveal_room(anna, bram, ready_session):
    anna_me, _, _ = await connect_me(anna)
    bram_live, connected, _ = await connect_reveal(bram, ready_session.id)
    assert connected
    await bram_live.expect("state")
    frames = [frame(raw) for raw in await anna_me.drain()]
    assert frames[-1] == session_frame(
        ready_session,
        status=SessionStatus.REVEALING,
        me=ParticipantState.SUBMITTED,
        partner=ParticipantState.SUBMITTED,
        present=True,
    )
    await bram_live.close()
    # The disconnect runs after close() returns: wait (with a deadline) for its frame.
    left = await anna_me.next()
    assert left["partner"] == {"state": "submitted", "present": False}
    await anna_me.close()


async def test_a_paused_partner_looks_byte_identical_to_one_who_has_not_answered(
    anna, bram, session
):
    """Safety rule 3 on /ws/me/: anna reports and is paused; bram's frames are exactly those he
    gets when anna simply has not answered."""
    bram_me, connected, _ = await connect_me(bram)
    assert connected
    await db(report_unsafe)(anna, "ik voel me niet veilig")
    anna_client = Client()
    await db(anna_client.force_login)(anna)
    prompt = await db(session.version.prompts.first)()
    refused = await db(anna_client.put)(
        f"/api/sessions/{session.id}/answers/{prompt.id}/",
        data=json.dumps({"value": "x"}),
        content_type="application/json",
    )
    assert refused.json()["code"] == "paused"
    # Nothing at all reaches bram because of the report or the refused actions.
    assert await bram_me.drain() == []

    # When bram answers, he gets the frame of a partner who has not started, byte for byte.
    await db(answer_all)(session, bram)
    expected = session_frame(session, status="answering", me="drafting", partner="not_started")
    assert await bram_me.drain() == [json.dumps(expected)]
    await bram_me.close()


async def test_a_check_in_changes_nothing_the_partner_receives(anna, bram, session):
    bram_me, _, _ = await connect_me(bram)
    await db(fresh_check_in)(anna)
    assert await bram_me.drain() == []
    await bram_me.close()


async def test_signing_out_closes_that_devices_socket_with_signed_out_only(anna):
    phone, laptop = Client(), Client()
    await db(phone.force_login)(anna)
    await db(laptop.force_login)(anna)
    phone_key = phone.cookies[settings.SESSION_COOKIE_NAME].value
    laptop_key = laptop.cookies[settings.SESSION_COOKIE_NAME].value
    phone_me, ok_p, _ = await connect_me(anna, key=phone_key)
    laptop_me, ok_l, _ = await connect_me(anna, key=laptop_key, cookie=False)
    assert ok_p and ok_l

    response = await db(phone.delete)("/_allauth/browser/v1/auth/session")
    assert response.status_code == 401  # allauth: signed out
    assert await phone_me.next() == {"type": "signed_out"}
    assert (await phone_me.next())["type"] == "__closed__"
    assert phone_me.closed_with == 4001
    # The laptop is still signed in and still connected.
    assert await laptop_me.drain() == []
    await laptop_me.close()


async def test_a_frame_for_one_person_never_reaches_another(anna, bram, cas, anna_and_bram):
    cas_me, _, _ = await connect_me(cas)
    await get_channel_layer().group_send("me.nobody", {"type": "me.frame", "frame": {}})
    await db(send_frame)(anna.pk, couple_frame("Bram"))
    assert await cas_me.drain() == []
    await cas_me.close()


def _daily_answer(user, value: str):
    client = Client()
    client.force_login(user)
    return client.put(
        "/api/daily/answer/", data=json.dumps({"value": value}), content_type="application/json"
    )


def _daily_frame(*, me: bool, partner: bool) -> dict:
    today = timezone.localdate().isoformat()
    return {"type": "daily", "date": today, "me_answered": me, "partner_answered": partner}


@pytest.mark.parametrize("anna_is_paused", [False, True])
async def test_the_question_of_the_day_moves_on_both_phones_and_a_pause_looks_like_not_yet(
    anna, bram, anna_and_bram, anna_is_paused
):
    """Both hear who answered today (flags, never the answer). Whether anna is paused or simply
    has not answered, bram receives the same bytes."""
    await db(call_command)("daily_questions")
    await db(fresh_check_in)(anna)
    await db(fresh_check_in)(bram)
    if anna_is_paused:
        await db(report_unsafe)(anna, "ik voel me niet veilig")
        refused = await db(_daily_answer)(anna, "niet nu")
        assert refused.status_code == 409, refused.content
    anna_me, ok_a, _ = await connect_me(anna)
    bram_me, ok_b, _ = await connect_me(bram)
    assert ok_a and ok_b

    saved = await db(_daily_answer)(bram, "bram-daily-ws-marker")
    assert saved.status_code == 200, saved.content
    received = await bram_me.drain()
    assert received == [json.dumps(_daily_frame(me=True, partner=False))]
    assert "marker" not in "".join(received)
    assert await anna_me.drain() == [json.dumps(_daily_frame(me=False, partner=True))]
    await anna_me.close()
    await bram_me.close()

"""What sessions announce on ``/ws/me/``: ``{type: session, id, status, me: {state},
partner: {state, present}}`` to each partner, each from their own side.

Ids and states only. A safety pause changes nothing here (a paused person's state simply stays
where it was, and nothing is sent because of a pause), so what a partner receives about a
paused person is identical to what they receive about one who has not answered.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from pairing.models import CoupleMember
from project.me_channel import daily_frame, send_frame

from .events import collector
from .models import CoupleSession, DailyAnswer, SessionParticipant


def session_frame(
    *, session: CoupleSession, me: UUID, states: dict[UUID, str], present: Iterable[UUID] = ()
) -> dict[str, Any]:
    partner = next((user_id for user_id in states if user_id != me), None)
    present = set(present)
    return {
        "type": "session",
        "id": str(session.id),
        "status": session.status,
        "me": {"state": states.get(me)},
        "partner": None
        if partner is None
        else {"state": states[partner], "present": partner in present},
    }


def announce_session(
    session: CoupleSession,
    *,
    states: dict[UUID, str] | None = None,
    present: Iterable[UUID] = (),
) -> None:
    """Tell both partners the session's status and states. ``states`` (user id -> participant
    state) when the caller already has them; else one query here, on the sending side."""
    if states is None:
        states = dict(
            SessionParticipant.objects.filter(session=session).values_list("user_id", "state")
        )
    present = set(present)
    collect = collector()
    for user_id in states:
        frame = session_frame(session=session, me=user_id, states=states, present=present)
        send_frame(user_id, frame, collect=collect)


def announce_daily(*, couple_id: UUID, day: date) -> None:
    """The daily question changed for a couple: each partner hears who answered today, from their
    own side (flags only). A paused person cannot answer, so they read exactly as "not yet"."""
    members = list(
        CoupleMember.objects.filter(couple_id=couple_id).values_list("user_id", flat=True)
    )
    answered = set(
        DailyAnswer.objects.filter(couple_id=couple_id, day=day).values_list("user_id", flat=True)
    )
    for me in members:
        partner = next((user_id for user_id in members if user_id != me), None)
        frame = daily_frame(
            date=day.isoformat(), me_answered=me in answered, partner_answered=partner in answered
        )
        send_frame(me, frame)

"""Reads about couple sessions. Every fetch goes through ``access_session``, so no view or
consumer can forget that only the couple's two partners may see a session.

What a partner may see of the other (privacy rules 1, 2 and 4): their state, and their answers
only for prompts the live reveal revealed, never a ``keep_private`` value, and nothing at all
once the couple has ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from django.db.models import FilteredRelation, OuterRef, Q, QuerySet, Subquery, UUIDField
from django.utils.translation import gettext as _

from accounts.models import User
from exercises.models import Prompt
from exercises.selectors import exercise_ref, prompt_data
from project.errors import Conflict, NotFound
from project.prepared import prepared_rows
from safety.selectors import GateFacts, couple_exercise_allowed_until, gate_annotations

from .models import (
    OPEN_SESSION_STATUSES,
    Answer,
    CoupleSession,
    PromptReveal,
    SessionParticipant,
    SessionReaction,
)
from .presence import store as presence_store


def _mine(user: User | UUID) -> Q:
    """Sessions of a couple ``user`` (the person or their id) is or was in, and their own solo
    sessions."""
    return Q(couple__members__user=user) | Q(owner=user)


def access_session(
    *,
    user: User,
    session_id: UUID | str,
    for_update: bool = False,
    reveal_of: UUID | None = None,
) -> CoupleSession:
    """The session if ``user`` is one of its couple's two partners, or the one person of a solo
    session; otherwise 404 (one query).

    Ex-partners keep access to sessions of their ended couple, but the selectors below then
    show them their own answers only. With ``reveal_of`` (a prompt id), the same query also
    gives ``revealed_index``: that prompt's reveal index, or None while it is not revealed.
    """
    sessions = CoupleSession.objects.select_related("version", "exercise", "couple")
    if for_update:
        sessions = sessions.select_for_update(of=("self",))
    if reveal_of is not None:
        reveals = PromptReveal.objects.filter(session=OuterRef("pk"), prompt_id=reveal_of)
        sessions = sessions.annotate(revealed_index=Subquery(reveals.values("index")[:1]))
    session = sessions.filter(_mine(user), pk=session_id).first()
    if session is None:
        raise NotFound()
    return session


def session_for_answer(*, user: User, session_id: UUID | str, prompt_id: UUID) -> CoupleSession:
    """``access_session`` for saving an answer, in one query that locks the session row (as
    ``session_submit`` does, so a save and a submit never interleave). The session carries
    ``version`` and ``couple``, and:

    - ``answer_prompt``: the prompt, or None when it is not part of this session's version;
    - ``my_participant``: ``user``'s participant row;
    - ``partner_user_id`` and ``partner_state`` (None in a solo session), for the ``/ws/me/``
      frame of a first draft;
    - the acting person's safety facts (``safety.selectors.gate_annotations``).
    """
    partner = SessionParticipant.objects.filter(session=OuterRef("pk")).exclude(user=user)
    session = (
        CoupleSession.objects.select_for_update(of=("self",))
        .annotate(
            answer_prompt=FilteredRelation(
                "version__prompts", condition=Q(version__prompts__pk=prompt_id)
            ),
            my_participant=FilteredRelation("participants", condition=Q(participants__user=user)),
            # As a UUID on every database (SQLite would give the foreign key's raw hex).
            partner_user_id=Subquery(partner.values("user_id")[:1], output_field=UUIDField()),
            partner_state=Subquery(partner.values("state")[:1]),
            **gate_annotations(user),
        )
        .select_related("version", "couple", "answer_prompt", "my_participant")
        .filter(_mine(user), pk=session_id)
        .first()
    )
    if session is None:
        raise NotFound()
    return session


def sessions_for_user(*, user: User) -> QuerySet[CoupleSession]:
    """Sessions of every couple this person is or was in, newest first. Each carries
    ``partner_not_now``: the partner's "not now" message, or "" (in the same query)."""
    partner_not_now = SessionParticipant.objects.filter(session=OuterRef("pk")).exclude(user=user)
    return (
        CoupleSession.objects.filter(_mine(user))
        .select_related("version", "exercise")
        .annotate(partner_not_now=Subquery(partner_not_now.values("not_now")[:1]))
        .order_by("-created_at")
    )


def session_prompts(*, session: CoupleSession) -> list[Prompt]:
    return list(Prompt.objects.filter(version_id=session.version_id).order_by("position"))


def session_participants(*, session: CoupleSession) -> list[SessionParticipant]:
    return list(session.participants.select_related("user"))


def _split(
    participants: list[SessionParticipant], user: User
) -> tuple[SessionParticipant, SessionParticipant | None]:
    mine = next(p for p in participants if p.user_id == user.pk)
    partner = next((p for p in participants if p.user_id != user.pk), None)
    return mine, partner


def answer_data(answer: Answer | None, *, own: bool) -> dict[str, Any]:
    """``{value, keep_private}``; the partner never gets a value that was kept private."""
    if answer is None:
        return {"value": None, "keep_private": False}
    if answer.keep_private and not own:
        return {"value": None, "keep_private": True}
    return {"value": answer.value, "keep_private": answer.keep_private}


def session_summary(*, session: CoupleSession, language: str) -> dict[str, Any]:
    return {
        "id": session.id,
        "solo": session.owner_id is not None,
        "exercise": exercise_ref(
            exercise=session.exercise, version=session.version, language=language
        ),
        "status": session.status,
        "created_at": session.created_at,
        "completed_at": session.completed_at,
    }


def session_detail(*, user: User, session: CoupleSession) -> dict[str, Any]:
    """The session as ``user`` may see it. Three queries, whatever the number of prompts or
    answers: participants, prompts (each with its reveal index), answers."""
    language = user.language
    participants = session_participants(session=session)
    mine, partner = _split(participants, user)
    reveal_index = PromptReveal.objects.filter(session=session, prompt=OuterRef("pk"))
    prompts = list(
        Prompt.objects.filter(version_id=session.version_id)
        .annotate(revealed_index=Subquery(reveal_index.values("index")[:1]))
        .order_by("position")
    )
    revealed_ids = [
        prompt.id
        for prompt in sorted(
            (prompt for prompt in prompts if prompt.revealed_index is not None),
            key=lambda prompt: prompt.revealed_index,
        )
    ]
    # A solo session has no partner and nothing revealed: it is answered like an ended couple's.
    couple_ended = session.couple is None or not session.couple.is_active
    answers = Answer.objects.filter(session=session)
    if couple_ended:
        answers = answers.filter(user=user)
    else:
        answers = answers.filter(Q(user=user) | Q(prompt_id__in=revealed_ids))
    own: dict[UUID, Answer] = {}
    theirs: dict[UUID, Answer] = {}
    for answer in answers:
        (own if answer.user_id == user.pk else theirs)[answer.prompt_id] = answer
    return {
        **session_summary(session=session, language=language),
        "prompts": [prompt_data(prompt=prompt, language=language) for prompt in prompts],
        "me": {
            "state": mine.state,
            "not_now": not_now_data(mine),
            "answers": [
                {"prompt": prompt.id, **answer_data(own[prompt.id], own=True)}
                for prompt in prompts
                if prompt.id in own
            ],
        },
        "partner": None
        if couple_ended or partner is None
        else {
            "display_name": partner.user.display_name,
            "state": partner.state,
            "not_now": not_now_data(partner),
        },
        "revealed": [
            {
                "prompt": prompt_id,
                "mine": answer_data(own.get(prompt_id), own=True),
                "partner": None if couple_ended else answer_data(theirs.get(prompt_id), own=False),
            }
            for prompt_id in revealed_ids
        ],
    }


def present_user_ids(*, session_id: UUID) -> set[UUID]:
    """Who has a live connection to this session's reveal now (across all workers): the
    presence store (``sessions.presence``), not the database."""
    return presence_store().present(session_id=session_id)


@dataclass(frozen=True)
class LiveState:
    status: str
    current_index: int
    prompt_count: int
    current_prompt: UUID | None
    partner_present: bool
    you_ready: bool
    partner_ready: bool
    paused: bool
    # Orders states of one session (``live_shared_state``); not part of the message.
    version: int = 0

    def to_message(self) -> dict[str, Any]:
        return {
            "type": "state",
            "status": self.status,
            "current_index": self.current_index,
            "prompt_count": self.prompt_count,
            "current_prompt": str(self.current_prompt) if self.current_prompt else None,
            "partner_present": self.partner_present,
            "you_ready": self.you_ready,
            "partner_ready": self.partner_ready,
            "paused": self.paused,
        }


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def state_version(session: CoupleSession) -> int:
    """``updated_at`` in whole microseconds: every live change moves it forward under the
    session's row lock (``session_services._touch``), so a larger version is a later state."""
    return (session.updated_at - _EPOCH) // timedelta(microseconds=1)


def shared_state(
    *,
    session: CoupleSession,
    prompt_ids: list[UUID],
    ready_for: dict[UUID, int | None],
    present: set[UUID],
) -> dict[str, Any]:
    """What every connection of the session sees alike: the payload of a ``session.state``
    event. Ids, counters and flags only, never an answer. ``ready_for`` maps each participant
    to the prompt index they said ready for; ``present`` is ``present_user_ids``."""
    index = session.current_index
    return {
        "version": state_version(session),
        "status": session.status,
        "current_index": index,
        "prompt_count": len(prompt_ids),
        "current_prompt": str(prompt_ids[index]) if index < len(prompt_ids) else None,
        "paused": session.paused,
        "members": [str(user_id) for user_id in ready_for],
        "ready": [str(user_id) for user_id, ready in ready_for.items() if ready == index],
        "present": [str(user_id) for user_id in present],
    }


@dataclass(frozen=True)
class LiveAccess:
    """What a live-reveal connection resolves once, at connect, and keeps (issue 19): whose
    session it is, its participants and prompts, and until when the person's safety gate stays
    open by itself. What changes it (a pause, a sign-out, the couple's end) reaches the
    connection as an event (``services.live_revoke_user``); a check-in falling due is this
    deadline."""

    session_id: UUID
    user_id: UUID
    member_ids: tuple[UUID, ...]
    prompt_ids: tuple[UUID, ...]
    allowed_until: datetime
    # Where the reveal stood at connect: which prompt's answers the join reads with its lock.
    index_at_connect: int = 0


def _as_uuid(value: UUID | str) -> UUID:
    """A session id from a URL or a message; not one at all is a session that is not found."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        raise NotFound() from None


def _access_read(user_id: UUID, session_id: UUID) -> QuerySet[CoupleSession]:
    """``live_access``'s first statement (compiled once: ``project.prepared``)."""
    members = (
        SessionParticipant.objects.filter(session=OuterRef("pk"))
        .order_by("user_id")
        .values("user_id")
    )
    return (
        CoupleSession.objects.filter(_mine(user_id), pk=session_id)
        .annotate(
            # As UUIDs on every database (SQLite would give the foreign key's raw hex).
            first_member=Subquery(members[:1], output_field=UUIDField()),
            second_member=Subquery(members[1:2], output_field=UUIDField()),
            **gate_annotations(user_id),
        )
        .only("id", "owner_id", "version_id", "current_index")
        .order_by("pk")[:1]
    )


def live_access(*, user: User, session_id: UUID | str) -> LiveAccess:
    """``LiveAccess`` for ``user`` (404 for anyone but the couple's partners; the safety gate's
    409). Two queries, once per connection: the session with its two members and the person's
    safety facts (``gate_annotations``), and the prompts."""
    rows = prepared_rows("live-access", _access_read, user.pk, _as_uuid(session_id))
    session = rows[0] if rows else None
    if session is None:
        raise NotFound()
    if session.is_solo:
        # A solo session's answers are never revealed, not even to its owner's other devices.
        raise Conflict("session_solo", _("An exercise for yourself is never revealed."))
    return LiveAccess(
        session_id=session.id,
        user_id=user.pk,
        member_ids=tuple(
            member for member in (session.first_member, session.second_member) if member
        ),
        prompt_ids=tuple(session_prompt_ids(session=session)),
        allowed_until=couple_exercise_allowed_until(user, facts=GateFacts.from_row(session)),
        index_at_connect=session.current_index,
    )


def session_prompt_ids(*, session: CoupleSession) -> list[UUID]:
    """The ids of the session's prompts in their order (compiled once: ``project.prepared``;
    every connection and every live change that starts cold reads them)."""
    rows = prepared_rows("session-prompt-ids", _prompts_of, session.version_id)
    return [prompt.id for prompt in rows]


def _prompts_of(version_id: UUID) -> QuerySet[Prompt]:
    return Prompt.objects.filter(version_id=version_id).order_by("position").only("id")


def participants_ready_for(*, session: CoupleSession) -> dict[UUID, int | None]:
    return dict(session.participants.values_list("user_id", "ready_for"))


def live_shared_state(*, session: CoupleSession) -> dict[str, Any]:
    """``shared_state`` read from the database: three queries, whatever the number of
    prompts."""
    return shared_state(
        session=session,
        prompt_ids=session_prompt_ids(session=session),
        ready_for=participants_ready_for(session=session),
        present=present_user_ids(session_id=session.id),
    )


def live_state_for(*, user_id: UUID, shared: dict[str, Any]) -> LiveState:
    """The state as one person sees it, picked from the shared state without a query."""
    me = str(user_id)
    partner = next((member for member in shared["members"] if member != me), None)
    return LiveState(
        status=shared["status"],
        current_index=shared["current_index"],
        prompt_count=shared["prompt_count"],
        current_prompt=UUID(shared["current_prompt"]) if shared["current_prompt"] else None,
        partner_present=partner is not None and partner in shared["present"],
        you_ready=me in shared["ready"],
        partner_ready=partner is not None and partner in shared["ready"],
        paused=shared["paused"],
        version=shared["version"],
    )


def live_state(*, user: User, session_id: UUID) -> LiveState:
    """The live reveal's state as ``user`` sees it, read from the database (four queries)."""
    session = access_session(user=user, session_id=session_id)
    return live_state_for(user_id=user.pk, shared=live_shared_state(session=session))


def reveal_message(*, user: User, session_id: UUID, prompt_id: UUID) -> dict[str, Any] | None:
    """``{type: reveal, prompt, index, mine, partner}`` for a prompt that was revealed; None for
    one that was not, so nothing unrevealed can ever be put into a message. Two queries."""
    session = access_session(user=user, session_id=session_id, reveal_of=prompt_id)
    if session.revealed_index is None or not session.couple.is_active:
        return None
    answers = {
        answer.user_id: answer
        for answer in Answer.objects.filter(session=session, prompt_id=prompt_id)
    }
    partner_answer = next(
        (answer for user_id, answer in answers.items() if user_id != user.pk), None
    )
    return {
        "type": "reveal",
        "prompt": str(prompt_id),
        "index": session.revealed_index,
        "mine": answer_data(answers.get(user.pk), own=True),
        "partner": answer_data(partner_answer, own=False),
    }


def not_now_data(participant: SessionParticipant) -> dict[str, Any] | None:
    """``{message, at}`` while this partner's "not now" stands, else None."""
    if not participant.not_now:
        return None
    return {"message": participant.not_now, "at": participant.not_now_at}


def session_list_item(*, session: CoupleSession, language: str) -> dict[str, Any]:
    """A session of ``sessions_for_user`` for the list: the summary and, while it is open, the
    partner's "not now" message key (or None)."""
    not_now = (
        getattr(session, "partner_not_now", "") if session.status in OPEN_SESSION_STATUSES else ""
    )
    return {
        **session_summary(session=session, language=language),
        "partner_not_now": not_now or None,
    }


def session_reactions(*, user: User, session_id: UUID | str) -> list[dict[str, Any]]:
    """``GET /api/sessions/{id}/reactions/``: the reactions sent during the live reveal, for
    looking back (two queries). Both partners saw them arrive; once the couple has ended each
    keeps only the reactions they sent themselves (privacy rule 4). A solo session has none."""
    session = access_session(user=user, session_id=session_id)
    reactions = SessionReaction.objects.filter(session=session)
    if session.couple is None or not session.couple.is_active:
        reactions = reactions.filter(user=user)
    return [
        {
            "prompt": reaction.prompt_id,
            "from": "me" if reaction.user_id == user.pk else "partner",
            "reaction": reaction.reaction,
            "at": reaction.created_at,
        }
        for reaction in reactions.order_by("created_at")
    ]

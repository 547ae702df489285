"""Writes for couple sessions: starting, answering alone, submitting, and the live reveal.

Every rule lives here; the REST views and the WebSocket consumer only call these functions.
Whatever the other partner must see live is announced to the session's channel-layer group
after the transaction commits. A state change carries the state both partners see alike (ids,
counters, flags, never an answer); a reveal carries, per partner, exactly what that partner may
see of the prompt just revealed (``_Live.views_of``: a value kept private only in its owner's
view), so receiving connections read nothing. The Redis channel layer encrypts events
(``symmetric_encryption_keys``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, partial
from typing import Any
from uuid import UUID

from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from exercises.models import Audience, ExerciseVersion, Prompt, PromptKind
from exercises.selectors import exercise_current_version
from notifications.models import Event
from notifications.services import notify
from pairing.models import Couple
from pairing.selectors import active_couple_for, couple_members
from project.errors import Conflict, Invalid, NotFound
from project.me_channel import send_now
from project.prepared import prepared_rows
from safety.selectors import (
    GateFacts,
    require_couple_exercise_allowed,
    require_solo_exercise_allowed,
)

from . import presence
from .events import announce_after_commit
from .me_events import announce_session
from .models import (
    LIVE_SESSION_STATUSES,
    OPEN_SESSION_STATUSES,
    Answer,
    CoupleSession,
    NotNow,
    ParticipantState,
    PromptReveal,
    Reaction,
    SessionParticipant,
    SessionReaction,
    SessionStatus,
)
from .selectors import (
    LiveAccess,
    access_session,
    answer_data,
    live_access,
    participants_ready_for,
    present_user_ids,
    session_for_answer,
    session_prompt_ids,
    shared_state,
)

TEXT_MAX_LENGTH = 5000


class SessionAlreadyOpen(Conflict):
    """``session`` (in ``extra``) is the open session to continue instead."""

    code = "session_already_open"
    message = _("You already have an open session of this exercise. Continue that one.")

    def __init__(self, session_id: UUID) -> None:
        super().__init__(extra={"session": str(session_id)})
        self.session_id = session_id


SessionStarter = Callable[..., CoupleSession]
_session_starters: dict[str, SessionStarter] = {}


def register_session_starter(source: str, starter: SessionStarter) -> None:
    """Another way to start a session, owned by an app above this one: ``starter(user=...,
    <source>_id=...)``. The therapists app registers ``assignment``."""
    _session_starters[source] = starter


# ``listener(couple_id=..., day=...)`` after a partner answered or reacted to the daily question,
# once committed. The ``/ws/me/`` consumer (an app above this one) registers here; what it sends
# is ids and flags, never an answer.
DailyListener = Callable[..., None]
_daily_listeners: list[DailyListener] = []


def on_daily_changed(listener: DailyListener) -> None:
    if listener not in _daily_listeners:
        _daily_listeners.append(listener)


def daily_changed(*, couple_id: UUID, day: date) -> None:
    """Announce, after the commit, that a couple's daily question changed."""
    for listener in list(_daily_listeners):
        transaction.on_commit(lambda listener=listener: listener(couple_id=couple_id, day=day))


def session_begin(
    *, user: User, exercise: str | None = None, assignment: UUID | None = None
) -> CoupleSession:
    """``POST /api/sessions/``: from an exercise slug, or from one of my couple's assignments."""
    if assignment is not None:
        return _session_starters["assignment"](user=user, assignment_id=assignment)
    return session_start(user=user, exercise_slug=exercise)


def session_group(session_id: UUID | str) -> str:
    return f"session.{session_id}"


def user_group(user_id: UUID | str) -> str:
    """Every live-reveal socket of one person (not ``me.<id>``: that is ``/ws/me/``'s)."""
    return f"user.{user_id}"


def auth_group(session_key: str) -> str:
    """Every live-reveal socket signed in with one Django session (a cookie or an app token).
    The key is hashed: group names are visible in Redis, session keys must not be."""
    return f"auth.{hashlib.sha256(session_key.encode()).hexdigest()}"


def _broadcast(session_id: UUID, event: str, **payload: Any) -> None:
    """Announce ``event`` to everyone connected to the session, once the data is committed, so
    a connection that reacts by reading the database always sees the change."""
    announce_after_commit(session_group(session_id), {"type": event, **payload})


def _session_path(session: CoupleSession) -> str:
    """The PWA's page for a session: the only detail a notification carries."""
    return f"/s/{session.id}"


def _broadcast_state(live: _Live, *changed: str) -> None:
    """Write the session's ``changed`` fields and announce its new state.

    ``updated_at`` moves strictly forward in the same statement. Callers hold the session's row
    lock, so each state's version is larger than every earlier one, even when the events of
    two workers reach a connection out of order or two machines' clocks disagree. The event
    carries what both partners see alike (status, index, paused, who is ready and present: ids
    and flags, never an answer), so a connection picks its own view from it without a query.
    """
    session = live.session
    session.updated_at = max(timezone.now(), session.updated_at + timedelta(microseconds=1))
    CoupleSession.objects.filter(pk=session.pk).update(
        updated_at=session.updated_at, **{name: getattr(session, name) for name in changed}
    )
    # /ws/me/: both have submitted once a session is live; who is in the room comes along.
    announce_session(
        session,
        states=dict.fromkeys(live.ready_for, ParticipantState.SUBMITTED),
        present=live.present,
    )
    _broadcast(
        session.id,
        "session.state",
        **shared_state(
            session=session,
            prompt_ids=live.prompt_ids,
            ready_for=live.ready_for,
            present=live.present,
        ),
    )


# ---- starting and answering ---------------------------------------------------------------


def require_session_allowed(
    *, user: User, session: CoupleSession, facts: GateFacts | None = None
) -> None:
    """The safety guard for acting in ``session``: a couple session's, or a solo one's (while
    paused only the exercises safe for that moment). ``facts`` when the caller's query read
    them (then no statement here)."""
    if session.is_solo:
        require_solo_exercise_allowed(
            user, safe_while_paused=session.version.safe_while_paused, facts=facts
        )
    else:
        require_couple_exercise_allowed(user, facts=facts)


@transaction.atomic
def session_start(*, user: User, exercise_slug: str) -> CoupleSession:
    """Start a session of the exercise's current published version: for my couple, or for me
    alone when the exercise is a solo one."""
    version = exercise_current_version(slug=exercise_slug)
    if version.audience == Audience.SOLO:
        return _solo_session_start(user=user, version=version)
    require_couple_exercise_allowed(user)
    couple = active_couple_for(user=user)
    if couple is None:
        raise Conflict("no_couple", _("Link with your partner first."))
    existing = _open_session_id(couple=couple, exercise_id=version.exercise_id)
    if existing is not None:
        raise SessionAlreadyOpen(existing)
    try:
        with transaction.atomic():
            session = CoupleSession.objects.create(
                couple=couple, exercise_id=version.exercise_id, version=version, started_by=user
            )
    except IntegrityError as error:
        # The partner started the same exercise a moment ago.
        raise SessionAlreadyOpen(
            _open_session_id(couple=couple, exercise_id=version.exercise_id)
        ) from error
    participants = SessionParticipant.objects.bulk_create(
        [
            SessionParticipant(session=session, user=member)
            for member in couple_members(couple=couple)
        ]
    )
    for participant in participants:
        if participant.user_id != user.pk:
            notify(user=participant.user, event=Event.PARTNER_STARTED, path=_session_path(session))
    announce_session(session, states={p.user_id: p.state for p in participants})
    return session


def _solo_session_start(*, user: User, version: ExerciseVersion) -> CoupleSession:
    """A session for ``user`` alone, with or without a couple; nobody else is told."""
    require_solo_exercise_allowed(user, safe_while_paused=version.safe_while_paused)
    open_solo = CoupleSession.objects.filter(
        owner=user, exercise_id=version.exercise_id, status__in=OPEN_SESSION_STATUSES
    )
    existing = open_solo.values_list("id", flat=True).first()
    if existing is not None:
        raise SessionAlreadyOpen(existing)
    try:
        with transaction.atomic():
            session = CoupleSession.objects.create(
                owner=user, exercise_id=version.exercise_id, version=version, started_by=user
            )
    except IntegrityError as error:
        # The same person started it a moment ago on another device.
        raise SessionAlreadyOpen(open_solo.values_list("id", flat=True).first()) from error
    SessionParticipant.objects.create(session=session, user=user)
    return session


def _open_session_id(*, couple: Couple, exercise_id: UUID) -> UUID | None:
    return (
        CoupleSession.objects.filter(
            couple=couple, exercise_id=exercise_id, status__in=OPEN_SESSION_STATUSES
        )
        .values_list("id", flat=True)
        .first()
    )


def _invalid_value(message: str) -> Invalid:
    return Invalid(fields={"value": [message]})


def _is_empty(value: Any) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def _option_values(prompt: Prompt) -> set[str]:
    return {option["value"] for option in prompt.options}


def answer_value_validate(*, prompt: Prompt, value: Any) -> Any:
    """The value if it fits the prompt's kind; a 400 with a message under ``value`` if not."""
    if prompt.kind == PromptKind.TEXT:
        if not isinstance(value, str):
            raise _invalid_value(_("Write your answer as text."))
        if len(value) > TEXT_MAX_LENGTH:
            raise _invalid_value(
                _("Keep it under %(limit)s characters.") % {"limit": TEXT_MAX_LENGTH}
            )
        return value
    if prompt.kind == PromptKind.SCALE:
        # JSON true/false arrive as Python bools, which are ints too.
        if isinstance(value, bool) or not isinstance(value, int):
            raise _invalid_value(_("Pick a whole number on the scale."))
        if not prompt.min <= value <= prompt.max:
            raise _invalid_value(
                _("Pick a number from %(min)s to %(max)s.") % {"min": prompt.min, "max": prompt.max}
            )
        return value
    options = _option_values(prompt)
    if prompt.kind == PromptKind.CHOICE:
        if not isinstance(value, str) or value not in options:
            raise _invalid_value(_("Pick one of the options."))
        return value
    if (
        not isinstance(value, list)
        or not all(isinstance(item, str) and item in options for item in value)
        or len(set(value)) != len(value)
    ):
        raise _invalid_value(_("Pick each option at most once, from the options given."))
    return value


def _my_participant(*, session: CoupleSession, user: User) -> SessionParticipant:
    return SessionParticipant.objects.select_for_update().get(session=session, user=user)


def _require_answering(*, session: CoupleSession, participant: SessionParticipant) -> None:
    if participant.state == ParticipantState.SUBMITTED:
        raise Conflict("already_submitted", _("You already submitted your answers."))
    if session.status != SessionStatus.ANSWERING:
        raise Conflict("session_not_answering", _("This session no longer takes answers."))


@transaction.atomic
def answer_save(
    *,
    user: User,
    session: CoupleSession | UUID,
    prompt_id: UUID,
    value: Any,
    keep_private: bool,
) -> Answer:
    """Save my draft answer to one prompt of this session (an instance or its id; 404 unless
    it is mine).

    ``keep_private`` means the partner will only ever see that I kept it for myself; it may go
    with an empty value. Without it, a value is required and must fit the prompt's kind.

    Two statements when a draft is updated: one read (the session locked, with my participant
    row, the prompt, the partner's state and my safety facts) and one upsert of the answer. A
    first draft adds the participant's update; its ``/ws/me/`` frame is built from that read.
    """
    session_id = session.pk if isinstance(session, CoupleSession) else session
    session = session_for_answer(user=user, session_id=session_id, prompt_id=prompt_id)
    require_session_allowed(user=user, session=session, facts=GateFacts.from_row(session))
    # A filtered relation that matched no row leaves no attribute at all.
    participant = getattr(session, "my_participant", None)
    if participant is None:
        raise NotFound()
    _require_answering(session=session, participant=participant)
    prompt = getattr(session, "answer_prompt", None)
    if prompt is None:
        raise NotFound("prompt_not_in_session", _("This question is not part of this session."))
    if keep_private and _is_empty(value):
        value = None
    elif value is None:
        raise _invalid_value(_("Give an answer, or keep this one for yourself."))
    else:
        value = answer_value_validate(prompt=prompt, value=value)
    answer = Answer(
        session=session, user=user, prompt=prompt, value=value, keep_private=keep_private
    )
    # One upsert (INSERT ... ON CONFLICT DO UPDATE) on the one-answer-per-prompt constraint.
    Answer.objects.bulk_create(
        [answer],
        update_conflicts=True,
        unique_fields=["session", "user", "prompt"],
        update_fields=["value", "keep_private", "updated_at"],
    )
    changed = []
    first_draft = participant.state == ParticipantState.NOT_STARTED
    if first_draft:
        participant.state = ParticipantState.DRAFTING
        changed.append("state")
    if participant.not_now:
        # Answering again takes an earlier "not now" back.
        participant.not_now = ""
        changed.append("not_now")
    if changed:
        participant.save(update_fields=changed)
    if first_draft:
        states = {user.pk: participant.state}
        if session.partner_user_id is not None:
            states[session.partner_user_id] = session.partner_state
        announce_session(session, states=states)
    return answer


@transaction.atomic
def session_submit(*, user: User, session: CoupleSession) -> CoupleSession:
    """Lock my answers. Every prompt needs an answer or must be kept private. When both
    partners have submitted, the session is ready to reveal. A solo session is then complete:
    it is never revealed."""
    require_session_allowed(user=user, session=session)
    # Locks the session: when both partners submit at once, the second sees the first.
    session = (
        CoupleSession.objects.select_related("couple")
        .select_for_update(of=("self",))
        .get(pk=session.pk)
    )
    participant = _my_participant(session=session, user=user)
    _require_answering(session=session, participant=participant)
    ordered_prompt_ids = list(
        Prompt.objects.filter(version_id=session.version_id)
        .order_by("position")
        .values_list("id", flat=True)
    )
    prompt_ids = set(ordered_prompt_ids)
    answered = {
        answer.prompt_id
        for answer in Answer.objects.filter(session=session, user=user)
        if answer.keep_private or not _is_empty(answer.value)
    }
    missing = prompt_ids - answered
    if missing:
        raise Invalid(
            "answers_missing",
            _("Answer every question, or keep it for yourself, before you submit."),
            # Which ones, in the order they are asked, so the app can name them and go there.
            extra={"missing": [str(pid) for pid in ordered_prompt_ids if pid in missing]},
        )
    participant.state = ParticipantState.SUBMITTED
    participant.submitted_at = timezone.now()
    participant.save(update_fields=["state", "submitted_at"])
    if session.is_solo:
        session.status = SessionStatus.COMPLETED
        session.completed_at = participant.submitted_at
        session.save(update_fields=["status", "completed_at", "updated_at"])
        return session
    others_submitted = (
        not session.participants.exclude(user=user)
        .exclude(state=ParticipantState.SUBMITTED)
        .exists()
    )
    if others_submitted:
        session.status = SessionStatus.READY_TO_REVEAL
        session.current_index = 0
        session.save(update_fields=["status", "current_index", "updated_at"])
        for member in couple_members(couple=session.couple):
            notify(user=member, event=Event.READY_TO_REVEAL, path=_session_path(session))
    announce_session(session)
    return session


def live_couple_ended(*, couple: Couple) -> None:
    """The couple ended (by a partner or by erasure): open sessions stop, and every live socket
    of both partners closes, on completed sessions too (no more reactions)."""
    sessions_abandon_for_couple(couple=couple)
    for member in couple_members(couple=couple):
        live_revoke_user(user_id=member.pk, reason=REVOKED_ENDED)


@transaction.atomic
def sessions_abandon_for_couple(*, couple: Couple) -> int:
    """The couple ended: its open sessions stop, and anyone still connected is told so."""
    session_ids = list(
        CoupleSession.objects.select_for_update()
        .filter(couple=couple, status__in=OPEN_SESSION_STATUSES)
        .values_list("id", flat=True)
    )
    CoupleSession.objects.filter(pk__in=session_ids).update(
        status=SessionStatus.ABANDONED,
        abandoned_at=timezone.now(),
        paused=False,
        updated_at=timezone.now(),
    )
    for session_id in session_ids:
        presence.store().forget_session(session_id=session_id)
    for session_id in session_ids:
        _broadcast(session_id, "session.ended")
    return len(session_ids)


# ---- the live reveal ---------------------------------------------------------------------------


def _locked_read(
    session_id: UUID, *ids: UUID, members: int, reads_answers: bool
) -> QuerySet[CoupleSession]:
    """``_Live.lock``'s one statement for ``session_id`` (compiled once per shape:
    ``project.prepared``): the session's row locked, ``ready_<n>`` of each of the ``members``
    (``ids`` starts with their ids), and with ``reads_answers`` the value and privacy of each
    one's answer to the prompt whose id ends ``ids``."""
    member_ids, prompt_ids = ids[:members], ids[members:]
    annotations: dict[str, Any] = {
        "snapshot_updated_at": Subquery(
            CoupleSession.objects.filter(pk=OuterRef("pk")).values("updated_at")[:1]
        )
    }
    for number, member in enumerate(member_ids):
        participant = SessionParticipant.objects.filter(session=OuterRef("pk"), user=member)
        annotations[f"ready_{number}"] = Subquery(participant.values("ready_for")[:1])
    if reads_answers:
        value_field = Answer._meta.get_field("value")
        for number, member in enumerate(member_ids):
            answer = Answer.objects.filter(
                session=OuterRef("pk"), user=member, prompt_id=prompt_ids[0]
            )
            annotations[f"value_{number}"] = Subquery(
                answer.values("value")[:1], output_field=value_field
            )
            annotations[f"private_{number}"] = Subquery(answer.values("keep_private")[:1])
    return CoupleSession.objects.select_for_update().annotate(**annotations).filter(pk=session_id)


@dataclass
class _Live:
    """What one live change reads once and hands around, instead of every step reading it
    again: each participant's ``ready_for``, who is present, and (on first use) the prompts."""

    session: CoupleSession
    ready_for: dict[UUID, int | None]
    present: set[UUID]
    _prompt_ids: list[UUID] | None = None
    # Both partners' answers to the prompt at ``answers_index``, when read with the lock.
    answers: dict[UUID, tuple[Any, bool]] | None = None
    answers_index: int | None = None

    @classmethod
    def read(cls, session: CoupleSession, access: LiveAccess | None = None) -> _Live:
        return cls(
            session=session,
            ready_for=participants_ready_for(session=session),
            present=present_user_ids(session_id=session.id),
            _prompt_ids=list(access.prompt_ids) if access is not None else None,
        )

    @classmethod
    def lock(cls, access: LiveAccess, *, expect_index: int | None) -> _Live:
        """The session's row, locked, with every participant's ``ready_for`` and (when
        ``expect_index`` names a prompt) both partners' answers to it: one statement. The
        answers are immutable by now (both submitted), so reading them early changes nothing;
        they go out only if that very prompt is revealed.

        PostgreSQL hands a ``SELECT … FOR UPDATE`` that waited for the lock the row as the
        other transaction left it, but evaluates the statement's subqueries on the snapshot
        taken before the wait. The same statement therefore also reads the row's own
        ``updated_at`` through a subquery: every live change moves it, so when the two differ
        another change committed while this one waited, and the readiness is read again (a
        fourth statement, only then). Without a wait they are equal and the read is exact."""
        prompts = access.prompt_ids
        reads_answers = expect_index is not None and 0 <= expect_index < len(prompts)
        members = len(access.member_ids)
        rows = prepared_rows(
            ("live-lock", members, reads_answers),
            partial(_locked_read, members=members, reads_answers=reads_answers),
            access.session_id,
            *access.member_ids,
            *([prompts[expect_index]] if reads_answers else []),
        )
        if not rows:
            raise CoupleSession.DoesNotExist
        session = rows[0]
        ready_for = {
            member: getattr(session, f"ready_{number}")
            for number, member in enumerate(access.member_ids)
        }
        if session.snapshot_updated_at != session.updated_at:
            ready_for = participants_ready_for(session=session)
        live = cls(
            session=session,
            ready_for=ready_for,
            present=present_user_ids(session_id=session.id),
            _prompt_ids=list(prompts),
        )
        if reads_answers:
            live.answers_index = expect_index
            live.answers = {
                member: (
                    getattr(session, f"value_{number}"),
                    bool(getattr(session, f"private_{number}")),
                )
                for number, member in enumerate(access.member_ids)
            }
        return live

    def views_of(self, index: int) -> dict[str, dict[str, Any]]:
        """What each partner may see of prompt ``index`` once it is revealed (``answer_data``:
        a value kept private reaches only its owner): the reveal event's payload, so the
        receiving connections read nothing."""
        if self.answers_index != index or self.answers is None:
            rows = Answer.objects.filter(session=self.session, prompt_id=self.prompt_ids[index])
            self.answers = {row.user_id: (row.value, row.keep_private) for row in rows}
            self.answers_index = index
        answers = {
            user_id: Answer(value=value, keep_private=private)
            for user_id, (value, private) in self.answers.items()
            if value is not None or private
        }
        views = {}
        for user_id in self.ready_for:
            partner = next((other for other in self.ready_for if other != user_id), None)
            views[str(user_id)] = {
                "mine": answer_data(answers.get(user_id), own=True),
                "partner": answer_data(answers.get(partner), own=False),
            }
        return views

    @property
    def prompt_ids(self) -> list[UUID]:
        if self._prompt_ids is None:
            self._prompt_ids = session_prompt_ids(session=self.session)
        return self._prompt_ids

    @property
    def everyone_present(self) -> bool:
        return all(user_id in self.present for user_id in self.ready_for)


def _maybe_reveal(live: _Live) -> list[str]:
    """Reveal the current prompt when both partners are connected and both said ready.
    Returns the session fields it changed (``_broadcast_state`` writes them)."""
    session = live.session
    index = session.current_index
    if session.paused or len(live.ready_for) != 2:
        return []
    if any(ready_for != index for ready_for in live.ready_for.values()):
        return []
    if not live.everyone_present:
        return []
    prompt_id = live.prompt_ids[index]
    PromptReveal.objects.create(session=session, prompt_id=prompt_id, index=index)
    session.current_index = index + 1
    session.status = SessionStatus.REVEALING
    _broadcast(
        session.id,
        "session.reveal",
        prompt=str(prompt_id),
        index=index,
        views=live.views_of(index),
    )
    if session.current_index >= len(live.prompt_ids):
        session.status = SessionStatus.COMPLETED
        session.completed_at = timezone.now()
        _broadcast(session.id, "session.completed")
    return ["current_index", "status", "completed_at"]


def _notify_partner_waiting(*, live: _Live, user: User) -> None:
    """``user`` is in the live reveal and the partner is not: let the partner know.

    Once per person, session and prompt (``dedupe_key``), so a phone reconnecting over and over
    or a second ``ready`` does not send it again. The partner is whoever the other member is;
    nobody's pause is asked (that would make it observable).
    """
    session = live.session
    # The participants are the couple's members: with everyone here nobody is waited for.
    if session.status == SessionStatus.COMPLETED or live.everyone_present:
        return
    if _not_now_said(session=session):
        # Never pressure: after either partner said "not now", nobody is told to come.
        return
    for member in couple_members(couple=session.couple):
        if member.pk != user.pk and member.pk not in live.present:
            notify(
                user=member,
                event=Event.PARTNER_WAITING,
                path=_session_path(session),
                # At most once per session, however often or at whichever prompt.
                dedupe_key=f"waiting:{session.id}",
            )


def _gate(access: LiveAccess, user: User) -> None:
    """The safety gate kept on the connection: a pause closes the connection (an event), and
    once a check-in falls due (``allowed_until``) the gate is asked again."""
    if timezone.now() >= access.allowed_until:
        require_couple_exercise_allowed(user)


def _require_live(session: CoupleSession) -> None:
    if session.status not in LIVE_SESSION_STATUSES:
        raise Conflict(
            "session_not_live",
            _("This session is not being revealed: both of you must submit first."),
        )


@transaction.atomic
def reveal_join(
    *,
    user: User,
    session_id: UUID,
    channel_name: str,
    access: LiveAccess | None = None,
    expect_index: int | None = None,
) -> CoupleSession:
    """A connection of ``user`` joins the live reveal (a second device simply joins too).

    With the connection's ``access`` (resolved at connect): the locked read (1), the session's
    write (2) and, when this join completes a reveal, the reveal's row (3)."""
    access = access or live_access(user=user, session_id=session_id)
    _gate(access, user)
    live = _Live.lock(access, expect_index=expect_index)
    session = live.session
    _require_live(session)
    # Counted from here on, under the session's row lock: every later state includes me.
    presence.store().join(session_id=session.id, user_id=user.pk, channel_name=channel_name)
    live.present.add(user.pk)
    try:
        _join_changes(live=live, user=user)
    except BaseException:
        presence.store().leave(session_id=session.id, user_id=user.pk, channel_name=channel_name)
        raise
    return session


def _join_changes(*, live: _Live, user: User) -> None:
    session = live.session
    changed = []
    if session.status == SessionStatus.READY_TO_REVEAL:
        session.status = SessionStatus.REVEALING
        changed.append("status")
    # Both may have said ready before one of them dropped; coming back completes the reveal.
    changed += _maybe_reveal(live)
    _notify_partner_waiting(live=live, user=user)
    _broadcast_state(live, *changed)


def presence_heartbeat(*, session_id: UUID, user_id: UUID, channel_name: str) -> bool:
    """An open connection is still there (no database write); False once it no longer counts."""
    return presence.store().beat(session_id=session_id, user_id=user_id, channel_name=channel_name)


@transaction.atomic
def reveal_leave(
    *, session_id: UUID, user_id: UUID, channel_name: str, access: LiveAccess | None = None
) -> None:
    """A connection leaves (``leave`` or a dropped socket); the partner sees it at once."""
    # Locked like every other live change, so this state's version orders after theirs.
    session = CoupleSession.objects.select_for_update().filter(pk=session_id).first()
    left = presence.store().leave(session_id=session_id, user_id=user_id, channel_name=channel_name)
    if session is None or not left:
        return
    _broadcast_state(_Live.read(session, access))


# Why a person's own sockets are closed; each maps to the close code the PWA already knows.
REVOKED_SIGNED_OUT = "signed_out"
REVOKED_REFUSED = "refused"
REVOKED_ENDED = "ended"


def live_revoke_user(*, user_id: UUID, reason: str) -> None:
    """Close every live-reveal socket of ``user_id`` (a pause, the couple ended, erasure, a
    password change), once the change that caused it has committed.

    Their presence goes first, each session with exactly the one state a ``leave`` sends, so to
    the partner it is nothing but "left the room" and no ``ready`` said before can reveal
    anything in the moment before the socket itself is closed. The socket then gets the
    ``live.revoke`` event and closes without announcing anything more.
    """

    def revoke() -> None:
        for session_id in presence.store().sessions_of(user_id=user_id):
            _leave_everywhere(session_id=session_id, user_id=user_id)
        send_now(user_group(user_id), {"type": "live.revoke", "reason": reason})

    transaction.on_commit(revoke)


@transaction.atomic
def _leave_everywhere(*, session_id: UUID, user_id: UUID) -> None:
    session = CoupleSession.objects.select_for_update().filter(pk=session_id).first()
    left = presence.store().leave_user(session_id=session_id, user_id=user_id)
    if session is None or not left:
        return
    _broadcast_state(_Live.read(session))


def live_revoke_auth_session(*, session_key: str) -> None:
    """A Django session ended (logout, "log out everywhere", an ended allauth user session,
    erasure): the sockets signed in with it close as if they had left."""
    announce_after_commit(
        auth_group(session_key), {"type": "live.revoke", "reason": REVOKED_SIGNED_OUT}
    )


@transaction.atomic
def reveal_ready(
    *,
    user: User,
    session_id: UUID,
    index: int | None = None,
    access: LiveAccess | None = None,
    expect_index: int | None = None,
) -> None:
    """I am ready for the current prompt's answers. ``index`` (optional) guards against a
    ``ready`` that was meant for a prompt revealed in the meantime.

    With the connection's ``access`` and ``expect_index`` (the prompt its last state showed):
    a ``ready`` that reveals is three statements, the locked read with both answers, the
    reveal's row and the session's write; my readiness for a prompt that is revealed at once
    needs no row of its own (the index moves past it)."""
    access = access or live_access(user=user, session_id=session_id)
    _gate(access, user)
    live = _Live.lock(access, expect_index=index if index is not None else expect_index)
    session = live.session
    _require_live(session)
    if session.paused:
        raise Conflict("session_paused", _("The session is paused. Resume it first."))
    if index is not None and index != session.current_index:
        raise Conflict("stale_ready", _("That question was already revealed."))
    newly_ready = live.ready_for.get(user.pk) != session.current_index
    live.ready_for[user.pk] = session.current_index
    changed = _maybe_reveal(live)
    if newly_ready and not changed:
        # The session's row lock (``_Live.lock``) already serialises every live change.
        SessionParticipant.objects.filter(session=session, user=user).update(
            ready_for=session.current_index
        )
    _notify_partner_waiting(live=live, user=user)
    _broadcast_state(live, *changed)


def reveal_react(
    *,
    user: User,
    session_id: UUID,
    prompt_id: UUID,
    reaction: str,
    access: LiveAccess | None = None,
) -> None:
    """A gentle reaction on a revealed prompt, shown to both. With the connection's
    ``access``: one statement and no transaction of its own, the reaction's row written only
    where the session is being revealed, its couple has not ended and that prompt has been
    revealed (``_insert_reaction``); only a refused reaction reads why."""
    access = access or live_access(user=user, session_id=session_id)
    _gate(access, user)
    if reaction not in Reaction.values:
        raise Invalid("invalid_reaction", _("Choose one of the reactions."))
    if not _insert_reaction(
        session_id=access.session_id, prompt_id=prompt_id, user_id=user.pk, reaction=reaction
    ):
        _refuse_reaction(user=user, session_id=access.session_id, prompt_id=prompt_id)
    _broadcast(
        access.session_id,
        "session.reaction",
        prompt=str(prompt_id),
        reaction=reaction,
        by=str(user.pk),
    )


def _insert_reaction(*, session_id: UUID, prompt_id: UUID, user_id: int, reaction: str) -> bool:
    """``INSERT … SELECT … WHERE``: the reaction's row, written in the same statement that
    checks it may be (the session revealing or completed, its couple not ended, that prompt
    revealed), so no transaction and no read is needed around it. True when it was written."""

    def value(model: Any, name: str, raw: Any) -> Any:
        return model._meta.get_field(name).get_db_prep_value(raw, connection)

    params = [
        value(SessionReaction, "prompt", prompt_id),
        value(SessionReaction, "user", user_id),
        reaction,
        value(SessionReaction, "created_at", timezone.now()),
        value(CoupleSession, "id", session_id),
        SessionStatus.REVEALING,
        SessionStatus.COMPLETED,
        value(PromptReveal, "prompt", prompt_id),
    ]
    with connection.cursor() as cursor:
        cursor.execute(_reaction_insert_sql(connection.vendor), params)
        return cursor.rowcount == 1


@cache
def _reaction_insert_sql(vendor: str) -> str:
    """The ORM has no INSERT from a SELECT. Table and column names come from the models (quoted
    for ``vendor``'s database), never from input; every value is a parameter."""
    q = connection.ops.quote_name

    def column(model: Any, name: str) -> str:
        return q(model._meta.get_field(name).column)

    def table(model: Any) -> str:
        return q(model._meta.db_table)

    fields = ", ".join(
        column(SessionReaction, name)
        for name in ("session", "prompt", "user", "reaction", "created_at")
    )
    session_pk = column(CoupleSession, "id")
    couple_fk = column(CoupleSession, "couple")
    status = column(CoupleSession, "status")
    return " ".join(
        [
            f"INSERT INTO {table(SessionReaction)} ({fields})",
            f"SELECT s.{session_pk}, %s, %s, %s, %s FROM {table(CoupleSession)} s",  # noqa: S608
            f"LEFT JOIN {table(Couple)} c ON c.{column(Couple, 'id')} = s.{couple_fk}",
            f"WHERE s.{session_pk} = %s AND s.{status} IN (%s, %s)",
            f"AND c.{column(Couple, 'ended_at')} IS NULL",
            f"AND EXISTS (SELECT 1 FROM {table(PromptReveal)} r",  # noqa: S608
            f"WHERE r.{column(PromptReveal, 'session')} = s.{session_pk}",
            f"AND r.{column(PromptReveal, 'prompt')} = %s)",
        ]
    )


def _refuse_reaction(*, user: User, session_id: UUID, prompt_id: UUID) -> None:
    """Why a reaction was not written, read only when it was not (``access_session`` with that
    prompt's reveal: one query, 404 once the session is gone)."""
    session = access_session(user=user, session_id=session_id, reveal_of=prompt_id)
    if session.couple is not None and not session.couple.is_active:
        raise Conflict("couple_ended", _("This couple has ended."))
    if session.status not in (SessionStatus.REVEALING, SessionStatus.COMPLETED):
        raise Conflict("session_not_live", _("This session is not being revealed."))
    raise Conflict("prompt_not_revealed", _("You can react once this question is revealed."))


def _set_paused(*, user: User, session_id: UUID, paused: bool) -> None:
    session = access_session(user=user, session_id=session_id, for_update=True)
    if session.status not in LIVE_SESSION_STATUSES:
        raise Conflict("session_not_live", _("This session is not being revealed."))
    if session.paused == paused:
        return
    session.paused = paused
    _broadcast(session.id, "session.paused" if paused else "session.resumed")
    live = _Live.read(session)
    changed = ["paused"]
    if not paused:
        changed += _maybe_reveal(live)
    _broadcast_state(live, *changed)


@transaction.atomic
def reveal_pause(*, user: User, session_id: UUID) -> None:
    """Either partner may pause at any moment (no safety gate: stopping is always allowed)."""
    _set_paused(user=user, session_id=session_id, paused=True)


@transaction.atomic
def reveal_resume(*, user: User, session_id: UUID) -> None:
    _set_paused(user=user, session_id=session_id, paused=False)


# ---- not now -----------------------------------------------------------------------------------


def _not_now_said(*, session: CoupleSession) -> bool:
    return SessionParticipant.objects.filter(session=session, not_now_at__isnull=False).exists()


@transaction.atomic
def session_not_now(*, user: User, session: CoupleSession, message: str) -> SessionParticipant:
    """Decline or postpone a started exercise with one of the kind messages (``NotNow``); the
    partner sees it. The session stays open: either partner can pick it up later.

    No safety gate, like pausing: saying "not now" is always allowed, and it reads the same to
    the partner whoever says it and why.
    """
    if message not in NotNow.values:
        raise Invalid(fields={"message": [_("Choose one of the messages.")]})
    session = CoupleSession.objects.select_for_update(of=("self",)).get(pk=session.pk)
    if session.is_solo:
        raise Conflict("session_solo", _("Nobody waits for an exercise you do for yourself."))
    if session.status not in OPEN_SESSION_STATUSES:
        raise Conflict("session_not_open", _("This session has already ended."))
    participant = _my_participant(session=session, user=user)
    participant.not_now = message
    participant.not_now_at = timezone.now()
    participant.save(update_fields=["not_now", "not_now_at"])
    return participant


@transaction.atomic
def session_not_now_withdraw(*, user: User, session: CoupleSession) -> SessionParticipant:
    """Take my "not now" back; the partner no longer sees it. Waiting notifications stay off
    for this session."""
    participant = _my_participant(session=session, user=user)
    if participant.not_now:
        participant.not_now = ""
        participant.save(update_fields=["not_now"])
    return participant

"""Writes for therapists' assignments and for partners sharing a session with their therapist."""

from __future__ import annotations

import datetime
from uuid import UUID

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from exercises.models import Exercise, Status
from notifications.models import Event
from notifications.services import notify
from pairing.selectors import couple_members
from project.errors import Conflict, Invalid, NotFound
from sessions.models import CoupleSession, PromptReveal
from sessions.selectors import access_session
from sessions.services import session_start

from .assignment_selectors import access_assignment
from .models import Assignment, SessionShare
from .selectors import active_therapist_for, therapist_couple_access


@transaction.atomic
def assignment_create(
    *,
    therapist: User,
    couple_id: UUID,
    exercise_slug: str,
    note: str = "",
    due_on: datetime.date | None = None,
) -> Assignment:
    """The therapist gives a linked couple a published exercise; any other couple is 404."""
    link = therapist_couple_access(therapist=therapist, couple_id=couple_id)
    exercise = Exercise.objects.filter(
        slug=exercise_slug, status=Status.PUBLISHED, current_version__isnull=False
    ).first()
    if exercise is None:
        raise Invalid(fields={"exercise": [_("Choose a published exercise.")]})
    assignment = Assignment.objects.create(
        couple=link.couple, therapist=therapist, exercise=exercise, note=note, due_on=due_on
    )
    for member in couple_members(couple=link.couple):
        notify(user=member, event=Event.ASSIGNMENT_CREATED, path=f"/assignments/{assignment.id}")
    return assignment


@transaction.atomic
def session_start_from_assignment(*, user: User, assignment_id: UUID) -> CoupleSession:
    """Start the assigned exercise for my couple; the session remembers its assignment so the
    therapist can follow it. Every rule of ``session_start`` (check-in, pause, one open session
    per exercise) applies unchanged."""
    assignment = access_assignment(user=user, assignment_id=assignment_id)
    session = session_start(user=user, exercise_slug=assignment.exercise.slug)
    assignment.sessions.add(session)
    return session


@transaction.atomic
def session_share(*, user: User, session_id: UUID) -> SessionShare:
    """Share my own answers of one revealed session with our therapist (again: no change)."""
    session = access_session(user=user, session_id=session_id, for_update=True)
    if not session.couple.is_active:
        raise NotFound()
    therapist = active_therapist_for(couple=session.couple)
    if therapist is None:
        raise Conflict("no_therapist", _("Your couple has no therapist to share with."))
    if not PromptReveal.objects.filter(session=session).exists():
        raise Conflict(
            "session_not_revealed",
            _("You can share a session once its answers have been revealed together."),
        )
    share, _created = SessionShare.objects.update_or_create(
        session=session, user=user, defaults={"therapist": therapist}
    )
    return share


@transaction.atomic
def session_unshare(*, user: User, session_id: UUID) -> None:
    """Take my answers of this session back from the therapist, at once. Harmless when they
    were not shared."""
    session = access_session(user=user, session_id=session_id)
    SessionShare.objects.filter(session=session, user=user).delete()

"""Writes for therapists' assignments and for partners sharing a session with their therapist."""

from __future__ import annotations

import datetime
from uuid import UUID

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from exercises.models import Exercise, Status
from notifications.models import Event
from notifications.services import notify
from pairing.models import active_couple
from pairing.selectors import active_couple_for, couple_members
from project.errors import Conflict, Invalid, NotFound
from sessions.models import CoupleSession, PromptReveal, SessionStatus
from sessions.selectors import access_session
from sessions.services import SessionAlreadyOpen, session_start

from .assignment_selectors import access_assignment, assignment_is_completed
from .models import Assignment, SessionShare, TherapistLinkStatus
from .selectors import active_therapist_for, therapist_couple_access


def due_on_validate(due_on: datetime.date | None) -> datetime.date | None:
    """A due date is today or later (in the site's time zone); none is fine too."""
    if due_on is not None and due_on < timezone.localdate():
        raise Invalid(fields={"due_on": [_("Choose today or a later date.")]})
    return due_on


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
    due_on_validate(due_on)
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


def _therapist_assignment(*, therapist: User, couple_id: UUID, assignment_id: UUID) -> Assignment:
    """One of my assignments to a couple I am actively linked to, not withdrawn; else 404.
    Locked for the change."""
    link = therapist_couple_access(therapist=therapist, couple_id=couple_id)
    assignment = (
        Assignment.objects.select_for_update()
        .filter(
            pk=assignment_id, couple=link.couple, therapist=therapist, withdrawn_at__isnull=True
        )
        .first()
    )
    if assignment is None:
        raise NotFound()
    if assignment_is_completed(assignment=assignment):
        raise Conflict(
            "assignment_completed", _("The couple has done this exercise; it can no longer change.")
        )
    return assignment


_UNCHANGED = object()


@transaction.atomic
def assignment_update(
    *,
    therapist: User,
    couple_id: UUID,
    assignment_id: UUID,
    note: str | object = _UNCHANGED,
    due_on: datetime.date | object | None = _UNCHANGED,
) -> Assignment:
    """The therapist changes the note or the due date of an open assignment (a new due date is
    today or later; ``None`` removes it; sending the current date again is no change). A
    completed or withdrawn one no longer changes."""
    assignment = _therapist_assignment(
        therapist=therapist, couple_id=couple_id, assignment_id=assignment_id
    )
    if note is not _UNCHANGED:
        assignment.note = note
    if due_on is not _UNCHANGED and due_on != assignment.due_on:
        # Keeping a date that has passed is fine (the note of an overdue one may change).
        assignment.due_on = due_on_validate(due_on)
    assignment.updated_at = timezone.now()
    assignment.save(update_fields=["note", "due_on", "updated_at"])
    return assignment


@transaction.atomic
def assignment_withdraw(*, therapist: User, couple_id: UUID, assignment_id: UUID) -> Assignment:
    """The therapist takes an open assignment back: the couple no longer sees it (a session
    already started from it simply goes on as their own); the therapist's file keeps it,
    marked withdrawn."""
    assignment = _therapist_assignment(
        therapist=therapist, couple_id=couple_id, assignment_id=assignment_id
    )
    assignment.withdrawn_at = timezone.now()
    assignment.save(update_fields=["withdrawn_at"])
    return assignment


def assignment_session_begin(*, user: User, assignment_id: UUID) -> tuple[CoupleSession, bool]:
    """Start the assigned exercise for my couple, or, when the couple already has it open
    (started from the library, or from another assignment), count that open session for this
    assignment: ``(session, started)``. Every rule of ``session_start`` (check-in, pause, one
    open session per exercise) applies unchanged. A completed assignment is closed (409)."""
    with transaction.atomic():
        assignment = access_assignment(user=user, assignment_id=assignment_id)
        if assignment_is_completed(assignment=assignment):
            raise Conflict(
                "assignment_completed", _("You have already done this exercise together.")
            )
        try:
            session = session_start(user=user, exercise_slug=assignment.exercise.slug)
        except SessionAlreadyOpen as already:
            session = CoupleSession.objects.get(pk=already.session_id)
            assignment.sessions.add(session)
            return session, False
        assignment.sessions.add(session)
        return session, True


def session_start_from_assignment(*, user: User, assignment_id: UUID) -> CoupleSession:
    """The session starter registered with sessions (``POST /api/sessions/ {assignment}``).

    Its answer stays what that endpoint promises: when the exercise is already open it is 409
    ``session_already_open`` with the open session's id, and by then (committed, outside any
    rolled-back block) that session counts for the assignment."""
    session, started = assignment_session_begin(user=user, assignment_id=assignment_id)
    if not started:
        raise SessionAlreadyOpen(session.id)
    return session


@transaction.atomic
def session_share(*, user: User, session_id: UUID) -> SessionShare:
    """Share my own answers of one revealed session with our therapist (again: no change)."""
    session = access_session(user=user, session_id=session_id, for_update=True)
    # A solo session goes to the therapist of the couple its owner is in now, once finished.
    couple = active_couple_for(user=user) if session.is_solo else session.couple
    if couple is None or not couple.is_active:
        if session.is_solo:
            raise Conflict("no_therapist", _("Your couple has no therapist to share with."))
        raise NotFound()
    therapist = active_therapist_for(couple=couple)
    if therapist is None:
        raise Conflict("no_therapist", _("Your couple has no therapist to share with."))
    if session.is_solo and session.status != SessionStatus.COMPLETED:
        raise Conflict(
            "session_not_finished",
            _("You can share an exercise for yourself once you have finished it."),
        )
    if not session.is_solo and not PromptReveal.objects.filter(session=session).exists():
        raise Conflict(
            "session_not_revealed",
            _("You can share a session once its answers have been revealed together."),
        )
    share, created = SessionShare.objects.update_or_create(
        session=session, user=user, defaults={"therapist": therapist}
    )
    if created:
        # Only the page to open: the therapist's file of this couple, never who or what.
        notify(user=therapist, event=Event.SESSION_SHARED, path=f"/practice/{couple.id}")
    return share


@transaction.atomic
def session_unshare(*, user: User, session_id: UUID) -> None:
    """Take my answers of this session back from the therapist, at once. Harmless when they
    were not shared."""
    session = access_session(user=user, session_id=session_id)
    SessionShare.objects.filter(session=session, user=user).delete()


# Overdue notices reach back this far, so a worker that missed a day still sends them, and
# assignments that were long overdue before notices existed do not all fire at once.
OVERDUE_NOTICE_WINDOW = datetime.timedelta(days=7)


def assignments_overdue_notify(*, today: datetime.date | None = None) -> int:
    """Tell each therapist, once per assignment and due date, that an open assignment of a
    couple they are still linked to passed its date. The task worker runs it every morning;
    running it again sends nothing twice (the outbox's dedupe key). Only the page to open goes
    out, by the discreet channels."""
    today = today or timezone.localdate()
    overdue = (
        Assignment.objects.filter(
            due_on__lt=today,
            due_on__gte=today - OVERDUE_NOTICE_WINDOW,
            withdrawn_at__isnull=True,
            couple__therapist_links__therapist=F("therapist"),
            couple__therapist_links__status=TherapistLinkStatus.ACTIVE,
        )
        .filter(active_couple("couple"))
        .exclude(sessions__status=SessionStatus.COMPLETED)
        .select_related("therapist")
        .distinct()
    )
    count = 0
    for assignment in overdue:
        notify(
            user=assignment.therapist,
            event=Event.ASSIGNMENT_OVERDUE,
            path=f"/practice/{assignment.couple_id}",
            dedupe_key=f"overdue:{assignment.id}:{assignment.due_on.isoformat()}",
        )
        count += 1
    return count

"""Reads about assignments and what a linked therapist may see of a couple.

What a therapist sees (privacy rule 3): the couple's partners by display name, the therapist's
own assignments, the progress of sessions started from them (states and dates), and answer
content only through a partner's ``SessionShare`` of that session with this therapist: that
partner's own answers to revealed prompts, never a ``keep_private`` one. Nothing here asks
safety about a person's pause: a paused partner's state simply stays where it was, so they look
like someone who has not answered yet. A safety report appears only when that person shared it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, UUIDField
from django.utils import timezone

from accounts.models import User
from exercises.selectors import exercise_ref, prompt_data
from pairing.models import Couple, CoupleMember, active_couple
from pairing.selectors import active_couple_for, couple_members
from project.errors import NotFound
from safety.selectors import reports_shared_with_therapist
from sessions.models import (
    Answer,
    CoupleSession,
    PromptReveal,
    SessionParticipant,
    SessionStatus,
)

from .models import Assignment, SessionShare, TherapistLink
from .selectors import therapist_couple_access, therapist_links_active

# The join table of Assignment.sessions: which sessions were started from which assignment.
AssignmentSession = Assignment.sessions.through


def _assignments(**filters: Any):
    return Assignment.objects.filter(**filters).select_related(
        "exercise__current_version", "therapist"
    )


def _open_for_couple(**filters: Any):
    """Assignments the couple sees: not withdrawn by the therapist."""
    return _assignments(withdrawn_at__isnull=True, **filters)


def assignment_is_completed(*, assignment: Assignment) -> bool:
    """Done: a session counted for it was completed. The assignment is then closed, for the
    couple (no "start") and for the therapist (no more changes)."""
    return assignment.sessions.filter(status=SessionStatus.COMPLETED).exists()


def assignment_is_overdue(*, due_on: date | None, completed: bool, today: date) -> bool:
    return due_on is not None and not completed and due_on < today


def assignments_due_on(day: date) -> Iterator[tuple[User, str]]:
    """(partner, page to open) for every open assignment due on ``day``: its couple has not
    ended and no session of it has been completed. The "due tomorrow" reminder's source
    (registered with notifications in ``ExercisesConfig.ready``). Two queries."""
    assignments = (
        Assignment.objects.filter(active_couple("couple"), due_on=day, withdrawn_at__isnull=True)
        .exclude(sessions__status=SessionStatus.COMPLETED)
        .values_list("id", "couple_id")
    )
    due_by_couple: dict[UUID, list[UUID]] = {}
    for assignment_id, couple_id in assignments:
        due_by_couple.setdefault(couple_id, []).append(assignment_id)
    seats = CoupleMember.objects.filter(
        couple_id__in=due_by_couple, active=True, user__is_active=True
    ).select_related("user")
    for seat in seats:
        for assignment_id in due_by_couple[seat.couple_id]:
            yield seat.user, f"/assignments/{assignment_id}"


def assignment_data(*, assignment: Assignment, language: str) -> dict[str, Any]:
    return {
        "id": assignment.id,
        "exercise": exercise_ref(exercise=assignment.exercise, language=language),
        "note": assignment.note,
        "due_on": assignment.due_on,
        "created_at": assignment.created_at,
    }


def assignments_for_user(*, user: User) -> list[dict[str, Any]]:
    """My couple's assignments, newest first, each with the sessions started from it. Two
    queries plus one for my couple; none at all when I am single."""
    couple = active_couple_for(user=user)
    if couple is None:
        return []
    assignments = list(_open_for_couple(couple=couple))
    started = (
        AssignmentSession.objects.filter(assignment__in=assignments)
        .order_by("couplesession__created_at")
        .values(
            "assignment_id",
            "couplesession_id",
            "couplesession__status",
            "couplesession__created_at",
        )
    )
    by_assignment: dict[UUID, list[dict[str, Any]]] = {}
    for row in started:
        by_assignment.setdefault(row["assignment_id"], []).append(
            {
                "id": row["couplesession_id"],
                "status": row["couplesession__status"],
                "created_at": row["couplesession__created_at"],
            }
        )
    items = []
    for assignment in assignments:
        sessions = by_assignment.get(assignment.id, [])
        completed = any(item["status"] == SessionStatus.COMPLETED for item in sessions)
        items.append(
            {
                **assignment_data(assignment=assignment, language=user.language),
                "therapist": {"display_name": assignment.therapist.display_name},
                "sessions": sessions,
                "completed": completed,
            }
        )
    return items


def access_assignment(*, user: User, assignment_id: UUID) -> Assignment:
    """One assignment of my active couple, or 404."""
    couple = active_couple_for(user=user)
    assignment = (
        _open_for_couple(couple=couple, pk=assignment_id).first() if couple is not None else None
    )
    if assignment is None:
        raise NotFound()
    return assignment


# ---- the therapist's view --------------------------------------------------------------------


def therapist_couples(*, therapist: User) -> list[dict[str, Any]]:
    """The therapist's linked couples with the partners' names and assignment counts. Three
    queries however many couples."""
    links = list(therapist_links_active(therapist=therapist))
    couple_ids = [link.couple_id for link in links]
    names: dict[UUID, list[str]] = {}
    members = (
        CoupleMember.objects.filter(couple_id__in=couple_ids)
        .select_related("user")
        .order_by("seat")
    )
    for member in members:
        names.setdefault(member.couple_id, []).append(member.user.display_name)
    counts = dict(
        Assignment.objects.filter(
            therapist=therapist, couple_id__in=couple_ids, withdrawn_at__isnull=True
        )
        .values("couple_id")
        .annotate(count=Count("id"))
        .values_list("couple_id", "count")
    )
    return [
        {
            "id": link.couple_id,
            "linked_since": link.activated_at,
            "partners": [{"display_name": name} for name in names.get(link.couple_id, [])],
            "assignments": counts.get(link.couple_id, 0),
        }
        for link in links
    ]


def _of_couple(couple: Couple, prefix: str = "") -> Q:
    """Sessions of this couple, and solo sessions of its current partners (which reach the
    therapist only through a partner's own share)."""
    members = CoupleMember.objects.filter(couple=couple, active=True).values("user_id")
    return Q(**{f"{prefix}couple": couple}) | Q(**{f"{prefix}owner__in": members})


def _visible_sessions(*, therapist: User, couple: Couple):
    """Sessions of this couple the therapist may follow: started from one of their
    assignments, or shared with them by a partner."""
    shared = SessionShare.objects.filter(therapist=therapist).filter(
        _of_couple(couple, "session__")
    )
    first_reveal = PromptReveal.objects.filter(session=OuterRef("pk")).order_by("revealed_at")
    assigned = AssignmentSession.objects.filter(assignment__therapist=therapist)
    first_assignment = AssignmentSession.objects.filter(couplesession=OuterRef("pk")).order_by("id")
    return (
        CoupleSession.objects.filter(_of_couple(couple))
        .filter(
            Q(pk__in=assigned.values("couplesession_id")) | Q(pk__in=shared.values("session_id"))
        )
        .select_related("exercise__current_version")
        .annotate(
            revealed_at=Subquery(first_reveal.values("revealed_at")[:1]),
            assignment_id=Subquery(
                first_assignment.values("assignment_id")[:1], output_field=UUIDField()
            ),
        )
        .order_by("created_at")
    )


def _shared_answers(
    *, therapist: User, couple: Couple, language: str
) -> dict[tuple[UUID, UUID], list[dict[str, Any]]]:
    """Answers partners shared with this therapist, by (session, person): only the sharer's own
    answers, only revealed prompts, never a value kept private. One query."""
    revealed = PromptReveal.objects.filter(session=OuterRef("session"), prompt=OuterRef("prompt"))
    answers = (
        Answer.objects.filter(
            _of_couple(couple, "session__"),
            session__shares__therapist=therapist,
            session__shares__user=F("user"),
            keep_private=False,
        )
        # A solo session is never revealed: what its owner shared is all of it.
        .filter(Exists(revealed) | Q(session__owner__isnull=False))
        .select_related("prompt")
        .order_by("prompt__position")
    )
    shared: dict[tuple[UUID, UUID], list[dict[str, Any]]] = {}
    for answer in answers:
        shared.setdefault((answer.session_id, answer.user_id), []).append(
            {"prompt": prompt_data(prompt=answer.prompt, language=language), "value": answer.value}
        )
    return shared


def therapist_couple_detail(*, therapist: User, couple_id: UUID) -> dict[str, Any]:
    """One linked couple as its therapist sees it. A fixed number of queries (about ten),
    whatever the number of assignments, sessions, shares or answers."""
    link: TherapistLink = therapist_couple_access(therapist=therapist, couple_id=couple_id)
    couple = link.couple
    language = therapist.language
    members = couple_members(couple=couple)
    names = {member.pk: member.display_name for member in members}
    sessions = list(_visible_sessions(therapist=therapist, couple=couple))
    session_ids = [session.id for session in sessions]
    participants: dict[UUID, dict[UUID, SessionParticipant]] = {}
    for participant in SessionParticipant.objects.filter(session_id__in=session_ids):
        participants.setdefault(participant.session_id, {})[participant.user_id] = participant
    shares: dict[UUID, list[SessionShare]] = {}
    share_rows = SessionShare.objects.filter(
        session_id__in=session_ids, therapist=therapist, user__in=members
    )
    for share in share_rows:
        shares.setdefault(share.session_id, []).append(share)
    answers = _shared_answers(therapist=therapist, couple=couple, language=language)

    def progress(session: CoupleSession) -> dict[str, Any]:
        states = participants.get(session.id, {})
        return {
            "id": session.id,
            "exercise": exercise_ref(exercise=session.exercise, language=language),
            "assignment": session.assignment_id,
            "status": session.status,
            "started_at": session.created_at,
            "revealed_at": session.revealed_at,
            "completed_at": session.completed_at,
            "revealed": session.revealed_at is not None,
            "completed": session.status == SessionStatus.COMPLETED,
            "partners": [
                {
                    "display_name": member.display_name,
                    "state": states[member.pk].state if member.pk in states else None,
                    "submitted_at": states[member.pk].submitted_at if member.pk in states else None,
                }
                for member in members
            ],
            "shared": [
                {
                    "display_name": names[share.user_id],
                    "shared_at": share.shared_at,
                    "answers": answers.get((session.id, share.user_id), []),
                }
                for share in sorted(shares.get(session.id, []), key=lambda s: s.shared_at)
            ],
        }

    by_assignment: dict[UUID, list[dict[str, Any]]] = {}
    others = []
    for session in sessions:
        if session.assignment_id is not None:
            by_assignment.setdefault(session.assignment_id, []).append(progress(session))
        else:
            others.append(progress(session))
    assignments = []
    today = timezone.localdate()
    for assignment in _assignments(couple=couple, therapist=therapist):
        started = by_assignment.get(assignment.id, [])
        completed = [s["completed_at"] for s in started if s["completed"]]
        assignments.append(
            {
                **assignment_data(assignment=assignment, language=language),
                "updated_at": assignment.updated_at,
                "withdrawn_at": assignment.withdrawn_at,
                "overdue": assignment.withdrawn_at is None
                and assignment_is_overdue(
                    due_on=assignment.due_on, completed=bool(completed), today=today
                ),
                "started": bool(started),
                "started_at": started[0]["started_at"] if started else None,
                "completed": bool(completed),
                "completed_at": min(completed) if completed else None,
                "sessions": started,
            }
        )
    # Sessions from another therapist's assignment that a partner shared with this one are
    # shown with the couple's own sessions; their assignment is not this therapist's business.
    mine = {assignment["id"] for assignment in assignments}
    for assignment_id, items in by_assignment.items():
        if assignment_id not in mine:
            others.extend({**item, "assignment": None} for item in items)
    return {
        "id": couple.id,
        "linked_since": link.activated_at,
        "partners": [
            {
                "display_name": member.display_name,
                "shared_reports": [
                    {"id": report.id, "created_at": report.created_at, "note": report.note}
                    for report in reports_shared_with_therapist(member, link_id=link.id)
                ],
            }
            for member in members
        ],
        "assignments": assignments,
        "shared_sessions": others,
    }


def open_assignments_of_exercise(exercise) -> int:
    """Assignments of ``exercise`` still open: not withdrawn, couple still together, no session
    of it completed. Counted for the editors before they archive or unpublish (one query)."""
    return (
        Assignment.objects.filter(
            active_couple("couple"), exercise=exercise, withdrawn_at__isnull=True
        )
        .exclude(sessions__status=SessionStatus.COMPLETED)
        .distinct()
        .count()
    )

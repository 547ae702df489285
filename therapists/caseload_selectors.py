"""Reads for the therapist's practice: the caseload (each couple with what needs attention
first), one couple's file (timeline and consents), the therapist's private clinical notes, and
the record for the clinical file.

The same privacy rule as everywhere a therapist reads (privacy rule 3, ``assignment_selectors``):
states and dates of the sessions a therapist may follow, never answer content outside a
partner's share, and safety reports only as that person shared them. Nothing here asks safety
about anyone's pause. "Activity" counts only what the therapist may already follow (sessions of
their assignments and sessions shared with them), never the couple's other sessions.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from accounts.models import User
from exercises.selectors import exercise_ref
from pairing.models import CoupleMember
from safety.selectors import reports_shared_with_therapist_by
from sessions.models import CoupleSession, SessionStatus

from .assignment_selectors import assignment_is_overdue, therapist_couple_detail
from .models import Assignment, ClinicalNote, SessionShare, TherapistConsent, TherapistLink
from .selectors import therapist_couple_access, therapist_invites_waiting, therapist_links_active

AssignmentSession = Assignment.sessions.through

# An open assignment due within this many days is "due soon".
DUE_SOON = timedelta(days=3)
# A couple with nothing the therapist can follow for this long is "quiet".
QUIET_AFTER = timedelta(weeks=3)
# What needs attention first: the order of the caseload and of each couple's items.
ATTENTION_ORDER = ("new_report", "overdue", "new_share", "due_soon", "quiet")

RECORD_FORMAT = "tweespraak-record"
RECORD_VERSION = 1


def _later(*moments: datetime | None) -> datetime | None:
    present = [moment for moment in moments if moment is not None]
    return max(present) if present else None


def therapist_caseload(*, therapist: User, now: datetime | None = None) -> dict[str, Any]:
    """The therapist's home: every actively linked couple with what needs attention (an
    overdue or soon-due assignment, a session or safety report shared since the therapist last
    opened the file, no activity for :data:`QUIET_AFTER`), the couples that need it first; and
    the invites still waiting for consent (a half-given consent names nobody: until both
    partners accept, the therapist learns nothing about the couple).

    Seven queries, however many couples, assignments, shares or reports.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    links = list(therapist_links_active(therapist=therapist))
    couple_ids = [link.couple_id for link in links]
    members: dict[UUID, list[User]] = {}
    for seat in (
        CoupleMember.objects.filter(couple_id__in=couple_ids, active=True)
        .select_related("user")
        .order_by("seat")
    ):
        members.setdefault(seat.couple_id, []).append(seat.user)
    member_couple = {user.pk: couple_id for couple_id, users in members.items() for user in users}
    link_of_couple = {link.couple_id: link.id for link in links}
    done = AssignmentSession.objects.filter(
        assignment=OuterRef("pk"), couplesession__status=SessionStatus.COMPLETED
    )
    assignments: dict[UUID, list[Assignment]] = {}
    for assignment in (
        Assignment.objects.filter(
            therapist=therapist, couple_id__in=couple_ids, withdrawn_at__isnull=True
        )
        .select_related("exercise__current_version")
        .annotate(done=Exists(done))
        .order_by("due_on", "created_at")
    ):
        assignments.setdefault(assignment.couple_id, []).append(assignment)
    shares: dict[UUID, list[SessionShare]] = {}
    for share in (
        SessionShare.objects.filter(
            Q(session__couple_id__in=couple_ids) | Q(session__couple__isnull=True),
            therapist=therapist,
            user_id__in=member_couple,
        )
        .select_related("session__exercise__current_version")
        .order_by("-shared_at")
    ):
        # A solo session has no couple: it belongs to the couple its owner is in now.
        couple_of_share = share.session.couple_id or member_couple[share.user_id]
        shares.setdefault(couple_of_share, []).append(share)
    reports: dict[UUID, list[Any]] = {}
    shared_reports = reports_shared_with_therapist_by(
        {user_id: link_of_couple[couple_id] for user_id, couple_id in member_couple.items()}
    )
    for report in shared_reports:
        reports.setdefault(member_couple[report.user_id], []).append(report)
    activity = dict(
        CoupleSession.objects.filter(couple_id__in=couple_ids)
        .filter(Q(assignments__therapist=therapist) | Q(shares__therapist=therapist))
        .values("couple_id")
        .annotate(last=Max("updated_at"))
        .values_list("couple_id", "last")
    )
    language = therapist.language
    names = {user.pk: user.display_name for users in members.values() for user in users}

    couples = []
    for link in links:
        couple_id = link.couple_id
        attention: list[dict[str, Any]] = []
        open_assignments = [item for item in assignments.get(couple_id, []) if not item.done]
        for assignment in open_assignments:
            item = {
                "assignment": assignment.id,
                "exercise": exercise_ref(exercise=assignment.exercise, language=language),
                "due_on": assignment.due_on,
            }
            if assignment_is_overdue(due_on=assignment.due_on, completed=False, today=today):
                attention.append({"kind": "overdue", **item})
            elif assignment.due_on is not None and assignment.due_on <= today + DUE_SOON:
                attention.append({"kind": "due_soon", **item})
        for share in shares.get(couple_id, []):
            if link.seen_at is None or share.shared_at > link.seen_at:
                attention.append(
                    {
                        "kind": "new_share",
                        "session": share.session_id,
                        "exercise": exercise_ref(
                            exercise=share.session.exercise, language=language
                        ),
                        "display_name": names.get(share.user_id, ""),
                        "at": share.shared_at,
                    }
                )
        seen_reports = {str(report_id) for report_id in link.seen_report_ids or []}
        for report in reports.get(couple_id, []):
            if str(report.id) not in seen_reports:
                attention.append(
                    {
                        "kind": "new_report",
                        "display_name": names.get(report.user_id, ""),
                        "at": report.created_at,
                    }
                )
        last_activity = _later(
            link.activated_at,
            activity.get(couple_id),
            *(share.shared_at for share in shares.get(couple_id, [])[:1]),
        )
        if last_activity is not None and now - last_activity >= QUIET_AFTER:
            attention.append({"kind": "quiet", "at": last_activity})
        attention.sort(key=lambda item: ATTENTION_ORDER.index(item["kind"]))
        due_dates = [item.due_on for item in open_assignments if item.due_on is not None]
        couples.append(
            {
                "id": couple_id,
                "partners": [{"display_name": user.display_name} for user in members[couple_id]]
                if couple_id in members
                else [],
                "linked_since": link.activated_at,
                "seen_at": link.seen_at,
                "last_activity_at": last_activity,
                "open_assignments": len(open_assignments),
                "next_due_on": min(due_dates) if due_dates else None,
                "attention": attention,
            }
        )
    couples.sort(
        key=lambda couple: (
            ATTENTION_ORDER.index(couple["attention"][0]["kind"])
            if couple["attention"]
            else len(ATTENTION_ORDER),
            " & ".join(partner["display_name"] for partner in couple["partners"]).lower(),
        )
    )
    return {"couples": couples, "waiting": list(therapist_invites_waiting(therapist=therapist))}


def _timeline(
    *, detail: dict[str, Any], link: TherapistLink, consents: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """What happened, newest first: the link and each consent, the assignments (given,
    changed, withdrawn), the sessions the therapist may follow (started, revealed, completed,
    abandoned), shares, and reports a partner shared. States and dates, never content."""
    events: list[dict[str, Any]] = [{"kind": "invited", "at": link.created_at}]
    events += [
        {"kind": "consented", "at": consent["accepted_at"], "display_name": consent["display_name"]}
        for consent in consents
    ]
    if link.activated_at:
        events.append({"kind": "linked", "at": link.activated_at})
    sessions = list(detail["shared_sessions"])
    for assignment in detail["assignments"]:
        ref = {"assignment": assignment["id"], "exercise": assignment["exercise"]}
        events.append({"kind": "assigned", "at": assignment["created_at"], **ref})
        if assignment["updated_at"]:
            events.append({"kind": "assignment_changed", "at": assignment["updated_at"], **ref})
        if assignment["withdrawn_at"]:
            events.append({"kind": "withdrawn", "at": assignment["withdrawn_at"], **ref})
        sessions += assignment["sessions"]
    for session in sessions:
        ref = {"session": session["id"], "exercise": session["exercise"]}
        events.append({"kind": "session_started", "at": session["started_at"], **ref})
        if session["revealed_at"]:
            events.append({"kind": "session_revealed", "at": session["revealed_at"], **ref})
        if session["completed_at"]:
            events.append({"kind": "session_completed", "at": session["completed_at"], **ref})
        events += [
            {
                "kind": "shared",
                "at": share["shared_at"],
                "display_name": share["display_name"],
                **ref,
            }
            for share in session["shared"]
        ]
    for partner in detail["partners"]:
        events += [
            {
                "kind": "report_shared",
                "at": report["created_at"],
                "display_name": partner["display_name"],
            }
            for report in partner["shared_reports"]
        ]
    # Newest first; what was recorded later comes first at the same moment (the link became
    # active with the second consent).
    order = {id(event): index for index, event in enumerate(events)}
    events.sort(key=lambda event: (event["at"], order[id(event)]), reverse=True)
    return events


def therapist_couple_file(*, therapist: User, couple_id: UUID) -> dict[str, Any]:
    """One linked couple as its therapist sees it (``therapist_couple_detail``), with each
    partner's consent, the timeline and when the file was last opened. Two queries more."""
    detail = therapist_couple_detail(therapist=therapist, couple_id=couple_id)
    link = therapist_couple_access(therapist=therapist, couple_id=couple_id)
    consents = [
        {"display_name": consent.user.display_name, "accepted_at": consent.accepted_at}
        for consent in TherapistConsent.objects.filter(link=link)
        .select_related("user")
        .order_by("accepted_at")
    ]
    return {
        **detail,
        "invited_at": link.created_at,
        "seen_at": link.seen_at,
        "consents": consents,
        "timeline": _timeline(detail=detail, link=link, consents=consents),
    }


def clinical_notes(*, therapist: User, couple_id: UUID):
    """My own notes about a couple I am actively linked to, newest first; any other couple is
    404. Another therapist's notes are never in it, whatever the couple."""
    link = therapist_couple_access(therapist=therapist, couple_id=couple_id)
    return ClinicalNote.objects.filter(therapist=therapist, couple=link.couple)


def _iso(moment: datetime | date | None) -> str | None:
    return moment.isoformat() if moment else None


def _session_record(session: dict[str, Any]) -> dict[str, Any]:
    # Shares as pointers (who, when): the answers are the partner's, read in the app while the
    # share lasts; a file would keep a copy after they take it back.
    return {
        "id": str(session["id"]),
        "exercise": session["exercise"],
        "status": session["status"],
        "started_at": _iso(session["started_at"]),
        "revealed_at": _iso(session["revealed_at"]),
        "completed_at": _iso(session["completed_at"]),
        "partners": [
            {
                "display_name": partner["display_name"],
                "state": partner["state"],
                "submitted_at": _iso(partner["submitted_at"]),
            }
            for partner in session["partners"]
        ],
        "shared": [
            {"display_name": share["display_name"], "shared_at": _iso(share["shared_at"])}
            for share in session["shared"]
        ],
    }


def therapist_couple_record(*, therapist: User, couple_id: UUID) -> dict[str, Any]:
    """The couple's file for the therapist's clinical record, as JSON: consent status with
    timestamps, assignments and the sessions the therapist may follow (states and dates), the
    dates of shares and shared reports, the timeline, and the therapist's own notes. Only what
    the therapist may see in the app, and no answer or report text (see ``_session_record``)."""
    data = therapist_couple_file(therapist=therapist, couple_id=couple_id)
    notes = clinical_notes(therapist=therapist, couple_id=couple_id).order_by("created_at")

    def plain(event: dict[str, Any]) -> dict[str, Any]:
        return {
            key: (_iso(value) if key == "at" else str(value) if isinstance(value, UUID) else value)
            for key, value in event.items()
        }

    return {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "exported_at": timezone.now().isoformat(),
        "couple": {
            "id": str(data["id"]),
            "partners": [{"display_name": p["display_name"]} for p in data["partners"]],
        },
        "consent": {
            "status": "active",
            "invited_at": _iso(data["invited_at"]),
            "linked_since": _iso(data["linked_since"]),
            "consents": [
                {"display_name": c["display_name"], "accepted_at": _iso(c["accepted_at"])}
                for c in data["consents"]
            ],
        },
        "assignments": [
            {
                "id": str(a["id"]),
                "exercise": a["exercise"],
                "note": a["note"],
                "due_on": _iso(a["due_on"]),
                "created_at": _iso(a["created_at"]),
                "updated_at": _iso(a["updated_at"]),
                "withdrawn_at": _iso(a["withdrawn_at"]),
                "overdue": a["overdue"],
                "started_at": _iso(a["started_at"]),
                "completed_at": _iso(a["completed_at"]),
                "sessions": [_session_record(s) for s in a["sessions"]],
            }
            for a in data["assignments"]
        ],
        "shared_sessions": [_session_record(s) for s in data["shared_sessions"]],
        "reports_shared": [
            {"display_name": p["display_name"], "created_at": _iso(r["created_at"])}
            for p in data["partners"]
            for r in p["shared_reports"]
        ],
        "timeline": [plain(event) for event in data["timeline"]],
        "notes": [
            {
                "id": str(note.id),
                "created_at": _iso(note.created_at),
                "updated_at": _iso(note.updated_at),
                "text": note.body,
            }
            for note in notes
        ],
    }

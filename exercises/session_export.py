"""The exercises part of a person's export (privacy rule 6): their sessions exactly as they may
read them (``session_detail``: their own answers, and the partner's revealed answers only while
the couple lasts, never a ``keep_private`` value), the reactions they sent, which sessions they
shared with a therapist, the assignments their couples received, the live-reveal connections
open right now, and, for a therapist, the assignments they gave (their notes are theirs) and
which sessions partners shared with them.

A therapist's export lists those shares as pointers (session and date) without the answers: the
answers are the partner's, read in the app while the share lasts, and an export file would keep
a copy after the partner takes the share back.
"""

from __future__ import annotations

from typing import Any

from accounts.models import User

from .models import Assignment, SessionPresence, SessionReaction, SessionShare
from .session_selectors import session_detail, sessions_for_user


def _assignment(assignment: Assignment) -> dict[str, Any]:
    return {
        "id": str(assignment.id),
        "couple": str(assignment.couple_id),
        "exercise": assignment.exercise.slug,
        "note": assignment.note,
        "due_on": assignment.due_on.isoformat() if assignment.due_on else None,
        "created_at": assignment.created_at.isoformat(),
    }


def sessions_export(user: User) -> dict[str, Any]:
    sessions = list(sessions_for_user(user=user).select_related("couple"))
    return {
        "sessions": [session_detail(user=user, session=session) for session in sessions],
        "reactions_sent": [
            {
                "session": str(reaction.session_id),
                "prompt": str(reaction.prompt_id),
                "reaction": reaction.reaction,
                "at": reaction.created_at.isoformat(),
            }
            for reaction in SessionReaction.objects.filter(user=user).order_by("created_at")
        ],
        "shared_with_therapist": [
            {"session": str(share.session_id), "shared_at": share.shared_at.isoformat()}
            for share in SessionShare.objects.filter(user=user).order_by("shared_at")
        ],
        "shared_with_me": [
            {"session": str(share.session_id), "shared_at": share.shared_at.isoformat()}
            for share in SessionShare.objects.filter(therapist=user).order_by("shared_at")
        ],
        "live_connections": [
            {"session": str(presence.session_id), "seen_at": presence.seen_at.isoformat()}
            for presence in SessionPresence.objects.filter(user=user).order_by("seen_at")
        ],
        "assignments": [
            _assignment(assignment)
            for assignment in Assignment.objects.filter(couple__members__user=user)
            .select_related("exercise")
            .order_by("created_at")
        ],
        "assignments_given": [
            _assignment(assignment)
            for assignment in Assignment.objects.filter(therapist=user)
            .select_related("exercise")
            .order_by("created_at")
        ],
    }

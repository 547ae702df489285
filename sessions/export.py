"""The sessions part of a person's export (privacy rule 6): their sessions exactly as they may
read them (``session_detail``: their own answers, and the partner's revealed answers only while
the couple lasts, never a ``keep_private`` value), and the reactions they sent. Who is
connected to a live reveal right now is not stored (``sessions.presence``: ids in Redis for at
most a minute), so it is not part of an export. What was shared with a therapist and the
assignments are the therapists app's part (``therapists.export.assignments_export``).
"""

from __future__ import annotations

from typing import Any

from accounts.models import User

from .models import SessionReaction
from .selectors import session_detail, sessions_for_user


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
    }

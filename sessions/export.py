"""The sessions part of a person's export (privacy rule 6): their sessions exactly as they may
read them (``session_detail``: their own answers, and the partner's revealed answers only while
the couple lasts, never a ``keep_private`` value), the reactions they sent, and their own daily
answers and reactions. Who is connected to a live reveal right now is not stored
(``sessions.presence``: ids in Redis for at most a minute), so it is not part of an export. What
was shared with a therapist and the assignments are the therapists app's part
(``therapists.export.assignments_export``).
"""

from __future__ import annotations

from typing import Any

from accounts.models import User

from .daily_selectors import daily_question_text
from .models import DailyAnswer, DailyReaction, SessionReaction
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
        # My own daily answers (of every couple I was in) and the reactions I sent; my
        # partner's answers are theirs.
        "daily_answers": [
            {
                "date": answer.day.isoformat(),
                "question": daily_question_text(answer.question, user.language),
                "value": answer.value,
                "answered_at": answer.created_at.isoformat(),
            }
            for answer in DailyAnswer.objects.filter(user=user)
            .select_related("question")
            .order_by("day")
        ],
        "daily_reactions_sent": [
            {"date": reaction.answer.day.isoformat(), "reaction": reaction.reaction}
            for reaction in DailyReaction.objects.filter(user=user)
            .select_related("answer")
            .order_by("answer__day")
        ],
    }

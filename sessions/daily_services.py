"""Writes for the daily question: my answer of today, and a reaction on my partner's once both
answered. Gated like couple sessions (check-in first; nothing while paused), for the acting
person only: the partner sees a paused person exactly as one who has not answered."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from project.errors import Conflict, Invalid
from safety.selectors import require_couple_exercise_allowed

from .daily_selectors import daily_couple, daily_question_for, daily_today
from .models import DailyAnswer, DailyQuestion, DailyReaction, Reaction
from .services import daily_changed

DAILY_MAX_LENGTH = 1000


def _daily_value(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(fields={"value": [_("Write your answer as text.")]})
    if len(value) > DAILY_MAX_LENGTH:
        raise Invalid(
            fields={
                "value": [_("Keep it under %(limit)s characters.") % {"limit": DAILY_MAX_LENGTH}]
            }
        )
    return value


@transaction.atomic
def daily_answer_save(*, user: User, value: Any) -> DailyAnswer:
    """Answer (or change my answer to) my couple's question of today."""
    require_couple_exercise_allowed(user)
    value = _daily_value(value)
    couple = daily_couple(user=user)
    day = daily_today()
    # The partner's answer fixes the day's question, even if the pool was edited since.
    asked = DailyAnswer.objects.filter(couple=couple, day=day).select_related("question").first()
    question = asked.question if asked else daily_question_for(couple=couple, day=day)
    answer, _created = DailyAnswer.objects.update_or_create(
        couple=couple, user=user, day=day, defaults={"value": value, "question": question}
    )
    daily_changed(couple_id=couple.pk, day=day)
    return answer


@transaction.atomic
def daily_react(*, user: User, reaction: str) -> DailyReaction:
    """React on my partner's answer of today (again: the new reaction replaces mine)."""
    require_couple_exercise_allowed(user)
    if reaction not in Reaction.values:
        raise Invalid(fields={"reaction": [_("Choose one of the reactions.")]})
    couple = daily_couple(user=user)
    day = daily_today()
    answers = list(DailyAnswer.objects.filter(couple=couple, day=day))
    theirs = next((answer for answer in answers if answer.user_id != user.pk), None)
    if theirs is None or len(answers) != 2:
        raise Conflict("daily_not_both_answered", _("You can react once you have both answered."))
    sent, _created = DailyReaction.objects.update_or_create(
        answer=theirs, user=user, defaults={"reaction": reaction}
    )
    daily_changed(couple_id=couple.pk, day=day)
    return sent


@transaction.atomic
def daily_questions_import(*, items: list[dict]) -> tuple[int, int]:
    """Create or update the pool's questions by ``key``, in the file's order. Questions the
    file no longer has stay (answers point at them) but are taken out of the pool."""
    created = updated = 0
    keys = []
    for position, item in enumerate(items, start=1):
        text = item["text"]
        if not text.get("nl", "").strip() or not text.get("en", "").strip():
            raise Invalid("import_invalid", f"{item['key']}: a question needs nl and en.")
        keys.append(item["key"])
        _question, was_created = DailyQuestion.objects.update_or_create(
            key=item["key"],
            defaults={
                "position": position,
                "level": item.get("level", "light"),
                "text_nl": text["nl"].strip(),
                "text_en": text["en"].strip(),
                "active": True,
            },
        )
        created += was_created
        updated += not was_created
    DailyQuestion.objects.exclude(key__in=keys).update(active=False)
    return created, updated

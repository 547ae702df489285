"""Reads about the daily question: which question a couple has on a day, and what each partner
may see of it. The partner's answer shows only once both answered; a partner who is paused looks
exactly like one who has not answered (nothing here asks about anyone's safety state)."""

from __future__ import annotations

import datetime
from typing import Any
from uuid import UUID

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from exercises.models import library_language
from pairing.models import Couple
from pairing.selectors import active_couple_for
from project.errors import Conflict, NotFound

from .models import DailyAnswer, DailyQuestion, DailyReaction

# Any fixed day: a couple's place in the pool moves one step a day from here.
_EPOCH = datetime.date(2026, 1, 1)
HISTORY_DAYS = 30


def daily_today() -> datetime.date:
    """The day in the site's time zone: a question lasts from midnight to midnight there."""
    return timezone.localdate()


def daily_couple(*, user: User) -> Couple:
    """My active couple (the daily question is for two), or 409 ``no_couple``."""
    couple = active_couple_for(user=user)
    if couple is None:
        raise Conflict("no_couple", _("Link with your partner first."))
    return couple


def daily_question_for(*, couple: Couple, day: datetime.date) -> DailyQuestion:
    """The couple's question of ``day``: the pool in order, each couple starting at its own
    place and moving one step a day, so no question comes back before the whole pool was
    asked. Two queries."""
    pool = DailyQuestion.objects.filter(active=True).order_by("position", "key")
    count = pool.count()
    if not count:
        raise NotFound("daily_pool_empty", _("There is no question of the day yet."))
    index = (UUID(str(couple.pk)).int + (day - _EPOCH).days) % count
    return pool[index]


def _answers(couple: Couple, days: list[datetime.date]) -> list[DailyAnswer]:
    return list(
        DailyAnswer.objects.filter(couple=couple, day__in=days)
        .select_related("question")
        .prefetch_related(Prefetch("reactions", queryset=DailyReaction.objects.order_by("id")))
    )


def _reaction_of(answer: DailyAnswer | None, user_id: UUID) -> str | None:
    if answer is None:
        return None
    return next((r.reaction for r in answer.reactions.all() if r.user_id == user_id), None)


def daily_day_data(
    *,
    user: User,
    day: datetime.date,
    answers: list[DailyAnswer],
    question: DailyQuestion | None = None,
) -> dict[str, Any]:
    """One day as ``user`` sees it: ``{date, question: {id, text}, me: {value, reaction},
    partner: {answered, value, reaction}}``. The partner's value and reaction only once both
    answered; ``me.reaction`` is mine on their answer, ``partner.reaction`` theirs on mine."""
    mine = next((answer for answer in answers if answer.user_id == user.pk), None)
    theirs = next((answer for answer in answers if answer.user_id != user.pk), None)
    both = mine is not None and theirs is not None
    asked = (mine or theirs).question if (mine or theirs) else question
    partner_id = theirs.user_id if theirs else None
    return {
        "date": day,
        "question": {"id": asked.id, "text": daily_question_text(asked, user.language)},
        "me": {
            "value": mine.value if mine else None,
            "reaction": _reaction_of(theirs, user.pk) if both else None,
        },
        "partner": {
            "answered": theirs is not None,
            "value": theirs.value if both else None,
            "reaction": _reaction_of(mine, partner_id) if both else None,
        },
    }


def daily_question_text(question: DailyQuestion, language: str) -> str:
    return getattr(question, f"text_{library_language(language)}")


def daily_for(*, user: User) -> dict[str, Any]:
    """Today's question of my couple and its state. Five queries, whatever the history."""
    couple = daily_couple(user=user)
    day = daily_today()
    answers = _answers(couple, [day])
    question = None if answers else daily_question_for(couple=couple, day=day)
    return daily_day_data(user=user, day=day, answers=answers, question=question)


def daily_history(*, user: User, limit: int = HISTORY_DAYS) -> list[dict[str, Any]]:
    """My couple's past days on which either of us answered, newest first, at most ``limit``.
    Four queries, however many days there are."""
    couple = daily_couple(user=user)
    days = list(
        DailyAnswer.objects.filter(couple=couple, day__lt=daily_today())
        .order_by("-day")
        .values_list("day", flat=True)
        .distinct()[:limit]
    )
    by_day: dict[datetime.date, list[DailyAnswer]] = {}
    for answer in _answers(couple, days):
        by_day.setdefault(answer.day, []).append(answer)
    return [daily_day_data(user=user, day=day, answers=by_day[day]) for day in days]


def daily_partner_state(*, couple: Couple, day: datetime.date) -> set[UUID]:
    """Who of the couple answered ``day``'s question (for a ``daily`` event: ids only)."""
    return set(DailyAnswer.objects.filter(couple=couple, day=day).values_list("user_id", flat=True))

"""Couple sessions: a couple doing one pinned exercise version, each partner answering alone,
then revealing the answers together in the live reveal."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from exercises.models import Exercise, ExerciseVersion, Prompt
from project.crypto import EncryptedJSONField


class SessionStatus(models.TextChoices):
    ANSWERING = "answering", _("Answering")
    READY_TO_REVEAL = "ready_to_reveal", _("Ready to reveal")
    REVEALING = "revealing", _("Revealing")
    COMPLETED = "completed", _("Completed")
    ABANDONED = "abandoned", _("Abandoned")


OPEN_SESSION_STATUSES = (
    SessionStatus.ANSWERING,
    SessionStatus.READY_TO_REVEAL,
    SessionStatus.REVEALING,
)
LIVE_SESSION_STATUSES = (SessionStatus.READY_TO_REVEAL, SessionStatus.REVEALING)


class ParticipantState(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFTING = "drafting", _("Drafting")
    SUBMITTED = "submitted", _("Submitted")


class Reaction(models.TextChoices):
    THANKS = "thanks", _("Thank you")
    HEAR_YOU = "hear_you", _("I hear you")
    TELL_ME_MORE = "tell_me_more", _("Tell me more")
    ME_TOO = "me_too", _("Me too")


class NotNow(models.TextChoices):
    """The kind messages a partner may send to decline or postpone a started exercise."""

    NOT_TONIGHT = "not_tonight", _("Not tonight. This weekend?")
    TOO_TIRED = "too_tired", _("I'm too tired now. Tomorrow?")
    LATER_THIS_WEEK = "later_this_week", _("Not right now. Later this week?")
    MORE_TIME = "more_time", _("I need a bit more time for this one.")
    ANOTHER_ONE = "another_one", _("Not this one for me. Shall we choose another?")


class CoupleSession(models.Model):
    """A couple doing one pinned ``ExerciseVersion``: answering alone, then revealing live; or
    one person doing a solo exercise (``owner`` set, no couple), never revealed to anyone.

    ``exercise`` repeats ``version.exercise`` so the database itself can hold "one open session
    per exercise per couple" across versions. ``current_index`` is the 0-based position (in
    prompt order) of the prompt the live reveal is waiting for.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    couple = models.ForeignKey(
        "pairing.Couple",
        verbose_name=_("couple"),
        on_delete=models.CASCADE,
        related_name="sessions",
        null=True,
        blank=True,
    )
    # The one person of a solo session; erased with their account.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner (solo)"),
        on_delete=models.CASCADE,
        related_name="solo_sessions",
        null=True,
        blank=True,
    )
    exercise = models.ForeignKey(
        Exercise, verbose_name=_("exercise"), on_delete=models.PROTECT, related_name="+"
    )
    version = models.ForeignKey(
        ExerciseVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SessionStatus.choices,
        default=SessionStatus.ANSWERING,
    )
    current_index = models.PositiveSmallIntegerField(_("prompt being revealed"), default=0)
    paused = models.BooleanField(_("paused"), default=False)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    abandoned_at = models.DateTimeField(_("abandoned"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("couple session")
        verbose_name_plural = _("couple sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "exercise"],
                condition=models.Q(status__in=[status.value for status in OPEN_SESSION_STATUSES]),
                name="sessions_one_open_session_per_exercise",
            ),
            models.UniqueConstraint(
                fields=["owner", "exercise"],
                condition=models.Q(status__in=[status.value for status in OPEN_SESSION_STATUSES]),
                name="sessions_one_open_solo_session_per_exercise",
            ),
            # A couple session has a couple and no owner; a solo session an owner and no couple.
            models.CheckConstraint(
                condition=models.Q(couple__isnull=False, owner__isnull=True)
                | models.Q(couple__isnull=True, owner__isnull=False),
                name="sessions_couple_or_solo_owner",
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)

    @property
    def is_solo(self) -> bool:
        return self.owner_id is not None


class SessionParticipant(models.Model):
    """One partner's progress in a session. ``ready_for`` is the prompt index they said
    ``ready`` for in the live reveal (None before the first)."""

    session = models.ForeignKey(
        CoupleSession, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_participations"
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=ParticipantState.choices,
        default=ParticipantState.NOT_STARTED,
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    ready_for = models.PositiveSmallIntegerField(_("ready for prompt"), null=True, blank=True)
    # "Not now": the message the partner sees until it is taken back or answering resumes.
    # ``not_now_at`` stays once set: after a "not now" nobody is told the other is waiting.
    not_now = models.CharField(_("not now"), max_length=16, choices=NotNow.choices, blank=True)
    not_now_at = models.DateTimeField(_("not now since"), null=True, blank=True)

    class Meta:
        verbose_name = _("session participant")
        verbose_name_plural = _("session participants")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="sessions_participant_once_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.user_id}"


class Answer(models.Model):
    """One person's answer to one prompt of a session; the value is encrypted at rest."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(CoupleSession, on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answers"
    )
    prompt = models.ForeignKey(Prompt, on_delete=models.PROTECT, related_name="answers")
    value = EncryptedJSONField(_("value"), null=True, blank=True)
    keep_private = models.BooleanField(_("kept for myself"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user", "prompt"], name="sessions_answer_once_per_prompt"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.prompt_id}"


class PromptReveal(models.Model):
    """The moment a prompt's answers were shown to both partners in the live reveal."""

    session = models.ForeignKey(CoupleSession, on_delete=models.CASCADE, related_name="reveals")
    prompt = models.ForeignKey(Prompt, on_delete=models.PROTECT, related_name="+")
    index = models.PositiveSmallIntegerField(_("index"))
    revealed_at = models.DateTimeField(_("revealed"), auto_now_add=True)

    class Meta:
        ordering = ["session", "index"]
        verbose_name = _("prompt reveal")
        verbose_name_plural = _("prompt reveals")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "prompt"], name="sessions_reveal_once_per_prompt"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session_id} #{self.index}"


class SessionReaction(models.Model):
    """A gentle reaction one partner sent on a revealed prompt."""

    session = models.ForeignKey(CoupleSession, on_delete=models.CASCADE, related_name="reactions")
    prompt = models.ForeignKey(Prompt, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reaction = models.CharField(_("reaction"), max_length=16, choices=Reaction.choices)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")

    def __str__(self) -> str:
        return f"{self.session_id} {self.reaction}"


# ---- the daily question ------------------------------------------------------------------------


class DailyLevel(models.TextChoices):
    LIGHT = "light", _("Light")
    DEEPER = "deeper", _("Deeper")


class DailyQuestion(models.Model):
    """One question of the curated daily pool (``sessions/daily_questions.json``), editable in
    the admin. ``position`` orders the pool: a couple walks through it one question a day."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.SlugField(_("key"), max_length=40, unique=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    level = models.CharField(
        _("level"), max_length=8, choices=DailyLevel.choices, default=DailyLevel.LIGHT
    )
    text_nl = models.CharField(_("text (nl)"), max_length=300)
    text_en = models.CharField(_("text (en)"), max_length=300)
    active = models.BooleanField(_("in the pool"), default=True)

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("question of the day")
        verbose_name_plural = _("questions of the day")

    def __str__(self) -> str:
        return self.key


class DailyAnswer(models.Model):
    """One partner's answer to their couple's question of one day; encrypted at rest."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    couple = models.ForeignKey(
        "pairing.Couple", on_delete=models.CASCADE, related_name="daily_answers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_answers"
    )
    day = models.DateField(_("day"))
    question = models.ForeignKey(DailyQuestion, on_delete=models.PROTECT, related_name="+")
    value = EncryptedJSONField(_("value"))
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("daily answer")
        verbose_name_plural = _("daily answers")
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "user", "day"], name="sessions_daily_answer_once_per_day"
            )
        ]
        indexes = [models.Index(fields=["couple", "day"])]

    def __str__(self) -> str:
        return f"{self.couple_id} {self.day}"


class DailyReaction(models.Model):
    """A reaction (one of the live reveal's) on the partner's daily answer, once both answered."""

    answer = models.ForeignKey(DailyAnswer, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reaction = models.CharField(_("reaction"), max_length=16, choices=Reaction.choices)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("daily reaction")
        verbose_name_plural = _("daily reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "user"], name="sessions_daily_reaction_once_per_answer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.answer_id} {self.reaction}"

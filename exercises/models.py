"""The exercise library.

An ``Exercise`` is the editable draft (its own fields plus its ``DraftPrompt`` rows). Publishing
copies the draft into an immutable ``ExerciseVersion`` with ``Prompt`` rows; partners and
sessions only ever see versions. Both languages live side by side on the same row (``*_nl`` and
``*_en`` columns, as django-modeltranslation would lay them out), so the two partners of a couple
answer the very same prompts even when one reads Dutch and the other English.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from project.crypto import EncryptedJSONField

LANGUAGES = ("nl", "en")


class Theme(models.TextChoices):
    SAFETY_WITHIN = "safety_within", _("Safety you carry yourself")
    BOUNDARIES = "boundaries", _("Feeling and stating your boundaries")
    TRIGGER_OR_BOUNDARY = "trigger_or_boundary", _("Trigger or boundary")
    OWN_NEEDS = "own_needs", _("Owning your needs")
    SELF_REGULATION = "self_regulation", _("Calming your own nervous system")
    CONNECTION_IN_FRICTION = "connection_in_friction", _("Staying connected when it chafes")
    CLOSENESS_AUTONOMY = "closeness_autonomy", _("Closeness and autonomy")
    CHILDHOOD = "childhood", _("Safety when you were a child")
    APPRECIATION = "appreciation", _("Appreciation")
    SELF_REFLECTION = "self_reflection", _("Looking at yourself")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PromptKind(models.TextChoices):
    TEXT = "text", _("Text")
    SCALE = "scale", _("Scale")
    CHOICE = "choice", _("Choice (one)")
    MULTI = "multi", _("Choice (several)")


def localized(obj: object, field: str, language: str) -> str:
    """``localized(version, "title", "en")`` reads ``version.title_en``."""
    if language not in LANGUAGES:
        language = LANGUAGES[0]
    return getattr(obj, f"{field}_{language}")


class ExerciseTexts(models.Model):
    """The translatable texts an exercise and each of its versions carry."""

    title_nl = models.CharField(_("title (nl)"), max_length=120, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=120, blank=True)
    summary_nl = models.CharField(_("summary (nl)"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary (en)"), max_length=300, blank=True)
    intro_nl = models.TextField(_("introduction (nl)"), blank=True)
    intro_en = models.TextField(_("introduction (en)"), blank=True)
    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=15)

    class Meta:
        abstract = True


class Exercise(ExerciseTexts):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    current_version = models.ForeignKey(
        "ExerciseVersion",
        verbose_name=_("current version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The latest published version; what partners see."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("exercise")
        verbose_name_plural = _("exercises")
        indexes = [models.Index(fields=["status", "theme"])]

    def __str__(self) -> str:
        return self.title_nl or self.title_en or self.slug


class ExerciseVersion(ExerciseTexts):
    """An immutable snapshot made by ``exercise_publish``; never edited afterwards."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    exercise = models.ForeignKey(
        Exercise, verbose_name=_("exercise"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("number"))
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["exercise", "-number"]
        verbose_name = _("exercise version")
        verbose_name_plural = _("exercise versions")
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "number"], name="exercise_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.exercise.slug} v{self.number}"


class PromptFields(models.Model):
    """What a prompt says and how it is answered; shared by draft and published prompts.

    ``options`` is a list of ``{"value", "label_nl", "label_en"}``; ``value`` is what an answer
    stores, so it stays stable across translations.
    """

    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=8, choices=PromptKind.choices)
    text_nl = models.TextField(_("text (nl)"), blank=True)
    text_en = models.TextField(_("text (en)"), blank=True)
    help_text_nl = models.TextField(_("help text (nl)"), blank=True)
    help_text_en = models.TextField(_("help text (en)"), blank=True)
    min = models.SmallIntegerField(_("scale minimum"), null=True, blank=True)
    max = models.SmallIntegerField(_("scale maximum"), null=True, blank=True)
    min_label_nl = models.CharField(_("minimum label (nl)"), max_length=60, blank=True)
    min_label_en = models.CharField(_("minimum label (en)"), max_length=60, blank=True)
    max_label_nl = models.CharField(_("maximum label (nl)"), max_length=60, blank=True)
    max_label_en = models.CharField(_("maximum label (en)"), max_length=60, blank=True)
    options = models.JSONField(_("options"), default=list, blank=True)

    class Meta:
        abstract = True


class DraftPrompt(PromptFields):
    """A prompt of the draft; edited inline in the admin, copied into a ``Prompt`` on publish."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    exercise = models.ForeignKey(
        Exercise,
        verbose_name=_("exercise"),
        on_delete=models.CASCADE,
        related_name="draft_prompts",
    )

    class Meta:
        ordering = ["exercise", "position", "id"]
        verbose_name = _("prompt")
        verbose_name_plural = _("prompts")

    def __str__(self) -> str:
        return f"{self.position}. {self.text_nl or self.text_en}"[:80]


class Prompt(PromptFields):
    """A prompt of a published version; answers point here, so it never changes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey(
        ExerciseVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="prompts",
    )

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("published prompt")
        verbose_name_plural = _("published prompts")
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="prompt_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text_nl or self.text_en}"[:80]


# ---- couple sessions ---------------------------------------------------------------------------


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


class CoupleSession(models.Model):
    """A couple doing one pinned ``ExerciseVersion``: answering alone, then revealing live.

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
    assignment = models.ForeignKey(
        "Assignment",
        verbose_name=_("assignment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        help_text=_("The therapist's assignment this session was started from, if any."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("couple session")
        verbose_name_plural = _("couple sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "exercise"],
                condition=models.Q(status__in=[status.value for status in OPEN_SESSION_STATUSES]),
                name="exercises_one_open_session_per_exercise",
            )
        ]

    def __str__(self) -> str:
        return str(self.id)


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

    class Meta:
        verbose_name = _("session participant")
        verbose_name_plural = _("session participants")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="exercises_participant_once_per_session"
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
                fields=["session", "user", "prompt"], name="exercises_answer_once_per_prompt"
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
                fields=["session", "prompt"], name="exercises_reveal_once_per_prompt"
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


class SessionPresence(models.Model):
    """One open WebSocket connection to a live reveal, keyed by its channel name.

    Presence lives here and not in a worker's memory so that partners connected to different
    ASGI processes see each other. A connection refreshes ``seen_at`` while it is open; rows of
    a process that died without saying goodbye stop counting once they are stale.
    """

    channel_name = models.CharField(_("channel name"), max_length=200, primary_key=True)
    session = models.ForeignKey(CoupleSession, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("presence")
        verbose_name_plural = _("presences")
        indexes = [models.Index(fields=["session", "user", "seen_at"])]

    def __str__(self) -> str:
        return f"{self.session_id} {self.user_id}"


# ---- assignments and sharing with the therapist ------------------------------------------------


class Assignment(models.Model):
    """An exercise a therapist gave a couple they are linked to. The note is the therapist's
    own words to the couple, so it is encrypted at rest like everything people write."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    couple = models.ForeignKey(
        "pairing.Couple",
        verbose_name=_("couple"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("therapist"),
        on_delete=models.CASCADE,
        related_name="assignments_given",
    )
    exercise = models.ForeignKey(
        Exercise, verbose_name=_("exercise"), on_delete=models.PROTECT, related_name="+"
    )
    note = EncryptedJSONField(_("note"), default=str, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        indexes = [models.Index(fields=["couple", "therapist"])]

    def __str__(self) -> str:
        return str(self.id)


class SessionShare(models.Model):
    """One partner shares their own answers of one revealed session with one therapist.

    No copy is kept: the therapist reads the live answers through this row, so deleting it
    (unsharing) takes them back at once, and ``keep_private`` answers are filtered out on read.
    """

    session = models.ForeignKey(CoupleSession, on_delete=models.CASCADE, related_name="shares")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_shares"
    )
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    shared_at = models.DateTimeField(_("shared"), auto_now_add=True)

    class Meta:
        verbose_name = _("shared session")
        verbose_name_plural = _("shared sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="exercises_share_once_per_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.user_id}"

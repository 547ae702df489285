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
    FUN = "fun", _("Fun together")
    DREAMS = "dreams", _("Dreams and plans")
    DAILY_LIFE = "daily_life", _("Daily life")
    REPAIR = "repair", _("Making up after a fight")


class Level(models.TextChoices):
    LIGHT = "light", _("Light")
    DEEPER = "deeper", _("Deeper")


class Audience(models.TextChoices):
    """``couple``: both answer, then reveal together. ``solo``: for one person, never revealed."""

    COUPLE = "couple", _("Couple")
    SOLO = "solo", _("Solo")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class ReviewDecision(models.TextChoices):
    PENDING = "pending", _("In review")
    APPROVED = "approved", _("Approved")
    SENT_BACK = "sent_back", _("Sent back")


class PromptKind(models.TextChoices):
    TEXT = "text", _("Text")
    SCALE = "scale", _("Scale")
    CHOICE = "choice", _("Choice (one)")
    MULTI = "multi", _("Choice (several)")


def library_language(language: str | None) -> str:
    """The library's language for a person's: theirs when the library has it, else Dutch. The
    one place that decides the fallback."""
    return language if language in LANGUAGES else LANGUAGES[0]


def localized(obj: object, field: str, language: str) -> str:
    """``localized(version, "title", "en")`` reads ``version.title_en``."""
    return getattr(obj, f"{field}_{library_language(language)}")


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
    level = models.CharField(_("level"), max_length=8, choices=Level.choices, default=Level.LIGHT)
    audience = models.CharField(
        _("audience"), max_length=8, choices=Audience.choices, default=Audience.COUPLE
    )
    # A solo exercise that grounds, cares for or helps someone find support: the only kind
    # offered while a person's couple exercises are paused after a check-in or a report.
    safe_while_paused = models.BooleanField(_("safe while paused"), default=False)

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
    # The second editor's sign-off this version was published on (content guide's checklist).
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    safety_checklist = models.JSONField(_("safety checklist"), default=list, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
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


class ExerciseReview(models.Model):
    """One request to publish the draft as it was when submitted (``fingerprint``).

    A second editor approves it against the content guide's safety checklist, or sends it back
    with a comment. An edit to the draft after submission makes the review stale: its
    fingerprint no longer matches, so it can be neither approved nor published.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    exercise = models.ForeignKey(
        Exercise, verbose_name=_("exercise"), on_delete=models.CASCADE, related_name="reviews"
    )
    fingerprint = models.CharField(_("draft fingerprint"), max_length=64)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"))
    decision = models.CharField(
        _("decision"),
        max_length=16,
        choices=ReviewDecision.choices,
        default=ReviewDecision.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    checklist = models.JSONField(_("safety checklist"), default=list, blank=True)
    version = models.OneToOneField(
        ExerciseVersion,
        verbose_name=_("published as"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review",
    )

    class Meta:
        ordering = ["exercise", "-submitted_at"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.exercise.slug} {self.submitted_at:%Y-%m-%d %H:%M}"


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
    # Shown under both answers once they are revealed: a question for the conversation.
    talk_about_nl = models.TextField(_("to talk about together (nl)"), blank=True)
    talk_about_en = models.TextField(_("to talk about together (en)"), blank=True)
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

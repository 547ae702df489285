"""Safety data, kept to the minimum: when a check-in happened and its outcome (encrypted),
reports ("I don't feel safe") with an optional encrypted note, each person's pause state
(encrypted), and the curated help resources.

Raw check-in answers are never stored.
"""

import uuid
from datetime import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Language
from project.crypto import EncryptedJSONField

# Fixed plaintext sizes (bytes) of the padded encrypted fields. A report's note is at most
# NOTE_MAX_LENGTH characters; JSON escapes a character in at most 12 bytes (a surrogate pair).
NOTE_MAX_LENGTH = 5000
OUTCOME_SIZE = 32
STATE_SIZE = 256
REPORT_SIZE = NOTE_MAX_LENGTH * 12 + 256


class CheckInOutcome(models.TextChoices):
    OK = "ok", _("ok")
    HELP_FIRST = "help_first", _("help first")
    # A "yes" on a danger item: the emergency number first.
    URGENT = "urgent", _("urgent")
    # Never stored: leaving the check-in because someone is around keeps no record at all.
    NOT_ALONE = "not_alone", _("not alone")


class SafetyCheckIn(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_check_ins"
    )
    created_at = models.DateTimeField(_("date"))
    # "ok", "help_first" or "urgent", encrypted and padded to one size, so a database dump shows
    # neither who screened positive nor (by the token's length) which outcome it was.
    outcome = EncryptedJSONField(_("outcome"), pad_to=OUTCOME_SIZE)

    class Meta:
        verbose_name = _("safety check-in")
        verbose_name_plural = _("safety check-ins")
        indexes = [models.Index(fields=["user", "-created_at"], name="safety_checkin_user_recent")]

    def __str__(self) -> str:
        return str(self.id)


class SafetyReport(models.Model):
    """ "I don't feel safe": reachable from every screen, readable by the person only.

    Everything about a report beyond its existence (when, the note, with which therapist link it
    is shared) is in ``data``, encrypted and padded to one size: a database reader learns that
    this person reported, and nothing more.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_reports"
    )
    # {"created_at": ISO time, "note": text or null, "shared_with": a therapist link id or null}
    data = EncryptedJSONField(_("report"), pad_to=REPORT_SIZE)

    class Meta:
        verbose_name = _("safety report")
        verbose_name_plural = _("safety reports")

    def __str__(self) -> str:
        return str(self.id)

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.data["created_at"])

    @property
    def note(self) -> str | None:
        return self.data.get("note")

    @property
    def shared_with(self) -> str | None:
        """The therapist link the person shared this report with, while it lasts."""
        return self.data.get("shared_with")

    @property
    def share_with_therapist(self) -> bool:
        return self.shared_with is not None


class SafetyState(models.Model):
    """One row per person who ever did a check-in or report; rewritten on every check-in
    (whatever its outcome), so neither its presence nor its last write tells whether the
    person is paused. ``data`` holds ``paused_since``, ``last_signal_at`` and ``resumed_at``
    (ISO timestamps or null)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="safety_state",
    )
    data = EncryptedJSONField(_("state"), pad_to=STATE_SIZE)

    class Meta:
        verbose_name = _("safety state")
        verbose_name_plural = _("safety states")

    def __str__(self) -> str:
        return str(self.pk)


class HelpResourceKind(models.TextChoices):
    EMERGENCY = "emergency", _("emergency number")
    DOMESTIC_ABUSE = "domestic_abuse", _("domestic abuse line")
    SEXUAL_VIOLENCE = "sexual_violence", _("sexual violence")
    LGBT = "lgbt", _("LGBT+")
    MEN = "men", _("for men")
    CRISIS = "crisis", _("crisis and suicide line")
    SAFETY_PLANNING = "safety_planning", _("safety planning")
    INFO = "info", _("information")
    FOR_PEOPLE_WHO_USE_VIOLENCE = (
        "for_people_who_use_violence",
        _("for people who use violence"),
    )


# The order a frightened person needs them in: emergency number first.
KIND_RANK = {kind: rank for rank, kind in enumerate(HelpResourceKind.values)}

INTERNATIONAL = ""

# One number a phone can dial: digits with an optional leading +, nothing else, so that every
# tel: link opens the dialler with a number that works. Shared with the database constraint.
DIALABLE = r"^\+?[0-9]{3,15}$"
dialable = RegexValidator(
    DIALABLE,
    _(
        "One number that a phone can dial: digits only, optionally starting with +. Put a "
        "second number in a resource of its own, and the readable form in “phone as shown”."
    ),
)


class HelpResource(models.Model):
    """A place to get help, curated by content editors. ``country`` empty = the international
    list shown for every country that has no list of its own. ``last_verified`` stays empty
    until someone has checked the entry against ``source_url``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use a two-letter country code."))],
        help_text=_(
            "ISO 3166 alpha-2 (GB for the United Kingdom). Leave empty for the international "
            "list shown in every country without a list of its own."
        ),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    kind = models.CharField(_("kind"), max_length=32, choices=HelpResourceKind.choices)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    # Null, not "", for "no phone": the API says null, and the check constraint admits only
    # null or a dialable number.
    phone = models.CharField(  # noqa: DJ001
        _("phone (dialable)"),
        max_length=16,
        null=True,
        blank=True,
        validators=[dialable],
        help_text=_("Digits only, for example 08002000 or +448082000247. Empty: no phone."),
    )
    phone_display = models.CharField(
        _("phone as shown"),
        max_length=40,
        blank=True,
        help_text=_("How people read the number, for example 0800-2000."),
    )
    sms = models.CharField(
        _("text / SMS instructions"),
        max_length=300,
        blank=True,
        help_text=_("For example: text START to 88788."),
    )
    chat_url = models.URLField(_("chat address"), blank=True)
    url = models.URLField(_("web address"), blank=True)
    hours = models.CharField(_("hours"), max_length=120, blank=True)
    open_24_7 = models.BooleanField(_("open 24/7"), default=False)
    free = models.BooleanField(_("free of charge"), default=True)
    cost = models.CharField(
        _("cost"),
        max_length=120,
        blank=True,
        help_text=_(
            "What a call costs, as people read it, in this entry's language: for example "
            "“Free” or “Local rate”. Empty: not shown."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower comes first within the same kind.")
    )
    source_url = models.URLField(
        _("source"),
        blank=True,
        help_text=_("The page this entry was checked against."),
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_(
            "The date someone checked this entry against its source. Leave empty until then."
        ),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("help resource")
        verbose_name_plural = _("help resources")
        ordering = ["country", "language", "kind", "order", "name"]
        indexes = [models.Index(fields=["country", "language"], name="safety_resource_country")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(phone__isnull=True) | models.Q(phone__regex=DIALABLE),
                name="safety_resource_phone_dialable",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country or 'international'}, {self.language})"

"""Therapists: verified applications, consented links to couples, assignments and what a
partner chose to share."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from exercises.models import Exercise
from pairing.models import Couple
from project.crypto import EncryptedJSONField
from sessions.models import CoupleSession


class TherapistApplication(models.Model):
    """A person asking to be verified as a therapist. Only a superuser verifies it (in the
    admin), which sets ``User.is_therapist``; until then nothing about the person changes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="therapist_application",
    )
    name = models.CharField(_("name"), max_length=120)
    practice = models.CharField(_("practice"), max_length=200)
    registration_number = models.CharField(
        _("registration number"),
        max_length=60,
        help_text=_("In the Netherlands a BIG (11 digits) or AGB (8 digits) number."),
    )
    country = models.CharField(_("country"), max_length=2)
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Once an administrator starts checking it, the application is frozen: what is verified is
    # exactly what was checked (the applicant cannot change the number half-way).
    review_started_at = models.DateTimeField(_("review started"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("therapist application")
        verbose_name_plural = _("therapist applications")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.registration_number})"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class TherapistLinkStatus(models.TextChoices):
    OPEN = "open", _("open")
    PENDING = "pending", _("pending")
    ACTIVE = "active", _("active")
    ENDED = "ended", _("ended")


LIVE_LINK_STATUSES = (TherapistLinkStatus.PENDING, TherapistLinkStatus.ACTIVE)


class TherapistLink(models.Model):
    """A therapist's link to one couple, made with both partners' consent.

    It starts as an invite code (``open``, no couple yet); the first partner who accepts binds it
    to their couple (``pending``); when the other partner accepts too it is ``active``. Either
    partner or the therapist ends it (``ended``). Only a keyed digest of the code is kept.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("therapist"),
        on_delete=models.CASCADE,
        related_name="therapist_links",
    )
    couple = models.ForeignKey(
        Couple,
        verbose_name=_("couple"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="therapist_links",
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=TherapistLinkStatus.choices,
        default=TherapistLinkStatus.OPEN,
    )
    code_digest = models.CharField(_("code digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(
        _("consent needed before"), help_text=_("Both partners must accept before this moment.")
    )
    activated_at = models.DateTimeField(_("active since"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ended by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # When the therapist last opened this couple's file, and which shared safety reports were
    # there then: what came after is "new" on the caseload.
    seen_at = models.DateTimeField(_("file last opened"), null=True, blank=True)
    seen_report_ids = models.JSONField(_("shared reports seen"), default=list, blank=True)

    class Meta:
        verbose_name = _("therapist link")
        verbose_name_plural = _("therapist links")
        ordering = ["-created_at"]
        constraints = [
            # A couple has at most one therapist, counting a link still waiting for the second
            # consent, so neither partner can bring in a second therapist behind the other's back.
            models.UniqueConstraint(
                fields=["couple"],
                condition=Q(status__in=["pending", "active"]),
                name="therapists_one_therapist_per_couple",
            ),
            models.CheckConstraint(
                condition=Q(status="open", couple__isnull=True)
                | Q(status__in=["pending", "active"], couple__isnull=False)
                | Q(status="ended"),
                name="therapists_link_has_couple_once_accepted",
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)

    @property
    def is_expired(self) -> bool:
        return (
            self.status
            in (
                TherapistLinkStatus.OPEN,
                TherapistLinkStatus.PENDING,
            )
            and self.expires_at <= timezone.now()
        )


class TherapistConsent(models.Model):
    """One partner's yes to a therapist link."""

    link = models.ForeignKey(TherapistLink, on_delete=models.CASCADE, related_name="consents")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="therapist_consents"
    )
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)
    # This partner lets this therapist see their pulse trend (measures) since then; None when
    # never given or taken back. Per link: a new therapist starts without it.
    pulse_shared_at = models.DateTimeField(_("pulse trend shared since"), null=True, blank=True)

    class Meta:
        verbose_name = _("therapist consent")
        verbose_name_plural = _("therapist consents")
        constraints = [
            models.UniqueConstraint(
                fields=["link", "user"], name="therapists_consent_once_per_link"
            )
        ]

    def __str__(self) -> str:
        return f"{self.link_id} {self.user_id}"


class Assignment(models.Model):
    """An exercise a therapist gave a couple they are linked to. The note is the therapist's
    own words to the couple, so it is encrypted at rest like everything people write."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    couple = models.ForeignKey(
        Couple,
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
    sessions = models.ManyToManyField(
        CoupleSession,
        verbose_name=_("sessions"),
        blank=True,
        related_name="assignments",
        help_text=_("The couple's sessions started from this assignment."),
    )
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), null=True, blank=True)
    # Withdrawn by the therapist: gone for the couple, kept (marked) in the therapist's file.
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

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
                fields=["session", "user"], name="therapists_share_once_per_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.user_id}"


class ClinicalNote(models.Model):
    """A therapist's own note about a couple they work with: readable by that therapist only,
    never by the couple, another therapist or support; encrypted at rest, in the therapist's
    export, erased with the therapist's account."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("therapist"),
        on_delete=models.CASCADE,
        related_name="clinical_notes",
    )
    couple = models.ForeignKey(
        Couple, verbose_name=_("couple"), on_delete=models.CASCADE, related_name="+"
    )
    body = EncryptedJSONField(_("note"), default=str)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("clinical note")
        verbose_name_plural = _("clinical notes")
        indexes = [models.Index(fields=["therapist", "couple"])]

    def __str__(self) -> str:
        return str(self.id)

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Couple(models.Model):
    """Two people who linked their accounts. Ending it keeps the row (their history stays)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("couple")
        verbose_name_plural = _("couples")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.id)

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class CoupleMember(models.Model):
    """One partner's seat in a couple.

    ``active`` copies ``couple.ended_at is None`` onto this row so that a partial unique index
    can enforce "a user is in at most one active couple" in the database itself; ``seat`` (1 or
    2, unique per couple) caps a couple at two members.
    """

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="couple_memberships"
    )
    seat = models.PositiveSmallIntegerField(_("seat"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("couple member")
        verbose_name_plural = _("couple members")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(active=True), name="pairing_one_active_couple_per_user"
            ),
            models.UniqueConstraint(fields=["couple", "seat"], name="pairing_two_seats_per_couple"),
            models.UniqueConstraint(
                fields=["couple", "user"], name="pairing_member_once_per_couple"
            ),
            models.CheckConstraint(condition=Q(seat__in=[1, 2]), name="pairing_seat_is_1_or_2"),
        ]

    def __str__(self) -> str:
        return f"{self.couple_id} #{self.seat}"


class InviteState(models.TextChoices):
    OPEN = "open", _("open")
    USED = "used", _("used")
    REVOKED = "revoked", _("revoked")
    EXPIRED = "expired", _("expired")


class PartnerInvite(models.Model):
    """A single-use code one partner gives the other. Only a keyed digest of the code is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_invites"
    )
    code_digest = models.CharField(_("code digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    couple = models.ForeignKey(
        Couple, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("partner invite")
        verbose_name_plural = _("partner invites")
        ordering = ["-created_at"]
        constraints = [
            # Creating an invite revokes the older ones: at most one unused, unrevoked per person.
            models.UniqueConstraint(
                fields=["inviter"],
                condition=Q(used_at__isnull=True, revoked_at__isnull=True),
                name="pairing_one_open_invite_per_inviter",
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)

    @property
    def state(self) -> InviteState:
        if self.used_at is not None:
            return InviteState.USED
        if self.revoked_at is not None:
            return InviteState.REVOKED
        if self.expires_at <= timezone.now():
            return InviteState.EXPIRED
        return InviteState.OPEN


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
                name="pairing_one_therapist_per_couple",
            ),
            models.CheckConstraint(
                condition=Q(status="open", couple__isnull=True)
                | Q(status__in=["pending", "active"], couple__isnull=False)
                | Q(status="ended"),
                name="pairing_link_has_couple_once_accepted",
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

    class Meta:
        verbose_name = _("therapist consent")
        verbose_name_plural = _("therapist consents")
        constraints = [
            models.UniqueConstraint(fields=["link", "user"], name="pairing_consent_once_per_link")
        ]

    def __str__(self) -> str:
        return f"{self.link_id} {self.user_id}"

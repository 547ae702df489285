import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def active_couple(via: str = "") -> Q:
    """The one definition of a couple that still lasts, for queries: ``active_couple()`` on
    couples, ``active_couple("couple")`` on anything with a ``couple`` foreign key."""
    return Q(**{f"{via}__ended_at__isnull" if via else "ended_at__isnull": True})


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
        """The one definition for a loaded couple; ``active_couple()`` is the same in queries."""
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

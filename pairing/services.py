"""Writes for pairing: invites, linking two accounts into a couple, ending a couple.

Pairing sits below sessions and therapists, so it does not call them: when a couple ends it
announces it, and whoever registered with ``on_couple_ended`` acts in the same transaction.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from project.errors import NotFound
from project.me_channel import couple_frame, send_frame

from . import errors
from .codes import code_digest, code_display, code_generate, code_normalise
from .models import Couple, CoupleMember, PartnerInvite
from .selectors import active_couple_for, invite_find_for_guess, partner_of

INVITE_LIFETIME = timedelta(hours=48)
INVITE_KEPT_AFTER_EXPIRY = timedelta(days=7)

CoupleEndedListener = Callable[[Couple, User | None], object]
_couple_ended_listeners: list[CoupleEndedListener] = []


def on_couple_ended(listener: CoupleEndedListener) -> None:
    """Call ``listener(couple, by)`` inside the transaction that ends a couple (by a partner, or
    by erasure). Apps above pairing register in their ``AppConfig.ready()``."""
    _couple_ended_listeners.append(listener)


@dataclass(frozen=True)
class IssuedInvite:
    """A new invite with its code; the code is only ever known here, at creation."""

    invite: PartnerInvite
    code: str

    @property
    def url(self) -> str:
        return f"/pair/{self.code}"


def _lock_users(*users: User) -> None:
    # Always in primary-key order, so two accepts that involve the same people can't deadlock.
    list(User.objects.select_for_update().filter(pk__in=[u.pk for u in users]).order_by("pk"))


def _revoke_open_invites(*, users: list[User], now) -> None:
    PartnerInvite.objects.filter(
        inviter__in=users, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)


@transaction.atomic
def invite_create(*, inviter: User) -> IssuedInvite:
    """A new single-use invite for 48 hours; any older open invite of mine stops working."""
    _lock_users(inviter)
    if active_couple_for(user=inviter) is not None:
        raise errors.InviterInCouple()
    now = timezone.now()
    _revoke_open_invites(users=[inviter], now=now)
    code = code_generate()
    invite = PartnerInvite.objects.create(
        inviter=inviter,
        code_digest=code_digest(code),
        created_at=now,
        expires_at=now + INVITE_LIFETIME,
    )
    return IssuedInvite(invite=invite, code=code_display(code))


@transaction.atomic
def invite_revoke(*, inviter: User, code: str) -> None:
    """Revoke one of my own open invites. Anyone else's code, or a spent one, is 404."""
    normalised = code_normalise(code)
    revoked = 0
    if normalised is not None:
        revoked = PartnerInvite.objects.filter(
            inviter=inviter,
            code_digest=code_digest(normalised),
            used_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).update(revoked_at=timezone.now())
    if not revoked:
        raise NotFound()


def invites_expired_delete(*, now: datetime | None = None) -> int:
    """Delete partner invites that were never used, a week after they expired (or were revoked
    and expired): until then a late "accept" still hears that the code expired. A used invite
    stays: it is part of how the couple came to be (and of both exports)."""
    cutoff = (now or timezone.now()) - INVITE_KEPT_AFTER_EXPIRY
    deleted, _rows = PartnerInvite.objects.filter(
        used_at__isnull=True, expires_at__lt=cutoff
    ).delete()
    return deleted


def invite_accept(*, user: User, code: str, client_ip: str | None = None) -> Couple:
    """Link ``user`` with the person who made the invite behind ``code``.

    The checks below give clear answers; the partial unique index on active memberships is
    what really guarantees that nobody ends up in two couples when requests race.
    """
    try:
        return _invite_accept(user=user, code=code, client_ip=client_ip)
    except IntegrityError as error:
        raise errors.AlreadyInCouple() from error


@transaction.atomic
def _invite_accept(*, user: User, code: str, client_ip: str | None) -> Couple:
    # Locks the invite row: of two people accepting the same code, the second waits here and
    # then finds it used.
    invite = invite_find_for_guess(user=user, code=code, client_ip=client_ip, for_update=True)
    if invite.inviter_id == user.pk:
        raise errors.InviteOwn()
    inviter = invite.inviter
    _lock_users(inviter, user)
    if active_couple_for(user=user) is not None or active_couple_for(user=inviter) is not None:
        raise errors.AlreadyInCouple()
    now = timezone.now()
    couple = Couple.objects.create(created_at=now)
    CoupleMember.objects.bulk_create(
        [
            CoupleMember(couple=couple, user=inviter, seat=1),
            CoupleMember(couple=couple, user=user, seat=2),
        ]
    )
    invite.used_at = now
    invite.couple = couple
    invite.save(update_fields=["used_at", "couple"])
    # Both are taken now: no other invite of theirs may start a second couple.
    _revoke_open_invites(users=[inviter, user], now=now)
    # /ws/me/: each sees the other's name appear, on every open screen, without reloading.
    send_frame(inviter.pk, couple_frame(user.display_name))
    send_frame(user.pk, couple_frame(inviter.display_name))
    return couple


@transaction.atomic
def couple_end(*, user: User) -> Couple:
    """End my couple, alone and at once. My partner only sees that there is no couple anymore."""
    couple = active_couple_for(user=user)
    if couple is None:
        raise NotFound()
    couple = Couple.objects.select_for_update().get(pk=couple.pk)
    if not couple.is_active:
        # My partner ended it a moment before me.
        raise NotFound()
    couple.ended_at = timezone.now()
    couple.save(update_fields=["ended_at"])
    member_ids = list(couple.members.values_list("user_id", flat=True))
    couple.members.update(active=False)
    for member_id in member_ids:
        send_frame(member_id, couple_frame(None))
    for listener in _couple_ended_listeners:
        listener(couple, user)
    return couple


@transaction.atomic
def demo_couple_ensure(*, first: User, second: User) -> Couple:
    """For ``seed_demo``: link two people the ordinary way, unless they already are a couple."""
    couple = active_couple_for(user=first)
    if couple is not None and partner_of(user=first, couple=couple) == second:
        return couple
    return invite_accept(user=second, code=invite_create(inviter=first).code)

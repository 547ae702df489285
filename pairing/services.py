"""Writes for pairing: invites, linking two accounts into a couple, ending a couple."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from exercises.session_services import sessions_abandon_for_couple
from project.errors import NotFound

from . import errors, ratelimit
from .codes import code_digest, code_display, code_generate, code_normalise
from .models import (
    LIVE_LINK_STATUSES,
    Couple,
    CoupleMember,
    PartnerInvite,
    TherapistConsent,
    TherapistLink,
    TherapistLinkStatus,
)
from .selectors import (
    active_couple_for,
    couple_members,
    invite_find_for_guess,
    live_therapist_link,
    partner_of,
    therapist_link_find_for_guess,
)

INVITE_LIFETIME = timedelta(hours=48)
# Long enough for both partners to talk it over between two appointments.
THERAPIST_INVITE_LIFETIME = timedelta(days=7)
# Enough for a practice's week of first appointments.
MAX_OPEN_THERAPIST_INVITES = 20


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
        raise errors.inviter_in_couple()
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


def invite_accept(*, user: User, code: str, client_ip: str | None = None) -> Couple:
    """Link ``user`` with the person who made the invite behind ``code``.

    The checks below give clear answers; the partial unique index on active memberships is
    what really guarantees that nobody ends up in two couples when requests race.
    """
    try:
        return _invite_accept(user=user, code=code, client_ip=client_ip)
    except IntegrityError as error:
        raise errors.already_in_couple() from error


@transaction.atomic
def _invite_accept(*, user: User, code: str, client_ip: str | None) -> Couple:
    # Locks the invite row: of two people accepting the same code, the second waits here and
    # then finds it used.
    invite = invite_find_for_guess(user=user, code=code, client_ip=client_ip, for_update=True)
    if invite.inviter_id == user.pk:
        raise errors.invite_own()
    inviter = invite.inviter
    _lock_users(inviter, user)
    if active_couple_for(user=user) is not None or active_couple_for(user=inviter) is not None:
        raise errors.already_in_couple()
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
    return couple


@transaction.atomic
def couple_end(*, user: User) -> Couple:
    """End my couple, alone and at once. My partner only sees that there is no couple anymore."""
    couple = active_couple_for(user=user)
    if couple is None:
        raise NotFound()
    couple = Couple.objects.select_for_update().get(pk=couple.pk)
    if couple.ended_at is not None:
        # My partner ended it a moment before me.
        raise NotFound()
    couple.ended_at = timezone.now()
    couple.save(update_fields=["ended_at"])
    couple.members.update(active=False)
    therapist_links_end_for_couple(couple=couple, by=user)
    sessions_abandon_for_couple(couple=couple)
    return couple


@transaction.atomic
def demo_couple_ensure(*, first: User, second: User) -> Couple:
    """For ``seed_demo``: link two people the ordinary way, unless they already are a couple."""
    couple = active_couple_for(user=first)
    if couple is not None and partner_of(user=first, couple=couple) == second:
        return couple
    return invite_accept(user=second, code=invite_create(inviter=first).code)


# ---- therapist links --------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedTherapistInvite:
    """A new therapist invite with its code; the code is only ever known here, at creation."""

    link: TherapistLink
    code: str

    @property
    def expires_at(self):
        return self.link.expires_at


@transaction.atomic
def therapist_invite_create(*, therapist: User) -> IssuedTherapistInvite:
    """A code the therapist gives one couple; both partners must accept it within a week. At
    most ``MAX_OPEN_THERAPIST_INVITES`` codes nobody has accepted yet may wait at once: each is
    a door into the practice, and an endless supply of them only helps someone guessing."""
    if not therapist.is_therapist:
        raise errors.not_a_therapist()
    # Two requests at once count one after the other.
    _lock_users(therapist)
    now = timezone.now()
    waiting = TherapistLink.objects.filter(
        therapist=therapist, status=TherapistLinkStatus.OPEN, expires_at__gt=now
    ).count()
    if waiting >= MAX_OPEN_THERAPIST_INVITES:
        raise errors.too_many_open_therapist_invites(limit=MAX_OPEN_THERAPIST_INVITES)
    code = code_generate()
    link = TherapistLink.objects.create(
        therapist=therapist,
        code_digest=code_digest(code),
        created_at=now,
        expires_at=now + THERAPIST_INVITE_LIFETIME,
    )
    return IssuedTherapistInvite(link=link, code=code_display(code))


def therapist_invite_accept(
    *, user: User, code: str, client_ip: str | None = None
) -> TherapistLink:
    """My consent to the therapist behind ``code`` for my couple.

    The first partner to accept binds the code to their couple (the link is then pending); the
    link becomes active only when the other partner accepts too. Accepting twice is harmless.
    """
    try:
        return _therapist_invite_accept(user=user, code=code, client_ip=client_ip)
    except IntegrityError as error:
        # Two therapists' codes accepted at the same moment for one couple: the partial unique
        # index lets only one through.
        raise errors.therapist_already_linked() from error


@transaction.atomic
def _therapist_invite_accept(*, user: User, code: str, client_ip: str | None) -> TherapistLink:
    link = therapist_link_find_for_guess(user=user, code=code, client_ip=client_ip, for_update=True)
    couple = active_couple_for(user=user)
    if link.therapist_id == user.pk:
        raise errors.therapist_own_couple()
    if couple is None:
        raise errors.no_couple()
    if link.couple_id is not None and link.couple_id != couple.pk:
        # Another couple's code: the same answer as a wrong code, counted as one.
        ratelimit.guesses_record_wrong(user_id=user.pk, client_ip=client_ip)
        raise errors.therapist_invite_invalid()
    members = couple_members(couple=couple)
    if link.therapist_id in {member.pk for member in members}:
        raise errors.therapist_own_couple()
    now = timezone.now()
    if link.couple_id is None:
        current = live_therapist_link(couple=couple, for_update=True)
        if current is not None and current.is_expired:
            # A consent that never came within the week no longer blocks a new therapist.
            _link_end(link=current, by=None, now=now)
        elif current is not None:
            raise errors.therapist_already_linked()
        link.couple = couple
        link.status = TherapistLinkStatus.PENDING
        link.save(update_fields=["couple", "status"])
    TherapistConsent.objects.get_or_create(link=link, user=user, defaults={"accepted_at": now})
    accepted = set(link.consents.values_list("user_id", flat=True))
    if link.status == TherapistLinkStatus.PENDING and {m.pk for m in members} <= accepted:
        link.status = TherapistLinkStatus.ACTIVE
        link.activated_at = now
        link.save(update_fields=["status", "activated_at"])
    return link


def _link_end(*, link: TherapistLink, by: User | None, now) -> None:
    link.status = TherapistLinkStatus.ENDED
    link.ended_at = now
    link.ended_by = by
    link.save(update_fields=["status", "ended_at", "ended_by"])


@transaction.atomic
def therapist_link_end_by_partner(*, user: User) -> TherapistLink:
    """Either partner removes the therapist (or withdraws a pending consent) alone, at once."""
    couple = active_couple_for(user=user)
    link = live_therapist_link(couple=couple, for_update=True) if couple is not None else None
    if link is None:
        raise NotFound()
    _link_end(link=link, by=user, now=timezone.now())
    return link


@transaction.atomic
def therapist_invite_revoke(*, therapist: User, invite_id: object) -> TherapistLink:
    """The therapist withdraws an invite nobody (or only one partner) has accepted: the code
    stops working and a partner's half consent ends. Another therapist's invite, or one that is
    already active or ended, is 404 (an active link ends through the couple instead)."""
    link = (
        TherapistLink.objects.select_for_update()
        .filter(
            pk=invite_id,
            therapist=therapist,
            status__in=(TherapistLinkStatus.OPEN, TherapistLinkStatus.PENDING),
        )
        .first()
    )
    if link is None:
        raise NotFound()
    _link_end(link=link, by=therapist, now=timezone.now())
    return link


@transaction.atomic
def therapist_link_end_by_therapist(*, therapist: User, couple_id: object) -> TherapistLink:
    """The therapist ends their active link to a couple. Any other couple is 404, and so is a
    couple whose second consent is still missing: until then the therapist has no access."""
    link = (
        TherapistLink.objects.select_for_update()
        .filter(therapist=therapist, couple_id=couple_id, status=TherapistLinkStatus.ACTIVE)
        .first()
    )
    if link is None:
        raise NotFound()
    _link_end(link=link, by=therapist, now=timezone.now())
    return link


def therapist_links_end_for_couple(*, couple: Couple, by: User | None) -> int:
    """The couple ended: its therapist loses access in the same transaction."""
    return TherapistLink.objects.filter(couple=couple, status__in=LIVE_LINK_STATUSES).update(
        status=TherapistLinkStatus.ENDED, ended_at=timezone.now(), ended_by=by
    )

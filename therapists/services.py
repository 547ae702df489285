"""Writes for therapist links: invites, each partner's consent, ending a link."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from pairing import ratelimit
from pairing.codes import code_digest, code_display, code_generate
from pairing.models import Couple
from pairing.selectors import active_couple_for, couple_members
from project.errors import NotFound

from . import errors
from .models import LIVE_LINK_STATUSES, TherapistConsent, TherapistLink, TherapistLinkStatus
from .selectors import live_therapist_link, therapist_link_find_for_guess

# Long enough for both partners to talk it over between two appointments.
THERAPIST_INVITE_LIFETIME = timedelta(days=7)
# Enough for a practice's week of first appointments.
MAX_OPEN_THERAPIST_INVITES = 20


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
        raise errors.NotATherapist()
    # Two requests at once count one after the other.
    list(User.objects.select_for_update().filter(pk=therapist.pk))
    now = timezone.now()
    waiting = TherapistLink.objects.filter(
        therapist=therapist, status=TherapistLinkStatus.OPEN, expires_at__gt=now
    ).count()
    if waiting >= MAX_OPEN_THERAPIST_INVITES:
        raise errors.TooManyOpenInvites(limit=MAX_OPEN_THERAPIST_INVITES)
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
        raise errors.TherapistAlreadyLinked() from error


@transaction.atomic
def _therapist_invite_accept(*, user: User, code: str, client_ip: str | None) -> TherapistLink:
    link = therapist_link_find_for_guess(user=user, code=code, client_ip=client_ip, for_update=True)
    couple = active_couple_for(user=user)
    if link.therapist_id == user.pk:
        raise errors.TherapistOwnCouple()
    if couple is None:
        raise errors.NoCouple()
    if link.couple_id is not None and link.couple_id != couple.pk:
        # Another couple's code: the same answer as a wrong code, counted as one.
        ratelimit.guesses_record_wrong(user_id=user.pk, client_ip=client_ip)
        raise errors.TherapistInviteInvalid()
    members = couple_members(couple=couple)
    if link.therapist_id in {member.pk for member in members}:
        raise errors.TherapistOwnCouple()
    now = timezone.now()
    if link.couple_id is None:
        current = live_therapist_link(couple=couple, for_update=True)
        if current is not None and current.is_expired:
            # A consent that never came within the week no longer blocks a new therapist.
            _link_end(link=current, by=None, now=now)
        elif current is not None:
            raise errors.TherapistAlreadyLinked()
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

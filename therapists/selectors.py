"""Reads about therapist links: who is linked to which couple, with whose consent."""

from dataclasses import dataclass
from uuid import UUID

from allauth.mfa.models import Authenticator
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from pairing import ratelimit
from pairing.codes import code_digest, code_normalise
from pairing.models import Couple, active_couple
from pairing.selectors import active_couple_for
from project.errors import NotFound

from . import errors
from .models import LIVE_LINK_STATUSES, TherapistLink, TherapistLinkStatus


@dataclass(frozen=True)
class MyTherapistLink:
    link: TherapistLink
    me_accepted: bool
    partner_accepted: bool

    @property
    def state(self) -> str:
        if self.link.status == TherapistLinkStatus.ACTIVE:
            return "active"
        return "expired" if self.link.is_expired else "pending"

    @property
    def therapist_card(self) -> dict[str, str]:
        return therapist_card(therapist=self.link.therapist)


def therapist_card(*, therapist: User) -> dict[str, str]:
    """What partners see of a therapist: the display name and the practice named in the
    therapist's application ('' without one). Select ``therapist_application`` with the user."""
    try:
        practice = therapist.therapist_application.practice
    except User.therapist_application.RelatedObjectDoesNotExist:
        practice = ""
    return {"display_name": therapist.display_name, "practice": practice}


def therapist_has_mfa(*, user: User) -> bool:
    """True when the person has an authenticator app (TOTP) set up in allauth's MFA."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def live_therapist_link(*, couple: Couple, for_update: bool = False) -> TherapistLink | None:
    """The couple's pending or active therapist link (at most one, by a database constraint)."""
    links = TherapistLink.objects.select_related("therapist__therapist_application")
    if for_update:
        links = links.select_for_update(of=("self",))
    return links.filter(couple=couple, status__in=LIVE_LINK_STATUSES).first()


def active_therapist_link_id(user: User) -> UUID | None:
    """The id of the link both partners of my couple consented to, or None (one query)."""
    return (
        TherapistLink.objects.filter(
            active_couple("couple"),
            couple__members__user=user,
            couple__members__active=True,
            status=TherapistLinkStatus.ACTIVE,
        )
        .values_list("id", flat=True)
        .first()
    )


def my_therapist_link(*, user: User) -> MyTherapistLink | None:
    """My couple's therapist link and who has accepted it, for ``GET /api/pairing/therapist/``."""
    couple = active_couple_for(user=user)
    if couple is None:
        return None
    link = live_therapist_link(couple=couple)
    if link is None:
        return None
    accepted = set(link.consents.values_list("user_id", flat=True))
    return MyTherapistLink(
        link=link,
        me_accepted=user.pk in accepted,
        partner_accepted=bool(accepted - {user.pk}),
    )


def active_therapist_for(*, couple: Couple) -> User | None:
    """The therapist both partners of this (active) couple accepted, or None."""
    link = (
        TherapistLink.objects.select_related("therapist")
        .filter(active_couple("couple"), couple=couple, status=TherapistLinkStatus.ACTIVE)
        .first()
    )
    return link.therapist if link is not None else None


def therapist_links_active(*, therapist: User) -> QuerySet[TherapistLink]:
    """The therapist's active links to couples that still exist, oldest link first."""
    return (
        TherapistLink.objects.filter(
            active_couple("couple"), therapist=therapist, status=TherapistLinkStatus.ACTIVE
        )
        .select_related("couple")
        .order_by("activated_at")
    )


def therapist_invites_waiting(*, therapist: User) -> QuerySet[TherapistLink]:
    """The therapist's invites still waiting for consent, newest first: ``open`` (nobody
    accepted yet) and ``pending`` (one partner accepted), not expired. Nothing about the couple:
    until both consent the therapist learns nothing of them."""
    return TherapistLink.objects.filter(
        therapist=therapist,
        status__in=(TherapistLinkStatus.OPEN, TherapistLinkStatus.PENDING),
        expires_at__gt=timezone.now(),
    ).order_by("-created_at")


def therapist_couple_access(*, therapist: User, couple_id: object) -> TherapistLink:
    """The therapist's active link to this couple, or 404 (one query).

    Every therapist read about a couple goes through here: a link that is pending, ended, or to
    a couple that has ended answers exactly like a couple that doesn't exist.
    """
    link = therapist_links_active(therapist=therapist).filter(couple_id=couple_id).first()
    if link is None:
        raise NotFound()
    return link


def therapist_link_find_for_guess(
    *, user: User, code: str, client_ip: str | None, for_update: bool = False
) -> TherapistLink:
    """The live link behind a therapist's code someone typed; wrong codes count towards the
    same lockout as partner codes (it is the same person guessing)."""
    ratelimit.guesses_check(user_id=user.pk, client_ip=client_ip)
    normalised = code_normalise(code)
    link = None
    if normalised is not None:
        links = TherapistLink.objects.select_related("therapist__therapist_application")
        if for_update:
            links = links.select_for_update(of=("self",))
        link = links.filter(
            code_digest=code_digest(normalised),
            status__in=(TherapistLinkStatus.OPEN, TherapistLinkStatus.PENDING),
            therapist__is_therapist=True,
        ).first()
    if link is None or link.is_expired:
        ratelimit.guesses_record_wrong(user_id=user.pk, client_ip=client_ip)
        raise errors.TherapistInviteInvalid()
    return link

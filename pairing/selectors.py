"""Reads about couples. Each answers in one query; sessions, safety and therapists use them."""

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from project.errors import NotFound

from . import errors, ratelimit
from .codes import code_digest, code_normalise
from .models import (
    LIVE_LINK_STATUSES,
    Couple,
    CoupleMember,
    InviteState,
    PartnerInvite,
    TherapistLink,
    TherapistLinkStatus,
)


@dataclass(frozen=True)
class MyCouple:
    couple: Couple
    partner: User


def active_couple_for(*, user: User) -> Couple | None:
    """The couple this person is in now, or None."""
    return Couple.objects.filter(members__user=user, members__active=True).first()


def partner_of(*, user: User, couple: Couple) -> User | None:
    """The other member of ``couple``; None if ``user`` isn't one of its two members."""
    members = couple_members(couple=couple)
    if user.pk not in {member.pk for member in members}:
        return None
    return next((member for member in members if member.pk != user.pk), None)


def couple_members(*, couple: Couple) -> list[User]:
    """Both members, in the order they joined."""
    return list(
        User.objects.filter(couple_memberships__couple=couple).order_by("couple_memberships__seat")
    )


def my_couple(*, user: User) -> MyCouple | None:
    """My active couple with my partner, for ``GET /api/pairing/couple/``."""
    seat = (
        CoupleMember.objects.select_related("couple", "user")
        .filter(couple__members__user=user, couple__members__active=True)
        .exclude(user=user)
        .first()
    )
    if seat is None:
        return None
    return MyCouple(couple=seat.couple, partner=seat.user)


def invite_find_for_guess(
    *, user: User, code: str, client_ip: str | None, for_update: bool = False
) -> PartnerInvite:
    """The open invite behind a code someone typed.

    Also counts wrong codes towards the lockout (in the cache, not the database), because every
    path that looks a typed code up must count: the preview and the accept alike.
    """
    ratelimit.guesses_check(user_id=user.pk, client_ip=client_ip)
    normalised = code_normalise(code)
    invite = None
    if normalised is not None:
        invites = PartnerInvite.objects.select_related("inviter")
        if for_update:
            invites = invites.select_for_update(of=("self",))
        invite = invites.filter(code_digest=code_digest(normalised)).first()
    if invite is None or invite.state != InviteState.OPEN:
        ratelimit.guesses_record_wrong(user_id=user.pk, client_ip=client_ip)
        raise errors.invite_invalid()
    return invite


def invite_preview(*, user: User, code: str, client_ip: str | None) -> PartnerInvite:
    """Who invited me, so I can check before accepting. Only the display name is shown."""
    invite = invite_find_for_guess(user=user, code=code, client_ip=client_ip)
    if invite.inviter_id == user.pk:
        raise errors.invite_own()
    return invite


def pairing_export(user: User) -> dict:
    """What pairing stores about ``user``, for their own export (privacy rule 6).

    The partner's display name only for the active couple (the person reads it there already);
    an ended couple keeps its dates only. Invites show their dates and state, never the code
    (only a keyed digest of it is stored, and that is no use to anyone).
    """
    mine = my_couple(user=user)
    couples = Couple.objects.filter(members__user=user).order_by("created_at")
    return {
        "couples": [
            {
                "id": str(couple.id),
                "since": couple.created_at.isoformat(),
                "ended_at": couple.ended_at.isoformat() if couple.ended_at else None,
                "partner": (
                    {"display_name": mine.partner.display_name}
                    if mine is not None and mine.couple.pk == couple.pk
                    else None
                ),
            }
            for couple in couples
        ],
        "invites": [
            {
                "created_at": invite.created_at.isoformat(),
                "expires_at": invite.expires_at.isoformat(),
                "state": invite.state.value,
            }
            for invite in PartnerInvite.objects.filter(inviter=user).order_by("created_at")
        ],
    }


# ---- therapist links --------------------------------------------------------------------------


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
        .filter(couple=couple, couple__ended_at__isnull=True, status=TherapistLinkStatus.ACTIVE)
        .first()
    )
    return link.therapist if link is not None else None


def therapist_links_active(*, therapist: User) -> QuerySet[TherapistLink]:
    """The therapist's active links to couples that still exist, oldest link first."""
    return (
        TherapistLink.objects.filter(
            therapist=therapist,
            status=TherapistLinkStatus.ACTIVE,
            couple__ended_at__isnull=True,
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
        raise errors.therapist_invite_invalid()
    return link

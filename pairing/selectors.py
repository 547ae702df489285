"""Reads about couples. Each answers in one query; sessions, safety and therapists use them."""

from dataclasses import dataclass

from accounts.models import User

from . import errors, ratelimit
from .codes import code_digest, code_normalise
from .models import Couple, CoupleMember, InviteState, PartnerInvite


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


def last_ended_at(*, user: User):
    """When my last couple ended, if it did and I am not in a couple now; else None (one query).

    Only the date: it is all either former partner needs for a kind notice (privacy rule 4)."""
    seat = (
        CoupleMember.objects.filter(user=user)
        .order_by("-active", "-couple__ended_at")
        .values("active", "couple__ended_at")
        .first()
    )
    if seat is None or seat["active"]:
        return None
    return seat["couple__ended_at"]


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
        raise errors.InviteInvalid()
    return invite


def invite_preview(*, user: User, code: str, client_ip: str | None) -> PartnerInvite:
    """Who invited me, so I can check before accepting. Only the display name is shown."""
    invite = invite_find_for_guess(user=user, code=code, client_ip=client_ip)
    if invite.inviter_id == user.pk:
        raise errors.InviteOwn()
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

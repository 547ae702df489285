"""The answers pairing gives when it says no. Codes are stable; messages are for people."""

from django.utils.translation import gettext as _
from rest_framework import status

from project.errors import Conflict, ServiceError


def invite_invalid() -> ServiceError:
    # Unknown, expired, used and revoked codes all get this very answer, so nobody can learn
    # which codes exist.
    return ServiceError(
        "invite_invalid",
        _("This code doesn't work. Ask your partner for a new one."),
        status_code=status.HTTP_404_NOT_FOUND,
    )


def invite_own() -> ServiceError:
    return ServiceError(
        "invite_own",
        _("This is your own code. Give it to your partner to link your accounts."),
    )


def already_in_couple() -> Conflict:
    return Conflict(
        "already_in_couple",
        _("You or the person who invited you are already linked to a partner."),
    )


def inviter_in_couple() -> Conflict:
    return Conflict(
        "already_in_couple",
        _("You are already linked to a partner. End that first to invite someone else."),
    )


def therapist_invite_invalid() -> ServiceError:
    # One answer for unknown, expired, ended codes and for another couple's code.
    return ServiceError(
        "invite_invalid",
        _("This code doesn't work. Ask your therapist for a new one."),
        status_code=status.HTTP_404_NOT_FOUND,
    )


def no_couple() -> Conflict:
    return Conflict(
        "no_couple", _("Link with your partner first; then both of you can accept a therapist.")
    )


def therapist_already_linked() -> Conflict:
    return Conflict(
        "therapist_already_linked",
        _("Your couple already has a therapist. Remove that link first to accept another one."),
    )


def therapist_own_couple() -> ServiceError:
    return ServiceError("invite_own", _("A therapist cannot be linked to their own couple."))


def not_a_therapist() -> ServiceError:
    return ServiceError(
        "not_a_therapist",
        _("Only verified therapists can do this."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def mfa_required() -> ServiceError:
    return ServiceError(
        "mfa_required",
        _("Set up two-factor authentication (an authenticator app) before you work with couples."),
        status_code=status.HTTP_403_FORBIDDEN,
    )


def too_many_open_therapist_invites(*, limit: int) -> Conflict:
    return Conflict(
        "too_many_open_invites",
        _(
            "You have %(limit)d codes that no couple has used yet. Revoke one before you make "
            "another."
        )
        % {"limit": limit},
    )

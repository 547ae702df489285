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

"""The answers pairing gives when it says no. Codes are stable; messages are for people."""

from django.utils.translation import gettext_lazy as _

from project.errors import Conflict, Invalid, NotFound


class InviteInvalid(NotFound):
    # Unknown, expired, used and revoked codes all get this very answer, so nobody can learn
    # which codes exist.
    code = "invite_invalid"
    message = _("This code doesn't work. Ask your partner for a new one.")


class InviteOwn(Invalid):
    code = "invite_own"
    message = _("This is your own code. Give it to your partner to link your accounts.")


class AlreadyInCouple(Conflict):
    code = "already_in_couple"
    message = _("You or the person who invited you are already linked to a partner.")


class InviterInCouple(Conflict):
    code = "already_in_couple"
    message = _("You are already linked to a partner. End that first to invite someone else.")

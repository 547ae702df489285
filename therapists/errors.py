"""The answers the therapist feature gives when it says no."""

from django.utils.translation import gettext_lazy as _

from project.errors import Conflict, Forbidden, Invalid, NotFound


class TherapistInviteInvalid(NotFound):
    # One answer for unknown, expired, ended codes and for another couple's code.
    code = "invite_invalid"
    message = _("This code doesn't work. Ask your therapist for a new one.")


class NoCouple(Conflict):
    code = "no_couple"
    message = _("Link with your partner first; then both of you can accept a therapist.")


class TherapistAlreadyLinked(Conflict):
    code = "therapist_already_linked"
    message = _(
        "Your couple already has a therapist. Remove that link first to accept another one."
    )


class TherapistOwnCouple(Invalid):
    code = "invite_own"
    message = _("A therapist cannot be linked to their own couple.")


class NotATherapist(Forbidden):
    code = "not_a_therapist"
    message = _("Only verified therapists can do this.")


class MfaRequired(Forbidden):
    code = "mfa_required"
    message = _(
        "Set up two-factor authentication (an authenticator app) before you work with couples."
    )


class TooManyOpenInvites(Conflict):
    code = "too_many_open_invites"

    def __init__(self, *, limit: int) -> None:
        super().__init__(
            message=_(
                "You have %(limit)d codes that no couple has used yet. Revoke one before you "
                "make another."
            )
            % {"limit": limit}
        )

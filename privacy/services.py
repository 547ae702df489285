"""Erasure (privacy rule 6): the top layer, so it may end what every app below holds."""

from allauth.core import ratelimit
from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from pairing.selectors import active_couple_for
from pairing.services import couple_end
from project.errors import Forbidden, RateLimited


class WrongPassword(Forbidden):
    code = "wrong_password"
    message = _("That password is not right.")


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Erase my account: end my couple first, then delete me and everything that is mine alone.

    The couple is ended through pairing's own service *before* the user row goes, so my partner
    is never left in a one-person active couple and the apps listening to "couple ended" close
    sessions and the therapist link the usual way. Deleting the row then cascades to my answers,
    check-ins, reports, pause state, invites, couple seats, email addresses and signed-in
    devices; my partner's own rows stay theirs.
    """
    if active_couple_for(user=user) is not None:
        couple_end(user=user)
    # Sign every device out: their session rows would otherwise outlive the account.
    get_usersessions_adapter().end_sessions(list(UserSession.objects.filter(user=user)))
    user.delete()


def user_delete_confirmed(*, user: User, password: str, request: HttpRequest) -> None:
    """Erase my account when the password I entered again is right. Attempts count against
    allauth's own "reauthenticate" limit, so guessing here is no cheaper than guessing at
    ``/_allauth/.../auth/reauthenticate``."""
    if not ratelimit.consume(request, action="reauthenticate", user=user):
        raise RateLimited(message=_("Too many attempts. Please wait a minute and try again."))
    if not user.check_password(password):
        raise WrongPassword()
    user_delete(user=user)

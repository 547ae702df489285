"""The gate in front of every therapist endpoint."""

from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request

from . import errors
from .selectors import therapist_has_mfa


class IsTherapistWithMFA(BasePermission):
    """A verified therapist with an authenticator app set up; otherwise 403 with a code.

    Runs after ``IsAuthenticated`` (anonymous requests get 401 first) and before any object is
    looked up, so a person who is not a therapist gets ``not_a_therapist`` on every therapist
    endpoint, with or without an id in the URL, and learns nothing about which ids exist.
    """

    def has_permission(self, request: Request, view: object) -> bool:
        if not request.user.is_therapist:
            raise errors.NotATherapist()
        if not therapist_has_mfa(user=request.user):
            raise errors.MfaRequired()
        return True


THERAPIST_PERMISSIONS = [IsAuthenticated, IsTherapistWithMFA]

"""Re-authentication for sensitive operations (export, erasure, ending a couple).

The password is asked again through allauth's own flow: ``POST
/_allauth/{browser|app}/v1/auth/reauthenticate`` records a "reauthenticated" entry with a
timestamp in the person's session. Here we only read that record, so the window
(``ACCOUNT_REAUTHENTICATION_TIMEOUT``), the rate limit and the password check stay allauth's.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from django.contrib.sessions.backends.base import SessionBase
from django.utils.translation import gettext as _
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from project.errors import Unauthenticated

from .models import User


class ReauthenticationRequired(Unauthenticated):
    code = "reauthentication_required"
    message = _("Please enter your password again to continue.")


def _session_of(request: Request) -> SessionBase | None:
    # The app client authenticates with X-Session-Token: DRF then hands us allauth's session
    # as ``request.auth``. The browser client uses the ordinary cookie session.
    if isinstance(request.auth, SessionBase):
        return request.auth
    return getattr(request._request, "session", None)


def did_recently_reauthenticate(*, request: Request, user: User) -> bool:
    """True when ``user`` re-entered their password in this session within the window."""
    session = _session_of(request)
    if session is None:
        return False
    records = get_authentication_records(SimpleNamespace(session=session), user)
    stamps = [record["at"] for record in records if record.get("reauthenticated")]
    if not stamps:
        return False
    return time.time() - max(stamps) < account_settings.REAUTHENTICATION_TIMEOUT


class RecentlyAuthenticated(BasePermission):
    """Signed in, and the password was re-entered a short while ago; otherwise 401 with the
    stable code ``reauthentication_required`` so clients can show the password prompt."""

    def has_permission(self, request: Request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if not did_recently_reauthenticate(request=request, user=request.user):
            raise ReauthenticationRequired()
        return True

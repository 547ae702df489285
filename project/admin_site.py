"""The Django admin behind allauth's sign-in and a second step for every staff member.

Django's own admin login checks a password and nothing else: no rate limit, no second step. Here
``/admin/login/`` is allauth's ``secure_admin_login``: whoever is not signed in goes to the
app's sign-in (allauth headless, with its rate limits and its two-step stage) and comes back.
Every admin page then also wants:

- a TOTP authenticator on the account (recovery codes alone do not count); a staff member
  without one is sent to set it up (``/profile/two-step``);
- that this session was signed in with the second step (allauth's authentication records), and
  not longer ago than ``STAFF_SESSION_AGE``. A session signed in before TOTP was set up, or too
  long ago, is signed out and sent to sign in again.

Installed through ``project.admin_config.AdminConfig`` (in ``INSTALLED_APPS`` instead of
``django.contrib.admin``), the way Django documents replacing the default admin site.
"""

from __future__ import annotations

import time

from allauth.account.authentication import get_authentication_records
from allauth.account.decorators import secure_admin_login
from allauth.account.utils import get_next_redirect_url
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import urlencode

TWO_STEP_SETUP_URL = "/profile/two-step"


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def signed_in_with_two_step(request: HttpRequest) -> bool:
    """This session passed allauth's second step (TOTP or a recovery code) within
    ``STAFF_SESSION_AGE`` seconds."""
    records = get_authentication_records(request, request.user)
    stamps = [record["at"] for record in records if record.get("method") == "mfa"]
    return bool(stamps) and time.time() - max(stamps) < settings.STAFF_SESSION_AGE


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"


@secure_admin_login
def _staff_login(request: HttpRequest) -> HttpResponse:
    # secure_admin_login sent anyone signed out to LOGIN_URL and refused anyone not staff.
    next_url = get_next_redirect_url(request) or reverse("admin:index")
    if not has_totp(request.user):
        return HttpResponseRedirect(_with_next(TWO_STEP_SETUP_URL, next_url))
    if not signed_in_with_two_step(request):
        logout(request)
        return HttpResponseRedirect(_with_next(resolve_url(settings.LOGIN_URL), next_url))
    return HttpResponseRedirect(next_url)


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return (
            super().has_permission(request)
            and has_totp(request.user)
            and signed_in_with_two_step(request)
        )

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        return _staff_login(request)

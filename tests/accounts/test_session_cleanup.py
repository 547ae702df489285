"""The daily cleanup forgets sign-ins that are over: expired sessions, and the signed-in device
rows (allauth) whose session is gone. A live sign-in stays."""

from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from accounts.services import sessions_spent_delete

pytestmark = pytest.mark.django_db


def signed_in_device(user) -> UserSession:
    client = Client()
    client.force_login(user)
    return UserSession.objects.create(
        user=user, ip="127.0.0.1", session_key=client.session.session_key, user_agent="Firefox"
    )


def test_expired_sessions_and_their_devices_go_and_live_ones_stay(anna, bram):
    live = signed_in_device(anna)
    expired = signed_in_device(bram)
    Session.objects.filter(session_key=expired.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    signed_out = UserSession.objects.create(
        user=anna, ip="127.0.0.1", session_key="x" * 32, user_agent="Safari"
    )
    # A session nobody signed in with (a visitor's CSRF and language), expired too.
    visitor = SessionStore()
    visitor["seen"] = True
    visitor.set_expiry(timezone.now() - timedelta(days=1))
    visitor.save()

    assert sessions_spent_delete() == 2
    assert list(UserSession.objects.all()) == [live]
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
    assert not UserSession.objects.filter(pk__in=[expired.pk, signed_out.pk]).exists()
    assert sessions_spent_delete() == 0

"""The upstream contract behind the WebSocket's ``X-Session-Token``: allauth's public token
strategy turns an app client's session token into the Django session it signed in, and forgets
it at logout. When an allauth release changes that, these tests fail, not the whole suite."""

from __future__ import annotations

import pytest
from allauth.headless import app_settings as headless_settings
from allauth.headless.tokens.strategies.base import AbstractTokenStrategy
from asgiref.sync import async_to_sync
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from rest_framework.test import APIClient

from project.ws_auth import session_for_token, user_for_token
from tests.factories import password_of

pytestmark = pytest.mark.django_db(transaction=True)


def app_login(user) -> str:
    """Signs in through allauth's app client, as a phone app does; returns its session token."""
    response = APIClient().post(
        "/_allauth/app/v1/auth/login",
        {"email": user.email, "password": password_of(user)},
        format="json",
    )
    assert response.status_code == 200, response.content
    token = response.json()["meta"]["session_token"]
    assert token
    return token


def test_it_uses_an_abstract_token_strategy_with_lookup_session():
    strategy = headless_settings.TOKEN_STRATEGY
    assert isinstance(strategy, AbstractTokenStrategy)
    assert callable(strategy.lookup_session)


def test_it_finds_the_django_session_an_app_token_signed_in(anna):
    token = app_login(anna)
    session = headless_settings.TOKEN_STRATEGY.lookup_session(token)
    assert isinstance(session, SessionBase)
    user, _ = async_to_sync(user_for_token)(token)
    assert user == anna


def test_it_knows_no_session_for_an_unknown_token(anna):
    assert headless_settings.TOKEN_STRATEGY.lookup_session("not-a-token") is None
    user, session = async_to_sync(user_for_token)("not-a-token")
    assert isinstance(user, AnonymousUser)
    assert session is None


def test_it_forgets_the_token_at_logout(anna):
    token = app_login(anna)
    assert async_to_sync(session_for_token)(token) is not None
    client = APIClient()
    response = client.delete("/_allauth/app/v1/auth/session", HTTP_X_SESSION_TOKEN=token)
    assert response.status_code == 401, response.content  # allauth: logged out
    assert async_to_sync(session_for_token)(token) is None
    user, _ = async_to_sync(user_for_token)(token)
    assert isinstance(user, AnonymousUser)


def test_a_password_change_elsewhere_invalidates_the_token(anna):
    token = app_login(anna)
    anna.set_password("an-entirely-New-pass-9")
    anna.save()
    user, _ = async_to_sync(user_for_token)(token)
    # Django's session auth hash no longer matches: the token signs nobody in.
    assert isinstance(user, AnonymousUser)

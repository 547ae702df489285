"""The shared cast, built once per test: anna and bram (a couple), cas (a stranger),
dirk (another couple's partner), thea (a therapist), eva (a content editor)."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from huey.contrib.djhuey import HUEY
from huey.storage import MemoryStorage
from rest_framework.test import APIClient

from accounts.models import User


def make_user(key: str, **fields) -> User:
    email = f"{key}@example.com"
    fields.setdefault("display_name", key.capitalize())
    user = User.objects.create_user(email=email, password=f"{key}-Secret-Pass-1", **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def password_of(user: User) -> str:
    return f"{user.email.split('@')[0]}-Secret-Pass-1"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The production hasher costs ~0.3 s per hash by design; the suite creates thousands of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth's and our rate limits count in the cache; each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def task_queue():
    """Tasks the code enqueues (a worker's wake-up) wait in memory until a test runs them:
    never in var/ or in a Redis that someone's task worker reads."""
    real = HUEY.storage
    HUEY.storage = MemoryStorage(HUEY.name)
    yield HUEY
    HUEY.storage = real


@pytest.fixture
def anna(db) -> User:
    return make_user("anna")


@pytest.fixture
def bram(db) -> User:
    return make_user("bram")


@pytest.fixture
def cas(db) -> User:
    return make_user("cas")


@pytest.fixture
def dirk(db) -> User:
    return make_user("dirk")


@pytest.fixture
def thea(db) -> User:
    return make_user("thea", is_therapist=True)


@pytest.fixture
def eva(db) -> User:
    return make_user("eva", is_staff=True)


@pytest.fixture
def api() -> APIClient:
    """An anonymous API client."""
    return APIClient()


@pytest.fixture
def client_for(db):
    """A signed-in API client (browser client: session cookie) for any actor."""

    def build(user: User) -> APIClient:
        client = APIClient()
        client.force_login(user)
        return client

    return build

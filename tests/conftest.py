"""The shared cast and the fixtures several packages use, defined here once (docs/testing.md).

The cast: anna and bram (a couple), cas (single), dirk and ella (another couple), thea (a
verified therapist; ``thea_mfa`` is thea with an authenticator app), eva (a content editor,
staff). A fixture name means the same thing in every package; the data comes from the plain
functions in ``tests/factories.py``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from channels.layers import channel_layers
from django.core.cache import cache
from django.test import Client
from huey.contrib.djhuey import HUEY
from huey.storage import MemoryStorage
from rest_framework.test import APIClient

from accounts.models import User
from exercises.models import ExerciseVersion
from pairing.models import Couple
from sessions.models import CoupleSession
from tests.factories import (
    fresh_check_in,
    link,
    make_user,
    publish,
    reauthenticate,
    submitted_session,
)
from tests.mfa import give_totp, sign_in_with_two_step

# ---- every test ----------------------------------------------------------------------------


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


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """Every test runs on its own event loop; channels_redis binds its locks to the loop that
    first used them, so each test gets a channel layer object of its own."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


# ---- time ----------------------------------------------------------------------------------

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    """The time every part of the code under test reads (``time.time()``, ``datetime.now()``,
    ``timezone.now()``), frozen at ``START`` and moved only by the test."""

    def __init__(self, traveller: time_machine.Traveller) -> None:
        self._traveller = traveller
        self.now = START

    def move(self, **delta: float) -> datetime:
        """Move the time forward by ``timedelta(**delta)``; returns the new time."""
        self._traveller.shift(timedelta(**delta))
        self.now = self.now + timedelta(**delta)
        return self.now


@pytest.fixture
def clock():
    """A frozen clock (time-machine). Not for tests on the Redis channel layer, which orders a
    channel's messages by ``time.time()``; the consumer's token bucket has its own clock."""
    with time_machine.travel(START, tick=False) as traveller:
        yield Clock(traveller)


# ---- the cast ------------------------------------------------------------------------------


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
def ella(db) -> User:
    return make_user("ella")


@pytest.fixture
def thea(db) -> User:
    """A verified therapist, without two-step sign-in (the practice asks her to set it up)."""
    return make_user("thea", is_therapist=True)


@pytest.fixture
def thea_mfa(thea) -> User:
    """thea with an authenticator app: she may use the practice."""
    give_totp(thea)
    return thea


@pytest.fixture
def eva(db) -> User:
    return make_user("eva", is_staff=True)


@pytest.fixture
def superuser(db) -> User:
    """Root, for the Django admin's own pages."""
    return make_user("root", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_browser(superuser) -> Client:
    """A browser signed in to the Django admin as the superuser, with the second step the
    admin requires of every staff account."""
    return sign_in_with_two_step(Client(), superuser)


# ---- couples and sessions ------------------------------------------------------------------


@pytest.fixture
def anna_and_bram(anna, bram) -> Couple:
    """anna and bram, linked through an invite, each with a fresh "all no" check-in: ready
    for couple exercises."""
    fresh_check_in(anna)
    fresh_check_in(bram)
    return link(anna, bram)


@pytest.fixture
def dirk_and_ella(dirk, ella) -> Couple:
    """dirk and ella, linked and checked in the same way: the other couple."""
    fresh_check_in(dirk)
    fresh_check_in(ella)
    return link(dirk, ella)


@pytest.fixture
def version(db) -> ExerciseVersion:
    """A published four-prompt exercise (text, scale, choice, multi): ``factories.publish()``."""
    return publish()


@pytest.fixture
def ready_session(anna, bram, anna_and_bram, version) -> CoupleSession:
    """anna and bram both answered (bram's text carries MARKER) and submitted."""
    return submitted_session(anna, bram, version)


# ---- clients -------------------------------------------------------------------------------


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


@pytest.fixture
def reauthenticated_client_for(client_for):
    """A signed-in browser client whose password was just re-entered."""

    def build(user: User) -> APIClient:
        client = client_for(user)
        reauthenticate(client, user)
        return client

    return build

"""Therapist fixtures: thea (a verified therapist) with an authenticator app, anna and bram
linked to her with both consents, and helpers that bring a session through answering and the
live reveal using the sessions services themselves."""

from __future__ import annotations

import pytest

from exercises.models import ExerciseVersion
from sessions import services as session_services
from sessions.models import CoupleSession
from tests.mfa import give_totp
from tests.sessions.conftest import (  # noqa: F401 - fixtures shared with the sessions tests
    anna_and_bram,
    answer_all,
    checked_in,
    dirk_and_ella,
    ella,
    fresh_check_in,
    link,
    publish,
)
from therapists.models import TherapistLink
from therapists.services import therapist_invite_accept, therapist_invite_create

ANNA_MARKER = "anna-marker-c1e55b"
BRAM_MARKER = "bram-marker-9d04f2"


def give_mfa(user) -> None:
    """An authenticator app (TOTP), stored as allauth stores one."""
    give_totp(user)


def therapist_link(therapist, *partners) -> TherapistLink:
    """``therapist`` invites a couple; each of ``partners`` accepts the code."""
    issued = therapist_invite_create(therapist=therapist)
    link_ = issued.link
    for partner in partners:
        link_ = therapist_invite_accept(user=partner, code=issued.code)
    return link_


def reveal_all(session: CoupleSession, first, second) -> CoupleSession:
    """Both partners join the live reveal and say ready for every prompt: completed."""
    for user in (first, second):
        session_services.reveal_join(
            user=user, session_id=session.id, channel_name=f"test.{user.pk}"
        )
    for index in range(session.version.prompts.count()):
        for user in (first, second):
            session_services.reveal_ready(user=user, session_id=session.id, index=index)
    session.refresh_from_db()
    return session


def answered_session(
    version: ExerciseVersion, anna, bram, *, submit: bool = True, bram_private=()
) -> CoupleSession:
    """A session where anna's text answers carry ANNA_MARKER and bram's BRAM_MARKER."""
    session = session_services.session_start(user=anna, exercise_slug=version.exercise.slug)
    answer_all(session, anna, text=ANNA_MARKER)
    answer_all(session, bram, text=BRAM_MARKER, private=bram_private)
    if submit:
        session_services.session_submit(user=anna, session=session)
        session_services.session_submit(user=bram, session=session)
    session.refresh_from_db()
    return session


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The matrix builds a whole world per case; nobody here signs in with a password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def thea_mfa(thea):
    give_mfa(thea)
    return thea


@pytest.fixture
def linked(request, thea_mfa, anna, bram) -> TherapistLink:
    """thea is anna and bram's therapist: both accepted."""
    request.getfixturevalue("anna_and_bram")
    return therapist_link(thea_mfa, anna, bram)


@pytest.fixture
def version(db) -> ExerciseVersion:
    return publish()

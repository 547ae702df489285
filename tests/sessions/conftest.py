"""Session fixtures: anna and bram as a couple (linked through an invite) with a fresh ok
check-in each, dirk and ella as another couple, a published four-prompt exercise, and helpers
that bring a session to where a test needs it."""

from __future__ import annotations

import json

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from exercises.models import DraftPrompt, ExerciseVersion, PromptKind
from exercises.services import exercise_publish
from pairing.models import Couple
from pairing.services import invite_accept, invite_create
from safety.content import QUESTION_IDS
from safety.services import check_in_submit
from sessions import services as session_services
from sessions.models import CoupleSession
from tests.conftest import make_user
from tests.exercises.conftest import build_draft

MARKER = "bram-secret-marker-7f3a9c"
PRIVATE_MARKER = "bram-kept-private-marker-41d2"


def fresh_check_in(user) -> None:
    check_in_submit(user=user, alone=True, answers=dict.fromkeys(QUESTION_IDS, "no"))


def link(first, second) -> Couple:
    return invite_accept(user=second, code=invite_create(inviter=first).code)


def publish(slug: str = "grenzen-voelen", extra_text_prompts: int = 0) -> ExerciseVersion:
    exercise = build_draft(slug)
    for number in range(extra_text_prompts):
        DraftPrompt.objects.create(
            exercise=exercise,
            position=10 + number,
            kind=PromptKind.TEXT,
            text_nl=f"Extra vraag {number}",
            text_en=f"Extra question {number}",
            talk_about_nl="Wat valt je op?",
            talk_about_en="What stands out?",
        )
    return exercise_publish(exercise=exercise)


def answers_for(version: ExerciseVersion, text: str = "Mijn antwoord") -> dict:
    """A valid answer for every prompt of ``version``, keyed by prompt."""
    values = {
        PromptKind.TEXT: text,
        PromptKind.SCALE: 3,
        PromptKind.CHOICE: "say_it",
        PromptKind.MULTI: ["body", "mood"],
    }
    return {prompt: values[prompt.kind] for prompt in version.prompts.order_by("position")}


def answer_all(session: CoupleSession, user, text: str = "Mijn antwoord", private=()) -> None:
    for prompt, value in answers_for(session.version, text).items():
        session_services.answer_save(
            user=user,
            session=session,
            prompt_id=prompt.id,
            value=value,
            keep_private=prompt.position in private,
        )


def submitted_session(anna, bram, version: ExerciseVersion, bram_private=()) -> CoupleSession:
    """Both answered (bram's text carries MARKER) and submitted: ready to reveal."""
    session = session_services.session_start(user=anna, exercise_slug=version.exercise.slug)
    answer_all(session, anna, text="Anna schrijft")
    answer_all(session, bram, text=MARKER, private=bram_private)
    session_services.session_submit(user=anna, session=session)
    session_services.session_submit(user=bram, session=session)
    session.refresh_from_db()
    return session


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """Every test runs on its own event loop; channels_redis binds its locks to the loop that
    first used them, so each test gets a channel layer object of its own."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture
def checked_in(anna, bram):
    fresh_check_in(anna)
    fresh_check_in(bram)


@pytest.fixture
def anna_and_bram(anna, bram, checked_in) -> Couple:
    return link(anna, bram)


@pytest.fixture
def ella(db):
    return make_user("ella")


@pytest.fixture
def dirk_and_ella(dirk, ella) -> Couple:
    fresh_check_in(dirk)
    fresh_check_in(ella)
    return link(dirk, ella)


@pytest.fixture
def version(db) -> ExerciseVersion:
    return publish()


@pytest.fixture
def session(anna, anna_and_bram, version) -> CoupleSession:
    return session_services.session_start(user=anna, exercise_slug=version.exercise.slug)


@pytest.fixture
def ready_session(anna, bram, anna_and_bram, version) -> CoupleSession:
    return submitted_session(anna, bram, version)


def session_key_for(user) -> str:
    """A signed-in Django session for ``user``; its key is also the app client's token."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


class Live:
    """One WebSocket connection to a live reveal, remembering every message it received."""

    def __init__(self, communicator: WebsocketCommunicator) -> None:
        self.communicator = communicator
        self.log: list[dict] = []
        self.closed_with: int | None = None

    async def send(self, message: dict | str) -> None:
        if isinstance(message, str):
            await self.communicator.send_to(text_data=message)
        else:
            await self.communicator.send_json_to(message)

    async def next(self, timeout: float = 3) -> dict:
        output = await self.communicator.receive_output(timeout)
        if output["type"] == "websocket.close":
            self.closed_with = output.get("code", 1000)
            return {"type": "__closed__", "code": self.closed_with}
        message = json.loads(output["text"])
        self.log.append(message)
        return message

    async def expect(self, kind: str, timeout: float = 3, **fields) -> dict:
        """The next message of ``kind`` whose fields match, skipping others."""
        while True:
            message = await self.next(timeout)
            if message["type"] == kind and all(message.get(k) == v for k, v in fields.items()):
                return message
            if message["type"] == "__closed__":
                raise AssertionError(f"closed while waiting for {kind}: {message}")

    async def drain(self) -> list[dict]:
        """Everything that is still on its way, read until a short silence."""
        received = []
        while not await self.communicator.receive_nothing(timeout=0.2):
            received.append(await self.next())
        return received

    async def nothing_more(self) -> None:
        assert await self.communicator.receive_nothing(timeout=0.2)

    async def close(self) -> None:
        await self.communicator.disconnect()


async def connect(
    user, session_id, *, origin: str = "http://testserver", cookie: bool = False
) -> tuple[Live, bool, int | str | None]:
    """Open ``/ws/sessions/<id>/`` through the project's real ASGI stack as ``user``."""
    from project.asgi import application

    headers = [(b"origin", origin.encode())] if origin else []
    if user is not None:
        key = await database_sync_to_async(session_key_for)(user)
        if cookie:
            headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={key}".encode()))
        else:
            headers.append((b"x-session-token", key.encode()))
    communicator = WebsocketCommunicator(
        application, f"/ws/sessions/{session_id}/", headers=headers
    )
    connected, detail = await communicator.connect(timeout=5)
    return Live(communicator), connected, detail

"""Benchmark data in a PostgreSQL database of its own, made through the project's services.

``bench_environment()`` is the environment both the bench process and its servers run with;
``prepare_django()`` (re)creates the bench database, migrates it and imports the starter
library; ``ready_couples(n)`` makes ``n`` couples whose session of a five-prompt exercise is
ready to reveal, with an app session token (a Django session key) for each partner.
"""

from __future__ import annotations

import os
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from cryptography.fernet import Fernet

from .common import BENCH_DATABASE, DEFAULT_PG_ADMIN_URL, DEFAULT_REDIS_URL, ROOT

# Five prompts of every kind, so a reveal carries text, scale, choice and multi answers.
EXERCISE_SLUG = "trigger-of-grens"


def bench_environment() -> dict[str, str]:
    """Environment for the bench and its servers: its own database, Redis db and secrets."""
    admin = urlsplit(os.environ.get("BENCH_PG_ADMIN_URL", DEFAULT_PG_ADMIN_URL))
    database_url = urlunsplit(admin._replace(path=f"/{BENCH_DATABASE}"))
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        "CHANNEL_LAYER_PREFIX": "bench",
        "CACHE_KEY_PREFIX": "bench",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": os.environ.get("BENCH_FIELD_KEY")
        or Fernet.generate_key().decode(),
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        # Each of the two workers may hold this many connections; PostgreSQL allows 100.
        "DATABASE_POOL_MAX": os.environ.get("DATABASE_POOL_MAX", "20"),
        # The live reveal's bounded database pool per worker (0: Channels' one shared thread).
        "LIVE_DB_THREADS": os.environ.get("LIVE_DB_THREADS", "0"),
    }


def recreate_database() -> None:
    import psycopg

    admin_url = os.environ.get("BENCH_PG_ADMIN_URL", DEFAULT_PG_ADMIN_URL)
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def prepare_django(env: dict[str, str], *, fresh: bool = True) -> float:
    """Point this process at the bench database and fill in the schema and library.

    Returns the seconds it took.
    """
    started = time.monotonic()
    os.environ.update(env)
    if fresh:
        recreate_database()
    flush_redis(env["REDIS_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("library", "import", str(ROOT / "exercises" / "starter_library.json"))
    return time.monotonic() - started


@dataclass(frozen=True)
class ReadyCouple:
    session_id: str
    prompt_ids: list[str]
    tokens: tuple[str, str]
    text_prompt_id: str = ""


def _session_token(user) -> str:
    """What allauth's app client gets after logging in: a Django session key."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


_VALUES = {"text": "Wat ik merk, in mijn eigen woorden.", "scale": 3}


def _value_for(prompt):
    if prompt.kind in _VALUES:
        return _VALUES[prompt.kind]
    first = prompt.options[0]["value"]
    return first if prompt.kind == "choice" else [first]


def ready_couples(count: int, *, label: str, threads: int = 6) -> list[ReadyCouple]:
    """``count`` couples, each with a fresh check-in and a submitted session ready to reveal."""
    return _made([f"{label}-{n}" for n in range(count)], submit=True, threads=threads)


def answering_couples(count: int, *, label: str, threads: int = 6) -> list[ReadyCouple]:
    """``count`` couples whose session has just started: both partners still answering."""
    return _made([f"{label}-{n}" for n in range(count)], submit=False, threads=threads)


# From this many couples on, setup runs in several processes: one process's threads share its
# GIL, and making a couple costs as much Python (the ORM, encryption) as it waits on PostgreSQL.
PROCESS_SETUP_FROM = 200


def _made(keys: list[str], *, submit: bool, threads: int) -> list[ReadyCouple]:
    if len(keys) < PROCESS_SETUP_FROM:
        return _in_threads(keys, submit=submit, threads=threads)
    import multiprocessing

    processes = max(2, os.cpu_count() or 2)
    chunks = [keys[start::processes] for start in range(processes)]
    # A fresh interpreter per process (not a fork of this one with its open connections).
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=_setup_child, initargs=(dict(os.environ),)) as pool:
        made = pool.starmap(_in_threads, [(chunk, submit, threads) for chunk in chunks])
    by_key = {
        key: couple
        for chunk, couples in zip(chunks, made, strict=True)
        for key, couple in zip(chunk, couples, strict=True)
    }
    return [by_key[key] for key in keys]


def _setup_child(environment: dict[str, str]) -> None:
    """A setup process: the bench's environment and Django, on the schema already migrated."""
    os.environ.update(environment)
    import django

    django.setup()


def _in_threads(keys: list[str], submit: bool, threads: int) -> list[ReadyCouple]:
    """Setup waits on PostgreSQL round trips, so a few threads (each its own connection) help."""
    from django.db import connections

    def run(key: str) -> ReadyCouple:
        try:
            return ready_couple(key, submit=submit)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(run, keys))


def ready_couple(key: str, *, submit: bool = True) -> ReadyCouple:
    """One couple (users ``<key>-a`` and ``<key>-b``); see ``ready_couples``."""
    from accounts.models import User
    from pairing.services import invite_accept, invite_create
    from safety.content import QUESTION_IDS
    from safety.services import check_in_submit
    from sessions import services as session_services

    partners = [
        User.objects.create_user(
            email=f"{key}-{side}@bench.invalid", password=None, display_name=f"{key}-{side}"
        )
        for side in ("a", "b")
    ]
    for person in partners:
        check_in_submit(user=person, alone=True, answers=dict.fromkeys(QUESTION_IDS, "no"))
    first, second = partners
    invite_accept(user=second, code=invite_create(inviter=first).code)
    session = session_services.session_start(user=first, exercise_slug=EXERCISE_SLUG)
    prompts = list(session.version.prompts.order_by("position"))
    for person in partners if submit else []:
        for prompt in prompts:
            session_services.answer_save(
                user=person,
                session=session,
                prompt_id=prompt.id,
                value=_value_for(prompt),
                keep_private=False,
            )
    for person in partners if submit else []:
        session_services.session_submit(user=person, session=session)
    return ReadyCouple(
        session_id=str(session.id),
        prompt_ids=[str(prompt.id) for prompt in prompts],
        tokens=(_session_token(first), _session_token(second)),
        text_prompt_id=next(str(prompt.id) for prompt in prompts if prompt.kind == "text"),
    )

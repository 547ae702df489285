"""Two task workers side by side on PostgreSQL send each outbox row exactly once.

Two real worker processes (``scripts/serve_worker.sh``, two threads each) share the test
database and one queue (Redis when ``REDIS_URL`` is set, as in production, else an SQLite file).
Rows are committed one by one, each waking a worker, as a web process would; the emails both
workers print to their consoles are counted per recipient.
"""

import os
import re
import signal
import subprocess
import threading
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from huey.storage import RedisStorage, SqliteStorage

from accounts.models import User
from notifications.models import Event, NotificationPreference, OutboxMessage, OutboxStatus
from notifications.services import _enqueue, notify
from tests.factories import make_user
from tests.support.servers import wait_until

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")
ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
PEOPLE = 60
WORKERS = 2

pytestmark = pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="needs PostgreSQL's skip_locked row locks between processes: set DATABASE_URL",
)


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def shared_queue(task_queue, tmp_path):
    """This process enqueues its wake-ups where the workers read them."""
    name = f"two-workers-{uuid.uuid4().hex[:8]}"
    if REDIS_URL:
        storage = RedisStorage(name, url=REDIS_URL)
    else:
        storage = SqliteStorage(name, filename=str(tmp_path / "tasks.sqlite3"))
    task_queue.storage = storage
    yield name
    storage.flush_all()


@pytest.fixture
def workers(transactional_db, shared_queue, tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"EMAIL_BACKEND", "EMAIL_URL"}},
        "DJANGO_SETTINGS_MODULE": "project.settings.base",
        "DATABASE_URL": _database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "FIELD_ENCRYPTION_KEYS": ",".join(settings.FIELD_ENCRYPTION_KEYS),
        "TWEESPRAAK_VAR_DIR": str(tmp_path),
        "TASK_QUEUE_NAME": shared_queue,
        "TASK_WORKER_THREADS": "2",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    started = []
    for number in range(WORKERS):
        log = tmp_path / f"worker-{number}.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [str(ROOT / "scripts" / "serve_worker.sh")],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        started.append((process, log))
    try:
        for process, log in started:
            wait_until(
                lambda log=log: "Huey consumer started" in log.read_text(), 60, "a worker started"
            )
            assert process.poll() is None, log.read_text()
        yield started
    finally:
        for process, _log in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process, log in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            print(log.read_text()[-3000:])


def test_two_workers_send_each_row_exactly_once(workers):
    people = [make_user(f"person{number}") for number in range(PEOPLE)]
    NotificationPreference.objects.bulk_create(
        NotificationPreference(user=person, quiet_hours_start=None, quiet_hours_end=None)
        for person in people
    )
    # Autocommit: each notify commits its row and wakes a worker, as a request would.
    for person in people:
        notify(user=person, event=Event.PARTNER_STARTED, path="/s/1")
    assert OutboxMessage.objects.count() == PEOPLE

    wait_until(
        lambda: not OutboxMessage.objects.exclude(status=OutboxStatus.SENT).exists(),
        60,
        "every row sent",
    )
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}

    sent_by = [
        Counter(re.findall(r"^To: (person\d+)@example\.com$", log.read_text(), re.M))
        for _process, log in workers
    ]
    total = sum(sent_by, Counter())
    assert total == Counter({f"person{number}": 1 for number in range(PEOPLE)})
    # Both took part (about half each in practice): the rows were contended, not taken in turn.
    assert all(sum(counts.values()) > 0 for counts in sent_by), sent_by


def test_a_reminder_key_waits_for_the_other_workers_commit(transactional_db):
    """The reminders run on every worker; for one person and key, the second waits on the
    person's row lock and then finds the first one's row."""
    anna = make_user("anna")
    NotificationPreference.objects.create(user=anna, quiet_hours_start=None, quiet_hours_end=None)
    key = "due:2025-06-03"
    finished = threading.Event()

    def second_worker() -> None:
        try:
            _enqueue(user_id=anna.pk, event=Event.ASSIGNMENT_DUE, path="/a/1", dedupe_key=key)
            finished.set()
        finally:
            connections.close_all()

    with transaction.atomic():
        # The first worker is enqueueing for anna and has not committed yet.
        User.objects.select_for_update().get(pk=anna.pk)
        thread = threading.Thread(target=second_worker)
        thread.start()
        assert not finished.wait(1.0), "the second worker did not wait for the first"
        OutboxMessage.objects.create(
            user=anna, channel="email", event=Event.ASSIGNMENT_DUE, dedupe_key=key
        )
    thread.join(20)
    assert finished.is_set()
    assert OutboxMessage.objects.filter(user=anna, dedupe_key=key).count() == 1

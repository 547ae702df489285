"""The task worker (huey) sends the outbox and runs the schedule: a new row wakes it at once,
every minute it sends what waited (quiet hours, retries), and at 09:00 in Amsterdam it enqueues
the "due tomorrow" and weekly reminders.

These drive huey's own scheduler decisions (``read_periodic``) and run the tasks it would run,
on a frozen clock, with the queue in memory (``tests/conftest.py``). A real worker process runs
in ``test_two_workers.py`` and ``tests/test_make_run.py``."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from notifications.models import Event, OutboxMessage, OutboxStatus
from notifications.services import (
    notify,
    preference_update,
    register_due_source,
    unregister_due_source,
)

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year, month, day, hour, minute) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def periodic_at(task_queue, moment: datetime) -> list:
    """The periodic jobs huey's scheduler enqueues at ``moment`` (it asks each minute, with
    the time in naive UTC)."""
    # run_huey imports every app's tasks module; so does this.
    autodiscover_modules("tasks")
    return task_queue.read_periodic(moment.astimezone(UTC).replace(tzinfo=None))


def scheduled_at(task_queue, moment: datetime) -> set[str]:
    return {task.name for task in periodic_at(task_queue, moment)}


@pytest.fixture
def run_scheduler_minute(task_queue, django_capture_on_commit_callbacks):
    """What a worker does at ``moment``: enqueue the jobs due, then run everything queued,
    including the wake-ups their committed rows cause."""

    def run(moment: datetime) -> None:
        with time_machine.travel(moment, tick=False):
            for task in periodic_at(task_queue, moment):
                task_queue.enqueue(task)
            while task_queue.pending_count():
                with django_capture_on_commit_callbacks(execute=True):
                    run_queued(task_queue)

    return run


def run_queued(task_queue) -> int:
    """Run what is queued as a worker would, in huey's immediate mode: a worker closes its
    database connection around each task, which would end the test's transaction."""
    ran = 0
    task_queue.immediate_use_memory = False  # keep this queue when switching modes
    task_queue.immediate = True
    try:
        while (task := task_queue.dequeue()) is not None:
            task_queue.execute(task)
            ran += 1
    finally:
        task_queue.immediate = False
        task_queue.immediate_use_memory = True
    return ran


def test_a_new_outbox_row_wakes_a_worker_that_sends_it(
    task_queue, anna, enqueue, no_quiet_hours, outbox_mail
):
    no_quiet_hours(anna)
    enqueue(user=anna, event=Event.PARTNER_STARTED, path="/s/42")
    assert OutboxMessage.objects.get().status == OutboxStatus.PENDING
    assert [task.name for task in task_queue.pending()] == ["outbox_send"]

    assert run_queued(task_queue) == 1
    assert [email.to for email in outbox_mail] == [["anna@example.com"]]
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT


def test_nothing_to_send_wakes_no_worker(task_queue, anna, enqueue, no_quiet_hours):
    no_quiet_hours(anna, email_enabled=False)
    enqueue(user=anna, event=Event.PARTNER_STARTED, path="/s/42")
    assert not OutboxMessage.objects.exists()
    assert task_queue.pending_count() == 0


def test_a_rolled_back_action_wakes_no_worker(
    task_queue, anna, no_quiet_hours, django_capture_on_commit_callbacks
):
    no_quiet_hours(anna)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify(user=anna, event=Event.PARTNER_STARTED, path="/s/42")
        raise RuntimeError("the action failed")
    assert callbacks == []
    assert task_queue.pending_count() == 0
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    "moment, daily",
    [
        (at(2025, 6, 2, 9, 0), {"reminders_daily"}),
        (at(2025, 6, 2, 8, 59), set()),
        (at(2025, 6, 2, 9, 1), set()),
        # Winter time: still 09:00 in Amsterdam (08:00 UTC, where summer was 07:00 UTC).
        (at(2025, 12, 1, 9, 0), {"reminders_daily"}),
        (at(2025, 12, 1, 10, 0), set()),
        (at(2025, 6, 2, 4, 0), {"sessions_cleanup_daily"}),
        (at(2025, 6, 2, 4, 10), {"invites_cleanup_daily"}),
        (at(2025, 12, 1, 4, 20), {"notifications_cleanup_daily"}),
    ],
)
def test_the_schedule_runs_each_job_at_its_local_time(task_queue, moment, daily):
    assert scheduled_at(task_queue, moment) == {"outbox_send_every_minute", *daily}


@pytest.fixture
def anna_due_on():
    """A due source, as the therapist feature registers one: anna has something due on a day."""
    due: dict = {}

    def source(day):
        return [(user, "/assignments/7") for user in due.get(day, [])]

    register_due_source(source)
    yield due
    unregister_due_source(source)


def test_the_due_tomorrow_reminder_goes_out_at_nine(
    run_scheduler_minute, anna, anna_due_on, outbox_mail, no_quiet_hours
):
    no_quiet_hours(anna)
    anna_due_on[datetime(2025, 6, 3).date()] = [anna]

    # Through the night and the early morning the worker sends nothing.
    for moment in (at(2025, 6, 2, 0, 0), at(2025, 6, 2, 8, 0), at(2025, 6, 2, 8, 59)):
        run_scheduler_minute(moment)
    assert not OutboxMessage.objects.exists()
    assert outbox_mail == []

    run_scheduler_minute(at(2025, 6, 2, 9, 0))
    message = OutboxMessage.objects.get()
    assert (message.event, message.status) == (Event.ASSIGNMENT_DUE, OutboxStatus.SENT)
    assert message.sent_at == at(2025, 6, 2, 9, 0)
    [email] = outbox_mail
    assert email.to == ["anna@example.com"]
    assert "/assignments/7" in email.body

    # Another worker running the same 09:00 job, or the next day's, sends nothing twice.
    run_scheduler_minute(at(2025, 6, 2, 9, 0))
    assert OutboxMessage.objects.count() == 1
    assert len(outbox_mail) == 1


def test_a_reminder_enqueued_in_quiet_hours_goes_out_when_they_end(
    run_scheduler_minute, anna, anna_due_on, outbox_mail
):
    # 09:00 in Amsterdam is 03:00 in New York: quiet until 08:00 there, 14:00 in Amsterdam.
    preference_update(user=anna, timezone="America/New_York")
    anna_due_on[datetime(2025, 6, 3).date()] = [anna]

    run_scheduler_minute(at(2025, 6, 2, 9, 0))
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.PENDING
    assert outbox_mail == []

    # The every-minute round sends nothing before the quiet hours end, then sends it.
    run_scheduler_minute(at(2025, 6, 2, 13, 59))
    assert outbox_mail == []
    run_scheduler_minute(at(2025, 6, 2, 14, 0))
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert [email.to for email in outbox_mail] == [["anna@example.com"]]

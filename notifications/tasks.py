"""The task worker's jobs for notifications (huey; ``manage.py run_huey`` runs them).

The outbox is what must be sent; these only decide when to look at it. Every job is safe to run
twice at the same time, so any number of task workers may run side by side: rows are sent under
``skip_locked`` row locks, a reminder key is enqueued once under the person's row lock, and
deleting what another worker already deleted deletes nothing.
"""

import logging

from huey.contrib.djhuey import db_periodic_task, db_task

from project.schedule import crontab_local

from . import services

logger = logging.getLogger(__name__)


@db_task()
def outbox_send() -> None:
    """Send what is due now; enqueued when new rows are committed (see ``apps.py``)."""
    counts = services.outbox_send_due()
    if counts:
        logger.info("outbox: %s", ", ".join(f"{n} {outcome}" for outcome, n in counts.items()))


@db_periodic_task(crontab_local(minute="*"))
def outbox_send_every_minute() -> None:
    """Retries, messages held back by quiet hours, and anything a lost wake-up left behind."""
    outbox_send.call_local()


@db_periodic_task(crontab_local(minute="0", hour="9"))
def reminders_daily() -> None:
    """The "due tomorrow", weekly and daily-question reminders at 09:00; quiet hours still apply
    per person."""
    count = services.reminders_enqueue()
    logger.info("reminders considered: %d", count)


@db_periodic_task(crontab_local(minute="20", hour="4"))
def notifications_cleanup_daily() -> None:
    subscriptions = services.subscriptions_stale_delete()
    rows = services.outbox_finished_delete()
    logger.info("cleanup: %d stale push subscriptions, %d old outbox rows", subscriptions, rows)

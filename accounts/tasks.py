"""The task worker's jobs for accounts (huey; see docs/notifications.md)."""

import logging

from huey.contrib.djhuey import db_periodic_task

from project.schedule import crontab_local

from .services import sessions_spent_delete

logger = logging.getLogger(__name__)


@db_periodic_task(crontab_local(minute="0", hour="4"))
def sessions_cleanup_daily() -> None:
    devices = sessions_spent_delete()
    logger.info("cleanup: expired sessions and %d signed-out devices", devices)

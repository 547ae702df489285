"""The task worker's jobs for pairing (huey; see docs/notifications.md)."""

import logging

from huey.contrib.djhuey import db_periodic_task

from project.schedule import crontab_local

from .services import invites_expired_delete

logger = logging.getLogger(__name__)


@db_periodic_task(crontab_local(minute="10", hour="4"))
def invites_cleanup_daily() -> None:
    logger.info("cleanup: %d expired partner invites", invites_expired_delete())

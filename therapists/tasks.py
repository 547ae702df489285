"""The task worker's jobs for therapists (huey; ``manage.py run_huey`` runs them)."""

import logging

from huey.contrib.djhuey import db_periodic_task

from project.schedule import crontab_local

from . import assignment_services

logger = logging.getLogger(__name__)


@db_periodic_task(crontab_local(minute="5", hour="9"))
def assignments_overdue_daily() -> None:
    """At 09:05: tell therapists which open assignments passed their date (once each)."""
    count = assignment_services.assignments_overdue_notify()
    logger.info("overdue assignments: %d", count)

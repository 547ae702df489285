"""When the task worker's periodic jobs run, in the site's time zone (``TIME_ZONE``).

huey checks its periodic tasks once a minute with the current time in UTC; a job that should run
"daily at 09:00" means 09:00 in Amsterdam, summer and winter alike.
"""

from collections.abc import Callable
from datetime import UTC, datetime

from django.utils import timezone
from huey import crontab


def crontab_local(**fields: str) -> Callable[[datetime], bool]:
    """huey's ``crontab(minute=..., hour=..., ...)``, read in ``TIME_ZONE``."""
    matches = crontab(**fields)

    def validate(moment: datetime) -> bool:
        # huey passes naive UTC times (its ``utc=True``, our setting).
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return matches(timezone.localtime(aware))

    return validate

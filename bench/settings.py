"""Settings for benchmark servers: the project's own settings plus the bench-only URLconf.

The bench endpoints (``/bench/ping/``) exist only here, never in production URLs.
"""

from project.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "bench.urls"
# The benchmark creates its users and sessions itself; nothing here is real data.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

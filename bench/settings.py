"""Settings for benchmark servers: the project's own settings plus the bench-only URLconf.

The bench endpoints (``/bench/ping/``) exist only here, never in production URLs.
"""

from project.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "bench.urls"
# The benchmark creates its users and sessions itself; nothing here is real data.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The ceiling benchmark sends as fast as the server answers, on purpose; a person's limit of
# 20 messages a second per connection would measure the limit, not the server.
LIVE_RATE_PER_SECOND = 1_000_000
LIVE_RATE_BURST = 1_000_000

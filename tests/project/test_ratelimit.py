"""``project.ratelimit``: fixed windows that end by the clock the code reads (``time.time()``),
also on a cache whose entries expire on another clock (Redis expires on the server's)."""

import pytest
from django.core.cache.backends.locmem import LocMemCache

from project import ratelimit

KEYS = ["test:ratelimit:one", "test:ratelimit:two"]


class ServerClockCache(LocMemCache):
    """A local-memory cache whose entries never expire here, as if a server's clock did it."""

    def get_backend_timeout(self, timeout=None):
        return None


@pytest.fixture
def server_cache(monkeypatch) -> ServerClockCache:
    cache = ServerClockCache("ratelimit-test", {})
    cache.clear()
    monkeypatch.setattr(ratelimit, "cache", cache)
    return cache


def test_the_limit_is_reached_at_the_limit_and_not_before(clock, server_cache):
    for _ in range(2):
        ratelimit.hit(keys=KEYS, window_seconds=60)
    assert ratelimit.limit_reached(keys=KEYS, limit=3) is False
    ratelimit.hit(keys=KEYS, window_seconds=60)
    assert ratelimit.limit_reached(keys=KEYS, limit=3) is True
    assert ratelimit.limit_reached(keys=KEYS[:1], limit=3) is True


def test_a_window_ends_by_the_clock_even_where_the_cache_entry_outlives_it(clock, server_cache):
    for _ in range(3):
        ratelimit.hit(keys=KEYS, window_seconds=60)
    clock.move(seconds=59)
    assert ratelimit.limit_reached(keys=KEYS, limit=3) is True

    clock.move(seconds=1)
    assert server_cache.get(KEYS[0]) is not None  # still stored: only the clock ended it
    assert ratelimit.limit_reached(keys=KEYS, limit=3) is False


def test_a_later_hit_does_not_extend_the_window_and_the_next_hit_opens_a_new_one(
    clock, server_cache
):
    ratelimit.hit(keys=KEYS, window_seconds=60)
    clock.move(seconds=50)
    ratelimit.hit(keys=KEYS, window_seconds=60)
    ratelimit.hit(keys=KEYS, window_seconds=60)
    assert ratelimit.limit_reached(keys=KEYS, limit=3) is True

    clock.move(seconds=10)
    assert ratelimit.limit_reached(keys=KEYS, limit=3) is False
    ratelimit.hit(keys=KEYS, window_seconds=60)
    ratelimit.hit(keys=KEYS, window_seconds=60)
    assert ratelimit.limit_reached(keys=KEYS, limit=3) is False
    ratelimit.hit(keys=KEYS, window_seconds=60)
    assert ratelimit.limit_reached(keys=KEYS, limit=3) is True

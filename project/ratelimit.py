"""Fixed-window counters in Django's cache, for every rate limit of our own.

The first hit starts a window of ``window_seconds``; once a key has ``limit`` hits inside it,
:func:`limit_reached` says so until the window ends. Works with the local-memory and Redis
caches, and with several processes sharing Redis.

When a window ends is decided by ``time.time()``, not only by the cache entry's expiry: each
key holds the end of its window, and the window's hits are counted under a key named after
that end. A clock the tests control (time-machine) therefore ends a window on every cache,
including Redis, whose expiry runs on the Redis server's own clock. The cache entries still
expire with their window, so nothing is left behind.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def opaque_key(namespace: str, subject: object) -> str:
    """A cache key that names neither the person nor what they did (for limits whose mere
    existence is private, such as safety check-ins)."""
    digest = salted_hmac(f"tweespraak.ratelimit.{namespace}", str(subject)).hexdigest()
    return f"ratelimit:{digest[:32]}"


def _counter(key: str, window_end: int) -> str:
    return f"{key}:{window_end}"


def limit_reached(*, keys: Iterable[str], limit: int) -> bool:
    """True when any of ``keys`` already has ``limit`` hits in its current window."""
    now = time.time()
    ends = cache.get_many(list(keys))
    counters = [_counter(key, end) for key, end in ends.items() if end > now]
    return any(count >= limit for count in cache.get_many(counters).values())


def hit(*, keys: Iterable[str], window_seconds: int) -> None:
    """Count one more hit on each key."""
    now = time.time()
    for key in keys:
        end = math.ceil(now + window_seconds)
        # add() only starts a window; a later hit never extends it.
        if not cache.add(key, end, timeout=window_seconds):
            current = cache.get(key)
            if current is not None and current > now:
                end = current
            else:
                # The window has ended (or its entry just expired): this hit opens a new one.
                cache.set(key, end, timeout=window_seconds)
        counter = _counter(key, end)
        cache.add(counter, 0, timeout=window_seconds)
        try:
            cache.incr(counter)
        except ValueError:
            # The entry expired between add() and incr(): this hit is the window's first.
            cache.set(counter, 1, timeout=window_seconds)

"""Fixed-window counters in Django's cache, for every rate limit of our own.

The first hit starts a window of ``window_seconds``; once a key has ``limit`` hits inside it,
:func:`limit_reached` says so until the window ends. Works with the local-memory and Redis
caches, and with several processes sharing Redis.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def opaque_key(namespace: str, subject: object) -> str:
    """A cache key that names neither the person nor what they did (for limits whose mere
    existence is private, such as safety check-ins)."""
    digest = salted_hmac(f"tweespraak.ratelimit.{namespace}", str(subject)).hexdigest()
    return f"ratelimit:{digest[:32]}"


def limit_reached(*, keys: Iterable[str], limit: int) -> bool:
    """True when any of ``keys`` already has ``limit`` hits in its current window."""
    return any(count >= limit for count in cache.get_many(list(keys)).values())


def hit(*, keys: Iterable[str], window_seconds: int) -> None:
    """Count one more hit on each key."""
    for key in keys:
        # add() only starts the window; incr() never extends it.
        cache.add(key, 0, timeout=window_seconds)
        try:
            cache.incr(key)
        except ValueError:
            # The window ended between add() and incr(): this hit opens a new one.
            cache.set(key, 1, timeout=window_seconds)

"""Who is connected to which live reveal right now: kept where the fan-out lives, never in the
database.

With the Redis channel layer (``REDIS_URL``) presence is one sorted set per session in the same
Redis, shared by every worker process: a member per open connection (``<user id> <channel
name>``) scored with the moment it stops counting. A connection refreshes its score every
``HEARTBEAT``; a worker that dies without saying goodbye stops counting ``PRESENCE_TTL`` after
its last beat, and the key itself expires when nobody beats any more. Under the in-memory
channel layer (one process, tests and ``make run``) the same lives in a dict of this process.

Calls are synchronous: the live services read presence inside the session's row lock, so a
connection that joined before a change took the lock is always counted in it (reading outside
the lock could let a later state say "not present" about someone already there). One Redis
round trip each, on loopback well under a millisecond. The Redis client is redis-py's own
(``redis.Redis.from_url``, public API; channels_redis uses redis-py too).

Times come from ``django.utils.timezone.now()``, so the test clock moves presence too.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from functools import cache
from typing import Protocol
from uuid import UUID

from django.conf import settings
from django.utils import timezone

# How often an open connection refreshes its presence; it counts for three beats after its last.
HEARTBEAT = timedelta(seconds=getattr(settings, "LIVE_HEARTBEAT_SECONDS", 20))
PRESENCE_TTL = 3 * HEARTBEAT


def _now() -> float:
    return timezone.now().timestamp()


class PresenceStore(Protocol):
    def join(self, *, session_id: UUID, user_id: UUID, channel_name: str) -> None: ...
    def beat(self, *, session_id: UUID, user_id: UUID, channel_name: str) -> bool: ...
    def leave(self, *, session_id: UUID, user_id: UUID, channel_name: str) -> bool: ...
    def present(self, *, session_id: UUID) -> set[UUID]: ...
    def channels(self, *, session_id: UUID) -> dict[str, UUID]: ...
    def forget_session(self, *, session_id: UUID) -> None: ...
    def sessions_of(self, *, user_id: UUID) -> set[UUID]: ...
    def leave_user(self, *, session_id: UUID, user_id: UUID) -> int: ...


class MemoryPresence:
    """One process's presence, for the in-memory channel layer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # session id -> channel name -> (user id, expires at)
        self._sessions: dict[UUID, dict[str, tuple[UUID, float]]] = {}

    def join(self, *, session_id: UUID, user_id: UUID, channel_name: str) -> None:
        with self._lock:
            self._sessions.setdefault(UUID(str(session_id)), {})[channel_name] = (
                UUID(str(user_id)),
                _now() + PRESENCE_TTL.total_seconds(),
            )

    def beat(self, *, session_id: UUID, user_id: UUID, channel_name: str) -> bool:
        """Refresh an existing entry; False when it is gone (left, or the session ended)."""
        with self._lock:
            channels = self._sessions.get(UUID(str(session_id)), {})
            if channel_name not in channels:
                return False
            channels[channel_name] = (UUID(str(user_id)), _now() + PRESENCE_TTL.total_seconds())
            return True

    def leave(self, *, session_id: UUID, user_id: UUID, channel_name: str) -> bool:
        with self._lock:
            channels = self._sessions.get(UUID(str(session_id)), {})
            removed = channels.pop(channel_name, None) is not None
            if not channels:
                self._sessions.pop(UUID(str(session_id)), None)
            return removed

    def channels(self, *, session_id: UUID) -> dict[str, UUID]:
        """Every connection that still counts: channel name -> user id (expired ones dropped)."""
        now = _now()
        with self._lock:
            channels = self._sessions.get(UUID(str(session_id)), {})
            for name in [name for name, (_u, until) in channels.items() if until <= now]:
                del channels[name]
            return {name: user_id for name, (user_id, _until) in channels.items()}

    def present(self, *, session_id: UUID) -> set[UUID]:
        return set(self.channels(session_id=session_id).values())

    def forget_session(self, *, session_id: UUID) -> None:
        with self._lock:
            self._sessions.pop(UUID(str(session_id)), None)

    def sessions_of(self, *, user_id: UUID) -> set[UUID]:
        """Sessions where ``user_id`` may have a connection (possibly expired ones too)."""
        with self._lock:
            return {
                session_id
                for session_id, channels in self._sessions.items()
                if any(user == user_id for user, _until in channels.values())
            }

    def leave_user(self, *, session_id: UUID, user_id: UUID) -> int:
        """Every connection of ``user_id`` leaves the session; how many counted until now."""
        counted = [
            name for name, user in self.channels(session_id=session_id).items() if user == user_id
        ]
        with self._lock:
            channels = self._sessions.get(UUID(str(session_id)), {})
            for name in [name for name, (user, _u) in channels.items() if user == user_id]:
                del channels[name]
        return len(counted)

    def clear(self) -> None:
        with self._lock:
            self._sessions.clear()


class RedisPresence:
    """Presence shared by every worker process through Redis (one sorted set per session)."""

    def __init__(self, url: str, prefix: str) -> None:
        import redis

        self.redis = redis.Redis.from_url(url, socket_timeout=5)
        self.prefix = prefix

    def _key(self, session_id: UUID) -> str:
        return f"{self.prefix}:presence:{session_id}"

    def _user_key(self, user_id: UUID) -> str:
        # The sessions a person has connections in: what a revocation walks through.
        return f"{self.prefix}:presence-user:{user_id}"

    def _write(
        self, session_id: UUID, user_id: UUID, channel_name: str, *, existing_only: bool
    ) -> int:
        key, user_key = self._key(session_id), self._user_key(user_id)
        until = _now() + PRESENCE_TTL.total_seconds()
        # Both keys outlive their last beat by one TTL, then Redis removes them by itself.
        expiry = int(PRESENCE_TTL.total_seconds()) * 2
        pipe = self.redis.pipeline(transaction=False)
        pipe.zadd(key, {f"{user_id} {channel_name}": until}, xx=existing_only, ch=True)
        pipe.expire(key, expiry)
        pipe.sadd(user_key, str(session_id))
        pipe.expire(user_key, expiry)
        changed, *_rest = pipe.execute()
        return changed

    def join(self, *, session_id: UUID, user_id: UUID, channel_name: str) -> None:
        self._write(session_id, user_id, channel_name, existing_only=False)

    def beat(self, *, session_id: UUID, user_id: UUID, channel_name: str) -> bool:
        return bool(self._write(session_id, user_id, channel_name, existing_only=True))

    def sessions_of(self, *, user_id: UUID) -> set[UUID]:
        return {UUID(value.decode()) for value in self.redis.smembers(self._user_key(user_id))}

    def leave_user(self, *, session_id: UUID, user_id: UUID) -> int:
        mine = [
            f"{user_id} {name}"
            for name, user in self.channels(session_id=session_id).items()
            if user == user_id
        ]
        return self.redis.zrem(self._key(session_id), *mine) if mine else 0

    def leave(self, *, session_id: UUID, user_id: UUID, channel_name: str) -> bool:
        return bool(self.redis.zrem(self._key(session_id), f"{user_id} {channel_name}"))

    def channels(self, *, session_id: UUID) -> dict[str, UUID]:
        key = self._key(session_id)
        now = _now()
        pipe = self.redis.pipeline(transaction=False)
        pipe.zremrangebyscore(key, "-inf", now)
        pipe.zrangebyscore(key, f"({now}", "+inf")
        _removed, members = pipe.execute()
        result = {}
        for member in members:
            user_id, channel_name = member.decode().split(" ", 1)
            result[channel_name] = UUID(user_id)
        return result

    def present(self, *, session_id: UUID) -> set[UUID]:
        return set(self.channels(session_id=session_id).values())

    def forget_session(self, *, session_id: UUID) -> None:
        self.redis.delete(self._key(session_id))


@cache
def store() -> PresenceStore:
    """This process's presence store: Redis with the Redis channel layer, else memory."""
    backend = settings.CHANNEL_LAYERS["default"]["BACKEND"]
    if backend.startswith("channels_redis."):
        config = settings.CHANNEL_LAYERS["default"]["CONFIG"]
        return RedisPresence(settings.REDIS_URL, config.get("prefix", "asgi"))
    return MemoryPresence()

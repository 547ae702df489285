"""Counting wrong invite codes per person and per IP address (``project.ratelimit``).

A fixed window: the first wrong code starts a 15-minute window and the tenth wrong code within
it locks further guesses until the window ends.
"""

from django.utils.translation import gettext as _

from project.errors import RateLimited
from project.ratelimit import hit, limit_reached

GUESS_LIMIT = 10
GUESS_WINDOW_SECONDS = 15 * 60


def _keys(*, user_id: object, client_ip: str | None) -> list[str]:
    keys = [f"pairing:guesses:user:{user_id}"]
    if client_ip:
        keys.append(f"pairing:guesses:ip:{client_ip}")
    return keys


def guesses_check(*, user_id: object, client_ip: str | None) -> None:
    """Refuse before looking the code up when this person or address guessed too often."""
    if limit_reached(keys=_keys(user_id=user_id, client_ip=client_ip), limit=GUESS_LIMIT):
        raise RateLimited(message=_("Too many wrong codes. Wait 15 minutes, then try again."))


def guesses_record_wrong(*, user_id: object, client_ip: str | None) -> None:
    hit(keys=_keys(user_id=user_id, client_ip=client_ip), window_seconds=GUESS_WINDOW_SECONDS)

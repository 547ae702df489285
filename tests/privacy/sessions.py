"""Bring a couple session to a revealed first prompt through the sessions app's own services."""

from __future__ import annotations

from sessions import services as session_services
from sessions.models import CoupleSession


def reveal_first_prompt(session: CoupleSession, first, second) -> None:
    """Both partners connect and say ready: the first prompt is revealed to both."""
    for number, user in enumerate((first, second)):
        session_services.reveal_join(
            user=user, session_id=session.id, channel_name=f"test-channel-{number}"
        )
    for user in (first, second):
        session_services.reveal_ready(user=user, session_id=session.id)

"""Put a person into each safety state straight through safety's services, for tests in other
apps (the sessions no-leak comparison): ``from tests.safety.helpers import ...``."""

from accounts.models import User
from safety import services
from safety.content import QUESTION_IDS


def give_ok_check_in(user: User) -> None:
    """A fresh check-in with every answer "no": the person may do couple exercises."""
    services.check_in_submit(user=user, alone=True, answers=dict.fromkeys(QUESTION_IDS, "no"))


def screen_positive(user: User) -> None:
    """A fresh check-in with one "yes": the person's couple exercises are paused."""
    answers = {**dict.fromkeys(QUESTION_IDS, "no"), "afraid": "yes"}
    services.check_in_submit(user=user, alone=True, answers=answers)


def screen_urgent(user: User) -> None:
    """A fresh check-in with a "yes" on a danger item: urgent, and paused."""
    answers = {**dict.fromkeys(QUESTION_IDS, "no"), "strangled": "yes"}
    services.check_in_submit(user=user, alone=True, answers=answers)


def rather_not_say(user: User) -> None:
    """A fresh check-in answered "I'd rather not say" throughout: help shown, nothing paused."""
    services.check_in_submit(
        user=user, alone=True, answers=dict.fromkeys(QUESTION_IDS, "rather_not_say")
    )


def report_unsafe(user: User, note: str = "") -> None:
    """ "I don't feel safe": the person's couple exercises are paused."""
    services.report_create(user=user, note=note)

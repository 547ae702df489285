"""The demo cast that ``seed_demo`` creates: the same people the test suite uses."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from .models import User


@dataclass(frozen=True)
class DemoPerson:
    key: str
    display_name: str
    role: str
    is_therapist: bool = False
    is_staff: bool = False
    is_superuser: bool = False

    @property
    def email(self) -> str:
        return f"{self.key}@example.com"


CAST = [
    DemoPerson("anna", "Anna", "partner of Bram"),
    DemoPerson("bram", "Bram", "partner of Anna"),
    DemoPerson("cas", "Cas", "single, not yet paired"),
    DemoPerson("thea", "Thea", "therapist", is_therapist=True),
    DemoPerson("eva", "Eva", "content editor", is_staff=True),
    DemoPerson("admin", "Admin", "administrator", is_superuser=True),
]


@transaction.atomic
def demo_user_ensure(
    *, person: DemoPerson, reset_password: bool = False
) -> tuple[User, str | None]:
    """Create (or find) a demo person with a verified email. Returns the new password, if any."""
    user = User.objects.filter(email=person.email).first()
    password = None
    if user is None:
        password = secrets.token_urlsafe(9)
        create = User.objects.create_superuser if person.is_superuser else User.objects.create_user
        user = create(
            email=person.email,
            password=password,
            display_name=person.display_name,
            is_therapist=person.is_therapist,
            is_staff=person.is_staff or person.is_superuser,
        )
    elif reset_password:
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=person.email, defaults={"verified": True, "primary": True}
    )
    return user, password


DemoStep = Callable[[dict[str, User]], object]
_demo_steps: list[DemoStep] = []


def on_demo_seeded(step: DemoStep) -> None:
    """``step(users)`` runs after ``seed_demo`` made the cast (``users`` by key). Apps above
    accounts register what their part of the demo needs in their ``AppConfig.ready()``."""
    _demo_steps.append(step)


def demo_steps_run(*, users: dict[str, User]) -> None:
    for step in _demo_steps:
        step(users)

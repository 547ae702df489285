"""Measures (issue 22): a linked therapist sees a partner's pulse trend only while that partner
consents, per therapist link; the partner gives and takes back that consent at any moment."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from pairing.selectors import active_couple_for, couple_members
from project.errors import Conflict
from pulse.selectors import pulse_trend

from .models import TherapistConsent, TherapistLinkStatus
from .selectors import live_therapist_link, therapist_couple_access


def _my_consent(*, user: User, for_update: bool = False) -> TherapistConsent:
    """My consent row on my couple's active therapist link, or 409 ``no_therapist``."""
    couple = active_couple_for(user=user)
    link = live_therapist_link(couple=couple) if couple else None
    consent = None
    if link is not None and link.status == TherapistLinkStatus.ACTIVE:
        consents = TherapistConsent.objects.filter(link=link, user=user)
        if for_update:
            consents = consents.select_for_update()
        consent = consents.first()
    if consent is None:
        raise Conflict("no_therapist", _("You have no therapist linked to share this with."))
    return consent


def measures_consent_state(*, user: User) -> dict[str, Any]:
    consent = _my_consent(user=user)
    return {"consented": consent.pulse_shared_at is not None, "since": consent.pulse_shared_at}


@transaction.atomic
def measures_consent_give(*, user: User) -> dict[str, Any]:
    """Let our therapist see my pulse trend (again: no change)."""
    consent = _my_consent(user=user, for_update=True)
    if consent.pulse_shared_at is None:
        consent.pulse_shared_at = timezone.now()
        consent.save(update_fields=["pulse_shared_at"])
    return {"consented": True, "since": consent.pulse_shared_at}


@transaction.atomic
def measures_consent_withdraw(*, user: User) -> None:
    """Take it back, at once: the therapist's next look shows nothing."""
    consent = _my_consent(user=user, for_update=True)
    consent.pulse_shared_at = None
    consent.save(update_fields=["pulse_shared_at"])


def therapist_couple_measures(*, therapist: User, couple_id: UUID) -> dict[str, Any]:
    """Each partner of a linked couple: whether they consent, and only then their trend. A
    fixed number of queries: the link, the members, the consents, one trend per partner."""
    link = therapist_couple_access(therapist=therapist, couple_id=couple_id)
    members = couple_members(couple=link.couple)
    consented = set(
        TherapistConsent.objects.filter(link=link, pulse_shared_at__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    return {
        "partners": [
            {
                "display_name": member.display_name,
                "consented": member.pk in consented,
                "trend": pulse_trend(user_id=member.pk) if member.pk in consented else None,
            }
            for member in members
        ]
    }

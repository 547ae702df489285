"""The therapist-link part of a person's export (privacy rule 6).

A partner gets the consents they gave (and links they ended): which therapist, when, and how the
link stands. A therapist gets the links they issued: dates and state, and the partners' display
names only while the link is active, which is exactly what the therapist reads in the app then.
Codes are never exported (only a keyed digest is stored).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from accounts.models import User

from .models import TherapistLink, TherapistLinkStatus
from .selectors import couple_members, therapist_card


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _link_dates(link: TherapistLink, user: User) -> dict[str, Any]:
    return {
        "id": str(link.id),
        "status": link.status,
        "created_at": link.created_at.isoformat(),
        "activated_at": _iso(link.activated_at),
        "ended_at": _iso(link.ended_at),
        "ended_by_me": link.ended_by_id == user.pk,
    }


def therapist_links_export(user: User) -> dict[str, Any]:
    links_as_partner = (
        TherapistLink.objects.filter(Q(consents__user=user) | Q(ended_by=user))
        .exclude(therapist=user)
        .select_related("therapist__therapist_application")
        .distinct()
        .order_by("created_at")
    )
    consented = dict(user.therapist_consents.values_list("link_id", "accepted_at"))
    links_as_therapist = TherapistLink.objects.filter(therapist=user).order_by("created_at")
    return {
        "my_therapists": [
            {
                **_link_dates(link, user),
                "therapist": therapist_card(therapist=link.therapist),
                "accepted_at": _iso(consented.get(link.pk)),
            }
            for link in links_as_partner
        ],
        "links_i_issued": [
            {
                **_link_dates(link, user),
                "expires_at": link.expires_at.isoformat(),
                "couple": str(link.couple_id) if link.couple_id else None,
                "partners": (
                    [
                        {"display_name": member.display_name}
                        for member in couple_members(couple=link.couple)
                    ]
                    if link.status == TherapistLinkStatus.ACTIVE and link.couple.ended_at is None
                    else []
                ),
            }
            for link in links_as_therapist.select_related("couple")
        ],
    }

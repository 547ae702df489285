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
from pairing.selectors import couple_members

from .models import (
    Assignment,
    ClinicalNote,
    SessionShare,
    TherapistApplication,
    TherapistLink,
    TherapistLinkStatus,
)
from .selectors import therapist_card


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
    pulse_shared = dict(user.therapist_consents.values_list("link_id", "pulse_shared_at"))
    links_as_therapist = TherapistLink.objects.filter(therapist=user).order_by("created_at")
    return {
        "my_therapists": [
            {
                **_link_dates(link, user),
                "therapist": therapist_card(therapist=link.therapist),
                "accepted_at": _iso(consented.get(link.pk)),
                "pulse_trend_shared_since": _iso(pulse_shared.get(link.pk)),
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
                    if link.status == TherapistLinkStatus.ACTIVE and link.couple.is_active
                    else []
                ),
            }
            for link in links_as_therapist.select_related("couple")
        ],
    }


def _assignment(assignment: Assignment) -> dict[str, Any]:
    return {
        "id": str(assignment.id),
        "couple": str(assignment.couple_id),
        "exercise": assignment.exercise.slug,
        "note": assignment.note,
        "due_on": assignment.due_on.isoformat() if assignment.due_on else None,
        "created_at": assignment.created_at.isoformat(),
        "withdrawn_at": _iso(assignment.withdrawn_at),
    }


def assignments_export(user: User) -> dict[str, Any]:
    """Which sessions I shared with a therapist (or, as a therapist, partners shared with me),
    the assignments my couples received and, for a therapist, the assignments I gave (their
    notes are theirs).

    A therapist's export lists shares as pointers (session and date) without the answers: the
    answers are the partner's, read in the app while the share lasts, and an export file would
    keep a copy after the partner takes the share back.
    """
    return {
        "shared_with_therapist": [
            {"session": str(share.session_id), "shared_at": share.shared_at.isoformat()}
            for share in SessionShare.objects.filter(user=user).order_by("shared_at")
        ],
        "shared_with_me": [
            {"session": str(share.session_id), "shared_at": share.shared_at.isoformat()}
            for share in SessionShare.objects.filter(therapist=user).order_by("shared_at")
        ],
        "assignments": [
            _assignment(assignment)
            for assignment in Assignment.objects.filter(couple__members__user=user)
            .select_related("exercise")
            .order_by("created_at")
        ],
        "assignments_given": [
            _assignment(assignment)
            for assignment in Assignment.objects.filter(therapist=user)
            .select_related("exercise")
            .order_by("created_at")
        ],
    }


def therapist_application_export(user: User) -> dict[str, Any] | None:
    # Whether and when it was verified is the applicant's; which admin verified it is staff
    # bookkeeping (and about someone else), so ``verified_by`` stays out.
    application = TherapistApplication.objects.filter(user=user).first()
    if application is None:
        return None
    return {
        "name": application.name,
        "practice": application.practice,
        "registration_number": application.registration_number,
        "country": application.country,
        "created_at": application.created_at.isoformat(),
        "verified_at": application.verified_at.isoformat() if application.verified_at else None,
    }


def clinical_notes_export(user: User) -> list[dict[str, Any]]:
    """A therapist's own private notes, with the couple they are about (by id; the names are in
    ``links_i_issued`` while the link lasts). Nobody else's export ever holds them."""
    return [
        {
            "id": str(note.id),
            "couple": str(note.couple_id),
            "created_at": note.created_at.isoformat(),
            "updated_at": note.updated_at.isoformat(),
            "text": note.body,
        }
        for note in ClinicalNote.objects.filter(therapist=user).order_by("created_at")
    ]

"""Writes for the therapist's practice: private clinical notes, and "I have looked at this
couple's file" (what came after is new on the caseload)."""

from __future__ import annotations

from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from pairing.selectors import couple_members
from project.errors import Invalid, NotFound
from safety.selectors import reports_shared_with_therapist_by

from .caseload_selectors import clinical_notes
from .models import ClinicalNote, TherapistLink
from .selectors import therapist_couple_access

NOTE_MAX_LENGTH = 10_000


def _note_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Invalid(fields={"text": [_("Write something first.")]})
    if len(text) > NOTE_MAX_LENGTH:
        raise Invalid(
            fields={"text": [_("Keep it under %(limit)s characters.") % {"limit": NOTE_MAX_LENGTH}]}
        )
    return text


@transaction.atomic
def clinical_note_create(*, therapist: User, couple_id: UUID, text: str) -> ClinicalNote:
    """A private note about a couple I am actively linked to; nobody else ever reads it."""
    link = therapist_couple_access(therapist=therapist, couple_id=couple_id)
    return ClinicalNote.objects.create(
        therapist=therapist, couple=link.couple, body=_note_text(text)
    )


def _my_note(*, therapist: User, couple_id: UUID, note_id: UUID) -> ClinicalNote:
    note = clinical_notes(therapist=therapist, couple_id=couple_id).filter(pk=note_id).first()
    if note is None:
        raise NotFound()
    return note


@transaction.atomic
def clinical_note_update(
    *, therapist: User, couple_id: UUID, note_id: UUID, text: str
) -> ClinicalNote:
    note = _my_note(therapist=therapist, couple_id=couple_id, note_id=note_id)
    note.body = _note_text(text)
    note.save(update_fields=["body", "updated_at"])
    return note


@transaction.atomic
def clinical_note_delete(*, therapist: User, couple_id: UUID, note_id: UUID) -> None:
    _my_note(therapist=therapist, couple_id=couple_id, note_id=note_id).delete()


@transaction.atomic
def couple_file_seen(*, therapist: User, couple_id: UUID) -> TherapistLink:
    """The therapist opened this couple's file: shares and shared reports until now are no
    longer new on the caseload."""
    link = therapist_couple_access(therapist=therapist, couple_id=couple_id)
    members = couple_members(couple=link.couple)
    link.seen_at = timezone.now()
    link.seen_report_ids = [
        str(report.id)
        for report in reports_shared_with_therapist_by({member.pk: link.id for member in members})
    ]
    link.save(update_fields=["seen_at", "seen_report_ids"])
    return link

"""Private clinical notes and the record for the clinical file: a note is its author's only,
encrypted at rest, in the author's export, erased with the author's account, and never reaches
the couple, another therapist or support. The record holds what the therapist may see, no
answer or report text."""

import json

import pytest
from django.contrib import admin
from django.db import connection
from django.test import Client
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from privacy.selectors import user_export
from tests.factories import ANNA_MARKER, answered_session, password_of, reveal_all, therapist_link
from tests.mfa import give_totp
from therapists.assignment_services import assignment_create, session_share
from therapists.models import ClinicalNote

NOTE_MARKER = "clinical-note-marker-4be1"


def notes_url(couple) -> str:
    return f"/api/therapist/couples/{couple.pk}/notes/"


@pytest.fixture
def note(linked, client_for, thea_mfa, anna_and_bram) -> dict:
    response = client_for(thea_mfa).post(
        notes_url(anna_and_bram), {"text": f"Eerste gesprek {NOTE_MARKER}"}, format="json"
    )
    assert response.status_code == 201
    return response.json()


def test_the_therapist_writes_and_reads_a_note(note, client_for, thea_mfa, anna_and_bram):
    [read] = client_for(thea_mfa).get(notes_url(anna_and_bram)).json()

    assert read["id"] == note["id"]
    assert read["text"] == f"Eerste gesprek {NOTE_MARKER}"


def test_a_note_is_encrypted_at_rest(note):
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM therapists_clinicalnote")
        [(stored,)] = cursor.fetchall()

    assert NOTE_MARKER not in stored
    assert ClinicalNote.objects.get().body.endswith(NOTE_MARKER)


def test_the_therapist_rewrites_and_deletes_a_note(note, client_for, thea_mfa, anna_and_bram):
    client = client_for(thea_mfa)
    url = f"{notes_url(anna_and_bram)}{note['id']}/"

    changed = client.patch(url, {"text": "Herschreven"}, format="json")
    assert (changed.status_code, changed.json()["text"]) == (200, "Herschreven")
    assert client.delete(url).status_code == 204
    assert client.get(notes_url(anna_and_bram)).json() == []


@pytest.mark.parametrize("text", ["", "   ", "x" * 10_001])
def test_an_empty_or_too_long_note_is_a_400(linked, client_for, thea_mfa, anna_and_bram, text):
    response = client_for(thea_mfa).post(notes_url(anna_and_bram), {"text": text}, format="json")

    assert response.status_code == 400
    assert "text" in response.json()["fields"]
    assert not ClinicalNote.objects.exists()


def test_a_note_without_text_is_a_400(linked, client_for, thea_mfa, anna_and_bram):
    response = client_for(thea_mfa).post(notes_url(anna_and_bram), {}, format="json")

    assert response.status_code == 400
    assert "text" in response.json()["fields"]


def test_the_next_therapist_of_the_couple_never_reads_the_notes(
    note, client_for, anna, bram, anna_and_bram
):
    assert client_for(anna).delete("/api/pairing/therapist/").status_code == 204
    tom = User.objects.create_user(
        email="tom@example.com", password="tom-Secret-Pass-1", display_name="Tom", is_therapist=True
    )
    give_totp(tom)
    therapist_link(tom, anna, bram)

    response = client_for(tom).get(notes_url(anna_and_bram))

    assert response.status_code == 200
    assert response.json() == []
    assert client_for(tom).get(f"{notes_url(anna_and_bram)}{note['id']}/").status_code == 405
    assert (
        client_for(tom)
        .patch(f"{notes_url(anna_and_bram)}{note['id']}/", {"text": "x"}, format="json")
        .status_code
        == 404
    )


def test_notes_are_in_the_therapists_export_and_in_no_partners(note, thea_mfa, anna, bram):
    assert NOTE_MARKER in json.dumps(user_export(thea_mfa), default=str)
    for partner in (anna, bram):
        assert NOTE_MARKER not in json.dumps(user_export(partner), default=str)


def test_notes_are_erased_with_the_therapists_account(note, thea_mfa, client_for):
    response = client_for(thea_mfa).delete(
        "/api/me/", {"password": password_of(thea_mfa)}, format="json"
    )

    assert response.status_code == 204
    assert not User.objects.filter(pk=thea_mfa.pk).exists()
    assert not ClinicalNote.objects.exists()


def test_support_never_sees_a_note_in_the_admin(note, db):
    root = User.objects.create_superuser(
        email="root@example.com", password="root-Secret-Pass-1", display_name="Root"
    )
    client = Client()
    client.force_login(root)
    pages = []
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        for obj in model._default_manager.all()[:20]:
            try:
                pages.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
            except NoReverseMatch:
                continue

    assert ClinicalNote not in admin.site._registry
    for page in pages:
        response = client.get(page, follow=True)
        assert response.status_code in (200, 403), page
        assert NOTE_MARKER not in response.content.decode(), page


# ---- the record for the clinical file -------------------------------------------------------


def test_the_record_holds_consents_assignments_dates_and_notes_without_answers(
    note, client_for, thea_mfa, anna, bram, anna_and_bram, version
):
    assignment = assignment_create(
        therapist=thea_mfa,
        couple_id=anna_and_bram.pk,
        exercise_slug=version.exercise.slug,
        note="Voor het dossier",
    )
    session = answered_session(version, anna, bram)
    assignment.sessions.add(session)
    reveal_all(session, anna, bram)
    session_share(user=anna, session_id=session.pk)

    response = client_for(thea_mfa).get(f"/api/therapist/couples/{anna_and_bram.pk}/record/")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    record = response.json()
    assert record["format"] == "tweespraak-record"
    assert [c["display_name"] for c in record["consent"]["consents"]] == ["Anna", "Bram"]
    assert all(c["accepted_at"] for c in record["consent"]["consents"])
    [item] = record["assignments"]
    assert item["note"] == "Voor het dossier"
    assert item["completed_at"] is not None
    assert item["sessions"][0]["shared"][0]["display_name"] == "Anna"
    assert [n["text"] for n in record["notes"]] == [f"Eerste gesprek {NOTE_MARKER}"]
    assert ANNA_MARKER not in response.content.decode()
    assert record["timeline"]

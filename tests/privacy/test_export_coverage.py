"""Every foreign key that points at a person has a place in that person's export (privacy
rule 6), and a planted row of each one really shows up there.

``COVERED`` names, per ``app.Model.field``, whose export shows the row and under which key;
``NOT_PERSONAL`` lists the few documented exemptions (docs/privacy.md, "Export").
"""

from __future__ import annotations

import json

from allauth.usersessions.models import UserSession
from django.apps import apps
from django.core.management import call_command
from django.db import models

from accounts.models import User
from exercises.models import Exercise, ExerciseVersion
from notifications.models import Channel, Event, OutboxMessage, PushSubscription
from pulse.items import ITEM_IDS
from pulse.services import pulse_record
from sessions import daily_services
from sessions import services as session_services
from tests.factories import (
    ANNA_MARKER,
    BRAM_MARKER,
    answered_session,
    fresh_check_in,
    link,
    publish,
    reauthenticate,
    report_unsafe,
    reveal_all,
    therapist_link,
)
from tests.mfa import give_totp
from therapists.assignment_services import assignment_create, session_share
from therapists.caseload_services import clinical_note_create
from therapists.models import TherapistApplication
from therapists.services import therapist_link_end_by_partner

ASSIGNMENT_NOTE = "THEA-NOTE-MARKER-51b0"
CLINICAL_NOTE = "THEA-CLINICAL-NOTE-MARKER-0c7d"

# app.Model.field -> (whose export, section, key)
COVERED: dict[str, tuple[str, str, str]] = {
    "account.EmailAddress.user": ("anna", "profile", "email_addresses"),
    "usersessions.UserSession.user": ("anna", "profile", "signed_in_devices"),
    "mfa.Authenticator.user": ("thea", "profile", "authenticators"),
    "therapists.TherapistApplication.user": ("thea", "profile", "therapist_application"),
    "pairing.CoupleMember.user": ("anna", "pairing", "couples"),
    "pairing.PartnerInvite.inviter": ("anna", "pairing", "invites"),
    "therapists.TherapistLink.therapist": ("thea", "therapist_links", "links_i_issued"),
    "therapists.TherapistLink.ended_by": ("bram", "therapist_links", "my_therapists"),
    "therapists.TherapistConsent.user": ("anna", "therapist_links", "my_therapists"),
    "couple_sessions.CoupleSession.started_by": ("anna", "exercises", "sessions"),
    "couple_sessions.SessionParticipant.user": ("anna", "exercises", "sessions"),
    "couple_sessions.Answer.user": ("anna", "exercises", "sessions"),
    "couple_sessions.SessionReaction.user": ("anna", "exercises", "reactions_sent"),
    "couple_sessions.CoupleSession.owner": ("anna", "exercises", "sessions"),
    "couple_sessions.DailyAnswer.user": ("anna", "exercises", "daily_answers"),
    "couple_sessions.DailyReaction.user": ("anna", "exercises", "daily_reactions_sent"),
    "therapists.SessionShare.user": ("anna", "exercises", "shared_with_therapist"),
    "therapists.SessionShare.therapist": ("thea", "exercises", "shared_with_me"),
    "therapists.Assignment.therapist": ("thea", "exercises", "assignments_given"),
    "therapists.ClinicalNote.therapist": ("thea", "therapist_links", "clinical_notes"),
    "safety.SafetyCheckIn.user": ("anna", "safety", "check_ins"),
    "safety.SafetyReport.user": ("anna", "safety", "reports"),
    "safety.SafetyState.user": ("anna", "safety", "pause"),
    "notifications.PushSubscription.user": ("anna", "notifications", "push_subscriptions"),
    "notifications.NotificationPreference.user": ("anna", "notifications", "preferences"),
    "notifications.OutboxMessage.user": ("anna", "notifications", "outbox"),
    "pulse.PulseEntry.user": ("anna", "pulse", "entries"),
}

# Rows that are not *about* the person: staff bookkeeping (Django's admin log, which admin
# published a library version or verified a therapist).
NOT_PERSONAL = {
    "admin.LogEntry.user",
    "exercises.ExerciseVersion.published_by",
    "exercises.ExerciseVersion.approved_by",
    "exercises.ExerciseVersion.submitted_by",
    "exercises.ExerciseReview.submitted_by",
    "exercises.ExerciseReview.decided_by",
    "safety.HelpResource.verified_by",
    "therapists.TherapistApplication.verified_by",
}


def user_foreign_keys() -> dict[str, tuple[type[models.Model], str]]:
    return {
        f"{model._meta.label}.{field.name}": (model, field.attname)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is User
    }


def test_every_foreign_key_to_a_person_is_exported_or_a_documented_exemption():
    found = set(user_foreign_keys())

    assert sorted(found - set(COVERED) - NOT_PERSONAL) == []
    # And no stale entries: the lists describe the models as they are.
    assert sorted((set(COVERED) | NOT_PERSONAL) - found) == []


def test_the_exemptions_are_documented():
    from pathlib import Path

    privacy = (Path(__file__).resolve().parents[2] / "docs" / "privacy.md").read_text()
    for label in NOT_PERSONAL:
        assert f"`{label}`" in privacy, label


def plant_a_row_for_every_foreign_key(anna, bram, thea, client_for) -> None:
    fresh_check_in(anna)
    fresh_check_in(bram)
    couple = link(anna, bram)
    give_totp(thea)
    TherapistApplication.objects.create(
        user=thea, name="Thea", practice="Praktijk", registration_number="12345678", country="NL"
    )
    therapist_link(thea, anna, bram)
    assignment_create(
        therapist=thea,
        couple_id=couple.id,
        exercise_slug=publish().exercise.slug,
        note=ASSIGNMENT_NOTE,
    )
    clinical_note_create(therapist=thea, couple_id=couple.id, text=CLINICAL_NOTE)
    # reveal_all joins both partners and nobody leaves: anna's connection still has its
    # presence row.
    session = reveal_all(answered_session(publish("tweede"), anna, bram), anna, bram)
    session_share(user=anna, session_id=session.id)
    session_services.reveal_react(
        user=anna,
        session_id=session.id,
        prompt_id=session.version.prompts.first().id,
        reaction="thanks",
    )
    solo = publish("voor-mezelf")
    Exercise.objects.filter(pk=solo.exercise_id).update(audience="solo")
    ExerciseVersion.objects.filter(pk=solo.pk).update(audience="solo")
    session_services.session_start(user=anna, exercise_slug="voor-mezelf")
    call_command("daily_questions")
    daily_services.daily_answer_save(user=anna, value="Anna's day")
    daily_services.daily_answer_save(user=bram, value="Bram's day")
    daily_services.daily_react(user=anna, reaction="thanks")
    pulse_record(user=anna, answers=dict.fromkeys(ITEM_IDS, 3), note="", share_with_partner=True)
    report_unsafe(anna)
    PushSubscription.objects.create(
        user=anna,
        endpoint="https://fcm.googleapis.com/fcm/send/anna",
        p256dh="ANNA-P256-KEY",
        auth="ANNA-AUTH-KEY",
    )
    preferences = client_for(anna).patch(
        "/api/notifications/preferences/", {"weekly_reminder": True}, format="json"
    )
    assert preferences.status_code == 200, preferences.content
    OutboxMessage.objects.create(
        user=anna, channel=Channel.EMAIL, event=Event.PARTNER_STARTED, payload={"path": "/s/x"}
    )
    therapist_link_end_by_partner(user=bram)


def test_a_planted_row_of_every_covered_foreign_key_is_in_its_owners_export(
    anna, bram, thea, client_for
):
    plant_a_row_for_every_foreign_key(anna, bram, thea, client_for)
    people = {"anna": anna, "bram": bram, "thea": thea}
    exports = {}
    for key, user in people.items():
        client = client_for(user)
        reauthenticate(client, user)
        response = client.get("/api/me/export/")
        assert response.status_code == 200
        exports[key] = json.loads(response.content)
    foreign_keys = user_foreign_keys()

    missing = []
    for label, (owner, section, key) in COVERED.items():
        model, attname = foreign_keys[label]
        assert model._default_manager.filter(**{attname: people[owner].pk}).exists(), label
        if exports[owner][section][key] in (None, [], {}):
            missing.append(label)

    assert missing == []
    assert UserSession.objects.filter(user=anna).exists()


def test_a_therapists_export_holds_their_notes_and_links_but_no_answers(
    anna, bram, thea, client_for
):
    plant_a_row_for_every_foreign_key(anna, bram, thea, client_for)
    client = client_for(thea)
    reauthenticate(client, thea)
    body = client.get("/api/me/export/").content.decode()
    export = json.loads(body)

    assert ASSIGNMENT_NOTE in body
    assert [note["text"] for note in export["therapist_links"]["clinical_notes"]] == [CLINICAL_NOTE]
    assert [link["status"] for link in export["therapist_links"]["links_i_issued"]] == ["ended"]
    assert export["exercises"]["shared_with_me"][0].keys() == {"session", "shared_at"}
    # anna shared her answers with thea, but they are anna's: read in the app, never exported.
    assert ANNA_MARKER not in body
    assert BRAM_MARKER not in body
    assert export["exercises"]["sessions"] == []


def test_a_partners_export_names_the_therapist_and_who_ended_the_link(anna, bram, thea, client_for):
    plant_a_row_for_every_foreign_key(anna, bram, thea, client_for)
    exports = {}
    for user in (anna, bram):
        client = client_for(user)
        reauthenticate(client, user)
        exports[user.display_name] = client.get("/api/me/export/").json()

    annas = exports["Anna"]["therapist_links"]["my_therapists"]
    brams = exports["Bram"]["therapist_links"]["my_therapists"]
    assert [(link["therapist"], link["ended_by_me"]) for link in annas] == [
        ({"display_name": "Thea", "practice": "Praktijk"}, False)
    ]
    assert [link["ended_by_me"] for link in brams] == [True]
    assert annas[0]["accepted_at"] is not None
    assert exports["Anna"]["therapist_links"]["links_i_issued"] == []
    # thea's private notes about them are hers alone.
    for export in exports.values():
        assert export["therapist_links"]["clinical_notes"] == []
        assert CLINICAL_NOTE not in json.dumps(export)


def test_notifications_show_the_push_host_only_and_none_of_my_partners(
    anna, bram, thea, client_for
):
    plant_a_row_for_every_foreign_key(anna, bram, thea, client_for)
    PushSubscription.objects.create(
        user=bram, endpoint="https://updates.push.services.mozilla.com/bram", p256dh="Q", auth="B"
    )
    OutboxMessage.objects.create(
        user=bram, channel=Channel.PUSH, event=Event.READY_TO_REVEAL, payload={"path": "/s/b"}
    )
    client = client_for(anna)
    reauthenticate(client, anna)
    body = client.get("/api/me/export/").content.decode()
    notifications = json.loads(body)["notifications"]

    assert [device["push_service"] for device in notifications["push_subscriptions"]] == [
        "fcm.googleapis.com"
    ]
    for credential in ("/fcm/send/anna", "ANNA-P256-KEY", "ANNA-AUTH-KEY"):
        assert credential not in body
    assert "mozilla" not in body
    assert notifications["preferences"]["weekly_reminder"] is True
    # Services may queue more of anna's own rows; the planted one is there, bram's is not.
    assert ("partner_started", "/s/x") in [
        (row["event"], row["path"]) for row in notifications["outbox"]
    ]
    assert "/s/b" not in body

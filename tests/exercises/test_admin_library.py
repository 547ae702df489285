import html
import re

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from exercises.models import DraftPrompt, Exercise, ExerciseVersion, Status
from exercises.services import (
    CONTENT_EDITORS,
    SAFETY_CHECKLIST_KEYS,
    content_editors_group_ensure,
    exercise_review_approve,
    exercise_submit_for_review,
)
from tests.factories import build_draft, build_editor, publish_reviewed
from tests.mfa import sign_in_with_two_step

CHANGELIST = reverse("admin:exercises_exercise_changelist")
LIBRARY_MODELS = {
    ("exercises", "exercise"),
    ("exercises", "draftprompt"),
    ("exercises", "exerciseversion"),
    ("exercises", "prompt"),
    ("safety", "helpresource"),
}


@pytest.fixture
def library_editor(eva):
    eva.groups.add(content_editors_group_ensure())
    return sign_in_with_two_step(Client(), eva)


def _act(client: Client, action: str, *exercises: Exercise, confirmed: bool = True):
    data = {"action": action, ACTION_CHECKBOX_NAME: [str(e.pk) for e in exercises]}
    if confirmed:
        data["confirmed"] = "yes"
    return client.post(CHANGELIST, data, follow=True)


def test_the_group_is_created_once_and_holds_only_library_permissions(db):
    group = content_editors_group_ensure()
    again = content_editors_group_ensure()

    assert group.pk == again.pk
    assert group.name == CONTENT_EDITORS
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("exercises", "change_exercise") in granted
    assert ("exercises", "change_draftprompt") in granted
    assert ("exercises", "view_exerciseversion") in granted
    assert ("exercises", "change_exerciseversion") not in granted
    assert {(app, codename.split("_", 1)[1]) for app, codename in granted} <= LIBRARY_MODELS


def test_eva_can_reach_the_library_admin(library_editor, draft_exercise):
    exercise = draft_exercise()
    assert library_editor.get(CHANGELIST).status_code == 200
    assert (
        library_editor.get(
            reverse("admin:exercises_exercise_change", args=[exercise.pk])
        ).status_code
        == 200
    )
    assert library_editor.get(reverse("admin:exercises_exercise_add")).status_code == 200
    assert (
        library_editor.get(reverse("admin:exercises_exerciseversion_changelist")).status_code == 200
    )


def test_eva_gets_403_on_users(library_editor, anna):
    assert library_editor.get(reverse("admin:accounts_user_changelist")).status_code == 403
    assert (
        library_editor.get(reverse("admin:accounts_user_change", args=[anna.pk])).status_code == 403
    )


def test_eva_cannot_open_any_other_admin_page(library_editor):
    # Couples, answers and safety data included, whichever exist; an app may answer 404 to hide
    # that a page exists at all, which keeps eva out just as well.
    others = [
        model
        for model in admin.site._registry
        if (model._meta.app_label, model._meta.model_name) not in LIBRARY_MODELS
    ]
    assert others
    for model in others:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert library_editor.get(url).status_code in (403, 404), url


def test_a_staff_member_outside_the_group_cannot_see_the_library(eva):
    client = sign_in_with_two_step(Client(), eva)
    assert client.get(CHANGELIST).status_code == 403


def test_publish_asks_for_confirmation_first(library_editor, draft_exercise):
    exercise = draft_exercise()

    response = _act(library_editor, "publish", exercise, confirmed=False)

    assert response.status_code == 200
    assert b"Yes, I am sure" in response.content or b"Ja, ik weet het zeker" in response.content
    exercise.refresh_from_db()
    assert exercise.status == Status.DRAFT


def test_publish_without_a_second_editors_approval_is_refused(library_editor, draft_exercise):
    exercise = draft_exercise()

    response = _act(library_editor, "publish", exercise)

    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1
    assert shown[0].startswith("grenzen-voelen: ")
    exercise.refresh_from_db()
    assert exercise.status == Status.DRAFT
    assert not ExerciseVersion.objects.filter(exercise=exercise).exists()


def test_publish_after_approval_and_confirmation_makes_a_version(
    library_editor, eva, draft_exercise
):
    exercise = draft_exercise()
    review = exercise_submit_for_review(exercise=exercise, by=build_editor("writer"))
    exercise_review_approve(
        review=review, by=build_editor("reviewer"), checklist=SAFETY_CHECKLIST_KEYS
    )

    _act(library_editor, "publish", exercise)

    exercise.refresh_from_db()
    assert exercise.status == Status.PUBLISHED
    assert exercise.current_version.published_by == eva
    assert exercise.current_version.approved_by.email == "reviewer@example.com"


def test_the_admin_refuses_to_publish_an_incomplete_exercise_and_says_why(
    library_editor, draft_exercise
):
    exercise = draft_exercise()
    DraftPrompt.objects.filter(exercise=exercise, position=2).update(min=5, max=5)

    confirm = _act(library_editor, "publish", exercise, confirmed=False)
    response = _act(library_editor, "publish", exercise)

    assert "scale" in confirm.content.decode().lower() or "schaal" in confirm.content.decode()
    exercise.refresh_from_db()
    assert exercise.status == Status.DRAFT
    assert not ExerciseVersion.objects.filter(exercise=exercise).exists()
    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1
    assert shown[0].startswith("grenzen-voelen: ")


def test_unpublish_archive_and_duplicate_actions(library_editor, draft_exercise):
    exercise = draft_exercise()
    publish_reviewed(exercise)

    _act(library_editor, "unpublish", exercise)
    exercise.refresh_from_db()
    assert exercise.status == Status.DRAFT

    _act(library_editor, "duplicate", exercise)
    assert Exercise.objects.filter(slug="grenzen-voelen-copy", status=Status.DRAFT).exists()

    _act(library_editor, "archive", exercise)
    exercise.refresh_from_db()
    assert exercise.status == Status.ARCHIVED


def test_the_old_admin_preview_leads_to_the_one_preview_in_the_app(library_editor, draft_exercise):
    exercise = draft_exercise()
    url = reverse("admin:exercises_exercise_preview", args=[exercise.pk])

    english = library_editor.get(url, {"language": "en"})
    dutch = library_editor.get(url)

    assert english.status_code == 302
    assert english["Location"] == f"/preview/{exercise.pk}/en"
    assert dutch["Location"] == f"/preview/{exercise.pk}/nl"
    # What that screen reads: the draft, in the language asked for.
    api = f"/api/exercises/preview/{exercise.pk}/"
    english_data = library_editor.get(api, {"language": "en"})
    dutch_data = library_editor.get(api, {"language": "nl"})
    assert english_data.status_code == dutch_data.status_code == 200
    assert "When did you feel a boundary?" in english_data.content.decode()
    assert "Wanneer voelde je een grens?" in dutch_data.content.decode()


def test_the_old_admin_preview_is_refused_to_a_partner_with_staff_rights(anna, draft_exercise):
    anna.is_staff = True
    anna.save(update_fields=["is_staff"])
    client = sign_in_with_two_step(Client(), anna)
    exercise = draft_exercise()

    response = client.get(reverse("admin:exercises_exercise_preview", args=[exercise.pk]))

    assert response.status_code == 403


def test_every_link_on_the_exercise_change_page_answers_an_editor(library_editor, draft_exercise):
    exercise = draft_exercise()
    publish_reviewed(exercise)
    # Live with changes: the page offers compare as well as the preview and the history.
    Exercise.objects.filter(pk=exercise.pk).update(title_en="A changed title")
    page = library_editor.get(reverse("admin:exercises_exercise_change", args=[exercise.pk]))
    assert page.status_code == 200

    links = set(re.findall(r'<a [^>]*href="([^"#][^"]*)"', page.content.decode()))
    local = sorted(
        html.unescape(link) for link in links if link.startswith("/") and not link.startswith("//")
    )

    assert f"/preview/{exercise.pk}/nl" in local
    assert f"/preview/{exercise.pk}/en" in local
    assert reverse("admin:exercises_exercise_compare", args=[exercise.pk]) in local
    answers = {link: library_editor.get(link).status_code for link in local}
    assert {link: code for link, code in answers.items() if code != 200} == {}


def test_version_history_is_read_only(library_editor, draft_exercise):
    exercise = draft_exercise()
    version = publish_reviewed(exercise)
    url = reverse("admin:exercises_exerciseversion_change", args=[version.pk])

    page = library_editor.get(url)
    library_editor.post(url, {"title_en": "Tampered"})

    assert page.status_code == 200
    assert "When did you feel a boundary?" in page.content.decode()
    version.refresh_from_db()
    assert version.title_en == "Title grenzen-voelen"
    change_page = library_editor.get(reverse("admin:exercises_exercise_change", args=[exercise.pk]))
    assert change_page.status_code == 200
    assert b"Title grenzen-voelen" in change_page.content


def test_the_missing_translation_filter(library_editor, db):
    complete = build_draft("compleet")
    no_english = build_draft("geen-engels")
    DraftPrompt.objects.filter(exercise=no_english, position=3).update(text_en="")
    no_dutch = build_draft("geen-nederlands")
    no_dutch.intro_nl = ""
    no_dutch.save()

    def listed(value: str) -> set[str]:
        response = library_editor.get(CHANGELIST, {"translation": value})
        return {exercise.slug for exercise in response.context["cl"].result_list}

    assert listed("missing") == {"geen-engels", "geen-nederlands"}
    assert listed("missing_en") == {"geen-engels"}
    assert listed("missing_nl") == {"geen-nederlands"}
    assert listed("complete") == {complete.slug}


def test_editors_can_search_and_filter_the_list(library_editor, db):
    build_draft("grenzen", "boundaries")
    build_draft("dank", "appreciation")

    def listed(**params) -> set[str]:
        response = library_editor.get(CHANGELIST, params)
        return {exercise.slug for exercise in response.context["cl"].result_list}

    assert listed(q="dank") == {"dank"}
    assert listed(theme__exact="boundaries") == {"grenzen"}
    assert listed(status__exact="draft") == {"grenzen", "dank"}


def test_eva_can_curate_help_resources(library_editor):
    group = content_editors_group_ensure()
    assert group.permissions.filter(
        content_type__app_label="safety", codename="change_helpresource"
    ).exists()
    assert library_editor.get(reverse("admin:safety_helpresource_changelist")).status_code == 200

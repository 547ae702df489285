"""The publication panel on an exercise's change page, used by two editors through the admin."""

import pytest
from django.test import Client
from django.urls import reverse

from exercises.models import DraftPrompt, ExerciseVersion, Status
from exercises.selectors import WorkflowStatus, exercise_workflow
from exercises.services import SAFETY_CHECKLIST_KEYS, content_editors_group_ensure
from tests.factories import build_editor, publish_reviewed, submitted_session
from tests.mfa import sign_in_with_two_step


def _editor_client(user) -> Client:
    user.groups.add(content_editors_group_ensure())
    return sign_in_with_two_step(Client(), user)


@pytest.fixture
def writer_client(eva):
    return _editor_client(eva)


@pytest.fixture
def fenna(db):
    return build_editor("fenna")


@pytest.fixture
def reviewer_client(fenna):
    return _editor_client(fenna)


def _step(client: Client, exercise, step: str, **data):
    url = reverse("admin:exercises_exercise_workflow", args=[exercise.pk, step])
    return client.post(url, data, follow=True)


def _change(client: Client, exercise):
    return client.get(reverse("admin:exercises_exercise_change", args=[exercise.pk]))


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _status(exercise) -> str:
    exercise.refresh_from_db()
    return exercise_workflow(exercise=exercise).status


def test_two_editors_submit_approve_and_publish_from_the_change_page(
    writer_client, reviewer_client, eva, fenna, draft_exercise
):
    exercise = draft_exercise()
    page = _change(writer_client, exercise).content.decode()
    assert 'data-status="draft"' in page

    submitted = _step(writer_client, exercise, "submit")
    assert submitted.status_code == 200
    assert _status(exercise) == WorkflowStatus.IN_REVIEW
    # The writer cannot approve their own submission: no checklist form for them.
    assert 'name="checklist"' not in _change(writer_client, exercise).content.decode()
    review = exercise.reviews.get()
    own = _step(
        writer_client, exercise, "approve", review=review.pk, checklist=SAFETY_CHECKLIST_KEYS
    )
    assert len(_messages(own)) == 1
    assert _status(exercise) == WorkflowStatus.IN_REVIEW

    reviewer_page = _change(reviewer_client, exercise).content.decode()
    assert reviewer_page.count('name="checklist"') == len(SAFETY_CHECKLIST_KEYS)
    partial = _step(
        reviewer_client, exercise, "approve", review=review.pk, checklist=SAFETY_CHECKLIST_KEYS[:7]
    )
    assert len(_messages(partial)) == 1
    assert _status(exercise) == WorkflowStatus.IN_REVIEW

    _step(reviewer_client, exercise, "approve", review=review.pk, checklist=SAFETY_CHECKLIST_KEYS)
    assert _status(exercise) == WorkflowStatus.APPROVED

    _step(writer_client, exercise, "publish")
    assert _status(exercise) == WorkflowStatus.LIVE
    version = exercise.current_version
    assert (version.published_by, version.approved_by, version.submitted_by) == (eva, fenna, eva)
    assert version.safety_checklist == list(SAFETY_CHECKLIST_KEYS)


def test_publish_from_the_change_page_without_approval_is_refused(writer_client, draft_exercise):
    exercise = draft_exercise()

    response = _step(writer_client, exercise, "publish")

    assert response.status_code == 200
    assert len(_messages(response)) == 1
    assert not ExerciseVersion.objects.filter(exercise=exercise).exists()


def test_send_back_shows_the_comment(writer_client, reviewer_client, draft_exercise):
    exercise = draft_exercise()
    _step(writer_client, exercise, "submit")
    review = exercise.reviews.get()

    _step(reviewer_client, exercise, "send_back", review=review.pk, comment="Prompt 2: te sturend.")

    assert _status(exercise) == WorkflowStatus.DRAFT
    assert "Prompt 2: te sturend." in _change(writer_client, exercise).content.decode()


def test_live_with_changes_compare_and_revert(writer_client, draft_exercise):
    exercise = draft_exercise()
    publish_reviewed(exercise)
    DraftPrompt.objects.filter(exercise=exercise, position=1).update(text_en="A new question?")

    page = _change(writer_client, exercise).content.decode()
    assert 'data-status="live_with_changes"' in page
    compare = writer_client.get(reverse("admin:exercises_exercise_compare", args=[exercise.pk]))
    assert compare.status_code == 200
    assert "A new question?" in compare.content.decode()
    assert "When did you feel a boundary?" in compare.content.decode()

    _step(writer_client, exercise, "revert")

    assert _status(exercise) == WorkflowStatus.LIVE
    assert exercise.draft_prompts.get(position=1).text_en == "When did you feel a boundary?"


def test_archive_shows_usage_is_read_only_and_can_be_restored(
    writer_client, anna, bram, anna_and_bram, version
):
    exercise = version.exercise
    submitted_session(anna, bram, version)
    url = reverse("admin:exercises_exercise_workflow", args=[exercise.pk, "archive"])

    confirm = writer_client.get(url)
    assert confirm.status_code == 200
    # open assignments, open sessions (sorted by name): the reader's language labels them.
    assert [count for _label, count in confirm.context["usage"]] == [0, 1]
    assert _status(exercise) == WorkflowStatus.LIVE

    writer_client.post(url, {"confirmed": "yes"})
    assert _status(exercise) == WorkflowStatus.ARCHIVED

    change_url = reverse("admin:exercises_exercise_change", args=[exercise.pk])
    page = writer_client.get(change_url)
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    writer_client.post(change_url, {"slug": "tampered", "title_en": "Tampered"})
    exercise.refresh_from_db()
    assert exercise.slug == "grenzen-voelen"

    _step(writer_client, exercise, "restore")
    assert exercise.__class__.objects.get(pk=exercise.pk).status == Status.DRAFT
    assert _change(writer_client, exercise).context["has_change_permission"] is True


def test_unpublish_asks_first_and_shows_usage(writer_client, draft_exercise):
    exercise = draft_exercise()
    publish_reviewed(exercise)
    url = reverse("admin:exercises_exercise_workflow", args=[exercise.pk, "unpublish"])

    confirm = writer_client.get(url)
    assert confirm.status_code == 200
    assert [count for _label, count in confirm.context["usage"]] == [0, 0]
    exercise.refresh_from_db()
    assert exercise.status == Status.PUBLISHED

    writer_client.post(url, {"confirmed": "yes"})
    exercise.refresh_from_db()
    assert exercise.status == Status.DRAFT


def test_published_by_is_plain_text_for_an_editor(writer_client, eva, draft_exercise):
    exercise = draft_exercise()
    version = publish_reviewed(exercise, by=eva)

    pages = [
        _change(writer_client, exercise),
        writer_client.get(reverse("admin:exercises_exerciseversion_change", args=[version.pk])),
        writer_client.get(reverse("admin:exercises_exerciseversion_changelist")),
    ]

    for page in pages:
        assert page.status_code == 200
        body = page.content.decode()
        assert "Eva" in body
        assert "/admin/accounts/user/" not in body


@pytest.mark.parametrize("step", ["submit", "publish", "restore", "archive"])
def test_workflow_steps_need_the_change_permission(client_for, cas, draft_exercise, step):
    exercise = draft_exercise()
    response = client_for(cas).post(
        reverse("admin:exercises_exercise_workflow", args=[exercise.pk, step])
    )
    assert response.status_code in (302, 403)
    assert _status(exercise) == WorkflowStatus.DRAFT

"""The publishing workflow: submit, a second editor's approval against the safety checklist,
publish only after it, no version for an unchanged draft, revert, archive usage, restore."""

import pytest
from django.utils import translation

from exercises.models import DraftPrompt, ExerciseVersion, ReviewDecision, Status
from exercises.selectors import WorkflowStatus, exercise_diff, exercise_workflow
from exercises.services import (
    SAFETY_CHECKLIST_KEYS,
    exercise_archive,
    exercise_publish,
    exercise_restore,
    exercise_revert_to_live,
    exercise_review_approve,
    exercise_review_send_back,
    exercise_submit_for_review,
    exercise_unpublish,
    exercise_usage,
)
from project.errors import Conflict, Forbidden, Invalid
from tests.factories import build_editor, publish_reviewed, submitted_session, therapist_link


@pytest.fixture
def writer(db):
    return build_editor("writer")


@pytest.fixture
def reviewer(db):
    return build_editor("reviewer")


def _status(exercise) -> str:
    exercise.refresh_from_db()
    return exercise_workflow(exercise=exercise).status


def test_the_whole_workflow_draft_review_approved_live(draft_exercise, writer, reviewer, eva):
    exercise = draft_exercise()
    assert _status(exercise) == WorkflowStatus.DRAFT

    review = exercise_submit_for_review(exercise=exercise, by=writer)
    assert _status(exercise) == WorkflowStatus.IN_REVIEW

    approved = exercise_review_approve(review=review, by=reviewer, checklist=SAFETY_CHECKLIST_KEYS)
    assert approved.decision == ReviewDecision.APPROVED
    assert _status(exercise) == WorkflowStatus.APPROVED

    version = exercise_publish(exercise=exercise, by=eva)
    assert version.number == 1
    assert version.approved_by == reviewer
    assert version.submitted_by == writer
    assert version.approved_at is not None
    assert version.safety_checklist == list(SAFETY_CHECKLIST_KEYS)
    assert _status(exercise) == WorkflowStatus.LIVE


def test_publish_without_a_second_editors_approval_is_refused(draft_exercise, writer, eva):
    exercise = draft_exercise()
    with pytest.raises(Conflict) as error:
        exercise_publish(exercise=exercise, by=eva)
    assert error.value.code == "approval_required"

    exercise_submit_for_review(exercise=exercise, by=writer)
    with pytest.raises(Conflict) as pending:
        exercise_publish(exercise=exercise, by=eva)
    assert pending.value.code == "approval_required"
    assert not ExerciseVersion.objects.filter(exercise=exercise).exists()


def test_the_second_editor_must_differ_from_the_submitter(draft_exercise, writer):
    review = exercise_submit_for_review(exercise=draft_exercise(), by=writer)

    with pytest.raises(Forbidden) as error:
        exercise_review_approve(review=review, by=writer, checklist=SAFETY_CHECKLIST_KEYS)

    assert error.value.code == "second_editor_required"
    review.refresh_from_db()
    assert review.decision == ReviewDecision.PENDING


@pytest.mark.parametrize("missing", SAFETY_CHECKLIST_KEYS)
def test_every_checklist_item_is_required(draft_exercise, writer, reviewer, missing):
    review = exercise_submit_for_review(exercise=draft_exercise(), by=writer)
    ticked = [key for key in SAFETY_CHECKLIST_KEYS if key != missing]

    with pytest.raises(Invalid) as error:
        exercise_review_approve(review=review, by=reviewer, checklist=ticked)

    assert error.value.code == "checklist_incomplete"
    review.refresh_from_db()
    assert review.decision == ReviewDecision.PENDING


def test_an_unknown_checklist_key_is_refused(draft_exercise, writer, reviewer):
    review = exercise_submit_for_review(exercise=draft_exercise(), by=writer)
    with pytest.raises(Invalid) as error:
        exercise_review_approve(
            review=review, by=reviewer, checklist=[*SAFETY_CHECKLIST_KEYS, "made_up"]
        )
    assert error.value.code == "checklist_incomplete"


def test_the_checklist_matches_the_content_guide():
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "content-guide.md").read_text()
    section = guide.split("## Safety checklist", 1)[1]
    numbered = [line for line in section.splitlines() if line[:2].rstrip(".").isdigit()]
    assert len(numbered) == len(SAFETY_CHECKLIST_KEYS) == 8


def test_an_edit_after_submission_makes_the_review_stale(draft_exercise, writer, reviewer, eva):
    exercise = draft_exercise()
    review = exercise_submit_for_review(exercise=exercise, by=writer)
    DraftPrompt.objects.filter(exercise=exercise, position=1).update(text_en="Changed after")

    with pytest.raises(Conflict) as error:
        exercise_review_approve(review=review, by=reviewer, checklist=SAFETY_CHECKLIST_KEYS)
    assert error.value.code == "review_stale"
    assert _status(exercise) == WorkflowStatus.DRAFT


def test_an_edit_after_approval_needs_a_new_approval(draft_exercise, writer, reviewer, eva):
    exercise = draft_exercise()
    review = exercise_submit_for_review(exercise=exercise, by=writer)
    exercise_review_approve(review=review, by=reviewer, checklist=SAFETY_CHECKLIST_KEYS)
    exercise.title_en = "Sneaked in after approval"
    exercise.save()

    with pytest.raises(Conflict) as error:
        exercise_publish(exercise=exercise, by=eva)
    assert error.value.code == "approval_required"


def test_send_back_needs_a_comment_and_shows_it(draft_exercise, writer, reviewer):
    exercise = draft_exercise()
    review = exercise_submit_for_review(exercise=exercise, by=writer)
    with pytest.raises(Invalid) as error:
        exercise_review_send_back(review=review, by=reviewer, comment="  ")
    assert error.value.code == "comment_required"

    exercise_review_send_back(review=review, by=reviewer, comment="Prompt 2 asks about fear.")

    exercise.refresh_from_db()
    workflow = exercise_workflow(exercise=exercise)
    assert workflow.status == WorkflowStatus.DRAFT
    assert workflow.last_sent_back.comment == "Prompt 2 asks about fear."
    with pytest.raises(Conflict) as decided:
        exercise_review_approve(review=review, by=reviewer, checklist=SAFETY_CHECKLIST_KEYS)
    assert decided.value.code == "review_decided"


def test_submit_refuses_a_draft_that_fails_the_check(draft_exercise, writer):
    exercise = draft_exercise()
    DraftPrompt.objects.filter(exercise=exercise, position=1).update(help_text_en="")
    DraftPrompt.objects.filter(exercise=exercise, position=2).update(text_en="")

    with pytest.raises(Invalid) as error:
        exercise_submit_for_review(exercise=exercise, by=writer)
    assert error.value.code == "translation_missing"


def test_an_unchanged_draft_publishes_no_new_version(draft_exercise, writer, eva):
    exercise = draft_exercise()
    publish_reviewed(exercise)
    exercise.refresh_from_db()

    with pytest.raises(Conflict) as submit:
        exercise_submit_for_review(exercise=exercise, by=writer)
    assert submit.value.code == "nothing_changed"
    with pytest.raises(Conflict) as publish:
        exercise_publish(exercise=exercise, by=eva)
    assert publish.value.code == "nothing_changed"
    assert ExerciseVersion.objects.filter(exercise=exercise).count() == 1

    exercise_unpublish(exercise=exercise)
    again = exercise_publish(exercise=exercise, by=eva)
    assert again.number == 1
    assert ExerciseVersion.objects.filter(exercise=exercise).count() == 1
    assert _status(exercise) == WorkflowStatus.LIVE


def test_an_edit_shows_live_with_changes_and_the_diff(draft_exercise):
    exercise = draft_exercise()
    publish_reviewed(exercise)
    exercise.refresh_from_db()
    assert exercise_diff(exercise=exercise) == []

    exercise.title_en = "A better title"
    exercise.save()
    DraftPrompt.objects.filter(exercise=exercise, position=1).update(text_en="Changed?")

    assert _status(exercise) == WorkflowStatus.LIVE_WITH_CHANGES
    with translation.override("en"):
        rows = {row.label: (row.live, row.draft) for row in exercise_diff(exercise=exercise)}
    assert rows["title (en)"] == ("Title grenzen-voelen", "A better title")
    assert rows["Prompt 1: text (en)"] == ("When did you feel a boundary?", "Changed?")
    assert len(rows) == 2


def test_revert_brings_the_draft_back_to_live(draft_exercise):
    exercise = draft_exercise()
    version = publish_reviewed(exercise)
    exercise.refresh_from_db()
    exercise.title_en = "A better title"
    exercise.save()
    DraftPrompt.objects.filter(exercise=exercise, position=4).delete()
    assert _status(exercise) == WorkflowStatus.LIVE_WITH_CHANGES

    exercise_revert_to_live(exercise=exercise)

    exercise.refresh_from_db()
    assert exercise.title_en == version.title_en
    assert exercise.draft_prompts.count() == 4
    assert _status(exercise) == WorkflowStatus.LIVE
    assert ExerciseVersion.objects.filter(exercise=exercise).count() == 1


def test_revert_without_a_live_version_is_refused(draft_exercise):
    with pytest.raises(Conflict) as error:
        exercise_revert_to_live(exercise=draft_exercise())
    assert error.value.code == "not_published"


def test_usage_counts_open_sessions_and_assignments(
    anna, bram, anna_and_bram, dirk, ella, dirk_and_ella, thea_mfa, version
):
    from therapists.assignment_services import assignment_create

    exercise = version.exercise
    assert exercise_usage(exercise=exercise) == {"open_assignments": 0, "open_sessions": 0}

    submitted_session(anna, bram, version)
    link = therapist_link(thea_mfa, dirk, ella)
    assignment_create(therapist=thea_mfa, couple_id=link.couple_id, exercise_slug=exercise.slug)

    assert exercise_usage(exercise=exercise) == {"open_assignments": 1, "open_sessions": 1}
    exercise_archive(exercise=exercise)
    assert exercise_usage(exercise=exercise) == {"open_assignments": 1, "open_sessions": 1}


def test_restore_brings_an_archived_exercise_back_as_a_draft(draft_exercise, eva):
    exercise = draft_exercise()
    publish_reviewed(exercise)
    exercise_archive(exercise=exercise)
    assert _status(exercise) == WorkflowStatus.ARCHIVED

    exercise_restore(exercise=exercise)

    exercise.refresh_from_db()
    assert exercise.status == Status.DRAFT
    with pytest.raises(Conflict) as error:
        exercise_restore(exercise=exercise)
    assert error.value.code == "exercise_not_archived"
    assert exercise_publish(exercise=exercise, by=eva).number == 1
    assert _status(exercise) == WorkflowStatus.LIVE

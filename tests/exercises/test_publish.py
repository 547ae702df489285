import pytest

from exercises.models import DraftPrompt, ExerciseVersion, Prompt, Status
from exercises.services import (
    exercise_archive,
    exercise_duplicate_as_draft,
    exercise_publish,
    exercise_unpublish,
)
from project.errors import Conflict
from tests.factories import publish_reviewed


def _snapshot(version: ExerciseVersion) -> tuple:
    version.refresh_from_db()
    prompts = list(
        Prompt.objects.filter(version=version)
        .order_by("position")
        .values("id", "position", "kind", "text_nl", "text_en", "min", "max", "options")
    )
    return (version.number, version.title_nl, version.title_en, version.intro_en, prompts)


def test_publishing_makes_version_one_with_the_draft_prompts(draft_exercise, eva):
    exercise = draft_exercise()

    version = publish_reviewed(exercise, by=eva)

    exercise.refresh_from_db()
    assert exercise.status == Status.PUBLISHED
    assert exercise.current_version == version
    assert version.number == 1
    assert version.published_by == eva
    assert version.title_en == exercise.title_en
    assert [p.position for p in version.prompts.order_by("position")] == [1, 2, 3, 4]
    assert [p.kind for p in version.prompts.order_by("position")] == [
        "text",
        "scale",
        "choice",
        "multi",
    ]


def test_editing_a_published_exercise_changes_only_its_draft(draft_exercise):
    exercise = draft_exercise()
    v1 = publish_reviewed(exercise)
    before = _snapshot(v1)
    exercise.refresh_from_db()

    exercise.title_en = "A better title"
    exercise.save()
    DraftPrompt.objects.filter(exercise=exercise, position=1).update(text_en="Changed?")
    DraftPrompt.objects.filter(exercise=exercise, position=4).delete()

    assert _snapshot(v1) == before
    exercise.refresh_from_db()
    assert exercise.current_version == v1


def test_publishing_again_makes_version_two_and_leaves_version_one_untouched(draft_exercise):
    exercise = draft_exercise()
    v1 = publish_reviewed(exercise)
    before = _snapshot(v1)
    exercise.refresh_from_db()
    exercise.title_en = "A better title"
    exercise.save()
    DraftPrompt.objects.filter(exercise=exercise, position=1).update(text_en="Changed?")

    v2 = publish_reviewed(exercise)

    assert v2.number == 2
    assert v2.pk != v1.pk
    assert v2.title_en == "A better title"
    assert v2.prompts.get(position=1).text_en == "Changed?"
    assert set(v1.prompts.values_list("id", flat=True)).isdisjoint(
        v2.prompts.values_list("id", flat=True)
    )
    assert _snapshot(v1) == before
    exercise.refresh_from_db()
    assert exercise.current_version == v2


def test_publishing_renumbers_prompt_positions_without_gaps(draft_exercise):
    exercise = draft_exercise()
    DraftPrompt.objects.filter(exercise=exercise, position=2).update(position=20)

    version = publish_reviewed(exercise)

    assert list(version.prompts.order_by("position").values_list("position", "kind")) == [
        (1, "text"),
        (2, "choice"),
        (3, "multi"),
        (4, "scale"),
    ]


def test_unpublish_takes_it_out_but_keeps_its_versions(draft_exercise):
    exercise = draft_exercise()
    version = publish_reviewed(exercise)

    exercise_unpublish(exercise=exercise)

    exercise.refresh_from_db()
    assert exercise.status == Status.DRAFT
    assert ExerciseVersion.objects.filter(pk=version.pk).exists()


def test_unpublishing_a_draft_is_refused(draft_exercise):
    with pytest.raises(Conflict) as error:
        exercise_unpublish(exercise=draft_exercise())
    assert error.value.code == "exercise_not_published"


def test_an_archived_exercise_cannot_be_published_or_archived_again(draft_exercise):
    exercise = draft_exercise()
    publish_reviewed(exercise)
    exercise_archive(exercise=exercise)
    exercise.refresh_from_db()
    assert exercise.status == Status.ARCHIVED

    with pytest.raises(Conflict) as error:
        exercise_publish(exercise=exercise)
    assert error.value.code == "exercise_archived"
    with pytest.raises(Conflict):
        exercise_archive(exercise=exercise)


def test_duplicate_is_a_new_draft_with_copied_prompts(draft_exercise):
    exercise = draft_exercise()
    publish_reviewed(exercise)

    copy = exercise_duplicate_as_draft(exercise=exercise)
    second = exercise_duplicate_as_draft(exercise=exercise)

    assert copy.status == Status.DRAFT
    assert copy.current_version is None
    assert copy.slug == "grenzen-voelen-copy"
    assert second.slug == "grenzen-voelen-copy-2"
    assert copy.title_nl == exercise.title_nl
    assert list(copy.draft_prompts.values_list("kind", "text_en", "options")) == list(
        exercise.draft_prompts.values_list("kind", "text_en", "options")
    )
    assert not copy.draft_prompts.filter(pk__in=exercise.draft_prompts.values("pk")).exists()

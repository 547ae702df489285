import pytest
from django.utils import translation

from exercises.models import DraftPrompt, ExerciseVersion, Status
from exercises.services import ExercisePublishError, exercise_publish
from tests.factories import publish_reviewed


def _refused_codes(exercise) -> list[str]:
    with pytest.raises(ExercisePublishError) as error:
        exercise_publish(exercise=exercise)
    exercise.refresh_from_db()
    assert exercise.status == Status.DRAFT
    assert not ExerciseVersion.objects.filter(exercise=exercise).exists()
    return [problem.code for problem in error.value.problems]


def test_a_complete_draft_publishes(draft_exercise):
    assert publish_reviewed(draft_exercise()).number == 1


def test_an_exercise_without_prompts_is_refused(draft_exercise):
    exercise = draft_exercise()
    exercise.draft_prompts.all().delete()
    assert _refused_codes(exercise) == ["no_prompts"]


@pytest.mark.parametrize(
    "field", ["title_nl", "title_en", "summary_nl", "summary_en", "intro_nl", "intro_en"]
)
def test_an_empty_exercise_translation_is_refused(draft_exercise, field):
    exercise = draft_exercise()
    setattr(exercise, field, "   ")
    exercise.save()
    assert _refused_codes(exercise) == ["translation_missing"]


@pytest.mark.parametrize("field", ["text_nl", "text_en"])
def test_a_prompt_without_a_translation_is_refused(draft_exercise, field):
    exercise = draft_exercise()
    DraftPrompt.objects.filter(exercise=exercise, position=1).update(**{field: ""})
    assert _refused_codes(exercise) == ["translation_missing"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_option_label_missing_in_one_language_is_refused(draft_exercise, language):
    exercise = draft_exercise()
    prompt = exercise.draft_prompts.get(position=3)
    prompt.options[1][f"label_{language}"] = ""
    prompt.save()
    assert _refused_codes(exercise) == ["translation_missing"]


def test_a_scale_label_in_one_language_only_is_refused(draft_exercise):
    exercise = draft_exercise()
    DraftPrompt.objects.filter(exercise=exercise, position=2).update(max_label_en="")
    assert _refused_codes(exercise) == ["translation_missing"]


@pytest.mark.parametrize(("low", "high"), [(5, 5), (5, 1), (None, 5), (1, None)])
def test_a_scale_without_min_below_max_is_refused(draft_exercise, low, high):
    exercise = draft_exercise()
    DraftPrompt.objects.filter(exercise=exercise, position=2).update(min=low, max=high)
    assert _refused_codes(exercise) == ["scale_range_invalid"]


@pytest.mark.parametrize("position", [3, 4])
def test_a_choice_with_fewer_than_two_options_is_refused(draft_exercise, position):
    exercise = draft_exercise()
    prompt = exercise.draft_prompts.get(position=position)
    prompt.options = prompt.options[:1]
    prompt.save()
    assert _refused_codes(exercise) == ["too_few_options"]


def test_duplicate_option_values_are_refused(draft_exercise):
    exercise = draft_exercise()
    prompt = exercise.draft_prompts.get(position=4)
    prompt.options[2]["value"] = prompt.options[0]["value"]
    prompt.save()
    assert _refused_codes(exercise) == ["option_values_not_unique"]


@pytest.mark.parametrize(
    "options", [{"value": "x"}, ["a", "b"], [{"label_nl": "a", "label_en": "a"}] * 2]
)
def test_malformed_options_are_refused(draft_exercise, options):
    exercise = draft_exercise()
    DraftPrompt.objects.filter(exercise=exercise, position=3).update(options=options)
    assert "options_invalid" in _refused_codes(exercise)


def test_every_problem_is_reported_at_once_with_the_first_as_code(draft_exercise):
    exercise = draft_exercise()
    exercise.title_en = ""
    exercise.save()
    DraftPrompt.objects.filter(exercise=exercise, position=2).update(min=3, max=1)

    with translation.override("en"), pytest.raises(ExercisePublishError) as error:
        exercise_publish(exercise=exercise)

    assert error.value.code == "translation_missing"
    assert [p.code for p in error.value.problems] == ["translation_missing", "scale_range_invalid"]
    assert "Prompt 2" in error.value.message


def test_refusal_messages_are_translated_to_dutch(draft_exercise):
    exercise = draft_exercise()
    exercise.draft_prompts.all().delete()
    with translation.override("nl"), pytest.raises(ExercisePublishError) as error:
        exercise_publish(exercise=exercise)
    assert error.value.message == "Een oefening heeft minstens één vraag nodig."


def test_a_missing_language_is_named_in_the_message(draft_exercise):
    exercise = draft_exercise()
    DraftPrompt.objects.filter(exercise=exercise, position=3).update(text_nl="")
    with translation.override("nl"), pytest.raises(ExercisePublishError) as error:
        exercise_publish(exercise=exercise)
    assert error.value.message == "Vraag 3 heeft geen Nederlandse tekst."


def test_a_help_text_in_one_language_only_fails_the_check(draft_exercise):
    exercise = draft_exercise()
    DraftPrompt.objects.filter(exercise=exercise, position=1).update(help_text_en="")

    with pytest.raises(ExercisePublishError) as error:
        exercise_publish(exercise=exercise)

    assert [problem.code for problem in error.value.problems] == ["translation_missing"]
    assert "help text" in error.value.problems[0].message or "toelichting" in (
        error.value.problems[0].message
    )

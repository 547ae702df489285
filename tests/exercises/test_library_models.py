import pytest
from django.db import IntegrityError
from django.utils import timezone

from exercises.models import Exercise, ExerciseVersion, Prompt, PromptKind, Theme, localized


@pytest.mark.django_db
def test_it_reads_each_language_from_the_same_version():
    exercise = Exercise.objects.create(slug="grenzen", theme=Theme.BOUNDARIES)
    version = ExerciseVersion.objects.create(
        exercise=exercise,
        number=1,
        published_at=timezone.now(),
        theme=exercise.theme,
        title_nl="Grenzen",
        title_en="Boundaries",
    )
    prompt = Prompt.objects.create(
        version=version, position=1, kind=PromptKind.TEXT, text_nl="Wat?", text_en="What?"
    )

    assert localized(version, "title", "en") == "Boundaries"
    assert localized(prompt, "text", "nl") == "Wat?"
    assert localized(prompt, "text", "xx") == "Wat?"


@pytest.mark.django_db
def test_it_refuses_two_versions_with_the_same_number():
    exercise = Exercise.objects.create(slug="grenzen", theme=Theme.BOUNDARIES)
    ExerciseVersion.objects.create(
        exercise=exercise, number=1, published_at=timezone.now(), theme=exercise.theme
    )
    with pytest.raises(IntegrityError):
        ExerciseVersion.objects.create(
            exercise=exercise, number=1, published_at=timezone.now(), theme=exercise.theme
        )

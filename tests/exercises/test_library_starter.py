from django.core.management import call_command

from accounts.models import User
from exercises.models import LANGUAGES, Exercise, PromptKind, Status
from exercises.selectors import exercise_library
from exercises.services import CONTENT_EDITORS, exercise_publish_problems

TEXT_FIELDS = ("title", "summary", "intro")


def test_the_starter_library_is_published_complete_and_varied(db):
    call_command("library", "import", "exercises/starter_library.json")

    exercises = list(
        Exercise.objects.filter(status=Status.PUBLISHED).select_related("current_version")
    )
    assert len(exercises) >= 12
    themes = {exercise.theme for exercise in exercises}
    assert len(themes) >= 10
    for exercise in exercises:
        version = exercise.current_version
        assert exercise_publish_problems(exercise=exercise) == [], exercise.slug
        for field in TEXT_FIELDS:
            for lang in LANGUAGES:
                assert getattr(version, f"{field}_{lang}").strip(), (exercise.slug, field, lang)
        # "A few sentences" of introduction in both languages.
        assert version.intro_nl.count(".") >= 2
        assert version.intro_en.count(".") >= 2
        prompts = list(version.prompts.all())
        assert 3 <= len(prompts) <= 8, exercise.slug
        for prompt in prompts:
            assert prompt.text_nl.strip()
            assert prompt.text_en.strip()
        assert len({prompt.kind for prompt in prompts}) >= 3, exercise.slug
    every_kind = {p.kind for e in exercises for p in e.current_version.prompts.all()}
    assert every_kind == set(PromptKind.values)
    assert len(exercise_library(language="nl")) == len(exercise_library(language="en")) >= 12


def test_the_seed_command_puts_eva_in_the_content_editors_group(db):
    call_command("seed_demo")

    eva = User.objects.get(email="eva@example.com")
    assert eva.groups.filter(name=CONTENT_EDITORS).exists()
    assert eva.has_perm("exercises.change_exercise")
    assert not eva.has_perm("accounts.view_user")

"""Issue 24: a library worth coming back to. At least thirty published exercises, complete in
Dutch and English, each with a theme, minutes, a level and an introduction; every prompt that
is revealed carries a question to talk about together in both languages, every scale names both
ends, and every choice leaves room for an answer the options miss. Running the import again on
a database with older content brings it up to date."""

import json
from pathlib import Path

from django.core.management import call_command

from exercises.models import LANGUAGES, Exercise, Level, PromptKind, Status, Theme
from exercises.selectors import exercise_detail, exercise_library
from exercises.services import exercise_publish_problems

STARTER = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"
# Options that let a person answer when none of the others fits.
ESCAPES = {"other", "unsure", "depends", "varies", "none"}
ARTICLE_THEMES = {
    Theme.SAFETY_WITHIN,
    Theme.BOUNDARIES,
    Theme.TRIGGER_OR_BOUNDARY,
    Theme.SELF_REGULATION,
    Theme.OWN_NEEDS,
    Theme.CONNECTION_IN_FRICTION,
    Theme.CHILDHOOD,
    Theme.CLOSENESS_AUTONOMY,
}
EVERYDAY_THEMES = {Theme.APPRECIATION, Theme.FUN, Theme.DREAMS, Theme.DAILY_LIFE, Theme.REPAIR}


def _starter() -> list[dict]:
    return json.loads(STARTER.read_text())["exercises"]


def test_at_least_thirty_exercises_are_published_complete_in_both_languages(db):
    call_command("library", "import", str(STARTER))

    published = list(
        Exercise.objects.filter(status=Status.PUBLISHED).select_related("current_version")
    )
    assert len(published) >= 30
    for exercise in published:
        version = exercise.current_version
        assert exercise_publish_problems(exercise=exercise) == [], exercise.slug
        assert version.level in Level.values, exercise.slug
        assert version.minutes > 0
        for lang in LANGUAGES:
            assert version.intro_nl.count(".") >= 2 and version.intro_en.count(".") >= 2
            for prompt in version.prompts.all():
                assert getattr(prompt, f"text_{lang}").strip(), (exercise.slug, prompt.position)
                if version.audience == "couple":
                    # Solo exercises are never revealed: nobody talks about them together.
                    assert getattr(prompt, f"talk_about_{lang}").strip(), (exercise.slug, lang)
                if prompt.kind == PromptKind.SCALE:
                    assert getattr(prompt, f"min_label_{lang}").strip(), exercise.slug
                    assert getattr(prompt, f"max_label_{lang}").strip(), exercise.slug
    assert len(exercise_library(language="nl")) == len(exercise_library(language="en")) >= 30


def test_the_library_covers_the_articles_themes_and_everyday_connection():
    themes = {item["theme"] for item in _starter() if item["status"] == "published"}
    assert themes >= ARTICLE_THEMES
    assert themes >= EVERYDAY_THEMES


def test_the_library_has_light_and_deeper_exercises():
    levels = [item["level"] for item in _starter()]
    assert levels.count("light") >= 10
    assert levels.count("deeper") >= 10


def test_every_choice_leaves_room_for_an_answer_the_options_miss():
    missing = [
        f"{item['slug']}#{position}"
        for item in _starter()
        for position, prompt in enumerate(item["prompts"], start=1)
        if prompt["kind"] in ("choice", "multi")
        and not ESCAPES & {option["value"] for option in prompt["options"]}
    ]
    assert missing == []


def test_the_detail_gives_each_prompt_its_cue_and_scale_ends_in_the_readers_language(db):
    call_command("library", "import", str(STARTER))

    dutch = exercise_detail(slug="zelf-tot-rust-komen", language="nl")
    english = exercise_detail(slug="zelf-tot-rust-komen", language="en")

    assert dutch["level"] == english["level"] == "light"
    assert dutch["audience"] == "couple"
    scale = english["prompts"][0]
    assert scale["kind"] == "scale"
    assert (scale["min_label"], scale["max_label"]) == ("Very slowly", "Very fast")
    assert dutch["prompts"][0]["min_label"] == "Heel langzaam"
    assert english["prompts"][3]["talk_about"].startswith("Choose one phrase")
    assert dutch["prompts"][3]["talk_about"].startswith("Kies samen één zin")


def test_importing_the_starter_again_brings_an_older_database_up_to_date(db, tmp_path):
    older = json.loads(STARTER.read_text())
    for item in older["exercises"]:
        item["level"] = "light"
        for prompt in item["prompts"]:
            prompt["text"]["en"] = "An older question?"
    old_file = tmp_path / "older.json"
    old_file.write_text(json.dumps(older))
    call_command("library", "import", str(old_file))
    assert Exercise.objects.get(slug="trigger-of-grens").current_version.level == "light"

    call_command("library", "import", str(STARTER))

    exercise = Exercise.objects.select_related("current_version").get(slug="trigger-of-grens")
    version = exercise.current_version
    assert (version.number, version.level) == (2, "deeper")
    first = version.prompts.get(position=1)
    assert first.text_en.startswith("Think of a recent moment")
    assert first.talk_about_nl.strip()
    assert exercise.status == Status.PUBLISHED

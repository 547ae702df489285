"""Issue 18: a path for one. At least ten solo exercises in Dutch and English on the article's
themes; at least three of them safe while paused (grounding, self-care, getting support), with
no prompt inviting self-blame; and no solo prompt is ever meant to be revealed."""

import json
import re
from pathlib import Path

from django.core.management import call_command

from exercises.models import Audience, Exercise, Status, Theme
from exercises.selectors import exercise_library
from exercises.services import ExercisePublishError, exercise_publish
from tests.factories import build_draft

STARTER = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"
SOLO_THEMES = {
    Theme.TRIGGER_OR_BOUNDARY,
    Theme.BOUNDARIES,
    Theme.SELF_REGULATION,
    Theme.OWN_NEEDS,
    Theme.CHILDHOOD,
}
# Words that point the finger at the person themselves.
SELF_BLAME = re.compile(
    r"\b(your fault|blame|what did you do wrong|jouw schuld|wat deed je fout|verwijt)", re.I
)


def _solo() -> list[dict]:
    items = json.loads(STARTER.read_text())["exercises"]
    return [item for item in items if item["audience"] == "solo"]


def test_the_starter_library_has_at_least_ten_solo_exercises_on_the_articles_themes():
    solo = [item for item in _solo() if item["status"] == "published"]

    assert len(solo) >= 10
    assert {item["theme"] for item in solo} >= SOLO_THEMES
    for item in solo:
        for field in ("title", "summary", "intro"):
            assert item[field]["nl"].strip() and item[field]["en"].strip(), item["slug"]


def test_solo_prompts_are_never_meant_to_be_revealed():
    for item in _solo():
        for prompt in item["prompts"]:
            # No cue "to talk about together": a solo answer is never shown side by side.
            assert prompt["talk_about"] == {"nl": "", "en": ""}, item["slug"]


def test_at_least_three_are_safe_while_paused_and_none_of_those_invites_self_blame():
    safe = [item for item in _solo() if item["safe_while_paused"]]

    assert len(safe) >= 3
    for item in safe:
        texts = [item["intro"]["nl"], item["intro"]["en"]]
        for prompt in item["prompts"]:
            texts += [prompt["text"]["nl"], prompt["text"]["en"]]
            texts += [prompt["help_text"]["nl"], prompt["help_text"]["en"]]
        assert [text for text in texts if SELF_BLAME.search(text)] == [], item["slug"]


def test_only_solo_exercises_are_marked_safe_while_paused():
    items = json.loads(STARTER.read_text())["exercises"]
    assert [i["slug"] for i in items if i["safe_while_paused"] and i["audience"] != "solo"] == []


def test_a_couple_exercise_marked_safe_while_paused_is_refused(db):
    exercise = build_draft()
    exercise.safe_while_paused = True
    exercise.save()

    try:
        exercise_publish(exercise=exercise)
    except ExercisePublishError as error:
        codes = [problem.code for problem in error.problems]
    else:
        codes = []
    assert codes == ["safe_while_paused_not_solo"]


def test_the_solo_filter_lists_the_imported_solo_exercises_with_their_pause_flag(db):
    call_command("library", "import", str(STARTER))
    assert Exercise.objects.filter(audience=Audience.SOLO, status=Status.PUBLISHED).count() >= 10

    listed = exercise_library(language="en", audience=Audience.SOLO)

    assert len(listed) == len(_solo())
    assert {item["audience"] for item in listed} == {"solo"}
    assert sum(item["safe_while_paused"] for item in listed) >= 3

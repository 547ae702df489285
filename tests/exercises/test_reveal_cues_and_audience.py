"""Issue 24: a revealed prompt needs its "to talk about together" cue in both languages and a
scale both end labels before it may be published; solo exercises (never revealed) need no cue.
Level and audience travel into the version, the API and the ``?audience=`` filter, and an
editor edits the cue and both fields in the admin."""

import pytest
from django.test import Client
from django.urls import reverse

from exercises.models import Audience, DraftPrompt, Level, Status
from exercises.services import (
    ExercisePublishError,
    content_editors_group_ensure,
    exercise_publish,
)
from tests.factories import build_draft, publish_reviewed
from tests.mfa import sign_in_with_two_step

LIST = "/api/exercises/"


def _refused_codes(exercise) -> list[str]:
    with pytest.raises(ExercisePublishError) as error:
        exercise_publish(exercise=exercise)
    exercise.refresh_from_db()
    assert exercise.status == Status.DRAFT
    return [problem.code for problem in error.value.problems]


def test_a_couple_prompt_without_a_cue_is_refused(db):
    exercise = build_draft()
    DraftPrompt.objects.filter(exercise=exercise, position=1).update(
        talk_about_nl="", talk_about_en=""
    )
    assert _refused_codes(exercise) == ["talk_about_missing"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_cue_in_one_language_only_is_refused(db, language):
    exercise = build_draft()
    DraftPrompt.objects.filter(exercise=exercise, position=3).update(
        **{f"talk_about_{language}": " "}
    )
    assert _refused_codes(exercise) == ["translation_missing"]


def test_a_scale_without_end_labels_is_refused(db):
    exercise = build_draft()
    DraftPrompt.objects.filter(exercise=exercise, position=2).update(
        min_label_nl="", min_label_en="", max_label_nl="", max_label_en=""
    )
    assert _refused_codes(exercise) == ["scale_labels_missing", "scale_labels_missing"]


def test_a_solo_exercise_needs_no_cue_and_keeps_its_audience_and_level(db):
    exercise = build_draft()
    exercise.audience = Audience.SOLO
    exercise.level = Level.DEEPER
    exercise.save()
    exercise.draft_prompts.update(talk_about_nl="", talk_about_en="")

    version = publish_reviewed(exercise)

    assert (version.audience, version.level) == ("solo", "deeper")
    assert version.prompts.filter(talk_about_en="").count() == 4


def test_the_library_filters_by_audience(client_for, anna):
    publish_reviewed(build_draft("samen"))
    solo = build_draft("alleen")
    solo.audience = Audience.SOLO
    solo.save()
    publish_reviewed(solo)
    client = client_for(anna)

    assert [item["slug"] for item in client.get(LIST, {"audience": "solo"}).json()] == ["alleen"]
    couple = client.get(LIST, {"audience": "couple"}).json()
    assert [(item["slug"], item["audience"]) for item in couple] == [("samen", "couple")]
    assert len(client.get(LIST).json()) == 2
    response = client.get(LIST, {"audience": "everyone"})
    assert response.status_code == 400
    assert "audience" in response.json()["fields"]


def test_an_editor_edits_the_cue_level_and_audience_in_the_admin(eva):
    eva.groups.add(content_editors_group_ensure())
    client = sign_in_with_two_step(Client(), eva)
    exercise = build_draft()

    page = client.get(reverse("admin:exercises_exercise_change", args=[exercise.pk]))

    assert page.status_code == 200
    html = page.content.decode()
    for field in ("talk_about_nl", "talk_about_en"):
        assert f"draft_prompts-0-{field}" in html
    assert 'name="level"' in html
    assert 'name="audience"' in html

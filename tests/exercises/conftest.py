"""Library fixtures: ``draft_exercise(slug)`` builds a complete, publishable draft."""

from __future__ import annotations

import pytest

from exercises.models import DraftPrompt, Exercise, PromptKind, Theme


def build_draft(slug: str = "grenzen-voelen", theme: str = Theme.BOUNDARIES) -> Exercise:
    exercise = Exercise.objects.create(
        slug=slug,
        theme=theme,
        minutes=15,
        title_nl=f"Titel {slug}",
        title_en=f"Title {slug}",
        summary_nl="Korte samenvatting.",
        summary_en="Short summary.",
        intro_nl="Een inleiding van een paar zinnen.",
        intro_en="An introduction of a few sentences.",
    )
    DraftPrompt.objects.create(
        exercise=exercise,
        position=1,
        kind=PromptKind.TEXT,
        text_nl="Wanneer voelde je een grens?",
        text_en="When did you feel a boundary?",
        help_text_nl="Neem de tijd.",
        help_text_en="Take your time.",
    )
    DraftPrompt.objects.create(
        exercise=exercise,
        position=2,
        kind=PromptKind.SCALE,
        text_nl="Hoe makkelijk is nee zeggen?",
        text_en="How easy is saying no?",
        min=1,
        max=5,
        min_label_nl="Moeilijk",
        min_label_en="Hard",
        max_label_nl="Makkelijk",
        max_label_en="Easy",
    )
    DraftPrompt.objects.create(
        exercise=exercise,
        position=3,
        kind=PromptKind.CHOICE,
        text_nl="Wat doe je meestal?",
        text_en="What do you usually do?",
        options=[
            {"value": "say_it", "label_nl": "Ik zeg het", "label_en": "I say it"},
            {"value": "wait", "label_nl": "Ik wacht", "label_en": "I wait"},
        ],
    )
    DraftPrompt.objects.create(
        exercise=exercise,
        position=4,
        kind=PromptKind.MULTI,
        text_nl="Waar merk je het?",
        text_en="Where do you notice it?",
        options=[
            {"value": "body", "label_nl": "In mijn lijf", "label_en": "In my body"},
            {"value": "thoughts", "label_nl": "In mijn hoofd", "label_en": "In my thoughts"},
            {"value": "mood", "label_nl": "In mijn humeur", "label_en": "In my mood"},
        ],
    )
    # Every prompt of a couple exercise carries a cue for after the reveal.
    exercise.draft_prompts.update(talk_about_nl="Wat valt je op?", talk_about_en="What stands out?")
    return exercise


@pytest.fixture
def draft_exercise(db):
    return build_draft

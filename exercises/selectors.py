"""Reads from the exercise library. Partners only ever see published versions."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from project.errors import NotFound

from .models import (
    LANGUAGES,
    Exercise,
    ExerciseVersion,
    Prompt,
    PromptFields,
    PromptKind,
    Status,
    library_language,
    localized,
)


def _published() -> QuerySet[Exercise]:
    return Exercise.objects.filter(
        status=Status.PUBLISHED, current_version__isnull=False
    ).select_related("current_version")


def exercise_summary_data(*, exercise: Exercise, language: str) -> dict[str, Any]:
    """The list shape: ``{slug, title, summary, theme, minutes, level, audience, language}`` of
    the live version."""
    language = library_language(language)
    version = exercise.current_version
    return {
        "slug": exercise.slug,
        "title": localized(version, "title", language),
        "summary": localized(version, "summary", language),
        "theme": version.theme,
        "minutes": version.minutes,
        "level": version.level,
        "audience": version.audience,
        "safe_while_paused": version.safe_while_paused,
        "language": language,
    }


def exercise_ref(
    *, exercise: Exercise, language: str, version: ExerciseVersion | None = None
) -> dict[str, str]:
    """``{slug, title}`` for lists: the title of ``version`` when given (a session's pinned
    version), else of the live version, else of the draft (an exercise unpublished since)."""
    texts = version or exercise.current_version or exercise
    return {"slug": exercise.slug, "title": localized(texts, "title", language)}


def prompt_data(*, prompt: PromptFields, language: str) -> dict[str, Any]:
    """One prompt in the API's shape; fields that do not apply are null or empty.

    Sessions, therapists and the editors' preview (a draft prompt) use this too, so a prompt
    looks the same everywhere. A draft's options may still be malformed: only well-formed ones
    are shown.
    """
    language = library_language(language)
    is_scale = prompt.kind == PromptKind.SCALE
    has_options = prompt.kind in (PromptKind.CHOICE, PromptKind.MULTI)
    return {
        "id": prompt.id,
        "position": prompt.position,
        "kind": prompt.kind,
        "text": localized(prompt, "text", language),
        "help_text": localized(prompt, "help_text", language),
        "talk_about": localized(prompt, "talk_about", language),
        "min": prompt.min if is_scale else None,
        "max": prompt.max if is_scale else None,
        "min_label": localized(prompt, "min_label", language) if is_scale else "",
        "max_label": localized(prompt, "max_label", language) if is_scale else "",
        "options": [
            {"value": option.get("value"), "label": option.get(f"label_{language}", "")}
            for option in (
                prompt.options if has_options and isinstance(prompt.options, list) else []
            )
            if isinstance(option, dict)
        ],
    }


def exercise_library(
    *, language: str, theme: str | None = None, audience: str | None = None
) -> list[dict[str, Any]]:
    """The published library in one language, ordered by title. One query at any size."""
    language = library_language(language)
    exercises = _published()
    if theme:
        exercises = exercises.filter(current_version__theme=theme)
    if audience:
        exercises = exercises.filter(current_version__audience=audience)
    exercises = exercises.order_by(f"current_version__title_{language}", "slug")
    return [exercise_summary_data(exercise=exercise, language=language) for exercise in exercises]


def exercise_current_version(*, slug: str) -> ExerciseVersion:
    """The live version of a published exercise with its prompts (two queries), or 404.

    Drafts, unpublished and archived exercises answer 404 like unknown slugs.
    """
    exercise = (
        _published()
        .prefetch_related(
            Prefetch("current_version__prompts", queryset=Prompt.objects.order_by("position"))
        )
        .filter(slug=slug)
        .first()
    )
    if exercise is None:
        raise NotFound()
    version = exercise.current_version
    # Fill the back link from what we already loaded, so callers don't pay a query for it.
    version.exercise = exercise
    return version


def exercise_detail(*, slug: str, language: str) -> dict[str, Any]:
    """The list shape plus ``intro`` and ``prompts``."""
    language = library_language(language)
    version = exercise_current_version(slug=slug)
    data = exercise_summary_data(exercise=version.exercise, language=language)
    data["intro"] = localized(version, "intro", language)
    data["prompts"] = [
        prompt_data(prompt=prompt, language=language) for prompt in version.prompts.all()
    ]
    return data


def exercises_missing_translation(
    *, languages: tuple[str, ...] | list[str] = LANGUAGES
) -> QuerySet[Exercise]:
    """Exercises whose draft texts or prompts lack one of ``languages`` (for editors)."""
    empty = Q()
    for lang in languages:
        for field in ("title", "summary", "intro"):
            empty |= Q(**{f"{field}_{lang}": ""})
        empty |= Q(**{f"draft_prompts__text_{lang}": ""})
    return Exercise.objects.filter(empty).distinct()

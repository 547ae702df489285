"""Reads from the exercise library. Partners only ever see published versions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from project.errors import NotFound

from .models import (
    LANGUAGES,
    DraftPrompt,
    Exercise,
    ExerciseReview,
    ExerciseVersion,
    Prompt,
    PromptFields,
    PromptKind,
    ReviewDecision,
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


# ---- the editors' publishing workflow ------------------------------------------------------


class WorkflowStatus:
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    LIVE = "live"
    LIVE_WITH_CHANGES = "live_with_changes"
    ARCHIVED = "archived"


WORKFLOW_LABELS = {
    WorkflowStatus.DRAFT: gettext_lazy("Draft"),
    WorkflowStatus.IN_REVIEW: gettext_lazy("In review"),
    WorkflowStatus.APPROVED: gettext_lazy("Approved, ready to publish"),
    WorkflowStatus.LIVE: gettext_lazy("Live"),
    WorkflowStatus.LIVE_WITH_CHANGES: gettext_lazy("Live with changes"),
    WorkflowStatus.ARCHIVED: gettext_lazy("Archived"),
}


@dataclass(frozen=True)
class Workflow:
    status: str
    label: str
    review: ExerciseReview | None  # the open review of exactly this draft
    last_sent_back: ExerciseReview | None  # the newest review sent back, to show its comment
    draft_is_live: bool


def exercise_workflow(*, exercise: Exercise) -> Workflow:
    """Where the exercise stands: draft, in review, approved, live, live with changes, archived."""
    from .services import (
        content_fingerprint,
        exercise_draft_content,
        exercise_version_content,
    )

    prompts = list(exercise.draft_prompts.order_by("position", "id"))
    draft = exercise_draft_content(exercise, prompts)
    version = exercise.current_version
    draft_is_live = version is not None and draft == exercise_version_content(version)
    fingerprint = content_fingerprint(draft)
    reviews = list(exercise.reviews.select_related("submitted_by", "decided_by")[:10])
    review = next(
        (
            r
            for r in reviews
            if r.fingerprint == fingerprint
            and r.version_id is None
            and r.decision in (ReviewDecision.PENDING, ReviewDecision.APPROVED)
        ),
        None,
    )
    sent_back = next((r for r in reviews if r.decision == ReviewDecision.SENT_BACK), None)
    if exercise.status == Status.ARCHIVED:
        status = WorkflowStatus.ARCHIVED
    elif review is not None and review.decision == ReviewDecision.PENDING:
        status = WorkflowStatus.IN_REVIEW
    elif review is not None:
        status = WorkflowStatus.APPROVED
    elif exercise.status == Status.PUBLISHED and draft_is_live:
        status = WorkflowStatus.LIVE
    elif exercise.status == Status.PUBLISHED:
        status = WorkflowStatus.LIVE_WITH_CHANGES
    else:
        status = WorkflowStatus.DRAFT
    if (
        sent_back is not None
        and review is not None
        and sent_back.submitted_at < review.submitted_at
    ):
        sent_back = None
    return Workflow(status, str(WORKFLOW_LABELS[status]), review, sent_back, draft_is_live)


@dataclass(frozen=True)
class DiffRow:
    label: str
    live: str
    draft: str


def _prompt_lines(prompt: dict) -> dict[str, str]:
    lines = {key: "" if value is None else str(value) for key, value in prompt.items()}
    lines["options"] = "\n".join(
        f"{option.get('value', '')}: {option.get('label_nl', '')} / {option.get('label_en', '')}"
        for option in prompt.get("options") or []
    )
    return lines


def exercise_diff(*, exercise: Exercise) -> list[DiffRow]:
    """What differs between the live version and the draft, field by field (empty: nothing)."""
    from .services import exercise_draft_content, exercise_version_content

    draft = exercise_draft_content(exercise)
    live = (
        exercise_version_content(exercise.current_version)
        if exercise.current_version
        else {key: "" for key in draft if key != "prompts"} | {"prompts": []}
    )
    rows = []
    for key, value in draft.items():
        if key == "prompts":
            continue
        if str(live.get(key, "")) != str(value):
            label = Exercise._meta.get_field(key).verbose_name
            rows.append(DiffRow(str(label), str(live.get(key, "")), str(value)))
    live_prompts, draft_prompts = live["prompts"], draft["prompts"]
    for index in range(max(len(live_prompts), len(draft_prompts))):
        before = _prompt_lines(live_prompts[index]) if index < len(live_prompts) else {}
        after = _prompt_lines(draft_prompts[index]) if index < len(draft_prompts) else {}
        for key in dict.fromkeys([*before, *after]):
            if before.get(key, "") != after.get(key, ""):
                field = DraftPrompt._meta.get_field(key).verbose_name
                label = _("Prompt %(number)s: %(field)s") % {"number": index + 1, "field": field}
                rows.append(DiffRow(str(label), before.get(key, ""), after.get(key, "")))
    return rows


# ---- the editors' preview in the real PWA --------------------------------------------------


def _sample_values(prompt: PromptFields, language: str) -> tuple[Any, Any]:
    """Made-up answers, one for each partner, so the reveal card can be seen filled in."""
    values = [option.get("value") for option in prompt.options or [] if isinstance(option, dict)]
    if prompt.kind == PromptKind.SCALE:
        return prompt.min, prompt.max
    if prompt.kind == PromptKind.CHOICE:
        return (values[0], values[-1]) if values else (None, None)
    if prompt.kind == PromptKind.MULTI:
        return values[:1], values[:2]
    with translation.override(language):
        return _("An answer of yours shows here."), _("Your partner's answer shows here.")


def exercise_preview_data(*, exercise_id, language: str) -> dict[str, Any]:
    """A draft as a partner would get it in a session: answering, and the reveal with made-up
    answers. For staff only (the view checks); nothing here is stored."""
    language = library_language(language)
    exercise = Exercise.objects.filter(pk=exercise_id).first()
    if exercise is None:
        raise NotFound()
    drafts = list(exercise.draft_prompts.order_by("position", "id"))
    prompts = []
    revealed = []
    for position, draft in enumerate(drafts, start=1):
        data = prompt_data(prompt=draft, language=language)
        data["position"] = position
        prompts.append(data)
        mine, partner = _sample_values(draft, language)
        revealed.append(
            {"prompt": draft.id, "mine": {"value": mine}, "partner": {"value": partner}}
        )
    return {
        "id": str(exercise.pk),
        "language": language,
        "audience": exercise.audience,
        "exercise": {"slug": exercise.slug, "title": localized(exercise, "title", language)},
        "intro": localized(exercise, "intro", language),
        "prompts": prompts,
        "revealed": revealed if exercise.audience == "couple" else [],
    }

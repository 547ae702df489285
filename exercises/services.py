"""Writes to the exercise library: the publishing workflow (submit for review, a second editor's
approval or sending back, publish, unpublish, revert, archive, restore), duplicate, import, and
the editors' group."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from project.errors import Conflict, Forbidden, Invalid

from .models import (
    LANGUAGES,
    Audience,
    DraftPrompt,
    Exercise,
    ExerciseReview,
    ExerciseVersion,
    Prompt,
    PromptFields,
    PromptKind,
    ReviewDecision,
    Status,
)

CONTENT_EDITORS = "Content editors"

# What content editors may do: edit the draft library, read (never change) published versions.
# Named one by one because sessions and answers live in this app too and are none of theirs.
EDITOR_PERMISSIONS = {
    "exercises": {
        "exercise": ("add", "change", "delete", "view"),
        "draftprompt": ("add", "change", "delete", "view"),
        "exerciseversion": ("view",),
        "prompt": ("view",),
    },
    "safety": {"helpresource": ("add", "change", "delete", "view")},
}

EXERCISE_TEXT_FIELDS = ("title", "summary", "intro")
PROMPT_COPY_FIELDS = (
    "kind",
    "text_nl",
    "text_en",
    "help_text_nl",
    "help_text_en",
    "talk_about_nl",
    "talk_about_en",
    "min",
    "max",
    "min_label_nl",
    "min_label_en",
    "max_label_nl",
    "max_label_en",
    "options",
)

# With a context: as an adjective ("no Dutch text") these differ from the language names.
LANGUAGE_NAMES = {
    "nl": pgettext_lazy("text in language", "Dutch"),
    "en": pgettext_lazy("text in language", "English"),
}


@dataclass(frozen=True)
class PublishProblem:
    code: str
    message: str


class ExercisePublishError(Invalid):
    """Publishing was refused. ``code`` is the first problem's; ``problems`` lists them all."""

    def __init__(self, problems: list[PublishProblem]) -> None:
        super().__init__(problems[0].code, " ".join(problem.message for problem in problems))
        self.problems = problems


def _missing_languages(obj: object, field: str) -> list[str]:
    return [lang for lang in LANGUAGES if not str(getattr(obj, f"{field}_{lang}")).strip()]


def _prompt_problems(
    prompt: PromptFields, number: int, *, revealed: bool = True
) -> list[PublishProblem]:
    problems = []
    for lang in _missing_languages(prompt, "text"):
        problems.append(
            PublishProblem(
                "translation_missing",
                _("Prompt %(number)s has no %(language)s text.")
                % {"number": number, "language": LANGUAGE_NAMES[lang]},
            )
        )
    if len(_missing_languages(prompt, "help_text")) == 1:
        # A help text is optional, but one given in one language only leaves the other reader
        # without it.
        problems.append(
            PublishProblem(
                "translation_missing",
                _("Prompt %(number)s has a help text in one language only.") % {"number": number},
            )
        )
    if revealed:
        # A couple sees both answers side by side; the cue is what helps them talk about it.
        missing = _missing_languages(prompt, "talk_about")
        if len(missing) == len(LANGUAGES):
            problems.append(
                PublishProblem(
                    "talk_about_missing",
                    _("Prompt %(number)s needs a question to talk about together.")
                    % {"number": number},
                )
            )
        for lang in missing if len(missing) == 1 else []:
            problems.append(
                PublishProblem(
                    "translation_missing",
                    _("Prompt %(number)s has no %(language)s question to talk about together.")
                    % {"number": number, "language": LANGUAGE_NAMES[lang]},
                )
            )
    if prompt.kind == PromptKind.SCALE:
        if prompt.min is None or prompt.max is None or prompt.min >= prompt.max:
            problems.append(
                PublishProblem(
                    "scale_range_invalid",
                    _("Prompt %(number)s: a scale needs a minimum below its maximum.")
                    % {"number": number},
                )
            )
        for field in ("min_label", "max_label"):
            # Both ends are named, so a number on the scale means the same to both partners.
            missing = len(_missing_languages(prompt, field))
            if missing == len(LANGUAGES):
                problems.append(
                    PublishProblem(
                        "scale_labels_missing",
                        _("Prompt %(number)s: a scale needs a label at both ends.")
                        % {"number": number},
                    )
                )
            elif missing:
                problems.append(
                    PublishProblem(
                        "translation_missing",
                        _("Prompt %(number)s: a scale label is translated in one language only.")
                        % {"number": number},
                    )
                )
    if prompt.kind in (PromptKind.CHOICE, PromptKind.MULTI):
        problems.extend(_option_problems(prompt.options, number))
    return problems


def _option_problems(options: object, number: int) -> list[PublishProblem]:
    if not isinstance(options, list) or not all(isinstance(item, dict) for item in options):
        return [
            PublishProblem(
                "options_invalid",
                _('Prompt %(number)s: options must be a list of {"value", "label_nl", "label_en"}.')
                % {"number": number},
            )
        ]
    problems = []
    if len(options) < 2:
        problems.append(
            PublishProblem(
                "too_few_options",
                _("Prompt %(number)s: a choice needs at least two options.") % {"number": number},
            )
        )
    values = [str(option.get("value", "")).strip() for option in options]
    if any(not value for value in values):
        problems.append(
            PublishProblem(
                "options_invalid",
                _("Prompt %(number)s: every option needs a value.") % {"number": number},
            )
        )
    if len(set(values)) != len(values):
        problems.append(
            PublishProblem(
                "option_values_not_unique",
                _("Prompt %(number)s: option values must be unique.") % {"number": number},
            )
        )
    for lang in LANGUAGES:
        if any(not str(option.get(f"label_{lang}", "")).strip() for option in options):
            problems.append(
                PublishProblem(
                    "translation_missing",
                    _("Prompt %(number)s: an option has no %(language)s label.")
                    % {"number": number, "language": LANGUAGE_NAMES[lang]},
                )
            )
    return problems


def exercise_publish_problems(
    *, exercise: Exercise, prompts: list[PromptFields] | None = None
) -> list[PublishProblem]:
    """Everything that keeps the draft from being published; empty when it may be."""
    if prompts is None:
        prompts = list(exercise.draft_prompts.order_by("position", "id"))
    problems = []
    for field in EXERCISE_TEXT_FIELDS:
        for lang in _missing_languages(exercise, field):
            problems.append(
                PublishProblem(
                    "translation_missing",
                    _("The %(field)s has no %(language)s text.")
                    % {
                        "field": Exercise._meta.get_field(f"{field}_{lang}").verbose_name,
                        "language": LANGUAGE_NAMES[lang],
                    },
                )
            )
    if not prompts:
        problems.append(PublishProblem("no_prompts", _("An exercise needs at least one prompt.")))
    revealed = exercise.audience == Audience.COUPLE
    if revealed and exercise.safe_while_paused:
        # A pause stops couple exercises; only something a person does alone may go on.
        problems.append(
            PublishProblem(
                "safe_while_paused_not_solo",
                _("Only a solo exercise can be offered while paused."),
            )
        )
    for number, prompt in enumerate(prompts, start=1):
        problems.extend(_prompt_problems(prompt, number, revealed=revealed))
    return problems


# The content guide's safety checklist (docs/content-guide.md, "Safety checklist"): the second
# editor ticks every item before approving; the ticked keys are recorded on the version.
SAFETY_CHECKLIST = (
    (
        "no_safety_questions",
        pgettext_lazy(
            "safety checklist",
            "No revealed prompt, help text or option asks about safety, fear or violence in the "
            "relationship.",
        ),
    ),
    (
        "nothing_punishable",
        pgettext_lazy(
            "safety checklist",
            "No revealed prompt asks something whose honest answer a controlling partner could "
            "punish.",
        ),
    ),
    (
        "says_where_it_stops",
        pgettext_lazy(
            "safety checklist",
            "Every prompt about one's own part, the size of a reaction or an old wound says where "
            "it stops.",
        ),
    ),
    (
        "private_reminder",
        pgettext_lazy(
            "safety checklist",
            "Prompts inviting personal history remind that an answer can be kept private.",
        ),
    ),
    (
        "harm_not_communication",
        pgettext_lazy(
            "safety checklist",
            "The introduction does not suggest that harm is a communication problem.",
        ),
    ),
    (
        "no_pressure_to_stay",
        pgettext_lazy(
            "safety checklist",
            "Nothing suggests the couple must stay together, or must talk things through together.",
        ),
    ),
    (
        "languages_match",
        pgettext_lazy(
            "safety checklist", "Dutch and English say the same thing and both read naturally."
        ),
    ),
    (
        "nothing_copied",
        pgettext_lazy(
            "safety checklist",
            "No sentence is copied from a source article or a published instrument.",
        ),
    ),
)
SAFETY_CHECKLIST_KEYS = tuple(key for key, _label in SAFETY_CHECKLIST)


def _content(obj: object, prompts: Iterable[PromptFields]) -> dict:
    return {
        **{
            f"{field}_{lang}": getattr(obj, f"{field}_{lang}").strip()
            for field in EXERCISE_TEXT_FIELDS
            for lang in LANGUAGES
        },
        **{field: getattr(obj, field) for field in VERSION_FIELDS},
        "prompts": [{field: getattr(p, field) for field in PROMPT_COPY_FIELDS} for p in prompts],
    }


def exercise_draft_content(exercise: Exercise, prompts: list[PromptFields] | None = None) -> dict:
    """What publishing the draft now would put in a version, as plain comparable data."""
    if prompts is None:
        prompts = list(exercise.draft_prompts.order_by("position", "id"))
    return _content(exercise, prompts)


def exercise_version_content(version: ExerciseVersion) -> dict:
    return _content(version, version.prompts.order_by("position"))


def content_fingerprint(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def exercise_draft_is_live(exercise: Exercise, prompts: list[PromptFields] | None = None) -> bool:
    """True when the draft says exactly what the current version says."""
    version = exercise.current_version
    if version is None:
        return False
    return exercise_draft_content(exercise, prompts) == exercise_version_content(version)


def _locked(exercise: Exercise) -> Exercise:
    return (
        Exercise.objects.select_for_update(of=("self",))
        .select_related("current_version")
        .get(pk=exercise.pk)
    )


def _open_review(exercise: Exercise, fingerprint: str) -> ExerciseReview | None:
    """The newest review of exactly this draft that is pending or approved and not yet used."""
    return (
        exercise.reviews.filter(
            fingerprint=fingerprint,
            decision__in=[ReviewDecision.PENDING, ReviewDecision.APPROVED],
            version__isnull=True,
        )
        .order_by("-submitted_at")
        .first()
    )


def _ready_draft(exercise: Exercise) -> tuple[Exercise, list[DraftPrompt]]:
    """The exercise locked with its draft prompts, refused when archived or not ready to
    publish (``exercise_publish_problems``): what a review and a publish both start from."""
    exercise = _locked(exercise)
    if exercise.status == Status.ARCHIVED:
        raise Conflict("exercise_archived", _("An archived exercise cannot be published."))
    prompts = list(exercise.draft_prompts.order_by("position", "id"))
    problems = exercise_publish_problems(exercise=exercise, prompts=prompts)
    if problems:
        raise ExercisePublishError(problems)
    return exercise, prompts


@transaction.atomic
def exercise_submit_for_review(*, exercise: Exercise, by) -> ExerciseReview:
    """Ask a second editor to approve the draft as it is now. Refused for an archived exercise,
    a draft that fails the ready-to-publish check, a draft equal to the live version, or a draft
    already in review."""
    exercise, prompts = _ready_draft(exercise)
    if exercise_draft_is_live(exercise, prompts):
        raise Conflict("nothing_changed", _("The draft is the same as the live version."))
    fingerprint = content_fingerprint(exercise_draft_content(exercise, prompts))
    if _open_review(exercise, fingerprint) is not None:
        raise Conflict("already_in_review", _("This draft is already in review."))
    return ExerciseReview.objects.create(
        exercise=exercise, fingerprint=fingerprint, submitted_by=by, submitted_at=timezone.now()
    )


def _pending_review(review: ExerciseReview) -> ExerciseReview:
    review = ExerciseReview.objects.select_for_update().get(pk=review.pk)
    if review.decision != ReviewDecision.PENDING:
        raise Conflict("review_decided", _("This review has already been decided."))
    return review


@transaction.atomic
def exercise_review_approve(
    *, review: ExerciseReview, by, checklist: Iterable[str]
) -> ExerciseReview:
    """The second editor's approval: someone other than the submitter, every item of the
    safety checklist ticked, and the draft unchanged since it was submitted."""
    review = _pending_review(review)
    if by is None or review.submitted_by_id is None or by.pk == review.submitted_by_id:
        raise Forbidden(
            "second_editor_required",
            _("A second editor, not the one who submitted it, must approve."),
        )
    ticked = set(checklist)
    if not ticked.issuperset(SAFETY_CHECKLIST_KEYS) or not ticked <= set(SAFETY_CHECKLIST_KEYS):
        raise Invalid(
            "checklist_incomplete", _("Tick every item of the safety checklist to approve.")
        )
    current = content_fingerprint(exercise_draft_content(review.exercise))
    if current != review.fingerprint:
        raise Conflict(
            "review_stale",
            _("The draft changed after it was submitted; submit it for review again."),
        )
    review.decision = ReviewDecision.APPROVED
    review.decided_by = by
    review.decided_at = timezone.now()
    review.checklist = list(SAFETY_CHECKLIST_KEYS)
    review.save(update_fields=["decision", "decided_by", "decided_at", "checklist"])
    return review


@transaction.atomic
def exercise_review_send_back(*, review: ExerciseReview, by, comment: str) -> ExerciseReview:
    """Return the draft to its writer with a comment saying what to change."""
    review = _pending_review(review)
    comment = (comment or "").strip()
    if not comment:
        raise Invalid("comment_required", _("Say what should change before sending it back."))
    review.decision = ReviewDecision.SENT_BACK
    review.decided_by = by
    review.decided_at = timezone.now()
    review.comment = comment
    review.save(update_fields=["decision", "decided_by", "decided_at", "comment"])
    return review


def _snapshot(
    exercise: Exercise, prompts: list[PromptFields], by, review: ExerciseReview | None
) -> ExerciseVersion:
    last = exercise.versions.aggregate(last=Max("number"))["last"] or 0
    texts = {
        f"{field}_{lang}": getattr(exercise, f"{field}_{lang}").strip()
        for field in EXERCISE_TEXT_FIELDS
        for lang in LANGUAGES
    }
    version = ExerciseVersion.objects.create(
        exercise=exercise,
        number=last + 1,
        published_at=timezone.now(),
        published_by=by,
        theme=exercise.theme,
        minutes=exercise.minutes,
        level=exercise.level,
        audience=exercise.audience,
        safe_while_paused=exercise.safe_while_paused,
        approved_by_id=review.decided_by_id if review else None,
        approved_at=review.decided_at if review else None,
        safety_checklist=review.checklist if review else [],
        submitted_by_id=review.submitted_by_id if review else None,
        **texts,
    )
    Prompt.objects.bulk_create(
        Prompt(
            version=version,
            position=position,
            **{field: getattr(draft, field) for field in PROMPT_COPY_FIELDS},
        )
        for position, draft in enumerate(prompts, start=1)
    )
    if review is not None:
        review.version = version
        review.save(update_fields=["version"])
    exercise.current_version = version
    exercise.status = Status.PUBLISHED
    exercise.save(update_fields=["current_version", "status", "updated_at"])
    return version


@transaction.atomic
def exercise_publish(*, exercise: Exercise, by=None) -> ExerciseVersion:
    """Make the approved draft the one partners see.

    Refused unless a second editor approved exactly this draft (``approval_required``). A draft
    equal to the live version makes no new version: an unpublished exercise goes back live
    with its current version, a live one is refused (``nothing_changed``).
    """
    exercise = _locked(exercise)
    if exercise.status == Status.ARCHIVED:
        raise Conflict("exercise_archived", _("An archived exercise cannot be published."))
    prompts = list(exercise.draft_prompts.order_by("position", "id"))
    if exercise_draft_is_live(exercise, prompts):
        if exercise.status == Status.PUBLISHED:
            raise Conflict("nothing_changed", _("The draft is the same as the live version."))
        exercise.status = Status.PUBLISHED
        exercise.save(update_fields=["status", "updated_at"])
        return exercise.current_version
    problems = exercise_publish_problems(exercise=exercise, prompts=prompts)
    if problems:
        raise ExercisePublishError(problems)
    review = _open_review(exercise, content_fingerprint(exercise_draft_content(exercise, prompts)))
    if review is None or review.decision != ReviewDecision.APPROVED:
        raise Conflict(
            "approval_required",
            _("A second editor must approve this draft before it is published."),
        )
    return _snapshot(exercise, prompts, by, review)


def _library_publish(*, exercise: Exercise, by=None) -> ExerciseVersion:
    """Publishing from ``library import``: an operator's command on a library file that is
    reviewed where it lives (the repository), so it records no in-app approval."""
    exercise, prompts = _ready_draft(exercise)
    return _snapshot(exercise, prompts, by, None)


@transaction.atomic
def exercise_revert_to_live(*, exercise: Exercise) -> Exercise:
    """Throw the draft's changes away: texts and prompts become the live version's again."""
    exercise = _locked(exercise)
    version = exercise.current_version
    if version is None:
        raise Conflict("not_published", _("This exercise has never been published."))
    if exercise.status == Status.ARCHIVED:
        raise Conflict("exercise_archived", _("An archived exercise cannot be changed."))
    for field in EXERCISE_TEXT_FIELDS:
        for lang in LANGUAGES:
            setattr(exercise, f"{field}_{lang}", getattr(version, f"{field}_{lang}"))
    for field in VERSION_FIELDS:
        setattr(exercise, field, getattr(version, field))
    exercise.save()
    exercise.draft_prompts.all().delete()
    DraftPrompt.objects.bulk_create(
        DraftPrompt(
            exercise=exercise,
            position=prompt.position,
            **{field: getattr(prompt, field) for field in PROMPT_COPY_FIELDS},
        )
        for prompt in version.prompts.order_by("position")
    )
    return exercise


# Who still uses an exercise (open sessions, open assignments): apps above us count their own.
UsageCounter = Callable[[Exercise], int]
_usage_counters: dict[str, UsageCounter] = {}


def register_usage_counter(name: str, counter: UsageCounter) -> None:
    """``counter(exercise)`` counts what still uses the exercise (it keeps its version).
    Apps above exercises register in their ``AppConfig.ready()``."""
    _usage_counters[name] = counter


def exercise_usage(*, exercise: Exercise) -> dict[str, int]:
    return {name: counter(exercise) for name, counter in sorted(_usage_counters.items())}


@transaction.atomic
def exercise_restore(*, exercise: Exercise) -> Exercise:
    """Bring an archived exercise back as an unpublished draft (its versions are all kept)."""
    exercise = _locked(exercise)
    if exercise.status != Status.ARCHIVED:
        raise Conflict("exercise_not_archived", _("This exercise is not archived."))
    exercise.status = Status.DRAFT
    exercise.save(update_fields=["status", "updated_at"])
    return exercise


@transaction.atomic
def exercise_unpublish(*, exercise: Exercise) -> Exercise:
    """Take the exercise out of the library; sessions already started keep their version."""
    exercise = Exercise.objects.select_for_update().get(pk=exercise.pk)
    if exercise.status != Status.PUBLISHED:
        raise Conflict("exercise_not_published", _("This exercise is not published."))
    exercise.status = Status.DRAFT
    exercise.save(update_fields=["status", "updated_at"])
    return exercise


@transaction.atomic
def exercise_archive(*, exercise: Exercise) -> Exercise:
    exercise = Exercise.objects.select_for_update().get(pk=exercise.pk)
    if exercise.status == Status.ARCHIVED:
        raise Conflict("exercise_archived", _("This exercise is already archived."))
    exercise.status = Status.ARCHIVED
    exercise.save(update_fields=["status", "updated_at"])
    return exercise


@transaction.atomic
def draft_prompts_renumber(*, exercise: Exercise, ordered_ids: list) -> None:
    """Positions 1..n: first the prompts in ``ordered_ids`` order, then any others (by their
    old position), so no two prompts share a place and there are no gaps."""
    prompts = list(exercise.draft_prompts.order_by("position", "id"))
    rank = {pk: index for index, pk in enumerate(ordered_ids)}
    prompts.sort(key=lambda p: (p.pk not in rank, rank.get(p.pk, 0), p.position))
    for position, prompt in enumerate(prompts, start=1):
        prompt.position = position
    DraftPrompt.objects.bulk_update(prompts, ["position"])


def _free_slug(base: str) -> str:
    base = slugify(base)[:70] or "exercise"
    slug, n = f"{base}-copy", 2
    while Exercise.objects.filter(slug=slug).exists():
        slug, n = f"{base}-copy-{n}", n + 1
    return slug


@transaction.atomic
def exercise_duplicate_as_draft(*, exercise: Exercise) -> Exercise:
    """A new, unpublished exercise with the same draft texts and prompts, under a free slug."""
    copy = Exercise.objects.create(
        slug=_free_slug(exercise.slug),
        status=Status.DRAFT,
        theme=exercise.theme,
        minutes=exercise.minutes,
        level=exercise.level,
        audience=exercise.audience,
        safe_while_paused=exercise.safe_while_paused,
        **{
            f"{field}_{lang}": getattr(exercise, f"{field}_{lang}")
            for field in EXERCISE_TEXT_FIELDS
            for lang in LANGUAGES
        },
    )
    DraftPrompt.objects.bulk_create(
        DraftPrompt(
            exercise=copy,
            position=draft.position,
            **{field: getattr(draft, field) for field in PROMPT_COPY_FIELDS},
        )
        for draft in exercise.draft_prompts.order_by("position", "id")
    )
    return copy


@transaction.atomic
def content_editors_group_ensure() -> Group:
    """Create or refresh the ``Content editors`` group: the library and help resources only.

    Idempotent. Help resources count only if the safety app has that model already.
    """
    group, _created = Group.objects.get_or_create(name=CONTENT_EDITORS)
    wanted = Q(pk__in=[])
    for app_label, models in EDITOR_PERMISSIONS.items():
        for model_name, actions in models.items():
            try:
                apps.get_model(app_label, model_name)
            except LookupError:
                continue
            wanted |= Q(
                content_type__app_label=app_label,
                content_type__model=model_name,
                codename__in=[f"{action}_{model_name}" for action in actions],
            )
    group.permissions.set(Permission.objects.filter(wanted))
    return group


LIBRARY_FORMAT = 1
# Plain fields an exercise's draft and each version carry besides the texts.
VERSION_FIELDS = ("theme", "minutes", "level", "audience", "safe_while_paused")
STATUS_ORDER = ("draft", "published", "archived")


def _texts(obj: object, field: str) -> dict[str, str]:
    return {lang: getattr(obj, f"{field}_{lang}") for lang in LANGUAGES}


def _flat(texts: dict[str, str], field: str) -> dict[str, str]:
    return {f"{field}_{lang}": texts.get(lang, "") for lang in LANGUAGES}


def _prompt_export(prompt: PromptFields) -> dict:
    return {
        "kind": prompt.kind,
        "text": _texts(prompt, "text"),
        "help_text": _texts(prompt, "help_text"),
        "talk_about": _texts(prompt, "talk_about"),
        "min": prompt.min,
        "max": prompt.max,
        "min_label": _texts(prompt, "min_label"),
        "max_label": _texts(prompt, "max_label"),
        "options": [
            {
                "value": option.get("value", ""),
                "label": {lang: option.get(f"label_{lang}", "") for lang in LANGUAGES},
            }
            for option in prompt.options
        ],
    }


def _prompt_fields(item: dict) -> dict:
    return {
        "kind": item["kind"],
        **_flat(item["text"], "text"),
        **_flat(item["help_text"], "help_text"),
        **_flat(item["talk_about"], "talk_about"),
        "min": item["min"],
        "max": item["max"],
        **_flat(item["min_label"], "min_label"),
        **_flat(item["max_label"], "max_label"),
        "options": [
            {"value": option["value"], **_flat(option["label"], "label")}
            for option in item["options"]
        ],
    }


def library_export() -> dict:
    """The whole library's drafts and statuses as plain data, for translators and backups.

    Published versions are history and stay out: importing the file publishes the drafts the
    file marks published.
    """
    exercises = Exercise.objects.order_by("slug").prefetch_related("draft_prompts")
    return {
        "format": LIBRARY_FORMAT,
        "exercises": [
            {
                "slug": exercise.slug,
                "theme": exercise.theme,
                "minutes": exercise.minutes,
                "level": exercise.level,
                "audience": exercise.audience,
                "safe_while_paused": exercise.safe_while_paused,
                "status": exercise.status,
                **{field: _texts(exercise, field) for field in EXERCISE_TEXT_FIELDS},
                "prompts": [
                    _prompt_export(prompt)
                    for prompt in sorted(
                        exercise.draft_prompts.all(), key=lambda p: (p.position, str(p.id))
                    )
                ],
            }
            for exercise in exercises
        ],
    }


def _draft_matches_version(exercise: Exercise, prompts: list[dict]) -> bool:
    version = exercise.current_version
    if version is None:
        return False
    same_texts = all(
        getattr(exercise, f"{field}_{lang}").strip() == getattr(version, f"{field}_{lang}")
        for field in EXERCISE_TEXT_FIELDS
        for lang in LANGUAGES
    ) and all(getattr(exercise, field) == getattr(version, field) for field in VERSION_FIELDS)
    published = [
        {field: getattr(prompt, field) for field in PROMPT_COPY_FIELDS}
        for prompt in version.prompts.order_by("position")
    ]
    return same_texts and published == prompts


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    published: int = 0


@transaction.atomic
def library_import(*, items: list[dict], by=None) -> ImportResult:
    """Bring the library in line with already-parsed ``items`` (see ``LibraryFileSerializer``).

    Idempotent: an item equal to what is stored changes nothing and publishes no new version.
    All or nothing: the first refusal raises and rolls every earlier item back.
    """
    result = ImportResult()
    for item in items:
        prompts = [_prompt_fields(prompt) for prompt in item["prompts"]]
        fields = {
            **{field: item[field] for field in VERSION_FIELDS},
            **{
                key: value
                for field in EXERCISE_TEXT_FIELDS
                for key, value in _flat(item[field], field).items()
            },
        }
        exercise = (
            Exercise.objects.select_for_update(of=("self",))
            .select_related("current_version")
            .filter(slug=item["slug"])
            .first()
        )
        if exercise is None:
            exercise = Exercise.objects.create(slug=item["slug"], **fields)
            result.created += 1
            changed = True
        else:
            stored = [
                {field: getattr(prompt, field) for field in PROMPT_COPY_FIELDS}
                for prompt in exercise.draft_prompts.order_by("position", "id")
            ]
            changed = stored != prompts or any(
                getattr(exercise, key) != value for key, value in fields.items()
            )
            if changed:
                for key, value in fields.items():
                    setattr(exercise, key, value)
                exercise.save()
                exercise.draft_prompts.all().delete()
                result.updated += 1
            else:
                result.unchanged += 1
        if changed:
            DraftPrompt.objects.bulk_create(
                DraftPrompt(exercise=exercise, position=position, **prompt)
                for position, prompt in enumerate(prompts, start=1)
            )
        result.published += _import_status(exercise, item["status"], prompts, by)
    return result


def _import_status(exercise: Exercise, status: str, prompts: list[dict], by) -> int:
    """Apply the file's status; returns 1 when a new version was published."""
    if exercise.status == Status.ARCHIVED and status != Status.ARCHIVED:
        # The file brings an archived exercise back; it restarts as a draft.
        exercise.status = Status.DRAFT
        exercise.save(update_fields=["status", "updated_at"])
    if status == Status.PUBLISHED:
        if exercise.status == Status.PUBLISHED and _draft_matches_version(exercise, prompts):
            return 0
        try:
            _library_publish(exercise=exercise, by=by)
        except ExercisePublishError as error:
            raise Invalid("import_invalid", f"{exercise.slug}: {error.message}") from error
        return 1
    if status == Status.DRAFT and exercise.status == Status.PUBLISHED:
        exercise_unpublish(exercise=exercise)
    if status == Status.ARCHIVED and exercise.status != Status.ARCHIVED:
        exercise_archive(exercise=exercise)
    return 0

"""Curation of the library in the Django admin. Every state change goes through a service."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from project.admin import ReadOnlyAdmin, ReadOnlyStackedInline, ReadOnlyTabularInline
from project.errors import DomainError

from .admin_forms import DraftPromptForm
from .models import (
    LANGUAGES,
    DraftPrompt,
    Exercise,
    ExerciseReview,
    ExerciseVersion,
    Prompt,
    ReviewDecision,
    Status,
    library_language,
)
from .selectors import (
    WORKFLOW_LABELS,
    WorkflowStatus,
    exercise_diff,
    exercise_workflow,
    exercises_missing_translation,
)
from .services import (
    SAFETY_CHECKLIST,
    draft_prompts_renumber,
    exercise_archive,
    exercise_duplicate_as_draft,
    exercise_publish,
    exercise_publish_problems,
    exercise_restore,
    exercise_revert_to_live,
    exercise_review_approve,
    exercise_review_send_back,
    exercise_submit_for_review,
    exercise_unpublish,
    exercise_usage,
)

USAGE_LABELS = {
    "open_sessions": _("open sessions"),
    "open_assignments": _("open assignments"),
}

PROMPT_FIELDSETS = [
    (None, {"fields": ["position", "kind", ("text_nl", "text_en")]}),
    (_("Help text"), {"fields": [("help_text_nl", "help_text_en")]}),
    (
        _("To talk about together"),
        {
            "fields": [("talk_about_nl", "talk_about_en")],
            "description": _(
                "Shown under both answers once they are revealed: one question for the "
                "conversation. Needed for every prompt of a couple exercise."
            ),
        },
    ),
    (
        _("Scale"),
        {
            "classes": ["prompt-kind-scale"],
            "fields": [
                ("min", "max"),
                ("min_label_nl", "min_label_en"),
                ("max_label_nl", "max_label_en"),
            ],
        },
    ),
    (
        _("Choice options"),
        {
            "classes": ["prompt-kind-choice", "prompt-kind-multi"],
            "fields": ["options"],
            "description": _(
                "One row per option, in the order given by the first column. Keep a value once "
                "answers exist; change labels freely. Empty rows are left out."
            ),
        },
    ),
]


def _archived(obj: Exercise | None) -> bool:
    return obj is not None and obj.status == Status.ARCHIVED


class DraftPromptInline(admin.StackedInline):
    """The draft's prompts: only the fields of the chosen kind (prompt_kind.js), options as rows,
    reordered by ``position`` (renumbered 1..n on save). Read-only once archived."""

    model = DraftPrompt
    form = DraftPromptForm
    extra = 0
    ordering = ["position", "id"]
    fieldsets = PROMPT_FIELDSETS

    class Media:
        js = ["exercises/admin/prompt_kind.js"]
        css = {"all": ["exercises/admin/workflow.css"]}

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return not _archived(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return not _archived(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return not _archived(obj) and super().has_delete_permission(request, obj)


class PeopleAsText:
    """Who published or approved, as plain text: a link to the user's page would be a 403 for
    an editor, who may not see user accounts."""

    @admin.display(description=_("published by"))
    def published_by_name(self, obj: ExerciseVersion) -> str:
        return obj.published_by.display_name if obj.published_by else "—"

    @admin.display(description=_("approved by"))
    def approved_by_name(self, obj: ExerciseVersion) -> str:
        return obj.approved_by.display_name if obj.approved_by else "—"

    @admin.display(description=_("submitted by"))
    def submitted_by_name(self, obj: ExerciseVersion) -> str:
        return obj.submitted_by.display_name if obj.submitted_by else "—"


class VersionInline(PeopleAsText, ReadOnlyTabularInline):
    model = ExerciseVersion
    show_change_link = True
    fields = ["number", "published_at", "published_by_name", "approved_by_name", "title_nl"]
    readonly_fields = fields
    ordering = ["-number"]
    verbose_name_plural = _("Version history")


class TranslationFilter(admin.SimpleListFilter):
    """Which exercises lack a language anywhere: the editors' "missing translations" view."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [
            ("missing", _("Missing a translation")),
            ("missing_nl", _("Missing Dutch")),
            ("missing_en", _("Missing English")),
            ("complete", _("Complete in Dutch and English")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value == "missing":
            return queryset.filter(pk__in=exercises_missing_translation().values("pk"))
        if value in ("missing_nl", "missing_en"):
            language = value.removeprefix("missing_")
            return queryset.filter(
                pk__in=exercises_missing_translation(languages=[language]).values("pk")
            )
        if value == "complete":
            return queryset.exclude(pk__in=exercises_missing_translation().values("pk"))
        return queryset


def _confirmed_action(
    *,
    name: str,
    description: str,
    service: Callable[[Exercise, HttpRequest], object],
    done: str,
    check_publish: bool = False,
) -> Callable:
    """An admin action that first shows a confirmation page, then calls ``service`` per item."""

    def action(modeladmin: ExerciseAdmin, request: HttpRequest, queryset: QuerySet):
        exercises = list(queryset.order_by("slug"))
        if request.POST.get("confirmed") != "yes":
            rows = [
                {
                    "exercise": exercise,
                    "problems": exercise_publish_problems(exercise=exercise)
                    if check_publish
                    else [],
                }
                for exercise in exercises
            ]
            context = {
                **modeladmin.admin_site.each_context(request),
                "title": _("Are you sure?"),
                "description": description,
                "action": name,
                "rows": rows,
                "opts": modeladmin.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(
                request, "admin/exercises/exercise/confirm_action.html", context
            )
        succeeded = 0
        for exercise in exercises:
            try:
                service(exercise, request)
            except DomainError as error:
                modeladmin.message_user(
                    request, f"{exercise.slug}: {error.message}", messages.ERROR
                )
            else:
                succeeded += 1
        if succeeded:
            modeladmin.message_user(request, done % {"count": succeeded}, messages.SUCCESS)
        return None

    action.__name__ = name
    return admin.action(description=description)(action)


def _publish(exercise: Exercise, request: HttpRequest) -> object:
    return exercise_publish(exercise=exercise, by=request.user)


def _unpublish(exercise: Exercise, request: HttpRequest) -> object:
    return exercise_unpublish(exercise=exercise)


def _archive(exercise: Exercise, request: HttpRequest) -> object:
    return exercise_archive(exercise=exercise)


def _duplicate(exercise: Exercise, request: HttpRequest) -> object:
    return exercise_duplicate_as_draft(exercise=exercise)


WORKFLOW_STEPS = (
    "submit",
    "approve",
    "send_back",
    "publish",
    "unpublish",
    "revert",
    "archive",
    "restore",
)
# Steps that first show what still uses the exercise and ask to confirm.
CONFIRMED_STEPS = ("unpublish", "archive")


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    change_form_template = "admin/exercises/exercise/change_form.html"
    list_display = [
        "slug",
        "title_nl",
        "title_en",
        "theme",
        "level",
        "audience",
        "minutes",
        "status",
        "live_version",
    ]
    list_filter = ["status", "theme", "level", "audience", TranslationFilter]
    search_fields = ["slug", "title_nl", "title_en", "summary_nl", "summary_en"]
    list_select_related = ["current_version"]
    readonly_fields = ["workflow_status", "live_version", "publish_check", "preview_links"]
    inlines = [DraftPromptInline, VersionInline]
    fieldsets = [
        (None, {"fields": ["slug", "theme", "level", "audience", "safe_while_paused", "minutes"]}),
        (
            _("Texts"),
            {
                "fields": [
                    ("title_nl", "title_en"),
                    ("summary_nl", "summary_en"),
                    ("intro_nl", "intro_en"),
                ]
            },
        ),
        (
            _("Publication"),
            {"fields": ["workflow_status", "live_version", "publish_check", "preview_links"]},
        ),
    ]
    actions = [
        _confirmed_action(
            name="publish",
            description=_("Publish the selected exercises (a new version each)"),
            service=_publish,
            done=_("Published %(count)s exercise(s)."),
            check_publish=True,
        ),
        _confirmed_action(
            name="unpublish",
            description=_("Unpublish the selected exercises"),
            service=_unpublish,
            done=_("Unpublished %(count)s exercise(s)."),
        ),
        _confirmed_action(
            name="archive",
            description=_("Archive the selected exercises"),
            service=_archive,
            done=_("Archived %(count)s exercise(s)."),
        ),
        _confirmed_action(
            name="duplicate",
            description=_("Duplicate the selected exercises as new drafts"),
            service=_duplicate,
            done=_("Duplicated %(count)s exercise(s) as new drafts."),
        ),
    ]

    @admin.display(description=_("status"))
    def workflow_status(self, obj: Exercise) -> str:
        if obj._state.adding:
            return str(WORKFLOW_LABELS[WorkflowStatus.DRAFT])
        return exercise_workflow(exercise=obj).label

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        """An archived exercise is read-only until it is restored."""
        return not _archived(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return not _archived(obj) and super().has_delete_permission(request, obj)

    def save_formset(self, request, form, formset, change) -> None:
        """Prompts: a new one without a position goes to the end; then 1..n, in the order the
        positions say (ties keep the order on the page)."""
        if formset.model is not DraftPrompt:
            return super().save_formset(request, form, formset, change)
        formset.save()
        kept = [
            (f.cleaned_data.get("position") or 0, i, f)
            for i, f in enumerate(formset.forms)
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and not f.instance._state.adding
        ]
        ids = [f.instance.pk for *_key, f in sorted(kept, key=lambda item: item[:2])]
        draft_prompts_renumber(exercise=form.instance, ordered_ids=ids)
        return None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        exercise = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if exercise is not None:
            workflow = exercise_workflow(exercise=exercise)
            review = workflow.review
            extra.update(
                workflow=workflow,
                checklist=SAFETY_CHECKLIST,
                may_edit=request.user.has_perm("exercises.change_exercise"),
                may_decide=review is not None
                and review.decision == ReviewDecision.PENDING
                and review.submitted_by_id != request.user.pk,
                statuses=WorkflowStatus,
                has_live=exercise.current_version_id is not None,
                is_published=exercise.status == Status.PUBLISHED,
            )
        return super().change_view(request, object_id, form_url, extra)

    @admin.display(description=_("live version"))
    def live_version(self, obj: Exercise) -> str:
        return f"v{obj.current_version.number}" if obj.current_version else "—"

    @admin.display(description=_("ready to publish?"))
    def publish_check(self, obj: Exercise) -> str:
        if obj.pk is None:
            return "—"
        problems = exercise_publish_problems(exercise=obj)
        if not problems:
            return _("Yes: the draft passes every check.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((p.message,) for p in problems))
        )

    @admin.display(description=_("preview"))
    def preview_links(self, obj: Exercise) -> str:
        """The draft in the real app at phone size (answering and the reveal), per language."""
        if obj.pk is None:
            return "—"
        return format_html_join(
            " · ",
            '<a href="/preview/{}/{}" target="_blank" rel="noopener">{}</a>',
            (
                (obj.pk, lang, _("in the app (%(language)s)") % {"language": lang.upper()})
                for lang in LANGUAGES
            ),
        )

    def get_urls(self):
        return [
            path(
                "<uuid:exercise_id>/workflow/<str:step>/",
                self.admin_site.admin_view(self.workflow_view),
                name="exercises_exercise_workflow",
            ),
            path(
                "<uuid:exercise_id>/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="exercises_exercise_compare",
            ),
            path(
                "<uuid:exercise_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="exercises_exercise_preview",
            ),
            *super().get_urls(),
        ]

    def _context(self, request: HttpRequest, exercise: Exercise, title: str) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": exercise,
            "title": title,
        }

    def workflow_view(self, request: HttpRequest, exercise_id, step: str) -> HttpResponse:
        """One button of the change page's publication panel: each calls one service."""
        if step not in WORKFLOW_STEPS:
            raise Http404
        if not request.user.has_perm("exercises.change_exercise"):
            raise PermissionDenied
        exercise = get_object_or_404(
            Exercise.objects.select_related("current_version"), pk=exercise_id
        )
        change_url = reverse("admin:exercises_exercise_change", args=[exercise.pk])
        if request.method != "POST" or (
            step in CONFIRMED_STEPS and request.POST.get("confirmed") != "yes"
        ):
            if step not in CONFIRMED_STEPS:
                return HttpResponseRedirect(change_url)
            usage = exercise_usage(exercise=exercise)
            context = {
                **self._context(request, exercise, _("Are you sure?")),
                "step": step,
                "usage": [(USAGE_LABELS.get(name, name), count) for name, count in usage.items()],
                "in_use": any(usage.values()),
            }
            return TemplateResponse(request, "admin/exercises/exercise/confirm_step.html", context)
        try:
            self._run_step(request, exercise, step)
        except DomainError as error:
            self.message_user(request, error.message, messages.ERROR)
        return HttpResponseRedirect(change_url)

    def _run_step(self, request: HttpRequest, exercise: Exercise, step: str) -> None:
        user = request.user
        if step in ("approve", "send_back"):
            review = get_object_or_404(
                ExerciseReview, pk=request.POST.get("review"), exercise=exercise
            )
            if step == "approve":
                exercise_review_approve(
                    review=review, by=user, checklist=request.POST.getlist("checklist")
                )
                self.message_user(request, _("Approved: it can be published now."))
            else:
                exercise_review_send_back(
                    review=review, by=user, comment=request.POST.get("comment", "")
                )
                self.message_user(request, _("Sent back to the writer with your comment."))
        elif step == "submit":
            exercise_submit_for_review(exercise=exercise, by=user)
            self.message_user(request, _("Submitted: a second editor can now review it."))
        elif step == "publish":
            version = exercise_publish(exercise=exercise, by=user)
            self.message_user(request, _("Published as v%(number)s.") % {"number": version.number})
        elif step == "unpublish":
            exercise_unpublish(exercise=exercise)
            self.message_user(
                request, _("Unpublished; sessions already started keep their version.")
            )
        elif step == "revert":
            exercise_revert_to_live(exercise=exercise)
            self.message_user(request, _("The draft is the live version again."))
        elif step == "archive":
            exercise_archive(exercise=exercise)
            self.message_user(request, _("Archived; it is read-only until you restore it."))
        elif step == "restore":
            exercise_restore(exercise=exercise)
            self.message_user(request, _("Restored as a draft."))

    def compare_view(self, request: HttpRequest, exercise_id) -> HttpResponse:
        """The draft next to the live version: only what differs."""
        exercise = get_object_or_404(
            Exercise.objects.select_related("current_version"), pk=exercise_id
        )
        if not self.has_view_or_change_permission(request, exercise):
            raise PermissionDenied
        context = {
            **self._context(request, exercise, _("Compare the draft with the live version")),
            "rows": exercise_diff(exercise=exercise),
            "version": exercise.current_version,
        }
        return TemplateResponse(request, "admin/exercises/exercise/compare.html", context)

    def preview_view(self, request: HttpRequest, exercise_id) -> HttpResponse:
        """The old admin-page preview: editors have one preview now, the PWA's at phone size
        (``/preview/<id>/<language>``); old links land there."""
        exercise = get_object_or_404(Exercise, pk=exercise_id)
        if not self.has_view_or_change_permission(request, exercise):
            raise PermissionDenied
        language = library_language(request.GET.get("language"))
        return HttpResponseRedirect(f"/preview/{exercise.pk}/{language}")


class PromptInline(ReadOnlyStackedInline):
    model = Prompt
    ordering = ["position"]
    fieldsets = PROMPT_FIELDSETS


@admin.register(ExerciseVersion)
class ExerciseVersionAdmin(PeopleAsText, ReadOnlyAdmin):
    """Published versions are history: readable, never editable."""

    list_display = [
        "exercise",
        "number",
        "published_at",
        "published_by_name",
        "approved_by_name",
        "title_nl",
    ]
    list_filter = ["theme"]
    search_fields = ["exercise__slug", "title_nl", "title_en"]
    list_select_related = ["exercise", "published_by", "approved_by"]
    inlines = [PromptInline]
    exclude = ["published_by", "approved_by", "submitted_by", "safety_checklist"]
    readonly_fields = [
        "published_by_name",
        "submitted_by_name",
        "approved_by_name",
        "approved_at",
        "checklist_ticked",
    ]

    @admin.display(description=_("safety checklist"))
    def checklist_ticked(self, obj: ExerciseVersion) -> str:
        if not obj.safety_checklist:
            return "—"
        labels = dict(SAFETY_CHECKLIST)
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "", "<li>✓ {}</li>", ((labels.get(key, key),) for key in obj.safety_checklist)
            ),
        )

"""Admin: help resources are curated by content editors; check-ins and reports are visible to
superusers as monthly counts only (no outcomes, no notes, no people). Content editors, even
with every ``safety.*helpresource`` permission, see nothing of check-ins or reports."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from project.admin import ReadOnlyAdmin

from .models import HelpResource, SafetyCheckIn
from .selectors import (
    help_resource_needs_check,
    help_resources,
    help_resources_needing_check,
    monthly_counts,
)
from .services import help_resource_save, help_resources_mark_verified


class VerificationFilter(admin.SimpleListFilter):
    """What needs a person to check it: never checked against a source, or not for half a year."""

    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [("needs_check", _("needs checking")), ("checked", _("checked recently"))]

    def queryset(self, request, queryset):
        if self.value() == "needs_check":
            return help_resources_needing_check(queryset)
        if self.value() == "checked":
            return queryset.exclude(pk__in=help_resources_needing_check(queryset))
        return queryset


@admin.register(HelpResource)
class HelpResourceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "country",
        "language",
        "kind",
        "phone_display",
        "order",
        "active",
        "last_verified",
        "needs_check",
    ]
    list_filter = [VerificationFilter, "country", "language", "kind", "active", "free"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_editable = ["order", "active"]
    search_fields = ["name", "phone", "phone_display", "url", "description"]
    ordering = ["country", "language", "kind", "order", "name"]
    fieldsets = [
        (None, {"fields": ["country", "language", "kind", "name", "description"]}),
        (
            _("How to reach them"),
            {
                "fields": [
                    ("phone", "call_link"),
                    "phone_display",
                    "sms",
                    "chat_url",
                    "url",
                    "hours",
                    "open_24_7",
                    ("free", "cost"),
                ]
            },
        ),
        (
            _("Checked against"),
            {
                "fields": ["source_url", "verification"],
                "description": _(
                    "Changing a number, address, the hours or the cost clears the verification. "
                    "Check the entry against its source, then use the action “Mark as verified "
                    "today”."
                ),
            },
        ),
        (None, {"fields": ["order", "active"]}),
    ]
    readonly_fields = ["call_link", "verification"]
    actions = ["mark_verified"]

    @admin.display(description=_("call link"))
    def call_link(self, resource: HelpResource) -> str:
        if not resource.phone:
            return "—"
        return format_html(
            '<a href="tel:{}">{}</a>', resource.phone, resource.phone_display or resource.phone
        )

    @admin.display(description=_("last verified"))
    def verification(self, resource: HelpResource) -> str:
        if resource.last_verified is None:
            return str(_("Never checked against its source."))
        name = resource.verified_by.display_name if resource.verified_by else "—"
        return str(_("%(date)s by %(name)s")) % {"date": resource.last_verified, "name": name}

    @admin.action(description=_("Mark as verified today (checked against the source)"))
    def mark_verified(self, request, queryset) -> None:
        resources = list(queryset)
        count = help_resources_mark_verified(resources=resources, by=request.user)
        self.message_user(request, _("Marked %(count)s as verified.") % {"count": count})
        if count < len(resources):
            self.message_user(
                request,
                _("Entries without a source address were left unverified."),
                messages.WARNING,
            )

    def save_model(self, request, obj, form, change) -> None:
        help_resource_save(resource=obj, changed=form.changed_data if change else [])

    def get_urls(self):
        return [
            path(
                "preview/",
                self.admin_site.admin_view(self.preview_view),
                name="safety_helpresource_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request):
        """Each country's help-first list as a person there sees it, emergency number first."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        countries = sorted(
            set(HelpResource.objects.filter(active=True).values_list("country", flat=True))
        )
        country = request.GET.get("country", countries[0] if countries else "")
        language = request.GET.get("language", "nl")
        language = language if language in ("nl", "en") else "nl"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Preview: help comes first"),
            "countries": countries,
            "country": country,
            "language": language,
            "languages": ("nl", "en"),
            "resources": help_resources(country=country, language=language),
        }
        return TemplateResponse(request, "admin/safety/helpresource/preview.html", context)

    def changelist_view(self, request, extra_context=None):
        extra = {"preview_url": reverse("admin:safety_helpresource_preview")}
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    @admin.display(boolean=True, description=_("needs checking"))
    def needs_check(self, resource: HelpResource) -> bool:
        return help_resource_needs_check(resource)


class SafetyCountsAdmin(ReadOnlyAdmin):
    """A single page of counts in place of a change list; every object view is gone."""

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return obj is None and self.has_module_permission(request)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "",
                self.admin_site.admin_view(self.changelist_view),
                name="{}_{}_changelist".format(*info),
            )
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_module_permission(request):
            raise Http404
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Safety check-ins and reports per month"),
            "rows": monthly_counts(),
        }
        return TemplateResponse(request, "admin/safety/counts.html", context)


admin.site.register(SafetyCheckIn, SafetyCountsAdmin)

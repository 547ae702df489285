"""Admin: help resources are curated by content editors; check-ins and reports are visible to
superusers as monthly counts only (no outcomes, no notes, no people). Content editors, even
with every ``safety.*helpresource`` permission, see nothing of check-ins or reports."""

from django.contrib import admin
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from project.admin import ReadOnlyAdmin

from .models import HelpResource, SafetyCheckIn
from .selectors import (
    help_resource_needs_check,
    help_resources_needing_check,
    monthly_counts,
)


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
            {"fields": ["phone", "phone_display", "sms", "chat_url", "url", "hours", "open_24_7"]},
        ),
        (_("Checked against"), {"fields": ["source_url", "last_verified"]}),
        (None, {"fields": ["free", "order", "active"]}),
    ]

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

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from project.admin import ReadOnlyAdmin

from .application_services import therapist_application_verify
from .models import TherapistApplication, TherapistLink


@admin.register(TherapistApplication)
class TherapistApplicationAdmin(admin.ModelAdmin):
    """Applications are read here and verified with the action; nobody edits them by hand."""

    list_display = [
        "name",
        "practice",
        "registration_number",
        "country",
        "created_at",
        "verified_at",
    ]
    list_filter = [("verified_at", admin.EmptyFieldListFilter), "country"]
    search_fields = ["name", "practice", "registration_number", "user__email"]
    fields = [
        "user",
        "name",
        "practice",
        "registration_number",
        "country",
        "created_at",
        "verified_at",
        "verified_by",
    ]
    readonly_fields = fields
    actions = ["verify"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_verify_permission(self, request) -> bool:
        # Only superusers: verifying decides who may follow couples' progress.
        return request.user.is_superuser

    @admin.action(permissions=["verify"], description=_("Verify and make therapist"))
    def verify(self, request, queryset) -> None:
        for application in queryset:
            therapist_application_verify(application=application, by=request.user)
        self.message_user(
            request,
            _("%(count)d application(s) verified.") % {"count": queryset.count()},
            messages.SUCCESS,
        )


@admin.register(TherapistLink)
class TherapistLinkAdmin(ReadOnlyAdmin):
    list_display = [
        "id",
        "therapist",
        "couple_id",
        "status",
        "created_at",
        "activated_at",
        "ended_at",
    ]
    list_filter = ["status"]
    search_fields = ["=id", "=couple__id", "therapist__email"]
    # The code digest stays out: support never needs it.
    fields = [
        "id",
        "therapist",
        "couple_id",
        "status",
        "created_at",
        "expires_at",
        "activated_at",
        "ended_at",
        "ended_by_id",
    ]
    readonly_fields = fields

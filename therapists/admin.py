from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from project.admin import ReadOnlyAdmin
from project.errors import DomainError

from .application_services import (
    therapist_application_review_start,
    therapist_application_verify,
)
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
        "review_started_at",
        "verified_at",
        "verified_by",
    ]
    readonly_fields = fields
    actions = ["start_review", "verify"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_verify_permission(self, request) -> bool:
        # Only superusers: verifying decides who may follow couples' progress.
        return request.user.is_superuser

    @admin.action(
        permissions=["verify"], description=_("Start the review (the applicant can no longer edit)")
    )
    def start_review(self, request, queryset) -> None:
        for application in queryset:
            therapist_application_review_start(application=application, by=request.user)
        self.message_user(
            request,
            _("%(count)d application(s) frozen for review.") % {"count": queryset.count()},
            messages.SUCCESS,
        )

    @admin.action(permissions=["verify"], description=_("Verify and make therapist"))
    def verify(self, request, queryset) -> None:
        verified = 0
        for application in queryset:
            try:
                therapist_application_verify(application=application, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{application}: {error.message}", messages.ERROR)
            else:
                verified += 1
        self.message_user(
            request,
            _("%(count)d application(s) verified.") % {"count": verified},
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

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import TherapistApplication, User
from .therapist_services import therapist_application_verify


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "language", "country", "is_therapist", "is_staff"]
    list_filter = ["is_therapist", "is_staff", "is_superuser", "is_active", "language"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["date_joined", "last_login"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "language", "country"]}),
        (_("Therapist"), {"fields": ["is_therapist"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]})
    ]

    def has_change_permission(self, request, obj=None) -> bool:
        # change_user would otherwise let a staff member set a superuser's password or address
        # and sign in as them: only a superuser changes (or deletes) a superuser.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # Verifying a therapist's registration is an admin's job, nobody else's.
        if not request.user.is_superuser:
            fields += ["is_therapist", "is_superuser", "is_staff", "groups", "user_permissions"]
        return fields


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

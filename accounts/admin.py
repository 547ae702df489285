from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "language", "country", "is_therapist", "is_staff"]
    list_filter = ["is_therapist", "is_staff", "is_superuser", "is_active", "language"]
    search_fields = ["email", "display_name"]
    # A therapist is made only by verifying their application (therapists' admin action), so
    # nobody ticks it here, not even a superuser.
    readonly_fields = ["date_joined", "last_login", "is_therapist"]
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
        if not request.user.is_superuser:
            fields += ["is_superuser", "is_staff", "groups", "user_permissions"]
        return fields

"""Admin pieces every app shares."""

from django.contrib import admin


class ReadOnly:
    """Nobody adds, changes or deletes these by hand: history and support views only."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    """For support: ids, dates and states only."""


class ReadOnlyTabularInline(ReadOnly, admin.TabularInline):
    can_delete = False
    extra = 0


class ReadOnlyStackedInline(ReadOnly, admin.StackedInline):
    can_delete = False
    extra = 0

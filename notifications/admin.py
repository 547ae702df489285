"""Read-only support views: is the outbox draining, which devices does a person have. No
endpoints or keys are shown (they are capabilities), and there is no content to show."""

from django.contrib import admin

from .models import OutboxMessage, PushSubscription


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "event",
        "channel",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
    ]
    list_filter = ["status", "channel", "event"]
    fields = [*list_display, "sent_at", "expires_at"]
    ordering = ["-created_at"]


@admin.register(PushSubscription)
class PushSubscriptionAdmin(ReadOnlyAdmin):
    list_display = ["user", "user_agent", "created_at", "last_used_at"]
    fields = list_display
    list_select_related = ["user"]
    search_fields = ["user__email"]

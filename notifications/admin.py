"""Read-only support views: is the outbox draining, which devices does a person have. No
endpoints or keys are shown (they are capabilities), and there is no content to show."""

from django.contrib import admin

from project.admin import ReadOnlyAdmin

from .models import OutboxMessage, PushSubscription


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

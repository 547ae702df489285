from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from project.admin import ReadOnlyAdmin

from .models import CoupleSession, DailyQuestion


@admin.register(CoupleSession)
class CoupleSessionAdmin(ReadOnlyAdmin):
    """Couple sessions for support: ids, status, dates and counts only. Never an answer, a
    reaction, a name or anything a partner wrote; nothing can be changed here."""

    list_display = [
        "id",
        "status",
        "created_at",
        "completed_at",
        "abandoned_at",
        "answer_count",
        "reveal_count",
        "reaction_count",
    ]
    list_filter = ["status"]
    search_fields = ["=id"]
    date_hierarchy = "created_at"
    fields = [
        "id",
        "couple_id",
        "exercise_id",
        "version_id",
        "status",
        "current_index",
        "paused",
        "created_at",
        "updated_at",
        "completed_at",
        "abandoned_at",
        "answer_count",
        "reveal_count",
        "reaction_count",
    ]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[CoupleSession]:
        return (
            super()
            .get_queryset(request)
            .only(*(name for name in self.fields if not name.endswith("_count")))
            .annotate(
                answers_counted=Count("answers", distinct=True),
                reveals_counted=Count("reveals", distinct=True),
                reactions_counted=Count("reactions", distinct=True),
            )
        )

    @admin.display(description=_("answers"), ordering="answers_counted")
    def answer_count(self, session: CoupleSession) -> int:
        return session.answers_counted

    @admin.display(description=_("revealed"), ordering="reveals_counted")
    def reveal_count(self, session: CoupleSession) -> int:
        return session.reveals_counted

    @admin.display(description=_("reactions"), ordering="reactions_counted")
    def reaction_count(self, session: CoupleSession) -> int:
        return session.reactions_counted


@admin.register(DailyQuestion)
class DailyQuestionAdmin(admin.ModelAdmin):
    """The curated daily question pool, in both languages. Answers are never shown here."""

    list_display = ["key", "position", "level", "text_nl", "text_en", "active"]
    list_editable = ["position", "active"]
    list_filter = ["level", "active"]
    search_fields = ["key", "text_nl", "text_en"]
    ordering = ["position", "key"]

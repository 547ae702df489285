from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from project.admin import ReadOnlyAdmin, ReadOnlyTabularInline

from .models import Couple, CoupleMember, PartnerInvite


class CoupleMemberInline(ReadOnlyTabularInline):
    model = CoupleMember
    fields = ["user_id", "seat", "active"]
    readonly_fields = fields


@admin.register(Couple)
class CoupleAdmin(ReadOnlyAdmin):
    list_display = ["id", "created_at", "ended_at", "is_active"]
    list_filter = [("ended_at", admin.EmptyFieldListFilter)]
    search_fields = ["=id", "=members__user__id"]
    fields = ["id", "created_at", "ended_at"]
    readonly_fields = fields
    inlines = [CoupleMemberInline]

    @admin.display(boolean=True, description=_("active"))
    def is_active(self, couple: Couple) -> bool:
        return couple.is_active


@admin.register(PartnerInvite)
class PartnerInviteAdmin(ReadOnlyAdmin):
    list_display = [
        "id",
        "inviter_id",
        "state",
        "created_at",
        "expires_at",
        "used_at",
        "revoked_at",
    ]
    search_fields = ["=id", "=inviter__id"]
    # The code digest stays out: support never needs it.
    fields = [
        "id",
        "inviter_id",
        "state",
        "created_at",
        "expires_at",
        "used_at",
        "revoked_at",
        "couple_id",
    ]
    readonly_fields = fields

    @admin.display(description=_("state"))
    def state(self, invite: PartnerInvite) -> str:
        return invite.state.label

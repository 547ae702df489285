from zoneinfo import available_timezones

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Event, NotificationPreference, PushSubscription, default_event_channels


class VapidPublicKeyOutputSerializer(serializers.Serializer):
    public_key = serializers.CharField(
        allow_blank=True, help_text="applicationServerKey; empty when push is switched off."
    )


class SubscriptionKeysSerializer(serializers.Serializer):
    p256dh = serializers.RegexField(r"^[A-Za-z0-9_-]+=*$", max_length=200)
    auth = serializers.RegexField(r"^[A-Za-z0-9_-]+=*$", max_length=100)


class SubscriptionInputSerializer(serializers.Serializer):
    """The browser's ``PushSubscription.toJSON()``, plus a label for the device list."""

    endpoint = serializers.URLField(max_length=1000)
    keys = SubscriptionKeysSerializer()
    user_agent = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)


class SubscriptionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = PushSubscription
        fields = ["id", "endpoint", "user_agent", "created_at", "last_used_at"]
        read_only_fields = fields


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
        "example": "22:00",
        "description": "A time of day in the person's own time zone, as HH:MM.",
    }
)
class ClockTimeField(serializers.TimeField):
    """A time of day as ``HH:MM``: what ``<input type="time">`` gives and shows. (``format:
    time`` in OpenAPI means RFC 3339, which needs seconds and an offset; a quiet hour has
    neither.)"""

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%H:%M", input_formats=["%H:%M"], **kwargs)


class ChannelChoiceSerializer(serializers.Serializer):
    push = serializers.BooleanField(required=False)
    email = serializers.BooleanField(required=False)


class EventChannelsSerializer(serializers.Serializer):
    """One entry per event: on which channels the person wants to hear about it."""

    partner_started = ChannelChoiceSerializer(required=False)
    partner_waiting = ChannelChoiceSerializer(required=False)
    ready_to_reveal = ChannelChoiceSerializer(required=False)
    assignment_created = ChannelChoiceSerializer(required=False)
    assignment_due = ChannelChoiceSerializer(required=False)
    weekly_reminder = ChannelChoiceSerializer(required=False)
    daily_question = ChannelChoiceSerializer(required=False)
    session_shared = ChannelChoiceSerializer(required=False)
    assignment_overdue = ChannelChoiceSerializer(required=False)


class PreferenceOutputSerializer(serializers.ModelSerializer):
    events = serializers.SerializerMethodField()
    quiet_hours_start = ClockTimeField(allow_null=True, read_only=True)
    quiet_hours_end = ClockTimeField(allow_null=True, read_only=True)

    class Meta:
        model = NotificationPreference
        fields = [
            "events",
            "email_enabled",
            "detailed_texts",
            "weekly_reminder",
            "daily_reminder",
            "quiet_hours_start",
            "quiet_hours_end",
            "timezone",
            "device_moved_at",
        ]
        read_only_fields = fields

    @extend_schema_field(EventChannelsSerializer)
    def get_events(self, preference: NotificationPreference) -> dict[str, dict[str, bool]]:
        stored, defaults = preference.event_channels, default_event_channels()
        return {
            event.value: {
                "push": bool((stored.get(event.value) or defaults[event.value]).get("push")),
                "email": bool((stored.get(event.value) or defaults[event.value]).get("email")),
            }
            for event in Event
        }


class PreferenceUpdateInputSerializer(serializers.Serializer):
    events = EventChannelsSerializer(required=False)
    email_enabled = serializers.BooleanField(required=False)
    detailed_texts = serializers.BooleanField(required=False)
    weekly_reminder = serializers.BooleanField(required=False)
    daily_reminder = serializers.BooleanField(required=False)
    quiet_hours_start = ClockTimeField(required=False, allow_null=True)
    quiet_hours_end = ClockTimeField(required=False, allow_null=True)
    timezone = serializers.CharField(required=False, max_length=64)
    # The person read the notice that a browser now notifies another account.
    device_moved_seen = serializers.BooleanField(required=False)

    def validate_timezone(self, value: str) -> str:
        if value not in available_timezones():
            raise serializers.ValidationError(_("Pick a time zone from the list."))
        return value

    def validate(self, attrs: dict) -> dict:
        if "events" in attrs:
            attrs["event_channels"] = attrs.pop("events")
        if attrs.pop("device_moved_seen", False):
            attrs["device_moved_at"] = None
        return attrs

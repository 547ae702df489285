from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from exercises.serializers import PromptOutputSerializer

from .models import NotNow, ParticipantState, SessionStatus


class SessionStartInputSerializer(serializers.Serializer):
    """Exactly one of ``exercise`` (a slug from the library) or ``assignment`` (the id of one
    of my couple's assignments: the session is then linked to it)."""

    exercise = serializers.SlugField(max_length=80, required=False)
    assignment = serializers.UUIDField(required=False)

    def validate(self, attrs: dict) -> dict:
        if ("exercise" in attrs) == ("assignment" in attrs):
            message = _("Send either an exercise or an assignment.")
            raise serializers.ValidationError({"exercise": [message], "assignment": [message]})
        return attrs


class AnswerInputSerializer(serializers.Serializer):
    # The shape depends on the prompt's kind; the service validates it.
    value = serializers.JSONField(allow_null=True, default=None)
    keep_private = serializers.BooleanField(default=False)


class ExerciseRefOutputSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()


class SessionSummaryOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    solo = serializers.BooleanField(
        help_text="A session for me alone (a solo exercise): never revealed, no partner."
    )
    exercise = ExerciseRefOutputSerializer()
    status = serializers.ChoiceField(choices=SessionStatus.choices)
    created_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)


class SessionListOutputSerializer(SessionSummaryOutputSerializer):
    # A plain string: the same choice set as ``message`` under a second name would be a second
    # enum in the schema.
    partner_not_now = serializers.CharField(
        allow_null=True,
        help_text='The partner\'s "not now" message key (see `message` of not-now) while the '
        "session is open, else null.",
    )


class NotNowInputSerializer(serializers.Serializer):
    message = serializers.ChoiceField(choices=NotNow.choices)


class NotNowOutputSerializer(serializers.Serializer):
    message = serializers.ChoiceField(choices=NotNow.choices)
    at = serializers.DateTimeField()


class AnswerValueOutputSerializer(serializers.Serializer):
    value = serializers.JSONField(allow_null=True)
    keep_private = serializers.BooleanField()


class MyAnswerOutputSerializer(AnswerValueOutputSerializer):
    prompt = serializers.UUIDField()


class SessionMeOutputSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=ParticipantState.choices)
    not_now = NotNowOutputSerializer(allow_null=True)
    answers = MyAnswerOutputSerializer(many=True)


class SessionPartnerOutputSerializer(serializers.Serializer):
    display_name = serializers.CharField()
    state = serializers.ChoiceField(choices=ParticipantState.choices)
    not_now = NotNowOutputSerializer(allow_null=True)


class RevealedOutputSerializer(serializers.Serializer):
    prompt = serializers.UUIDField()
    mine = AnswerValueOutputSerializer()
    partner = AnswerValueOutputSerializer(
        allow_null=True, help_text="Null once the couple has ended: each keeps only their own."
    )


class SessionDetailOutputSerializer(SessionSummaryOutputSerializer):
    prompts = PromptOutputSerializer(many=True)
    me = SessionMeOutputSerializer()
    partner = SessionPartnerOutputSerializer(
        allow_null=True, help_text="Null once the couple has ended."
    )
    revealed = RevealedOutputSerializer(many=True)


class SessionAlreadyOpenOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    session = serializers.UUIDField()


class SessionReactionsOutputSerializer(serializers.Serializer):
    prompt = serializers.UUIDField()
    # "from" is a Python keyword: the field is named here and renamed in the output.
    sender = serializers.ChoiceField(choices=["me", "partner"], source="from")
    reaction = serializers.CharField()
    at = serializers.DateTimeField()

    def to_representation(self, instance: dict) -> dict:
        data = super().to_representation(instance)
        data["from"] = data.pop("sender")
        return data

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .content import ANSWERS, QUESTIONS
from .models import NOTE_MAX_LENGTH, CheckInOutcome, HelpResource, HelpResourceKind


class QuestionSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()
    danger = serializers.BooleanField(help_text="A danger item: a yes means urgent.")


class TitledTextSerializer(serializers.Serializer):
    title = serializers.CharField()
    text = serializers.CharField()


class CheckInOutputSerializer(serializers.Serializer):
    due = serializers.BooleanField()
    last_at = serializers.DateTimeField(allow_null=True)
    why = TitledTextSerializer(help_text="Why everyone is asked, said before the questions.")
    alone_question = serializers.CharField()
    questions = QuestionSerializer(many=True)


# A pattern, not an enum: spectacular would name one shared enum once per question.
@extend_schema_field({"type": "string", "pattern": "^(yes|no|rather_not_say)$"})
class AnswerField(serializers.ChoiceField):
    def __init__(self, **kwargs) -> None:
        super().__init__(choices=ANSWERS, **kwargs)


# One required field per question, so a missing or odd answer gets its own message.
CheckInAnswersSerializer = type(
    "CheckInAnswersSerializer",
    (serializers.Serializer,),
    {question.id: AnswerField() for question in QUESTIONS},
)


class CheckInInputSerializer(serializers.Serializer):
    alone = serializers.BooleanField(
        help_text=_("False leaves the check-in at once and stores nothing.")
    )
    answers = CheckInAnswersSerializer(
        required=False, help_text=_("Every question answered with yes, no or rather_not_say.")
    )

    def to_internal_value(self, data):
        # Leaving because someone is around must always work, whatever else was sent along:
        # the answers are not even read (check_in_submit holds the rule itself).
        if isinstance(data, dict) and data.get("alone") is False:
            data = {"alone": False}
        return super().to_internal_value(data)


class BlankAsNullURLField(serializers.URLField):
    """A web address, or null when there is none (stored as "", which is no URI)."""

    def to_representation(self, value: str) -> str | None:
        return value or None


class HelpResourceSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=HelpResourceKind.choices)
    phone = serializers.CharField(
        allow_null=True,
        read_only=True,
        help_text="One dialable number (digits, optional leading +): the tel: link. Or null.",
    )
    url = BlankAsNullURLField(
        allow_null=True, read_only=True, help_text="The website; null for one without."
    )
    chat_url = BlankAsNullURLField(
        allow_null=True, read_only=True, help_text="Where to chat; null for no chat."
    )
    source_url = BlankAsNullURLField(
        allow_null=True, read_only=True, help_text="The page this entry was checked against."
    )

    class Meta:
        model = HelpResource
        fields = [
            "id",
            "country",
            "kind",
            "name",
            "description",
            "phone",
            "phone_display",
            "sms",
            "chat_url",
            "url",
            "hours",
            "open_24_7",
            "free",
            "cost",
            "source_url",
            "last_verified",
            "language",
        ]
        read_only_fields = fields


AboutUnsafetySerializer = TitledTextSerializer


class HelpSectionSerializer(serializers.Serializer):
    id = serializers.CharField()
    title = serializers.CharField()
    text = serializers.CharField()
    items = serializers.ListField(child=serializers.CharField())


class QuickExitSerializer(serializers.Serializer):
    url = serializers.URLField()
    hint = serializers.CharField()


class HelpOutputSerializer(serializers.Serializer):
    """The help-first screen's content: resources, emergency number first."""

    country = serializers.CharField(allow_blank=True)
    resources = HelpResourceSerializer(many=True)
    about_unsafety = AboutUnsafetySerializer()
    sections = HelpSectionSerializer(many=True)
    quick_exit = QuickExitSerializer()


class OutcomeOutputSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=CheckInOutcome.choices)
    paused = serializers.BooleanField()
    can_resume_at = serializers.DateTimeField(allow_null=True)
    pause_text = serializers.CharField(allow_blank=True)
    message = TitledTextSerializer(
        allow_null=True,
        help_text="urgent: what to do now; rather-not-say: that nothing was paused.",
    )
    resources = HelpResourceSerializer(many=True)
    about_unsafety = AboutUnsafetySerializer(allow_null=True)
    sections = HelpSectionSerializer(many=True)
    quick_exit = QuickExitSerializer()


class ResourcesQuerySerializer(serializers.Serializer):
    country = serializers.RegexField(
        r"^[A-Za-z]{2}$",
        required=False,
        help_text=_("ISO 3166 alpha-2 code; UK is accepted for GB. Defaults to my country."),
    )


class ReportInputSerializer(serializers.Serializer):
    note = serializers.CharField(
        max_length=NOTE_MAX_LENGTH, required=False, allow_blank=True, default=""
    )
    share_with_therapist = serializers.BooleanField(required=False, default=False)


class ReportUpdateInputSerializer(serializers.Serializer):
    share_with_therapist = serializers.BooleanField()


class ReportOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    note = serializers.CharField(allow_null=True)
    share_with_therapist = serializers.BooleanField(
        help_text="Shared with the therapist link that existed when the person chose to share."
    )


class StatusOutputSerializer(serializers.Serializer):
    paused = serializers.BooleanField()
    paused_since = serializers.DateTimeField(allow_null=True)
    can_resume_at = serializers.DateTimeField(allow_null=True)
    check_in_due = serializers.BooleanField()


class ReportCreateOutputSerializer(OutcomeOutputSerializer):
    report = ReportOutputSerializer()

from rest_framework import serializers

from pairing.serializers import DisplayNameSerializer
from sessions.serializers import ExerciseRefOutputSerializer

from .assignment_serializers import TherapistCoupleDetailSerializer
from .caseload_services import NOTE_MAX_LENGTH
from .serializers import TherapistInviteOutputSerializer


class AttentionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["new_report", "overdue", "new_share", "due_soon", "quiet"],
        help_text="What needs attention, most urgent first. new_report: a partner shared a "
        "safety report (their choice, per report) since you last opened the file.",
    )
    assignment = serializers.UUIDField(required=False)
    session = serializers.UUIDField(required=False)
    exercise = ExerciseRefOutputSerializer(required=False)
    due_on = serializers.DateField(required=False, allow_null=True)
    display_name = serializers.CharField(required=False)
    at = serializers.DateTimeField(required=False)


class CaseloadCoupleSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    partners = DisplayNameSerializer(many=True)
    linked_since = serializers.DateTimeField()
    seen_at = serializers.DateTimeField(allow_null=True, help_text="You last opened the file.")
    last_activity_at = serializers.DateTimeField(allow_null=True)
    open_assignments = serializers.IntegerField()
    next_due_on = serializers.DateField(allow_null=True)
    attention = AttentionSerializer(many=True)


class CaseloadSerializer(serializers.Serializer):
    couples = CaseloadCoupleSerializer(many=True, help_text="Who needs attention first.")
    waiting = TherapistInviteOutputSerializer(
        many=True, help_text="Invites waiting for consent; pending: one partner accepted."
    )


class ConsentSerializer(serializers.Serializer):
    display_name = serializers.CharField()
    accepted_at = serializers.DateTimeField()


class TimelineEventSerializer(serializers.Serializer):
    kind = serializers.CharField()
    at = serializers.DateTimeField()
    display_name = serializers.CharField(required=False)
    assignment = serializers.UUIDField(required=False)
    session = serializers.UUIDField(required=False)
    exercise = ExerciseRefOutputSerializer(required=False)


class TherapistCoupleFileSerializer(TherapistCoupleDetailSerializer):
    invited_at = serializers.DateTimeField()
    seen_at = serializers.DateTimeField(allow_null=True)
    consents = ConsentSerializer(many=True)
    timeline = TimelineEventSerializer(many=True, help_text="Newest first; never content.")


class AssignmentUpdateInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    due_on = serializers.DateField(required=False, allow_null=True)


class ClinicalNoteInputSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=NOTE_MAX_LENGTH, allow_blank=True, trim_whitespace=False
    )


class ClinicalNoteSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    text = serializers.CharField(source="body")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

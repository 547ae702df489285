from rest_framework import serializers

from exercises.serializers import PromptOutputSerializer
from pairing.serializers import DisplayNameSerializer
from sessions.serializers import ExerciseRefOutputSerializer


class AssignmentCreateInputSerializer(serializers.Serializer):
    exercise = serializers.SlugField(help_text="The slug of a published exercise.")
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    due_on = serializers.DateField(required=False, allow_null=True, default=None)


class AssignmentSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    exercise = ExerciseRefOutputSerializer()
    note = serializers.CharField()
    due_on = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()


class AssignmentSessionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField()
    created_at = serializers.DateTimeField()


class MyAssignmentSerializer(AssignmentSerializer):
    therapist = DisplayNameSerializer()
    sessions = AssignmentSessionSerializer(many=True)
    completed = serializers.BooleanField(
        help_text="Done together: a session counted for it was completed; it no longer starts."
    )


class SharedAnswerSerializer(serializers.Serializer):
    prompt = PromptOutputSerializer()
    value = serializers.JSONField()


class SharedAnswersSerializer(serializers.Serializer):
    display_name = serializers.CharField()
    shared_at = serializers.DateTimeField()
    answers = SharedAnswerSerializer(many=True)


class PartnerProgressSerializer(serializers.Serializer):
    display_name = serializers.CharField()
    state = serializers.CharField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)


class SessionProgressSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    exercise = ExerciseRefOutputSerializer()
    assignment = serializers.UUIDField(allow_null=True)
    status = serializers.CharField()
    started_at = serializers.DateTimeField()
    revealed = serializers.BooleanField()
    revealed_at = serializers.DateTimeField(allow_null=True)
    completed = serializers.BooleanField()
    completed_at = serializers.DateTimeField(allow_null=True)
    partners = PartnerProgressSerializer(many=True)
    shared = SharedAnswersSerializer(
        many=True, help_text="Only the answers a partner chose to share with you."
    )


class AssignmentProgressSerializer(AssignmentSerializer):
    updated_at = serializers.DateTimeField(allow_null=True)
    withdrawn_at = serializers.DateTimeField(
        allow_null=True, help_text="Withdrawn: the couple no longer sees it."
    )
    overdue = serializers.BooleanField(help_text="Open, and its due date has passed.")
    started = serializers.BooleanField()
    started_at = serializers.DateTimeField(allow_null=True)
    completed = serializers.BooleanField()
    completed_at = serializers.DateTimeField(allow_null=True)
    sessions = SessionProgressSerializer(many=True)


class SharedReportSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    note = serializers.CharField(allow_blank=True)


class CouplePartnerSerializer(serializers.Serializer):
    display_name = serializers.CharField()
    shared_reports = SharedReportSerializer(
        many=True, help_text="Safety reports this partner chose to share with you."
    )


class TherapistCoupleListSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    linked_since = serializers.DateTimeField()
    partners = DisplayNameSerializer(many=True)
    assignments = serializers.IntegerField(help_text="How many assignments you gave them.")


class TherapistCoupleDetailSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    linked_since = serializers.DateTimeField()
    partners = CouplePartnerSerializer(many=True)
    assignments = AssignmentProgressSerializer(many=True)
    shared_sessions = SessionProgressSerializer(
        many=True, help_text="Sessions not from your assignments that a partner shared with you."
    )


class SessionShareOutputSerializer(serializers.Serializer):
    session = serializers.UUIDField(source="session_id")
    shared_at = serializers.DateTimeField()
    therapist = DisplayNameSerializer()

from rest_framework import serializers


class TherapistSerializer(serializers.Serializer):
    display_name = serializers.CharField()
    practice = serializers.CharField(help_text="From the therapist's verified application.")


class TherapistInviteCreateOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="link.id", help_text="To revoke the invite.")
    code = serializers.CharField(help_text="Shown as XXXX-XXXX. Both partners accept it.")
    expires_at = serializers.DateTimeField(help_text="Both partners must accept before this.")


class TherapistInviteOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    state = serializers.CharField(
        source="status", help_text="open: nobody accepted yet; pending: one partner accepted."
    )
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField(help_text="Both partners must accept before this.")


class TherapistInvitePreviewOutputSerializer(serializers.Serializer):
    therapist = TherapistSerializer(source="therapist_card")


class MyTherapistLinkOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="link.id")
    state = serializers.CharField(
        help_text="One of pending, active, expired. "
        "pending: waiting for a partner's consent; active: both accepted; expired: "
        "the second consent did not come in time.",
    )
    therapist = TherapistSerializer(source="therapist_card")
    you_accepted = serializers.BooleanField(source="me_accepted")
    partner_accepted = serializers.BooleanField()
    since = serializers.DateTimeField(source="link.activated_at", allow_null=True)
    expires_at = serializers.DateTimeField(source="link.expires_at")

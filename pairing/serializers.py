from rest_framework import serializers


class DisplayNameSerializer(serializers.Serializer):
    display_name = serializers.CharField()


class InviteCreateOutputSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Shown as XXXX-XXXX.")
    expires_at = serializers.DateTimeField(source="invite.expires_at")
    url = serializers.CharField(help_text="The PWA's link for the partner: /pair/<code>.")


class InvitePreviewOutputSerializer(serializers.Serializer):
    inviter = DisplayNameSerializer()


class CoupleOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="couple.id")
    partner = DisplayNameSerializer()
    since = serializers.DateTimeField(source="couple.created_at")

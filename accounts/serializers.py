from rest_framework import serializers

from .models import Language, User


class MeOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "email", "display_name", "language", "country", "is_therapist"]
        read_only_fields = fields


class MeUpdateInputSerializer(serializers.Serializer):
    display_name = serializers.CharField(max_length=60, required=False, allow_blank=False)
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    country = serializers.RegexField(r"^[A-Za-z]{2}$", required=False)

    def validate_display_name(self, value: str) -> str:
        value = value.strip()
        if not value:
            raise serializers.ValidationError(self.fields["display_name"].error_messages["blank"])
        return value

    def validate_country(self, value: str) -> str:
        return value.upper()

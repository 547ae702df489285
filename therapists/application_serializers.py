from rest_framework import serializers

from .models import TherapistApplication


class TherapistApplicationInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    practice = serializers.CharField(max_length=200)
    registration_number = serializers.CharField(
        max_length=60,
        help_text="In the Netherlands a BIG (11 digits) or AGB (8 digits) number; elsewhere "
        "free text.",
    )


class TherapistApplicationOutputSerializer(serializers.ModelSerializer):
    verified = serializers.BooleanField(source="is_verified")
    under_review = serializers.SerializerMethodField()

    class Meta:
        model = TherapistApplication
        fields = [
            "id",
            "name",
            "practice",
            "registration_number",
            "country",
            "created_at",
            "verified",
            "verified_at",
            "under_review",
        ]
        read_only_fields = fields

    def get_under_review(self, application: TherapistApplication) -> bool:
        return application.review_started_at is not None and not application.is_verified

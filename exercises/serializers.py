from rest_framework import serializers

from accounts.models import Language

from .models import PromptKind, Theme


class ExerciseLibraryInputSerializer(serializers.Serializer):
    theme = serializers.ChoiceField(choices=Theme.choices, required=False)


class OptionOutputSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class PromptOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    position = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=PromptKind.choices)
    text = serializers.CharField()
    help_text = serializers.CharField(allow_blank=True)
    min = serializers.IntegerField(allow_null=True)
    max = serializers.IntegerField(allow_null=True)
    min_label = serializers.CharField(allow_blank=True)
    max_label = serializers.CharField(allow_blank=True)
    options = OptionOutputSerializer(many=True)


class ExerciseListOutputSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    summary = serializers.CharField()
    theme = serializers.ChoiceField(choices=Theme.choices)
    minutes = serializers.IntegerField()
    language = serializers.ChoiceField(choices=Language.choices)


class ExerciseDetailOutputSerializer(ExerciseListOutputSerializer):
    intro = serializers.CharField()
    prompts = PromptOutputSerializer(many=True)

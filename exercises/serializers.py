from rest_framework import serializers

from accounts.models import Language

from .models import Audience, Level, PromptKind, Status, Theme


class ExerciseLibraryInputSerializer(serializers.Serializer):
    theme = serializers.ChoiceField(choices=Theme.choices, required=False)
    audience = serializers.ChoiceField(choices=Audience.choices, required=False)


class OptionOutputSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class PromptOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    position = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=PromptKind.choices)
    text = serializers.CharField()
    help_text = serializers.CharField(allow_blank=True)
    talk_about = serializers.CharField(
        allow_blank=True, help_text="A question for the conversation, shown after the reveal."
    )
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
    level = serializers.ChoiceField(choices=Level.choices)
    audience = serializers.ChoiceField(choices=Audience.choices)
    safe_while_paused = serializers.BooleanField(
        help_text="A solo exercise offered while my couple exercises are paused."
    )
    language = serializers.ChoiceField(choices=Language.choices)


class ExerciseDetailOutputSerializer(ExerciseListOutputSerializer):
    intro = serializers.CharField()
    prompts = PromptOutputSerializer(many=True)


class LocalizedTextSerializer(serializers.Serializer):
    nl = serializers.CharField(allow_blank=True, trim_whitespace=False, default="")
    en = serializers.CharField(allow_blank=True, trim_whitespace=False, default="")


def _localized(**kwargs) -> LocalizedTextSerializer:
    return LocalizedTextSerializer(default={"nl": "", "en": ""}, **kwargs)


class LibraryOptionSerializer(serializers.Serializer):
    value = serializers.CharField(max_length=60)
    label = LocalizedTextSerializer()


class LibraryPromptSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PromptKind.choices)
    text = LocalizedTextSerializer()
    help_text = _localized()
    talk_about = _localized()
    min = serializers.IntegerField(allow_null=True, default=None, min_value=-100, max_value=100)
    max = serializers.IntegerField(allow_null=True, default=None, min_value=-100, max_value=100)
    min_label = _localized()
    max_label = _localized()
    options = LibraryOptionSerializer(many=True, default=list)


class LibraryExerciseSerializer(serializers.Serializer):
    slug = serializers.SlugField(max_length=80)
    theme = serializers.ChoiceField(choices=Theme.choices)
    minutes = serializers.IntegerField(min_value=1, max_value=240)
    level = serializers.ChoiceField(choices=Level.choices, default=Level.LIGHT)
    audience = serializers.ChoiceField(choices=Audience.choices, default=Audience.COUPLE)
    safe_while_paused = serializers.BooleanField(default=False)
    status = serializers.ChoiceField(choices=Status.choices)
    title = LocalizedTextSerializer()
    summary = LocalizedTextSerializer()
    intro = LocalizedTextSerializer()
    prompts = LibraryPromptSerializer(many=True)


class LibraryFileSerializer(serializers.Serializer):
    """The file ``manage.py library import|export`` reads and writes."""

    format = serializers.ChoiceField(choices=[(1, "1")])
    exercises = LibraryExerciseSerializer(many=True)

    def validate_exercises(self, items: list[dict]) -> list[dict]:
        slugs = [item["slug"] for item in items]
        duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
        if duplicates:
            raise serializers.ValidationError(f"Duplicate slugs: {', '.join(duplicates)}")
        return items

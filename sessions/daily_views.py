"""``/api/daily/``: today's question and its state, my answer, a reaction, past days."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from safety.selectors import require_couple_exercise_allowed

from . import daily_selectors, daily_services
from .daily_selectors import HISTORY_DAYS
from .daily_services import DAILY_MAX_LENGTH
from .models import Reaction


class DailyQuestionOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    text = serializers.CharField()


class DailyMeOutputSerializer(serializers.Serializer):
    value = serializers.CharField(allow_null=True)
    reaction = serializers.ChoiceField(
        choices=Reaction.choices, allow_null=True, help_text="Mine on my partner's answer."
    )


class DailyPartnerOutputSerializer(serializers.Serializer):
    answered = serializers.BooleanField()
    value = serializers.CharField(allow_null=True, help_text="Only once both answered.")
    reaction = serializers.ChoiceField(
        choices=Reaction.choices, allow_null=True, help_text="My partner's on my answer."
    )


class DailyOutputSerializer(serializers.Serializer):
    date = serializers.DateField()
    question = DailyQuestionOutputSerializer()
    me = DailyMeOutputSerializer()
    partner = DailyPartnerOutputSerializer()


class DailyAnswerInputSerializer(serializers.Serializer):
    # Any JSON; the service says what is wrong with it (text, at most DAILY_MAX_LENGTH).
    value = serializers.JSONField(help_text=f"Text, at most {DAILY_MAX_LENGTH} characters.")


class DailyReactionInputSerializer(serializers.Serializer):
    reaction = serializers.JSONField(help_text="One of the live reveal's reactions.")


class DailyHistoryInputSerializer(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=90, default=HISTORY_DAYS)


def _today(request: Request) -> Response:
    """Today's question and its state, as every daily endpoint answers after its change."""
    return Response(DailyOutputSerializer(daily_selectors.daily_for(user=request.user)).data)


class DailyView(APIView):
    @extend_schema(responses=DailyOutputSerializer, operation_id="daily_retrieve")
    def get(self, request: Request) -> Response:
        # Gated like a couple session: check-in first, nothing while paused (409, mine only).
        require_couple_exercise_allowed(request.user)
        return _today(request)


class DailyAnswerView(APIView):
    @extend_schema(
        request=DailyAnswerInputSerializer,
        responses=DailyOutputSerializer,
        operation_id="daily_answer",
    )
    def put(self, request: Request) -> Response:
        payload = DailyAnswerInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        daily_services.daily_answer_save(user=request.user, value=payload.validated_data["value"])
        return _today(request)


class DailyReactionView(APIView):
    @extend_schema(
        request=DailyReactionInputSerializer,
        responses=DailyOutputSerializer,
        operation_id="daily_react",
    )
    def put(self, request: Request) -> Response:
        payload = DailyReactionInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        daily_services.daily_react(user=request.user, reaction=payload.validated_data["reaction"])
        return _today(request)


class DailyHistoryView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("limit", int, description="Days, 1 to 90 (30).")],
        responses=DailyOutputSerializer(many=True),
        operation_id="daily_history",
    )
    def get(self, request: Request) -> Response:
        query = DailyHistoryInputSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        days = daily_selectors.daily_history(user=request.user, limit=query.validated_data["limit"])
        return Response(DailyOutputSerializer(days, many=True).data)

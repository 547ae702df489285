"""``/api/pulse/``: the items and my entries, record one, my trend, my partner's shared ones."""

from __future__ import annotations

from uuid import UUID

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services


class PulseItemOutputSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()
    min = serializers.IntegerField()
    max = serializers.IntegerField()
    min_label = serializers.CharField()
    max_label = serializers.CharField()


class PulseEntryOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    answers = serializers.DictField(child=serializers.IntegerField())
    score = serializers.IntegerField(help_text="0 to 100.")
    note = serializers.CharField(allow_blank=True)
    share_with_partner = serializers.BooleanField()


class PartnerPulseOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    answers = serializers.DictField(child=serializers.IntegerField())
    score = serializers.IntegerField()
    note = serializers.CharField(allow_blank=True)


class PulseOutputSerializer(serializers.Serializer):
    items = PulseItemOutputSerializer(many=True)
    entries = PulseEntryOutputSerializer(many=True)


class PulseInputSerializer(serializers.Serializer):
    # Shapes are checked by the service: {item id: 1-5} for each of the four items.
    answers = serializers.JSONField()
    note = serializers.JSONField(required=False, default="")
    share_with_partner = serializers.BooleanField(default=False)


class PulseShareInputSerializer(serializers.Serializer):
    share_with_partner = serializers.BooleanField()


class PulseTrendOutputSerializer(serializers.Serializer):
    date = serializers.DateField()
    score = serializers.IntegerField()


class PulseView(APIView):
    @extend_schema(responses=PulseOutputSerializer, operation_id="pulse_retrieve")
    def get(self, request: Request) -> Response:
        entries = [
            selectors.pulse_entry_data(entry)
            for entry in selectors.pulse_entries_for(user=request.user)
        ]
        data = {"items": selectors.pulse_items(), "entries": entries}
        return Response(PulseOutputSerializer(data).data)

    @extend_schema(
        request=PulseInputSerializer,
        responses={201: PulseEntryOutputSerializer},
        operation_id="pulse_record",
    )
    def post(self, request: Request) -> Response:
        payload = PulseInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        entry = services.pulse_record(user=request.user, **payload.validated_data)
        return Response(
            PulseEntryOutputSerializer(selectors.pulse_entry_data(entry)).data,
            status=status.HTTP_201_CREATED,
        )


class PulseEntryView(APIView):
    @extend_schema(
        request=PulseShareInputSerializer,
        responses=PulseEntryOutputSerializer,
        description="Share this entry with my partner, or take it back.",
        operation_id="pulse_share",
    )
    def patch(self, request: Request, entry_id: UUID) -> Response:
        payload = PulseShareInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        entry = selectors.pulse_access_entry(user=request.user, entry_id=entry_id)
        entry = services.pulse_share_set(user=request.user, entry=entry, **payload.validated_data)
        return Response(PulseEntryOutputSerializer(selectors.pulse_entry_data(entry)).data)


class PulseTrendView(APIView):
    @extend_schema(responses=PulseTrendOutputSerializer(many=True), operation_id="pulse_trend")
    def get(self, request: Request) -> Response:
        trend = selectors.pulse_trend(user_id=request.user.pk)
        return Response(PulseTrendOutputSerializer(trend, many=True).data)


class PartnerPulseView(APIView):
    @extend_schema(
        responses=PartnerPulseOutputSerializer(many=True),
        description="The entries my partner chose to share with our couple.",
        operation_id="pulse_partner",
    )
    def get(self, request: Request) -> Response:
        shared = selectors.pulse_partner_shared(user=request.user)
        return Response(PartnerPulseOutputSerializer(shared, many=True).data)

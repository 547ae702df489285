from uuid import UUID

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import measures
from .permissions import THERAPIST_PERMISSIONS


class MeasuresConsentOutputSerializer(serializers.Serializer):
    consented = serializers.BooleanField()
    since = serializers.DateTimeField(allow_null=True)


class TrendPointSerializer(serializers.Serializer):
    date = serializers.DateField()
    score = serializers.IntegerField()


class MeasuresPartnerSerializer(serializers.Serializer):
    display_name = serializers.CharField()
    consented = serializers.BooleanField()
    trend = TrendPointSerializer(many=True, allow_null=True, help_text="Only with consent.")


class MeasuresOutputSerializer(serializers.Serializer):
    partners = MeasuresPartnerSerializer(many=True)


class MeasuresConsentView(APIView):
    """A partner's consent that our therapist sees my pulse trend (per therapist link)."""

    @extend_schema(responses=MeasuresConsentOutputSerializer, operation_id="measures_consent")
    def get(self, request: Request) -> Response:
        data = measures.measures_consent_state(user=request.user)
        return Response(MeasuresConsentOutputSerializer(data).data)

    @extend_schema(
        request=None, responses=MeasuresConsentOutputSerializer, operation_id="measures_give"
    )
    def put(self, request: Request) -> Response:
        data = measures.measures_consent_give(user=request.user)
        return Response(MeasuresConsentOutputSerializer(data).data)

    @extend_schema(request=None, responses={204: None}, operation_id="measures_withdraw")
    def delete(self, request: Request) -> Response:
        measures.measures_consent_withdraw(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CoupleMeasuresView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(responses=MeasuresOutputSerializer, operation_id="therapist_couples_measures")
    def get(self, request: Request, couple_id: UUID) -> Response:
        data = measures.therapist_couple_measures(therapist=request.user, couple_id=couple_id)
        return Response(MeasuresOutputSerializer(data).data)

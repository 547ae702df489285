from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .application_serializers import (
    TherapistApplicationInputSerializer,
    TherapistApplicationOutputSerializer,
)
from .application_services import therapist_application_for, therapist_application_submit


class TherapistApplicationView(APIView):
    @extend_schema(
        responses=TherapistApplicationOutputSerializer,
        operation_id="therapist_application_retrieve",
    )
    def get(self, request: Request) -> Response:
        application = therapist_application_for(user=request.user)
        return Response(TherapistApplicationOutputSerializer(application).data)

    @extend_schema(
        request=TherapistApplicationInputSerializer,
        responses={201: TherapistApplicationOutputSerializer},
        operation_id="therapist_application_submit",
    )
    def post(self, request: Request) -> Response:
        serializer = TherapistApplicationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        application = therapist_application_submit(user=request.user, **serializer.validated_data)
        return Response(
            TherapistApplicationOutputSerializer(application).data,
            status=status.HTTP_201_CREATED,
        )

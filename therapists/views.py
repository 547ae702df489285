from uuid import UUID

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.request import client_ip
from project.errors import NotFound

from . import selectors, services
from .permissions import THERAPIST_PERMISSIONS
from .serializers import (
    MyTherapistLinkOutputSerializer,
    TherapistInviteCreateOutputSerializer,
    TherapistInviteOutputSerializer,
    TherapistInvitePreviewOutputSerializer,
)


class TherapistInvitesView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(
        responses=TherapistInviteOutputSerializer(many=True), operation_id="therapist_invite_list"
    )
    def get(self, request: Request) -> Response:
        invites = selectors.therapist_invites_waiting(therapist=request.user)
        return Response(TherapistInviteOutputSerializer(invites, many=True).data)

    @extend_schema(
        request=None,
        responses={201: TherapistInviteCreateOutputSerializer},
        operation_id="therapist_invite_create",
    )
    def post(self, request: Request) -> Response:
        issued = services.therapist_invite_create(therapist=request.user)
        return Response(
            TherapistInviteCreateOutputSerializer(issued).data, status=status.HTTP_201_CREATED
        )


class TherapistInviteDetailView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(
        responses={204: OpenApiResponse(description="The invite no longer works.")},
        operation_id="therapist_invite_revoke",
    )
    def delete(self, request: Request, invite_id: UUID) -> Response:
        services.therapist_invite_revoke(therapist=request.user, invite_id=invite_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TherapistInvitePreviewView(APIView):
    @extend_schema(
        responses=TherapistInvitePreviewOutputSerializer,
        operation_id="pairing_therapist_invite_preview",
    )
    def get(self, request: Request, code: str) -> Response:
        link = selectors.therapist_link_find_for_guess(
            user=request.user, code=code, client_ip=client_ip(request)
        )
        return Response(
            TherapistInvitePreviewOutputSerializer(
                {"therapist_card": selectors.therapist_card(therapist=link.therapist)}
            ).data
        )


def _my_therapist_response(request: Request, status_code: int = status.HTTP_200_OK) -> Response:
    mine = selectors.my_therapist_link(user=request.user)
    if mine is None:
        raise NotFound()
    return Response(MyTherapistLinkOutputSerializer(mine).data, status=status_code)


class TherapistInviteAcceptView(APIView):
    @extend_schema(
        request=None,
        responses=MyTherapistLinkOutputSerializer,
        operation_id="pairing_therapist_invite_accept",
    )
    def post(self, request: Request, code: str) -> Response:
        services.therapist_invite_accept(user=request.user, code=code, client_ip=client_ip(request))
        return _my_therapist_response(request)


class MyTherapistView(APIView):
    @extend_schema(
        responses=MyTherapistLinkOutputSerializer, operation_id="pairing_therapist_retrieve"
    )
    def get(self, request: Request) -> Response:
        return _my_therapist_response(request)

    @extend_schema(
        responses={204: OpenApiResponse(description="The therapist link ended.")},
        operation_id="pairing_therapist_end",
    )
    def delete(self, request: Request) -> Response:
        services.therapist_link_end_by_partner(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

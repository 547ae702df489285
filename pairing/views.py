from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import RecentlyAuthenticated
from accounts.request import client_ip
from project.errors import NotFound

from . import selectors, services
from .serializers import (
    CoupleOutputSerializer,
    InviteCreateOutputSerializer,
    InvitePreviewOutputSerializer,
)


def _my_couple_response(request: Request, status_code: int = status.HTTP_200_OK) -> Response:
    mine = selectors.my_couple(user=request.user)
    if mine is None:
        raise NotFound()
    return Response(CoupleOutputSerializer(mine).data, status=status_code)


class InviteCreateView(APIView):
    @extend_schema(
        request=None,
        responses={201: InviteCreateOutputSerializer},
        operation_id="pairing_invite_create",
    )
    def post(self, request: Request) -> Response:
        issued = services.invite_create(inviter=request.user)
        return Response(InviteCreateOutputSerializer(issued).data, status=status.HTTP_201_CREATED)


class InviteDetailView(APIView):
    @extend_schema(responses=InvitePreviewOutputSerializer, operation_id="pairing_invite_preview")
    def get(self, request: Request, code: str) -> Response:
        invite = selectors.invite_preview(
            user=request.user, code=code, client_ip=client_ip(request)
        )
        return Response(InvitePreviewOutputSerializer(invite).data)

    @extend_schema(
        responses={204: OpenApiResponse(description="Revoked.")},
        operation_id="pairing_invite_revoke",
    )
    def delete(self, request: Request, code: str) -> Response:
        services.invite_revoke(inviter=request.user, code=code)
        return Response(status=status.HTTP_204_NO_CONTENT)


class InviteAcceptView(APIView):
    @extend_schema(
        request=None,
        responses={201: CoupleOutputSerializer},
        operation_id="pairing_invite_accept",
    )
    def post(self, request: Request, code: str) -> Response:
        services.invite_accept(user=request.user, code=code, client_ip=client_ip(request))
        return _my_couple_response(request, status.HTTP_201_CREATED)


class CoupleView(APIView):
    @extend_schema(responses=CoupleOutputSerializer, operation_id="pairing_couple_retrieve")
    def get(self, request: Request) -> Response:
        return _my_couple_response(request)


class CoupleEndView(APIView):
    # Ending a couple cannot be undone: the password is asked again (accounts.permissions).
    permission_classes = [IsAuthenticated, RecentlyAuthenticated]

    @extend_schema(
        request=None,
        responses={204: OpenApiResponse(description="Ended.")},
        operation_id="pairing_couple_end",
    )
    def post(self, request: Request) -> Response:
        services.couple_end(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CoupleEndedView(APIView):
    """``{ended_at}``: when my last couple ended, or null while I am in one (or never was)."""

    @extend_schema(
        responses={
            200: OpenApiResponse(description="{ended_at: date-time | null}"),
        },
        operation_id="pairing_couple_ended",
    )
    def get(self, request: Request) -> Response:
        ended_at = selectors.last_ended_at(user=request.user)
        return Response({"ended_at": ended_at.isoformat() if ended_at else None})

import json

from allauth.core import ratelimit
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from project.errors import ServiceError

from .permissions import RecentlyAuthenticated
from .selectors import user_export
from .serializers import MeDeleteInputSerializer, MeOutputSerializer, MeUpdateInputSerializer
from .services import user_delete, user_update_profile


class MeView(APIView):
    @extend_schema(responses=MeOutputSerializer, operation_id="me_retrieve")
    def get(self, request: Request) -> Response:
        return Response(MeOutputSerializer(request.user).data)

    @extend_schema(
        request=MeUpdateInputSerializer, responses=MeOutputSerializer, operation_id="me_update"
    )
    def patch(self, request: Request) -> Response:
        serializer = MeUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = user_update_profile(user=request.user, **serializer.validated_data)
        return Response(MeOutputSerializer(user).data)

    @extend_schema(
        request=MeDeleteInputSerializer,
        responses={204: OpenApiResponse(description="Account erased.")},
        operation_id="me_delete",
    )
    def delete(self, request: Request) -> Response:
        """Erase my account. The password in the body is the re-authentication."""
        serializer = MeDeleteInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = request.user
        # Counted with allauth's own "reauthenticate" limit, so guessing here is no cheaper
        # than guessing at /_allauth/.../auth/reauthenticate.
        if not ratelimit.consume(request._request, action="reauthenticate", user=user):
            raise ServiceError(
                "too_many_attempts",
                _("Too many attempts. Please wait a minute and try again."),
                status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            )
        if not user.check_password(serializer.validated_data["password"]):
            raise ServiceError(
                "wrong_password",
                _("That password is not right."),
                status_code=status.HTTP_403_FORBIDDEN,
            )
        user_delete(user=user)
        if hasattr(request._request, "session"):
            logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeExportView(APIView):
    permission_classes = [IsAuthenticated, RecentlyAuthenticated]

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        operation_id="me_export",
        description="Everything stored about me, as a JSON file. Needs a recent "
        "re-authentication (401 `reauthentication_required` otherwise).",
    )
    def get(self, request: Request) -> HttpResponse:
        body = json.dumps(
            user_export(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="tweespraak-export.json"'
        response["Cache-Control"] = "no-store, private"
        return response

import json

from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import RecentlyAuthenticated
from accounts.views import MeView as ProfileView

from .selectors import user_export
from .serializers import MeDeleteInputSerializer
from .services import user_delete_confirmed


class MeView(ProfileView):
    """``/api/me/``: my profile (accounts) and erasing my account (here)."""

    @extend_schema(
        request=MeDeleteInputSerializer,
        responses={204: OpenApiResponse(description="Account erased.")},
        operation_id="me_delete",
    )
    def delete(self, request: Request) -> Response:
        """Erase my account. The password in the body is the re-authentication."""
        serializer = MeDeleteInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user_delete_confirmed(
            user=request.user,
            password=serializer.validated_data["password"],
            request=request._request,
        )
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

"""The project's URLs plus bare DRF endpoints, the baseline the API is compared with."""

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from project.urls import urlpatterns as project_urlpatterns


class PingView(APIView):
    """DRF with nothing behind it: no authentication, no database."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        return Response({"pong": True})


class AuthenticatedPingView(APIView):
    """DRF plus the project's authentication (the session token lookup), nothing else."""

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        return Response({"pong": True})


urlpatterns = [
    path("bench/ping/", PingView.as_view()),
    path("bench/ping-auth/", AuthenticatedPingView.as_view()),
    *project_urlpatterns,
]

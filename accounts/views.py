from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .serializers import MeOutputSerializer, MeUpdateInputSerializer
from .services import user_update_profile


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

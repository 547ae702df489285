from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .selectors import exercise_detail, exercise_library
from .serializers import (
    ExerciseDetailOutputSerializer,
    ExerciseLibraryInputSerializer,
    ExerciseListOutputSerializer,
)


class ExerciseLibraryView(APIView):
    @extend_schema(
        parameters=[ExerciseLibraryInputSerializer],
        responses=ExerciseListOutputSerializer(many=True),
        operation_id="exercises_list",
    )
    def get(self, request: Request) -> Response:
        filters = ExerciseLibraryInputSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        items = exercise_library(language=request.user.language, **filters.validated_data)
        return Response(ExerciseListOutputSerializer(items, many=True).data)


class ExerciseDetailView(APIView):
    @extend_schema(responses=ExerciseDetailOutputSerializer, operation_id="exercises_retrieve")
    def get(self, request: Request, slug: str) -> Response:
        item = exercise_detail(slug=slug, language=request.user.language)
        return Response(ExerciseDetailOutputSerializer(item).data)

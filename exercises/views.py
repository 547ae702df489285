from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from project.errors import NotFound

from .models import library_language
from .selectors import exercise_detail, exercise_library, exercise_preview_data
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


class ExercisePreviewView(APIView):
    """A draft as partners would see it, for the editors' preview in the PWA. Staff with the
    library's view permission only; to everyone else it does not exist (404)."""

    @extend_schema(exclude=True)
    def get(self, request: Request, exercise_id) -> Response:
        user = request.user
        if not (user.is_staff and user.has_perm("exercises.view_exercise")):
            raise NotFound()
        language = library_language(request.query_params.get("language"))
        return Response(exercise_preview_data(exercise_id=exercise_id, language=language))

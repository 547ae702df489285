from uuid import UUID

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from sessions import selectors as session_selectors
from sessions.serializers import SessionDetailOutputSerializer

from . import assignment_selectors as selectors
from . import assignment_services as services
from .assignment_selectors import assignment_data
from .assignment_serializers import (
    AssignmentCreateInputSerializer,
    AssignmentSerializer,
    MyAssignmentSerializer,
    SessionShareOutputSerializer,
    TherapistCoupleListSerializer,
)
from .caseload_serializers import TherapistCoupleFileSerializer
from .caseload_views import couple_file_response
from .permissions import THERAPIST_PERMISSIONS
from .services import therapist_link_end_by_therapist


class TherapistCoupleListView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(
        responses=TherapistCoupleListSerializer(many=True), operation_id="therapist_couples_list"
    )
    def get(self, request: Request) -> Response:
        couples = selectors.therapist_couples(therapist=request.user)
        return Response(TherapistCoupleListSerializer(couples, many=True).data)


class TherapistCoupleDetailView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(
        responses=TherapistCoupleFileSerializer, operation_id="therapist_couples_retrieve"
    )
    def get(self, request: Request, couple_id: UUID) -> Response:
        return couple_file_response(request, couple_id)

    @extend_schema(
        responses={204: OpenApiResponse(description="The link ended; access is gone at once.")},
        operation_id="therapist_couples_end",
    )
    def delete(self, request: Request, couple_id: UUID) -> Response:
        therapist_link_end_by_therapist(therapist=request.user, couple_id=couple_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TherapistAssignmentCreateView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(
        request=AssignmentCreateInputSerializer,
        responses={201: AssignmentSerializer},
        operation_id="therapist_assignments_create",
    )
    def post(self, request: Request, couple_id: UUID) -> Response:
        payload = AssignmentCreateInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        assignment = services.assignment_create(
            therapist=request.user,
            couple_id=couple_id,
            exercise_slug=data["exercise"],
            note=data["note"],
            due_on=data["due_on"],
        )
        body = assignment_data(assignment=assignment, language=request.user.language)
        return Response(AssignmentSerializer(body).data, status=status.HTTP_201_CREATED)


class AssignmentListView(APIView):
    @extend_schema(responses=MyAssignmentSerializer(many=True), operation_id="assignments_list")
    def get(self, request: Request) -> Response:
        items = selectors.assignments_for_user(user=request.user)
        return Response(MyAssignmentSerializer(items, many=True).data)


class AssignmentStartView(APIView):
    @extend_schema(
        request=None,
        responses={201: SessionDetailOutputSerializer, 200: SessionDetailOutputSerializer},
        operation_id="assignments_start",
    )
    def post(self, request: Request, assignment_id: UUID) -> Response:
        session, started = services.assignment_session_begin(
            user=request.user, assignment_id=assignment_id
        )
        data = session_selectors.session_detail(user=request.user, session=session)
        # 200: the exercise was already open, and that session now counts for the assignment.
        code = status.HTTP_201_CREATED if started else status.HTTP_200_OK
        return Response(SessionDetailOutputSerializer(data).data, status=code)


class SessionShareView(APIView):
    @extend_schema(
        request=None, responses=SessionShareOutputSerializer, operation_id="sessions_share"
    )
    def post(self, request: Request, session_id: UUID) -> Response:
        share = services.session_share(user=request.user, session_id=session_id)
        return Response(SessionShareOutputSerializer(share).data)

    @extend_schema(
        responses={204: OpenApiResponse(description="No longer shared.")},
        operation_id="sessions_unshare",
    )
    def delete(self, request: Request, session_id: UUID) -> Response:
        services.session_unshare(user=request.user, session_id=session_id)
        return Response(status=status.HTTP_204_NO_CONTENT)

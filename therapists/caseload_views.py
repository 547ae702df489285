from uuid import UUID

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import assignment_services, caseload_selectors, caseload_services
from .assignment_selectors import assignment_data
from .assignment_serializers import AssignmentSerializer
from .caseload_serializers import (
    AssignmentUpdateInputSerializer,
    CaseloadSerializer,
    ClinicalNoteInputSerializer,
    ClinicalNoteSerializer,
    TherapistCoupleFileSerializer,
)
from .permissions import THERAPIST_PERMISSIONS


class CaseloadView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(responses=CaseloadSerializer, operation_id="therapist_caseload")
    def get(self, request: Request) -> Response:
        data = caseload_selectors.therapist_caseload(therapist=request.user)
        return Response(CaseloadSerializer(data).data)


def couple_file_response(request: Request, couple_id: UUID) -> Response:
    data = caseload_selectors.therapist_couple_file(therapist=request.user, couple_id=couple_id)
    return Response(TherapistCoupleFileSerializer(data).data)


class CoupleFileSeenView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(
        request=None,
        responses={204: OpenApiResponse(description="What was shared until now is not new.")},
        operation_id="therapist_couples_seen",
    )
    def post(self, request: Request, couple_id: UUID) -> Response:
        caseload_services.couple_file_seen(therapist=request.user, couple_id=couple_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CoupleRecordView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(responses=OpenApiTypes.OBJECT, operation_id="therapist_couples_record")
    def get(self, request: Request, couple_id: UUID) -> Response:
        data = caseload_selectors.therapist_couple_record(
            therapist=request.user, couple_id=couple_id
        )
        return Response(
            data, headers={"Content-Disposition": 'attachment; filename="tweespraak-record.json"'}
        )


class AssignmentDetailView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(
        request=AssignmentUpdateInputSerializer,
        responses=AssignmentSerializer,
        operation_id="therapist_assignments_update",
    )
    def patch(self, request: Request, couple_id: UUID, assignment_id: UUID) -> Response:
        payload = AssignmentUpdateInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        assignment = assignment_services.assignment_update(
            therapist=request.user,
            couple_id=couple_id,
            assignment_id=assignment_id,
            **payload.validated_data,
        )
        body = assignment_data(assignment=assignment, language=request.user.language)
        return Response(AssignmentSerializer(body).data)

    @extend_schema(
        responses={204: OpenApiResponse(description="Withdrawn: the couple no longer sees it.")},
        operation_id="therapist_assignments_withdraw",
    )
    def delete(self, request: Request, couple_id: UUID, assignment_id: UUID) -> Response:
        assignment_services.assignment_withdraw(
            therapist=request.user, couple_id=couple_id, assignment_id=assignment_id
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class ClinicalNoteListView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(responses=ClinicalNoteSerializer(many=True), operation_id="therapist_notes_list")
    def get(self, request: Request, couple_id: UUID) -> Response:
        notes = caseload_selectors.clinical_notes(therapist=request.user, couple_id=couple_id)
        return Response(ClinicalNoteSerializer(notes, many=True).data)

    @extend_schema(
        request=ClinicalNoteInputSerializer,
        responses={201: ClinicalNoteSerializer},
        operation_id="therapist_notes_create",
    )
    def post(self, request: Request, couple_id: UUID) -> Response:
        payload = ClinicalNoteInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        note = caseload_services.clinical_note_create(
            therapist=request.user, couple_id=couple_id, text=payload.validated_data["text"]
        )
        return Response(ClinicalNoteSerializer(note).data, status=status.HTTP_201_CREATED)


class ClinicalNoteDetailView(APIView):
    permission_classes = THERAPIST_PERMISSIONS

    @extend_schema(
        request=ClinicalNoteInputSerializer,
        responses=ClinicalNoteSerializer,
        operation_id="therapist_notes_update",
    )
    def patch(self, request: Request, couple_id: UUID, note_id: UUID) -> Response:
        payload = ClinicalNoteInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        note = caseload_services.clinical_note_update(
            therapist=request.user,
            couple_id=couple_id,
            note_id=note_id,
            text=payload.validated_data["text"],
        )
        return Response(ClinicalNoteSerializer(note).data)

    @extend_schema(
        responses={204: OpenApiResponse(description="The note is gone.")},
        operation_id="therapist_notes_delete",
    )
    def delete(self, request: Request, couple_id: UUID, note_id: UUID) -> Response:
        caseload_services.clinical_note_delete(
            therapist=request.user, couple_id=couple_id, note_id=note_id
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

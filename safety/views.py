"""Thin views over safety's services and selectors. Every response, errors included, carries
``Cache-Control: no-store``: nothing about safety may linger in a browser or proxy cache."""

from typing import Any

from django.utils import translation
from django.utils.cache import patch_cache_control
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import content, selectors, services
from .models import CheckInOutcome
from .serializers import (
    CheckInInputSerializer,
    CheckInOutputSerializer,
    HelpOutputSerializer,
    OutcomeOutputSerializer,
    ReportCreateOutputSerializer,
    ReportInputSerializer,
    ReportOutputSerializer,
    ReportUpdateInputSerializer,
    ResourcesQuerySerializer,
    StatusOutputSerializer,
)


class SafetyView(APIView):
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_store=True, private=True)
        return response


def _about_unsafety() -> dict[str, str]:
    return {"title": content.ABOUT_UNSAFETY_TITLE, "text": content.ABOUT_UNSAFETY_TEXT}


def _sections() -> list[dict[str, Any]]:
    return [
        {"id": key, "title": title, "text": text, "items": list(items)}
        for key, title, text, items in content.HELP_SECTIONS
    ]


def _quick_exit() -> dict[str, str]:
    return {"url": content.QUICK_EXIT_URL, "hint": content.QUICK_EXIT_HINT}


def _message(result: services.CheckInResult) -> dict[str, str] | None:
    if result.outcome == CheckInOutcome.URGENT:
        return {"title": content.URGENT_TITLE, "text": content.URGENT_TEXT}
    if result.outcome == CheckInOutcome.HELP_FIRST and not result.pauses:
        return {"title": content.RATHER_NOT_SAY_TITLE, "text": content.RATHER_NOT_SAY_TEXT}
    return None


def _outcome_body(user, result: services.CheckInResult) -> dict[str, Any]:
    if result.outcome == CheckInOutcome.NOT_ALONE:
        # Someone may be looking at the screen: a neutral answer with nothing on it.
        return {
            "outcome": result.outcome.value,
            "paused": False,
            "can_resume_at": None,
            "pause_text": "",
            "message": None,
            "resources": [],
            "about_unsafety": None,
            "sections": [],
            "quick_exit": _quick_exit(),
        }
    state = selectors.pause_state(user)
    return {
        "outcome": result.outcome.value,
        "paused": state.paused,
        "can_resume_at": state.can_resume_at,
        "pause_text": content.PAUSE_TEXT if state.paused else "",
        "message": _message(result),
        "resources": selectors.help_resources(
            country=user.country, language=translation.get_language()
        ),
        "about_unsafety": _about_unsafety(),
        "sections": _sections(),
        "quick_exit": _quick_exit(),
    }


class CheckInView(SafetyView):
    @extend_schema(responses=CheckInOutputSerializer, operation_id="safety_check_in_retrieve")
    def get(self, request: Request) -> Response:
        body = {
            "due": selectors.check_in_due(request.user),
            "last_at": selectors.last_check_in_at(request.user),
            "why": {"title": content.WHY_WE_ASK_TITLE, "text": content.WHY_WE_ASK_TEXT},
            "alone_question": content.ALONE_QUESTION,
            "questions": [
                {"id": q.id, "text": q.text, "danger": q.danger} for q in content.QUESTIONS
            ],
        }
        return Response(CheckInOutputSerializer(body).data)

    @extend_schema(
        request=CheckInInputSerializer,
        responses=OutcomeOutputSerializer,
        operation_id="safety_check_in_submit",
    )
    def post(self, request: Request) -> Response:
        serializer = CheckInInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = services.check_in_submit(user=request.user, **serializer.validated_data)
        return Response(OutcomeOutputSerializer(_outcome_body(request.user, result)).data)


class ReportListView(SafetyView):
    @extend_schema(responses=ReportOutputSerializer(many=True), operation_id="safety_reports_list")
    def get(self, request: Request) -> Response:
        reports = selectors.reports_for(request.user)
        return Response(ReportOutputSerializer(reports, many=True).data)

    @extend_schema(
        request=ReportInputSerializer,
        responses={201: ReportCreateOutputSerializer},
        operation_id="safety_reports_create",
    )
    def post(self, request: Request) -> Response:
        serializer = ReportInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = services.report_create(user=request.user, **serializer.validated_data)
        result = services.CheckInResult(CheckInOutcome.HELP_FIRST, pauses=True)
        body = {**_outcome_body(request.user, result), "report": report}
        return Response(ReportCreateOutputSerializer(body).data, status=status.HTTP_201_CREATED)


class ReportDetailView(SafetyView):
    @extend_schema(responses=ReportOutputSerializer, operation_id="safety_reports_retrieve")
    def get(self, request: Request, report_id) -> Response:
        report = selectors.report_for(request.user, report_id)
        return Response(ReportOutputSerializer(report).data)

    @extend_schema(
        request=ReportUpdateInputSerializer,
        responses=ReportOutputSerializer,
        operation_id="safety_reports_update",
    )
    def patch(self, request: Request, report_id) -> Response:
        serializer = ReportUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = services.report_update(
            report=selectors.report_for(request.user, report_id), **serializer.validated_data
        )
        return Response(ReportOutputSerializer(report).data)


class ResourcesView(SafetyView):
    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "country",
                OpenApiTypes.STR,
                description="ISO 3166 alpha-2 code (UK is accepted for GB). Defaults to my "
                "country; anonymous requests without it get the international list.",
            )
        ],
        responses=HelpOutputSerializer,
        operation_id="safety_resources_list",
        auth=[{"sessionToken": []}, {"sessionCookie": []}, {}],
    )
    def get(self, request: Request) -> Response:
        query = ResourcesQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        country = query.validated_data.get("country") or getattr(request.user, "country", "")
        body = {
            "country": selectors.normalise_country(country),
            "resources": selectors.help_resources(
                country=country, language=translation.get_language()
            ),
            "about_unsafety": _about_unsafety(),
            "sections": _sections(),
            "quick_exit": _quick_exit(),
        }
        return Response(HelpOutputSerializer(body).data)


def _status_body(user, state: selectors.PauseState) -> dict[str, Any]:
    return {
        "paused": state.paused,
        "paused_since": state.paused_since,
        "can_resume_at": state.can_resume_at,
        "check_in_due": selectors.check_in_due(user),
    }


class StatusView(SafetyView):
    @extend_schema(responses=StatusOutputSerializer, operation_id="safety_status_retrieve")
    def get(self, request: Request) -> Response:
        state = selectors.pause_state(request.user)
        return Response(StatusOutputSerializer(_status_body(request.user, state)).data)


class ResumeView(SafetyView):
    @extend_schema(request=None, responses=StatusOutputSerializer, operation_id="safety_resume")
    def post(self, request: Request) -> Response:
        state = services.pause_resume(user=request.user)
        return Response(StatusOutputSerializer(_status_body(request.user, state)).data)

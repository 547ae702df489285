from uuid import UUID

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services
from .serializers import (
    AnswerInputSerializer,
    MyAnswerOutputSerializer,
    NotNowInputSerializer,
    NotNowOutputSerializer,
    SessionAlreadyOpenOutputSerializer,
    SessionDetailOutputSerializer,
    SessionListOutputSerializer,
    SessionReactionsOutputSerializer,
    SessionStartInputSerializer,
)


def _detail_response(request: Request, session_id: UUID, status_code: int = 200) -> Response:
    session = selectors.access_session(user=request.user, session_id=session_id)
    data = selectors.session_detail(user=request.user, session=session)
    return Response(SessionDetailOutputSerializer(data).data, status=status_code)


class SessionListView(APIView):
    @extend_schema(responses=SessionListOutputSerializer(many=True), operation_id="sessions_list")
    def get(self, request: Request) -> Response:
        language = request.user.language
        items = [
            selectors.session_list_item(session=session, language=language)
            for session in selectors.sessions_for_user(user=request.user)
        ]
        return Response(SessionListOutputSerializer(items, many=True).data)

    @extend_schema(
        request=SessionStartInputSerializer,
        responses={201: SessionDetailOutputSerializer, 409: SessionAlreadyOpenOutputSerializer},
        description="Start a session of an exercise (`exercise`: its slug) or of one of my "
        "couple's assignments (`assignment`: its id; another couple's is 404).",
        operation_id="sessions_start",
    )
    def post(self, request: Request) -> Response:
        payload = SessionStartInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        # 409 session_already_open carries the open session's id to continue instead.
        session = services.session_begin(user=request.user, **payload.validated_data)
        return _detail_response(request, session.id, status.HTTP_201_CREATED)


class SessionDetailView(APIView):
    @extend_schema(responses=SessionDetailOutputSerializer, operation_id="sessions_retrieve")
    def get(self, request: Request, session_id: UUID) -> Response:
        return _detail_response(request, session_id)


class SessionReactionsView(APIView):
    @extend_schema(
        responses=SessionReactionsOutputSerializer(many=True), operation_id="sessions_reactions"
    )
    def get(self, request: Request, session_id: UUID) -> Response:
        reactions = selectors.session_reactions(user=request.user, session_id=session_id)
        return Response(SessionReactionsOutputSerializer(reactions, many=True).data)


class AnswerView(APIView):
    @extend_schema(
        request=AnswerInputSerializer,
        responses=MyAnswerOutputSerializer,
        operation_id="sessions_answer_save",
    )
    def put(self, request: Request, session_id: UUID, prompt_id: UUID) -> Response:
        payload = AnswerInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        # The service reads the session itself, access included, in its one query.
        answer = services.answer_save(
            user=request.user, session=session_id, prompt_id=prompt_id, **payload.validated_data
        )
        data = {
            "prompt": answer.prompt_id,
            "value": answer.value,
            "keep_private": answer.keep_private,
        }
        return Response(MyAnswerOutputSerializer(data).data)


class SessionSubmitView(APIView):
    @extend_schema(
        request=None, responses=SessionDetailOutputSerializer, operation_id="sessions_submit"
    )
    def post(self, request: Request, session_id: UUID) -> Response:
        session = selectors.access_session(user=request.user, session_id=session_id)
        services.session_submit(user=request.user, session=session)
        return _detail_response(request, session_id)


class SessionNotNowView(APIView):
    @extend_schema(
        request=NotNowInputSerializer,
        responses=NotNowOutputSerializer,
        description='Decline or postpone with one of a few kind messages ("not tonight, this '
        'weekend?"); the partner sees it and is no longer told that I am waiting.',
        operation_id="sessions_not_now",
    )
    def post(self, request: Request, session_id: UUID) -> Response:
        payload = NotNowInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        session = selectors.access_session(user=request.user, session_id=session_id)
        participant = services.session_not_now(
            user=request.user, session=session, message=payload.validated_data["message"]
        )
        return Response(NotNowOutputSerializer(selectors.not_now_data(participant)).data)

    @extend_schema(request=None, responses={204: None}, operation_id="sessions_not_now_withdraw")
    def delete(self, request: Request, session_id: UUID) -> Response:
        session = selectors.access_session(user=request.user, session_id=session_id)
        services.session_not_now_withdraw(user=request.user, session=session)
        return Response(status=status.HTTP_204_NO_CONTENT)

"""Thin views: validate, call one service or selector, serialize."""

from uuid import UUID

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services
from .serializers import (
    PreferenceOutputSerializer,
    PreferenceUpdateInputSerializer,
    SubscriptionInputSerializer,
    SubscriptionOutputSerializer,
    VapidPublicKeyOutputSerializer,
)
from .vapid import vapid_keys


class VapidPublicKeyView(APIView):
    @extend_schema(responses=VapidPublicKeyOutputSerializer, operation_id="notifications_vapid")
    def get(self, request: Request) -> Response:
        keys = vapid_keys()
        return Response({"public_key": keys.public_key if keys else ""})


class SubscriptionListView(APIView):
    @extend_schema(
        responses=SubscriptionOutputSerializer(many=True),
        operation_id="notifications_subscriptions_list",
    )
    def get(self, request: Request) -> Response:
        subscriptions = selectors.subscriptions_for(user=request.user)
        return Response(SubscriptionOutputSerializer(subscriptions, many=True).data)

    @extend_schema(
        request=SubscriptionInputSerializer,
        responses={200: SubscriptionOutputSerializer, 201: SubscriptionOutputSerializer},
        operation_id="notifications_subscriptions_register",
    )
    def post(self, request: Request) -> Response:
        serializer = SubscriptionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        subscription, created = services.subscription_register(
            user=request.user,
            endpoint=data["endpoint"],
            p256dh=data["keys"]["p256dh"],
            auth=data["keys"]["auth"],
            user_agent=data["user_agent"],
        )
        return Response(
            SubscriptionOutputSerializer(subscription).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class SubscriptionDetailView(APIView):
    @extend_schema(responses={204: None}, operation_id="notifications_subscriptions_delete")
    def delete(self, request: Request, subscription_id: UUID) -> Response:
        services.subscription_delete(user=request.user, subscription_id=subscription_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PreferenceView(APIView):
    @extend_schema(
        responses=PreferenceOutputSerializer, operation_id="notifications_preferences_retrieve"
    )
    def get(self, request: Request) -> Response:
        preference = selectors.preference_for(user=request.user)
        return Response(PreferenceOutputSerializer(preference).data)

    @extend_schema(
        request=PreferenceUpdateInputSerializer,
        responses=PreferenceOutputSerializer,
        operation_id="notifications_preferences_update",
    )
    def patch(self, request: Request) -> Response:
        serializer = PreferenceUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        preference = services.preference_update(user=request.user, **serializer.validated_data)
        return Response(PreferenceOutputSerializer(preference).data)


class UnsubscribeView(APIView):
    """The link in every notification email. It works without signing in: the signed token
    names the person. GET is the link clicked in a mail program (a short page), POST is a mail
    client's one-click unsubscribe (RFC 8058). Both only ever turn email off."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        responses={
            (200, "text/html"): OpenApiResponse(OpenApiTypes.STR),
            404: OpenApiResponse(description="Unknown or tampered link"),
        },
        operation_id="notifications_unsubscribe_page",
    )
    def get(self, request: Request, token: str) -> HttpResponse:
        user = services.email_unsubscribe(token=token)
        with translation.override(user.language):
            page = render_to_string("notifications/unsubscribed.html", {"language": user.language})
        return HttpResponse(page, content_type="text/html; charset=utf-8")

    @extend_schema(
        request=None,
        responses={204: None, 404: OpenApiResponse(description="Unknown or tampered link")},
        operation_id="notifications_unsubscribe",
    )
    def post(self, request: Request, token: str) -> Response:
        services.email_unsubscribe(token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)

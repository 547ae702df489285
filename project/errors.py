"""Errors as values with stable codes, rendered as JSON at the API's edge."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


class ServiceError(exceptions.APIException):
    """A business rule said no. ``code`` is stable; ``message`` is translated for people."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, code: str, message: str, *, status_code: int | None = None) -> None:
        super().__init__(detail=message, code=code)
        self.code = code
        self.message = message
        if status_code is not None:
            self.status_code = status_code


class NotFound(ServiceError):
    """Another person's object, or none: both answer the same 404 (privacy rule 5)."""

    def __init__(self) -> None:
        super().__init__("not_found", _("Not found."), status_code=status.HTTP_404_NOT_FOUND)


class Conflict(ServiceError):
    status_code = status.HTTP_409_CONFLICT


def _first_code(codes: Any) -> str:
    if isinstance(codes, str):
        return codes
    if isinstance(codes, list) and codes:
        return _first_code(codes[0])
    if isinstance(codes, dict) and codes:
        return _first_code(next(iter(codes.values())))
    return "error"


def _flatten(detail: Any) -> Any:
    """Turn DRF's ErrorDetail trees into plain strings and lists."""
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten(value) for value in detail]
    return str(detail)


def error_body(code: str, message: str, fields: dict | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return body


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, Http404):
        exc = NotFound()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ServiceError):
        response.data = error_body(exc.code, exc.message)
    elif isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        if not isinstance(fields, dict):
            fields = {"non_field_errors": fields}
        response.data = error_body("invalid", _("Please check the highlighted fields."), fields)
    elif isinstance(exc, exceptions.APIException):
        response.data = error_body(_first_code(exc.get_codes()), str(exc.detail))
    return response


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith(("/api/", "/_allauth/", "/ws/", "/healthz"))


def json_error(code: str, message: str, status_code: int) -> JsonResponse:
    return JsonResponse(error_body(code, message), status=status_code)


def handler404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return json_error("not_found", _("Not found."), 404)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def handler500(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return json_error("server_error", _("Something went wrong on our side."), 500)
    from django.views.defaults import server_error

    return server_error(request)


def handler403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return json_error("permission_denied", _("You may not do this."), 403)
    from django.views.defaults import permission_denied

    return permission_denied(request, exception)


def handler400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return json_error("bad_request", _("The request could not be read."), 400)
    from django.views.defaults import bad_request

    return bad_request(request, exception)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if _wants_json(request):
        return json_error("csrf_failed", _("Your session expired. Reload and try again."), 403)
    from django.views.csrf import csrf_failure as default_csrf_failure

    return default_csrf_failure(request, reason)

"""The edge: the one place where domain errors (``project.errors``) and framework errors become
HTTP responses and WebSocket ``error`` messages. Every error body is JSON with a stable ``code``.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.csrf import csrf_failure as default_csrf_failure
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .errors import DomainError, ErrorKind, NotFound

HTTP_STATUS = {
    ErrorKind.INVALID: status.HTTP_400_BAD_REQUEST,
    ErrorKind.UNAUTHENTICATED: status.HTTP_401_UNAUTHORIZED,
    ErrorKind.FORBIDDEN: status.HTTP_403_FORBIDDEN,
    ErrorKind.NOT_FOUND: status.HTTP_404_NOT_FOUND,
    ErrorKind.CONFLICT: status.HTTP_409_CONFLICT,
    ErrorKind.RATE_LIMITED: status.HTTP_429_TOO_MANY_REQUESTS,
}


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


def domain_error_body(error: DomainError) -> dict[str, Any]:
    return {**error.extra, **error_body(error.code, error.message, error.fields)}


def domain_error_response(error: DomainError) -> Response:
    return Response(domain_error_body(error), status=HTTP_STATUS[error.kind])


def ws_error_message(error: DomainError) -> dict[str, Any]:
    """The WebSocket ``error`` message for a domain error."""
    return {"type": "error", "code": error.code, "message": error.message}


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, Http404):
        exc = NotFound()
    if isinstance(exc, DomainError):
        response = domain_error_response(exc)
        if exc.kind == ErrorKind.UNAUTHENTICATED:
            # As DRF does for its own 401: tell the client how to authenticate.
            response["WWW-Authenticate"] = "X-Session-Token"
        return response
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
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
    return defaults.page_not_found(request, exception)


def handler500(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return json_error("server_error", _("Something went wrong on our side."), 500)
    return defaults.server_error(request)


def handler403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return json_error("permission_denied", _("You may not do this."), 403)
    return defaults.permission_denied(request, exception)


def handler400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return json_error("bad_request", _("The request could not be read."), 400)
    return defaults.bad_request(request, exception)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if _wants_json(request):
        return json_error("csrf_failed", _("Your session expired. Reload and try again."), 403)
    return default_csrf_failure(request, reason)

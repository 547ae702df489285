"""Response rules that hold for whole URL prefixes, whatever view (ours, DRF's, allauth's or
Django's own error pages) produced the response."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

from .edge import json_error
from .jsoninput import JSONInputError, loads

API = "/api/"
ALLAUTH = "/_allauth/"
PRIVATE_PREFIXES = (API, ALLAUTH)

# Powerful features the app never uses, off for every page and anything it might embed. The
# app does use the clipboard (copying an invite code) and the share sheet, so those stay ours.
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "autoplay",
                "bluetooth",
                "browsing-topics",
                "camera",
                "display-capture",
                "encrypted-media",
                "fullscreen",
                "geolocation",
                "gyroscope",
                "hid",
                "idle-detection",
                "magnetometer",
                "microphone",
                "midi",
                "payment",
                "picture-in-picture",
                "publickey-credentials-get",
                "screen-wake-lock",
                "serial",
                "usb",
                "xr-spatial-tracking",
            )
        ),
        "clipboard-write=(self)",
        "web-share=(self)",
    ]
)

# What an error status means, for the error pages that Django draws itself (its debug 404 and
# 500 pages, CommonMiddleware's refusals) before any of our handlers is asked.
_ERRORS = {
    400: ("bad_request", _("The request could not be read.")),
    403: ("permission_denied", _("You may not do this.")),
    404: ("not_found", _("Not found.")),
    405: ("method_not_allowed", _("This method is not allowed here.")),
}
_SERVER_ERROR = ("server_error", _("Something went wrong on our side."))


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


class PrivateResponsesMiddleware:
    """First in ``MIDDLEWARE``, so it sees every response, including Django's debug pages.

    - Under ``/api/`` and ``/_allauth/`` answers are about one person: no shared or browser
      cache may keep them (``no-store, private``), and they differ per cookie and per token.
    - Under ``/api/`` every error is JSON with a stable ``code``, in every configuration: with
      ``DEBUG`` on, Django answers an unmatched URL or a crash with an HTML page of its own.
    - ``/_allauth/`` reads JSON bodies with ``json.loads`` and no depth bound; the body passes
      through :func:`project.jsoninput.loads` first, as DRF's do.
    - Every response carries a ``Permissions-Policy``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self._refuse_bad_allauth_body(request) or self.get_response(request)
        if request.path.startswith(PRIVATE_PREFIXES):
            response["Cache-Control"] = "no-store, private"
            patch_vary_headers(response, ("Cookie", "X-Session-Token"))
        if request.path.startswith(API) and response.status_code >= 400 and not _is_json(response):
            response = self._as_json(response)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    @staticmethod
    def _refuse_bad_allauth_body(request: HttpRequest) -> HttpResponse | None:
        if not request.path.startswith(ALLAUTH) or request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        body = request.body
        if not body:
            return None
        try:
            # Before LocaleMiddleware has run: the message in the browser's language.
            with translation.override(translation.get_language_from_request(request)):
                loads(body)
        except JSONInputError as error:
            # allauth's own error shape, so its clients read it like any other 400.
            body = {"status": 400, "errors": [{"code": error.code, "message": error.message}]}
            return JsonResponse(body, status=400)
        except ValueError:
            # Not JSON at all: allauth answers that itself.
            return None
        return None

    @staticmethod
    def _as_json(response: HttpResponse) -> HttpResponse:
        fallback = _SERVER_ERROR if response.status_code >= 500 else _ERRORS[400]
        code, message = _ERRORS.get(response.status_code, fallback)
        replaced = json_error(code, str(message), response.status_code)
        for header in ("Cache-Control", "Vary", "Allow"):
            if header in response:
                replaced[header] = response[header]
        return replaced

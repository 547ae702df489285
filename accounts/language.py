"""The person's own language follows them from device to device: their profile wins."""

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def language_from_request(request: HttpRequest | None) -> str:
    """The best supported language the browser asks for; Dutch when it asks for neither."""
    if request is None:
        return settings.LANGUAGE_CODE
    code = translation.get_language_from_request(request)
    code = (code or "").split("-")[0]
    return code if code in SUPPORTED else settings.LANGUAGE_CODE


def activate_user_language(request: HttpRequest, user) -> None:
    language = getattr(user, "language", None)
    if language in SUPPORTED:
        translation.activate(language)
        request.LANGUAGE_CODE = language

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .language import activate_user_language


class UserLanguageMiddleware:
    """After LocaleMiddleware and authentication: a signed-in person's profile language wins."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            activate_user_language(request, request.user)
        return self.get_response(request)

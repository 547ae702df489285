"""DRF glue shared by every app: authentication for both allauth clients."""

from allauth.headless.contrib.rest_framework import authentication as allauth_auth
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication

from .language import activate_user_language


class XSessionTokenAuthentication(allauth_auth.XSessionTokenAuthentication):
    """The allauth app client: ``X-Session-Token`` header."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result:
            activate_user_language(request, result[0])
        return result

    def authenticate_header(self, request) -> str:
        # Makes DRF answer 401 (not 403) to requests without credentials.
        return "X-Session-Token"


class SessionAuthentication(authentication.SessionAuthentication):
    """The allauth browser client: session cookie plus CSRF token."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result:
            activate_user_language(request, result[0])
        return result


class XSessionTokenScheme(OpenApiAuthenticationExtension):
    target_class = XSessionTokenAuthentication
    name = "sessionToken"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "X-Session-Token"}


class SessionCookieScheme(OpenApiAuthenticationExtension):
    target_class = SessionAuthentication
    name = "sessionCookie"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}

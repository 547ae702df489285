from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.generic import TemplateView

STATIC_DIR = Path(__file__).resolve().parent / "static" / "frontend"


@method_decorator(ensure_csrf_cookie, name="dispatch")
class AppShellView(TemplateView):
    """The PWA's single page; the client router draws every screen inside it.

    The CSRF cookie is set here so the very first form (sign up, log in) can post at once.
    """

    template_name = "frontend/app.html"


class NotFoundShellView(AppShellView):
    """An unknown path: the same shell, whose router shows the app's own "not found" screen,
    with status 404 so crawlers and the service worker know there is nothing here."""

    def get(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = super().get(request, *args, **kwargs)
        response.status_code = 404
        return response


class StaticAtRootView(View):
    """Serve one file from the app's static folder at a root URL, never cached by HTTP caches.

    The service worker must live at `/sw.js` to control every path; the manifest sits next to it.
    """

    filename = ""
    content_type = ""
    extra_headers: dict[str, str] = {}

    def get(self, request: HttpRequest) -> HttpResponse:
        response = HttpResponse(
            (STATIC_DIR / self.filename).read_bytes(), content_type=self.content_type
        )
        response["Cache-Control"] = "no-cache"
        for name, value in self.extra_headers.items():
            response[name] = value
        return response


class ServiceWorkerView(StaticAtRootView):
    filename = "sw.js"
    content_type = "text/javascript; charset=utf-8"
    extra_headers = {"Service-Worker-Allowed": "/"}


class ManifestView(StaticAtRootView):
    filename = "manifest.webmanifest"
    content_type = "application/manifest+json"

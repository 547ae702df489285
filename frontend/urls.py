from django.urls import path, re_path

from . import views

# Screens the client router draws. Listed one by one (no catch-all over everything) so that
# /api/, /_allauth/, /admin/, /static/, /ws/ and /healthz keep their own 404s and unknown
# paths stay 404 too. Any other path answers the shell with status 404: the app draws its own
# not-found screen instead of Django's page.
CLIENT_ROUTES = (
    r"^(?:signup|login|logout|verify|reset|profile|library|pair|couple|s|help|advice"
    r"|check-in|history|therapist|practice|assignments|guide|daily|pulse|preview)(?:/[A-Za-z0-9_-]+)*/?$"
)

# The server's own prefixes keep their own 404s (JSON for the API, plain for the rest).
SERVER_PREFIXES_EXCLUDED = r"^(?!(?:api|_allauth|admin|static|media|ws)(?:/|$)|healthz$|readyz$).*$"

urlpatterns = [
    path("", views.AppShellView.as_view(), name="app"),
    path("sw.js", views.ServiceWorkerView.as_view(), name="service-worker"),
    path("manifest.webmanifest", views.ManifestView.as_view(), name="manifest"),
    re_path(CLIENT_ROUTES, views.AppShellView.as_view(), name="app-route"),
    re_path(SERVER_PREFIXES_EXCLUDED, views.NotFoundShellView.as_view(), name="app-not-found"),
]

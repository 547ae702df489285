from django.urls import path, re_path

from . import views

# Screens the client router draws. Listed one by one (no catch-all over everything) so that
# /api/, /_allauth/, /admin/, /static/, /ws/ and /healthz keep their own 404s and unknown
# paths stay 404 too.
CLIENT_ROUTES = (
    r"^(?:signup|login|logout|verify|reset|profile|library|pair|couple|s|help|advice"
    r"|check-in|history|therapist|practice|assignments|guide|preview)(?:/[A-Za-z0-9_-]+)*/?$"
)

urlpatterns = [
    path("", views.AppShellView.as_view(), name="app"),
    path("sw.js", views.ServiceWorkerView.as_view(), name="service-worker"),
    path("manifest.webmanifest", views.ManifestView.as_view(), name="manifest"),
    re_path(CLIENT_ROUTES, views.AppShellView.as_view(), name="app-route"),
]

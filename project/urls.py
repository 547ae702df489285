from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import health

handler400 = "project.edge.handler400"
handler403 = "project.edge.handler403"
handler404 = "project.edge.handler404"
handler500 = "project.edge.handler500"

api_patterns = [
    path("", include("privacy.urls")),
    path("", include("pairing.urls")),
    path("", include("exercises.urls")),
    path("", include("sessions.urls")),
    path("", include("pulse.urls")),
    path("", include("therapists.urls")),
    path("", include("safety.urls")),
    path("", include("notifications.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/", include(api_patterns)),
    path("_allauth/", include("allauth.headless.urls")),
    path("admin/", admin.site.urls),
    path("", include("frontend.urls")),
]

from django.urls import path

from . import views

urlpatterns = [
    path("safety/check-in/", views.CheckInView.as_view(), name="safety-check-in"),
    path("safety/reports/", views.ReportListView.as_view(), name="safety-reports"),
    path(
        "safety/reports/<uuid:report_id>/",
        views.ReportDetailView.as_view(),
        name="safety-report-detail",
    ),
    path("safety/resources/", views.ResourcesView.as_view(), name="safety-resources"),
    path("safety/status/", views.StatusView.as_view(), name="safety-status"),
    path("safety/resume/", views.ResumeView.as_view(), name="safety-resume"),
]

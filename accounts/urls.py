from django.urls import path

from . import therapist_views, views

urlpatterns = [
    path("me/", views.MeView.as_view(), name="me"),
    path("me/export/", views.MeExportView.as_view(), name="me-export"),
    path(
        "therapist/application/",
        therapist_views.TherapistApplicationView.as_view(),
        name="therapist-application",
    ),
]

from django.urls import path

from . import views

urlpatterns = [
    path("sessions/", views.SessionListView.as_view(), name="session-list"),
    path("sessions/<uuid:session_id>/", views.SessionDetailView.as_view(), name="session-detail"),
    path(
        "sessions/<uuid:session_id>/answers/<uuid:prompt_id>/",
        views.AnswerView.as_view(),
        name="session-answer",
    ),
    path(
        "sessions/<uuid:session_id>/submit/",
        views.SessionSubmitView.as_view(),
        name="session-submit",
    ),
    path(
        "sessions/<uuid:session_id>/not-now/",
        views.SessionNotNowView.as_view(),
        name="session-not-now",
    ),
]

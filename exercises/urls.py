from django.urls import path

from . import session_views, views

urlpatterns = [
    path("exercises/", views.ExerciseLibraryView.as_view(), name="exercise-library"),
    path("exercises/<slug:slug>/", views.ExerciseDetailView.as_view(), name="exercise-detail"),
]

urlpatterns += [
    path("sessions/", session_views.SessionListView.as_view(), name="session-list"),
    path(
        "sessions/<uuid:session_id>/",
        session_views.SessionDetailView.as_view(),
        name="session-detail",
    ),
    path(
        "sessions/<uuid:session_id>/answers/<uuid:prompt_id>/",
        session_views.AnswerView.as_view(),
        name="session-answer",
    ),
    path(
        "sessions/<uuid:session_id>/submit/",
        session_views.SessionSubmitView.as_view(),
        name="session-submit",
    ),
]

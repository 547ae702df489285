from django.urls import path

from . import assignment_views, session_views, views

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

urlpatterns += [
    path("assignments/", assignment_views.AssignmentListView.as_view(), name="assignment-list"),
    path(
        "assignments/<uuid:assignment_id>/start/",
        assignment_views.AssignmentStartView.as_view(),
        name="assignment-start",
    ),
    path(
        "sessions/<uuid:session_id>/share/",
        assignment_views.SessionShareView.as_view(),
        name="session-share",
    ),
    path(
        "therapist/couples/",
        assignment_views.TherapistCoupleListView.as_view(),
        name="therapist-couple-list",
    ),
    path(
        "therapist/couples/<uuid:couple_id>/",
        assignment_views.TherapistCoupleDetailView.as_view(),
        name="therapist-couple-detail",
    ),
    path(
        "therapist/couples/<uuid:couple_id>/assignments/",
        assignment_views.TherapistAssignmentCreateView.as_view(),
        name="therapist-assignment-create",
    ),
]

from django.urls import path

from . import views

urlpatterns = [
    path("exercises/", views.ExerciseLibraryView.as_view(), name="exercise-library"),
    path(
        "exercises/preview/<uuid:exercise_id>/",
        views.ExercisePreviewView.as_view(),
        name="exercise-preview",
    ),
    path("exercises/<slug:slug>/", views.ExerciseDetailView.as_view(), name="exercise-detail"),
]

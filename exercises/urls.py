from django.urls import path

from . import views

urlpatterns = [
    path("exercises/", views.ExerciseLibraryView.as_view(), name="exercise-library"),
    path("exercises/<slug:slug>/", views.ExerciseDetailView.as_view(), name="exercise-detail"),
]

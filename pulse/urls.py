from django.urls import path

from . import views

urlpatterns = [
    path("pulse/", views.PulseView.as_view(), name="pulse"),
    path("pulse/trend/", views.PulseTrendView.as_view(), name="pulse-trend"),
    path("pulse/partner/", views.PartnerPulseView.as_view(), name="pulse-partner"),
    path("pulse/<uuid:entry_id>/", views.PulseEntryView.as_view(), name="pulse-entry"),
]

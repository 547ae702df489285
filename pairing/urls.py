from django.urls import path

from . import views

urlpatterns = [
    path("pairing/invites/", views.InviteCreateView.as_view(), name="pairing-invite-create"),
    path(
        "pairing/invites/<str:code>/",
        views.InviteDetailView.as_view(),
        name="pairing-invite-detail",
    ),
    path(
        "pairing/invites/<str:code>/accept/",
        views.InviteAcceptView.as_view(),
        name="pairing-invite-accept",
    ),
    path("pairing/couple/", views.CoupleView.as_view(), name="pairing-couple"),
    path("pairing/couple/end/", views.CoupleEndView.as_view(), name="pairing-couple-end"),
    path(
        "pairing/therapist-invites/<str:code>/",
        views.TherapistInvitePreviewView.as_view(),
        name="pairing-therapist-invite-preview",
    ),
    path(
        "pairing/therapist-invites/<str:code>/accept/",
        views.TherapistInviteAcceptView.as_view(),
        name="pairing-therapist-invite-accept",
    ),
    path("pairing/therapist/", views.MyTherapistView.as_view(), name="pairing-therapist"),
    path("therapist/invites/", views.TherapistInvitesView.as_view(), name="therapist-invites"),
    path(
        "therapist/invites/<uuid:invite_id>/",
        views.TherapistInviteDetailView.as_view(),
        name="therapist-invite-detail",
    ),
]

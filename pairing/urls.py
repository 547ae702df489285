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
    path("pairing/couple/ended/", views.CoupleEndedView.as_view(), name="pairing-couple-ended"),
    path("pairing/couple/end/", views.CoupleEndView.as_view(), name="pairing-couple-end"),
]

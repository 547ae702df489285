from django.urls import path

from . import views

urlpatterns = [
    path(
        "notifications/vapid-public-key/",
        views.VapidPublicKeyView.as_view(),
        name="notifications-vapid-public-key",
    ),
    path(
        "notifications/subscriptions/",
        views.SubscriptionListView.as_view(),
        name="notifications-subscriptions",
    ),
    path(
        "notifications/subscriptions/<uuid:subscription_id>/",
        views.SubscriptionDetailView.as_view(),
        name="notifications-subscription-detail",
    ),
    path(
        "notifications/preferences/",
        views.PreferenceView.as_view(),
        name="notifications-preferences",
    ),
    path(
        "notifications/unsubscribe/<str:token>/",
        views.UnsubscribeView.as_view(),
        name="notifications-unsubscribe",
    ),
]

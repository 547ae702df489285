from django.urls import path

from . import daily_views, views

urlpatterns = [
    path("daily/", daily_views.DailyView.as_view(), name="daily"),
    path("daily/answer/", daily_views.DailyAnswerView.as_view(), name="daily-answer"),
    path("daily/reaction/", daily_views.DailyReactionView.as_view(), name="daily-reaction"),
    path("daily/history/", daily_views.DailyHistoryView.as_view(), name="daily-history"),
    path("sessions/", views.SessionListView.as_view(), name="session-list"),
    path("sessions/<uuid:session_id>/", views.SessionDetailView.as_view(), name="session-detail"),
    path(
        "sessions/<uuid:session_id>/answers/<uuid:prompt_id>/",
        views.AnswerView.as_view(),
        name="session-answer",
    ),
    path(
        "sessions/<uuid:session_id>/reactions/",
        views.SessionReactionsView.as_view(),
        name="session-reactions",
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

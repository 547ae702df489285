from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SessionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sessions"
    # django.contrib.sessions already holds the label "sessions".
    label = "couple_sessions"
    verbose_name = _("Couple sessions")

    def ready(self) -> None:
        from exercises.services import register_usage_counter
        from pairing.services import on_couple_ended

        from .me_events import announce_daily
        from .models import OPEN_SESSION_STATUSES, CoupleSession
        from .services import on_daily_changed, sessions_abandon_for_couple

        # /ws/me/: both partners hear that the question of the day moved (flags only).
        on_daily_changed(announce_daily)

        # An ended couple's open sessions are abandoned (pairing announces, we listen).
        on_couple_ended(lambda couple, by: sessions_abandon_for_couple(couple=couple))
        # The editors see how many open sessions use an exercise before archiving it.
        register_usage_counter(
            "open_sessions",
            lambda exercise: CoupleSession.objects.filter(
                exercise=exercise, status__in=OPEN_SESSION_STATUSES
            ).count(),
        )

        from django.contrib.auth.signals import user_logged_out

        from project.me_channel import signed_out

        # /ws/me/: the sockets of the session that signed out say so and close. Django sends
        # the signal before it flushes the session, so its key is still there.
        def _signed_out(sender, request, user, **kwargs) -> None:
            key = getattr(getattr(request, "session", None), "session_key", None)
            if key:
                signed_out(key)

        user_logged_out.connect(_signed_out, dispatch_uid="sessions.me.signed_out")

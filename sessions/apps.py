from django.apps import AppConfig


class SessionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sessions"
    # django.contrib.sessions already holds the label "sessions".
    label = "couple_sessions"
    verbose_name = "Couple sessions"

    def ready(self) -> None:
        from exercises.services import register_usage_counter
        from pairing.services import on_couple_ended

        from .models import OPEN_SESSION_STATUSES, CoupleSession
        from .services import sessions_abandon_for_couple

        # An ended couple's open sessions are abandoned (pairing announces, we listen).
        on_couple_ended(lambda couple, by: sessions_abandon_for_couple(couple=couple))
        # The editors see how many open sessions use an exercise before archiving it.
        register_usage_counter(
            "open_sessions",
            lambda exercise: CoupleSession.objects.filter(
                exercise=exercise, status__in=OPEN_SESSION_STATUSES
            ).count(),
        )

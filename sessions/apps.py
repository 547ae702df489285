from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SessionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sessions"
    # django.contrib.sessions already holds the label "sessions".
    label = "couple_sessions"
    verbose_name = _("Couple sessions")

    def ready(self) -> None:
        from allauth.account.signals import password_changed, password_reset, password_set
        from django.contrib.sessions.models import Session
        from django.db.models.signals import post_delete

        from exercises.services import register_usage_counter
        from notifications.services import register_daily_audience
        from pairing.models import CoupleMember, active_couple
        from pairing.services import on_couple_ended
        from safety.services import on_paused

        from . import services
        from .me_events import announce_daily
        from .models import OPEN_SESSION_STATUSES, CoupleSession

        # /ws/me/: both partners hear that the question of the day moved (flags only).
        services.on_daily_changed(announce_daily)
        # Only people with someone to answer with are reminded of the question of the day.
        register_daily_audience(
            lambda: CoupleMember.objects.filter(active_couple("couple"), active=True).values_list(
                "user_id", flat=True
            )
        )
        # The editors see how many open sessions use an exercise before archiving it.
        register_usage_counter(
            "open_sessions",
            lambda exercise: CoupleSession.objects.filter(
                exercise=exercise, status__in=OPEN_SESSION_STATUSES
            ).count(),
        )

        # An ended couple's open sessions are abandoned (pairing announces, we listen), and
        # both partners' live sockets close, on completed sessions too.
        on_couple_ended(lambda couple, by: services.live_couple_ended(couple=couple))
        # A pause (check-in "yes", a report) closes the person's live sockets: to the partner
        # exactly "left the room".
        on_paused(
            lambda user: services.live_revoke_user(user_id=user.pk, reason=services.REVOKED_REFUSED)
        )
        # A Django session that ends (logout, "log out everywhere", an ended allauth user
        # session, erasure) closes the sockets signed in with it; a new password closes all.
        post_delete.connect(_session_ended, sender=Session, weak=False)
        for signal in (password_changed, password_reset, password_set):
            signal.connect(_password_changed, weak=False)

        from django.contrib.auth.signals import user_logged_out

        from project.me_channel import signed_out

        # /ws/me/: the sockets of the session that signed out say so and close. Django sends
        # the signal before it flushes the session, so its key is still there.
        def _signed_out(sender, request, user, **kwargs) -> None:
            key = getattr(getattr(request, "session", None), "session_key", None)
            if key:
                signed_out(key)

        user_logged_out.connect(_signed_out, dispatch_uid="sessions.me.signed_out")


def _session_ended(sender, instance, **kwargs) -> None:
    from .services import live_revoke_auth_session

    live_revoke_auth_session(session_key=instance.session_key)


def _password_changed(sender, request=None, user=None, **kwargs) -> None:
    from .services import REVOKED_SIGNED_OUT, live_revoke_user

    if user is not None:
        live_revoke_user(user_id=user.pk, reason=REVOKED_SIGNED_OUT)

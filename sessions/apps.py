from django.apps import AppConfig


class SessionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sessions"
    # django.contrib.sessions already holds the label "sessions".
    label = "couple_sessions"
    verbose_name = "Couple sessions"

    def ready(self) -> None:
        from allauth.account.signals import password_changed, password_reset, password_set
        from django.contrib.sessions.models import Session
        from django.db.models.signals import post_delete

        from pairing.services import on_couple_ended
        from safety.services import on_paused

        from . import services

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


def _session_ended(sender, instance, **kwargs) -> None:
    from .services import live_revoke_auth_session

    live_revoke_auth_session(session_key=instance.session_key)


def _password_changed(sender, request=None, user=None, **kwargs) -> None:
    from .services import REVOKED_SIGNED_OUT, live_revoke_user

    if user is not None:
        live_revoke_user(user_id=user.pk, reason=REVOKED_SIGNED_OUT)

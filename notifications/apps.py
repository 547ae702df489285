from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from .services import register_outbox_waker
        from .tasks import outbox_send

        # New outbox rows wake a task worker at once instead of waiting for its next round.
        register_outbox_waker(outbox_send)

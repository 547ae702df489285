from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PairingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pairing"
    verbose_name = _("Couples and invites")

    def ready(self) -> None:
        from accounts.demo import on_demo_seeded

        from .services import demo_couple_ensure

        on_demo_seeded(lambda users: demo_couple_ensure(first=users["anna"], second=users["bram"]))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExercisesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exercises"
    verbose_name = _("Exercise library")

    def ready(self) -> None:
        from accounts.demo import on_demo_seeded

        from .services import content_editors_group_ensure

        on_demo_seeded(lambda users: users["eva"].groups.add(content_editors_group_ensure()))

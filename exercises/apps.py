from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exercises"

    def ready(self) -> None:
        from accounts.demo import on_demo_seeded

        from .services import content_editors_group_ensure

        on_demo_seeded(lambda users: users["eva"].groups.add(content_editors_group_ensure()))

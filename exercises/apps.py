from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exercises"

    def ready(self) -> None:
        from notifications.services import register_due_source

        from .assignment_selectors import assignments_due_on

        # "Due tomorrow" reminders: notifications asks us who has an assignment due.
        register_due_source(assignments_due_on)

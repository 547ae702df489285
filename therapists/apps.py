from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TherapistsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "therapists"
    verbose_name = _("Therapists")

    def ready(self) -> None:
        from exercises.services import register_usage_counter
        from notifications.services import register_due_source
        from pairing.services import on_couple_ended
        from safety.services import register_therapist_link_of
        from sessions.services import register_session_starter

        from .assignment_selectors import assignments_due_on, open_assignments_of_exercise
        from .assignment_services import session_start_from_assignment
        from .selectors import active_therapist_link_id
        from .services import therapist_links_end_for_couple

        # "Due tomorrow" reminders: notifications asks us who has an assignment due.
        register_due_source(assignments_due_on)
        # An ended couple's therapist link ends with it.
        on_couple_ended(lambda couple, by: therapist_links_end_for_couple(couple=couple, by=by))
        # POST /api/sessions/ {assignment}: starting a session from one of my assignments.
        register_session_starter("assignment", session_start_from_assignment)
        # A report shared "with my therapist" is bound to the link that exists at that moment.
        register_therapist_link_of(active_therapist_link_id)
        # The editors see how many open assignments use an exercise before archiving it.
        register_usage_counter("open_assignments", open_assignments_of_exercise)

from django.core.management.base import BaseCommand

from notifications.services import reminders_enqueue


class Command(BaseCommand):
    help = (
        "Enqueue the 'due tomorrow' and weekly reminders now. The task worker does this daily "
        "at 09:00 by itself; running it more often sends nothing twice."
    )

    def handle(self, *args, **options) -> None:
        count = reminders_enqueue()
        self.stdout.write(f"reminders considered: {count}")

import time

from django.core.management.base import BaseCommand, CommandParser

from notifications.services import outbox_send_due


class Command(BaseCommand):
    help = "Send the notifications that are due (web push and email), once or in a loop."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running.")
        parser.add_argument(
            "--sleep", type=float, default=10.0, help="Seconds between rounds with --loop."
        )

    def handle(self, *args, loop: bool, sleep: float, **options) -> None:
        while True:
            counts = outbox_send_due()
            if counts:
                summary = ", ".join(f"{name}: {n}" for name, n in sorted(counts.items()))
                self.stdout.write(summary)
            if not loop:
                return
            time.sleep(sleep)

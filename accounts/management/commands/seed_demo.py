from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import CAST, demo_steps_run, demo_user_ensure


class Command(BaseCommand):
    help = "Create the demo accounts (idempotent). Passwords are printed once, when created."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give every demo account a new password and print it.",
        )

    def handle(self, *args, reset_passwords: bool = False, **options) -> None:
        if settings.IS_PRODUCTION:
            raise CommandError("seed_demo refuses to run under production settings.")
        users = {}
        rows = []
        for person in CAST:
            user, password = demo_user_ensure(person=person, reset_password=reset_passwords)
            users[person.key] = user
            shown = password or "(unchanged; --reset-passwords prints new ones)"
            rows.append(f"  {person.email:<22} {shown:<48} {person.role}")
        # Anna and Bram linked (pairing), Eva among the content editors (exercises).
        demo_steps_run(users=users)
        self.stdout.write("Demo accounts (log in at http://127.0.0.1:8000/):")
        self.stdout.write("\n".join(rows))

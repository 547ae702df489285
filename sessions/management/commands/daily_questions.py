"""``manage.py daily_questions [file]``: bring the daily question pool in line with the file
(``sessions/daily_questions.json`` by default). Idempotent; run by ``make seed``."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from sessions.daily_services import daily_questions_import

DEFAULT = Path(__file__).resolve().parents[2] / "daily_questions.json"


class Command(BaseCommand):
    help = "Import the daily question pool from a JSON file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", nargs="?", default=str(DEFAULT))

    def handle(self, *args, file: str, **options) -> None:
        data = json.loads(Path(file).read_text())
        created, updated = daily_questions_import(items=data["questions"])
        self.stdout.write(f"Daily questions from {file}: {created} created, {updated} updated.")

"""``manage.py library export FILE.json`` and ``manage.py library import FILE.json``."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exercises.serializers import LibraryFileSerializer
from exercises.services import library_export, library_import
from project.errors import DomainError


def _describe(errors, path: str = "") -> list[str]:
    """DRF's nested error tree as ``exercises[3].prompts[0].kind: message`` lines."""
    if isinstance(errors, dict):
        lines = []
        for key, value in errors.items():
            if isinstance(key, int):
                where = f"{path}[{key}]"
            else:
                where = f"{path}.{key}" if path else str(key)
            lines.extend(_describe(value, where))
        return lines
    if isinstance(errors, list) and errors and not isinstance(errors[0], str):
        lines = []
        for index, value in enumerate(errors):
            if value:
                lines.extend(_describe(value, f"{path}[{index}]"))
        return lines
    messages = errors if isinstance(errors, list) else [errors]
    return [f"{path}: {message}" for message in messages]


class Command(BaseCommand):
    help = "Export the whole exercise library to JSON, or import (validated, all or nothing)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("direction", choices=["export", "import"])
        parser.add_argument("file", help="Path of the JSON file ('-' for stdout on export).")

    def handle(self, *args, direction: str, file: str, **options) -> None:
        if direction == "export":
            text = json.dumps(library_export(), ensure_ascii=False, indent=2) + "\n"
            if file == "-":
                self.stdout.write(text, ending="")
            else:
                Path(file).write_text(text, encoding="utf-8")
                self.stdout.write(f"Exported the library to {file}.")
            return
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {file}; nothing was changed.\n{error}") from error
        serializer = LibraryFileSerializer(data=data)
        if not serializer.is_valid():
            raise CommandError(
                f"{file} is not a valid library file; nothing was changed.\n"
                + "\n".join(_describe(serializer.errors))
            )
        try:
            result = library_import(items=serializer.validated_data["exercises"])
        except DomainError as error:
            raise CommandError(f"{error.message}\nNothing was changed.") from error
        self.stdout.write(
            f"Imported {file}: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged, {result.published} published."
        )

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.db.models.functions import Cast

from project.crypto import EncryptedJSONField, is_under_newest_key, rotate


def encrypted_fields() -> list[tuple[type, list[str]]]:
    found = []
    for model in apps.get_models():
        names = [
            f.attname for f in model._meta.concrete_fields if isinstance(f, EncryptedJSONField)
        ]
        if names:
            found.append((model, names))
    return found


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field under the first key of FIELD_ENCRYPTION_KEYS. "
        "Works in batches and skips rows already under the newest key, so it can be stopped "
        "and run again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int = 500, **options) -> None:
        for model, names in encrypted_fields():
            rotated = 0
            last_pk = None
            while True:
                # Cast to plain text reads the stored tokens without decrypting them.
                raw = {f"raw_{name}": Cast(name, models.TextField()) for name in names}
                rows = model._default_manager.annotate(**raw).order_by("pk")
                if last_pk is not None:
                    rows = rows.filter(pk__gt=last_pk)
                batch = list(rows.values_list("pk", *raw)[:batch_size])
                if not batch:
                    break
                rotated += self._rotate_batch(model, names, batch)
                last_pk = batch[-1][0]
            self.stdout.write(f"{model._meta.label}: {rotated} row(s) re-encrypted")

    @transaction.atomic
    def _rotate_batch(self, model, names: list[str], batch: list[tuple]) -> int:
        count = 0
        for pk, *tokens in batch:
            updates = {
                name: rotate(token)
                for name, token in zip(names, tokens, strict=True)
                if token is not None and not is_under_newest_key(token)
            }
            if updates:
                # A Value expression is written as is, without encrypting the token again.
                model._default_manager.filter(pk=pk).update(
                    **{
                        k: models.Value(v, output_field=models.TextField())
                        for k, v in updates.items()
                    }
                )
                count += 1
        return count

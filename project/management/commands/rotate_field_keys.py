from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.db.models.functions import Cast
from django.db.models.lookups import Exact

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
        "and run again; a row the app saves meanwhile keeps its newer value."
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
            read = dict(zip(names, tokens, strict=True))
            updates = {
                name: rotate(token)
                for name, token in read.items()
                if token is not None and not is_under_newest_key(token)
            }
            if not updates:
                continue
            # Compare-and-swap: the batch was read before this transaction, and the app may have
            # saved the row since (an answer, a pause). Write only where each token is still the
            # one read; a newer value was encrypted under the newest key by its own save.
            unchanged = model._default_manager.filter(pk=pk)
            for name in updates:
                unchanged = unchanged.filter(Exact(Cast(name, models.TextField()), read[name]))
            # A Value expression is written as is, without encrypting the token again.
            count += unchanged.update(
                **{k: models.Value(v, output_field=models.TextField()) for k, v in updates.items()}
            )
        return count

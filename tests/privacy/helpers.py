"""Whole-database scans for the erasure and leak tests."""

from __future__ import annotations

from django.apps import apps
from django.db import models

from accounts.models import User


def rows_referencing(user_id) -> list[str]:
    """Every row in any table whose foreign key points at ``user_id`` (as ``app.Model.field``)."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model is User:
                count = model._default_manager.filter(**{field.attname: user_id}).count()
                if count:
                    found.append(f"{model._meta.label}.{field.name} x{count}")
    return found


def stored_values_containing(*needles: str) -> list[str]:
    """Every stored value (decrypted by the ORM where a field is encrypted) that contains one of
    ``needles``, as ``app.Model.field``."""
    found = []
    for model in apps.get_models():
        fields = model._meta.concrete_fields
        for row in model._default_manager.all().iterator():
            for field in fields:
                text = str(getattr(row, field.attname))
                if any(needle in text for needle in needles):
                    found.append(f"{model._meta.label}.{field.name}")
    return found

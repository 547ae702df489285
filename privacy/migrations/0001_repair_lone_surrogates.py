"""Repair text stored before lone surrogates were refused (security finding 4).

A text answer, a report note or an assignment note holding a lone surrogate ("\\ud800") was
stored (encrypted JSON escapes it) but broke every later read of it: the partner's session view
and the export answered 500. Each lone surrogate becomes U+FFFD, the replacement character;
everything else stays as it was. The privacy app runs this because it may reach every app.
"""

import re

from django.db import migrations

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def repaired(value):
    """``value`` with every lone surrogate replaced, or None when there was none."""
    if isinstance(value, str):
        fixed = LONE_SURROGATE.sub("\ufffd", value)
        return fixed if fixed != value else None
    if isinstance(value, list):
        items = [repaired(item) for item in value]
        if all(item is None for item in items):
            return None
        return [new if new is not None else old for new, old in zip(items, value, strict=True)]
    if isinstance(value, dict):
        items = {key: repaired(item) for key, item in value.items()}
        if all(item is None for item in items.values()):
            return None
        return {key: items[key] if items[key] is not None else value[key] for key in value}
    return None


def repair(apps, schema_editor):
    for app_label, model_name, field in (
        ("couple_sessions", "Answer", "value"),
        ("safety", "SafetyReport", "data"),
        ("therapists", "Assignment", "note"),
    ):
        model = apps.get_model(app_label, model_name)
        for row in model.objects.only("pk", field).iterator():
            fixed = repaired(getattr(row, field))
            if fixed is not None:
                setattr(row, field, fixed)
                row.save(update_fields=[field])


class Migration(migrations.Migration):
    dependencies = [
        ("couple_sessions", "0001_initial"),
        ("safety", "0006_fixed_size_encrypted_reports"),
        ("therapists", "0001_initial"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]

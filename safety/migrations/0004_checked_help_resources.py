"""Replace the first, unchecked seed with the list checked on 2026-11-29.

Rows still exactly as migration 0002 wrote them (never re-verified by an admin) are deleted.
Rows an admin added or checked stay; their phone is split into one dialable number (the first
one found) and the readable form, their old kinds are mapped, and they are marked as needing a
check, because only a person can tell whether the mapping fits."""

import datetime
import re

from django.db import migrations

from safety.data.help_resources import CHECKED_ON, HELP_RESOURCES
from safety.data.first_seed import WRITTEN_ON

OLD_KINDS = {"helpline": "domestic_abuse", "chat": "domestic_abuse"}
FIRST_NUMBER = re.compile(r"\+?\d[\d\s().-]*")


def dialable(text):
    match = FIRST_NUMBER.search(text or "")
    if not match:
        return None
    digits = re.sub(r"[^\d+]", "", match.group())
    return digits if re.fullmatch(r"\+?[0-9]{3,15}", digits) else None


def forwards(apps, schema_editor):
    HelpResource = apps.get_model("safety", "HelpResource")
    HelpResource.objects.filter(last_verified=datetime.date.fromisoformat(WRITTEN_ON)).delete()
    for row in HelpResource.objects.all():
        row.phone_display = row.phone_display or row.phone or ""
        row.phone = dialable(row.phone)
        if row.kind in OLD_KINDS:
            row.kind = OLD_KINDS[row.kind]
            row.last_verified = None
        row.save()
    checked = datetime.date.fromisoformat(CHECKED_ON)
    rows = []
    for resource in HELP_RESOURCES:
        for language in ("nl", "en"):
            texts = resource[language]
            rows.append(
                HelpResource(
                    country=resource["country"],
                    language=language,
                    kind=resource["kind"],
                    order=resource["order"],
                    phone=resource["phone"],
                    phone_display=resource["phone_display"],
                    url=resource["url"],
                    chat_url=resource["chat_url"],
                    open_24_7=resource["open_24_7"],
                    free=resource["free"],
                    source_url=resource["source_url"],
                    last_verified=checked if resource["checked"] else None,
                    name=texts["name"],
                    description=texts["description"],
                    hours=texts["hours"],
                    sms=texts["sms"],
                    active=True,
                )
            )
    HelpResource.objects.bulk_create(rows)


def backwards(apps, schema_editor):
    HelpResource = apps.get_model("safety", "HelpResource")
    for resource in HELP_RESOURCES:
        HelpResource.objects.filter(
            country=resource["country"],
            kind=resource["kind"],
            source_url=resource["source_url"],
            name__in=[resource["nl"]["name"], resource["en"]["name"]],
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("safety", "0003_help_resource_fields")]

    operations = [migrations.RunPython(forwards, backwards)]

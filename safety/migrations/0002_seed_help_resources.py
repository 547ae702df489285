"""Seed the help resources so every installation, production included, starts with them.
Admins verify and curate them afterwards in the admin."""

import datetime

from django.db import migrations

from safety.data.help_resources import RESOURCES, WRITTEN_ON


def seed(apps, schema_editor):
    HelpResource = apps.get_model("safety", "HelpResource")
    verified = datetime.date.fromisoformat(WRITTEN_ON)
    rows = []
    for resource in RESOURCES:
        for language in ("nl", "en"):
            texts = resource[language]
            rows.append(
                HelpResource(
                    country=resource["country"],
                    language=language,
                    kind=resource["kind"],
                    order=resource["order"],
                    phone=resource["phone"],
                    url=resource["url"],
                    free_of_charge=resource["free_of_charge"],
                    name=texts["name"],
                    description=texts["description"],
                    hours=texts["hours"],
                    text_instructions=texts["text_instructions"],
                    last_verified=verified,
                    active=True,
                )
            )
    HelpResource.objects.bulk_create(rows)


def unseed(apps, schema_editor):
    HelpResource = apps.get_model("safety", "HelpResource")
    HelpResource.objects.filter(last_verified=datetime.date.fromisoformat(WRITTEN_ON)).delete()


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

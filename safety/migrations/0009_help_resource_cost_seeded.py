"""Fill the new cost text from what the data already says: every entry marked free of charge
reads "Gratis" / "Free"; the one seeded line that is not free (Slachtofferhulp, 0900-0101)
costs the local rate, as its description says. Other entries that are not free stay empty
until an editor fills them in. Verification is left as it was: the facts did not change."""

from django.db import migrations

FREE = {"nl": "Gratis", "en": "Free"}
LOCAL_RATE = {"nl": "Lokaal tarief", "en": "Local rate"}
# The seeded entries that are not free, by their dialable number (safety/data/help_resources.py).
LOCAL_RATE_NUMBERS = {"09000101"}


def forwards(apps, schema_editor):
    HelpResource = apps.get_model("safety", "HelpResource")
    for language in ("nl", "en"):
        HelpResource.objects.filter(language=language, free=True, cost="").update(
            cost=FREE[language]
        )
        HelpResource.objects.filter(
            language=language, free=False, cost="", phone__in=LOCAL_RATE_NUMBERS
        ).update(cost=LOCAL_RATE[language])


def backwards(apps, schema_editor):
    HelpResource = apps.get_model("safety", "HelpResource")
    HelpResource.objects.filter(cost__in=[*FREE.values(), *LOCAL_RATE.values()]).update(cost="")


class Migration(migrations.Migration):
    dependencies = [("safety", "0008_help_resource_cost")]

    operations = [migrations.RunPython(forwards, backwards)]

"""Reports keep everything but their existence in one encrypted, fixed-size ``data`` field;
check-in outcomes and pause states are padded to one size before encryption."""

from django.db import migrations

import project.crypto


def forwards(apps, schema_editor):
    SafetyReport = apps.get_model("safety", "SafetyReport")
    for report in SafetyReport.objects.all():
        report.data = {
            "created_at": report.created_at.isoformat(),
            "note": report.note,
            # A share given before reports were bound to a link was bound to nothing: it ends.
            "shared_with": None,
        }
        report.save(update_fields=["data"])
    # Rewriting pads the older tokens to the fixed size too.
    for model, field in (("SafetyCheckIn", "outcome"), ("SafetyState", "data")):
        Model = apps.get_model("safety", model)
        for row in Model.objects.all():
            row.save(update_fields=[field])


class Migration(migrations.Migration):
    dependencies = [("safety", "0005_help_resource_phone_dialable")]

    operations = [
        migrations.AddField(
            model_name="safetyreport",
            name="data",
            field=project.crypto.EncryptedJSONField(null=True, pad_to=60256, verbose_name="report"),
        ),
        migrations.AlterField(
            model_name="safetycheckin",
            name="outcome",
            field=project.crypto.EncryptedJSONField(pad_to=32, verbose_name="outcome"),
        ),
        migrations.AlterField(
            model_name="safetystate",
            name="data",
            field=project.crypto.EncryptedJSONField(pad_to=256, verbose_name="state"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="safetyreport", name="safety_report_user_recent"),
        migrations.RemoveField(model_name="safetyreport", name="created_at"),
        migrations.RemoveField(model_name="safetyreport", name="note"),
        migrations.RemoveField(model_name="safetyreport", name="share_with_therapist"),
        migrations.AlterField(
            model_name="safetyreport",
            name="data",
            field=project.crypto.EncryptedJSONField(pad_to=60256, verbose_name="report"),
        ),
    ]

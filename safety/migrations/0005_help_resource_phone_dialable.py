"""A phone is one dialable number or nothing, enforced by the database too."""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("safety", "0004_checked_help_resources")]

    operations = [
        migrations.AlterField(
            model_name="helpresource",
            name="phone",
            field=models.CharField(
                blank=True,
                help_text="Digits only, for example 08002000 or +448082000247. Empty: no phone.",
                max_length=16,
                null=True,
                validators=[
                    django.core.validators.RegexValidator(
                        "^\\+?[0-9]{3,15}$",
                        "One number that a phone can dial: digits only, optionally starting with +. Put a second number in a resource of its own, and the readable form in “phone as shown”.",
                    )
                ],
                verbose_name="phone (dialable)",
            ),
        ),
        migrations.AddConstraint(
            model_name="helpresource",
            constraint=models.CheckConstraint(
                condition=models.Q(("phone__isnull", True), ("phone__regex", "^\\+?[0-9]{3,15}$"), _connector="OR"),
                name="safety_resource_phone_dialable",
            ),
        ),
    ]

"""Help resources get the shape the PWA relies on: one dialable phone (or none) with a readable
form beside it, a chat address, the source an entry was checked against, 24/7, and kinds that
say what a line is for. ``last_verified`` may now be empty: unchecked entries stay unchecked."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("safety", "0002_seed_help_resources")]

    operations = [
        migrations.RenameField("helpresource", "text_instructions", "sms"),
        migrations.RenameField("helpresource", "free_of_charge", "free"),
        migrations.AddField(
            model_name="helpresource",
            name="phone_display",
            field=models.CharField(
                blank=True,
                help_text="How people read the number, for example 0800-2000.",
                max_length=40,
                verbose_name="phone as shown",
            ),
        ),
        migrations.AddField(
            model_name="helpresource",
            name="chat_url",
            field=models.URLField(blank=True, verbose_name="chat address"),
        ),
        migrations.AddField(
            model_name="helpresource",
            name="source_url",
            field=models.URLField(
                blank=True,
                help_text="The page this entry was checked against.",
                verbose_name="source",
            ),
        ),
        migrations.AddField(
            model_name="helpresource",
            name="open_24_7",
            field=models.BooleanField(default=False, verbose_name="open 24/7"),
        ),
        migrations.AlterField(
            model_name="helpresource",
            name="last_verified",
            field=models.DateField(
                blank=True,
                help_text="The date someone checked this entry against its source. Leave empty until then.",
                null=True,
                verbose_name="last verified",
            ),
        ),
        # Still wide enough for the old values; 0005 narrows it once 0004 has split them.
        migrations.AlterField(
            model_name="helpresource",
            name="phone",
            field=models.CharField(blank=True, max_length=60, null=True, verbose_name="phone (dialable)"),
        ),
        migrations.AlterField(
            model_name="helpresource",
            name="kind",
            field=models.CharField(
                choices=[
                    ("emergency", "emergency number"),
                    ("domestic_abuse", "domestic abuse line"),
                    ("sexual_violence", "sexual violence"),
                    ("lgbt", "LGBT+"),
                    ("men", "for men"),
                    ("crisis", "crisis and suicide line"),
                    ("safety_planning", "safety planning"),
                    ("info", "information"),
                    ("for_people_who_use_violence", "for people who use violence"),
                ],
                max_length=32,
                verbose_name="kind",
            ),
        ),
    ]

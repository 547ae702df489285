"""Issue 21: a help line's cost is a text of its own (in the entry's language), editable in the
admin, in the API, filled for the seeded entries from what the data says, and a verified fact:
changing it clears the verification."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from safety.data.help_resources import HELP_RESOURCES
from safety.models import HelpResource

from .test_help_line_admin import _form

pytestmark = pytest.mark.django_db
seeded = importlib.import_module("safety.migrations.0009_help_resource_cost_seeded")


@pytest.fixture
def line(db, eva):
    return HelpResource.objects.create(
        country="ZZ",
        language="en",
        kind="domestic_abuse",
        name="Test line",
        phone="08002000",
        phone_display="0800-2000",
        cost="Free",
        source_url="https://example.org/contact",
        last_verified=datetime.date(2026, 11, 1),
        verified_by=eva,
    )


def test_the_seeded_cost_follows_the_free_flag_and_the_data():
    assert HelpResource.objects.count() == 2 * len(HELP_RESOURCES)
    for resource in HelpResource.objects.all():
        if resource.free:
            assert resource.cost == {"nl": "Gratis", "en": "Free"}[resource.language], resource
        else:
            assert resource.phone == "09000101", resource
            assert resource.cost == {"nl": "Lokaal tarief", "en": "Local rate"}[resource.language]
    assert HelpResource.objects.filter(free=False).count() == 2


def test_the_data_migration_leaves_an_editors_cost_and_unknown_paid_lines_alone():
    HelpResource.objects.all().delete()
    kept = HelpResource.objects.create(
        country="ZZ", language="nl", kind="info", name="A", free=True, cost="Gratis via de app"
    )
    unknown = HelpResource.objects.create(
        country="ZZ", language="en", kind="info", name="B", phone="0901234", free=False
    )
    free = HelpResource.objects.create(country="ZZ", language="en", kind="info", name="C")

    seeded.forwards(django_apps, None)

    kept.refresh_from_db()
    unknown.refresh_from_db()
    free.refresh_from_db()
    assert (kept.cost, unknown.cost, free.cost) == ("Gratis via de app", "", "Free")


def test_the_api_carries_the_cost_next_to_the_existing_fields(client, line):
    response = client.get("/api/safety/resources/", {"country": "ZZ"})

    assert response.status_code == 200
    [shown] = response.json()["resources"]
    assert shown["cost"] == "Free"
    assert {"phone", "phone_display", "hours", "free", "source_url", "last_verified"} <= set(shown)


def test_an_editor_sets_the_cost_in_the_admin_and_it_clears_the_verification(editor, line):
    url = reverse("admin:safety_helpresource_change", args=[line.pk])
    page = editor.get(url)
    assert page.status_code == 200
    assert 'name="cost"' in page.content.decode()

    response = editor.post(url, _form(line, cost="Local rate"))

    assert response.status_code == 302
    line.refresh_from_db()
    assert line.cost == "Local rate"
    assert line.last_verified is None
    assert line.verified_by is None

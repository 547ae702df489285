"""Issue 17: every help resource can be dialled as shown, each country has the lines a person in
danger needs, and nothing claims a check that did not happen."""

import datetime
import importlib
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from safety.data.help_resources import CHECKED_ON, HELP_RESOURCES
from safety.models import HelpResource
from tests.factories import make_user
from tests.mfa import sign_in_with_two_step

pytestmark = pytest.mark.django_db

DIALABLE = re.compile(r"\+?[0-9]{3,15}")
COUNTRIES = ["NL", "BE", "GB", "US", "DE"]
FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
migration_0004 = importlib.import_module("safety.migrations.0004_checked_help_resources")


def _kinds(country: str, language: str) -> dict[str, list[HelpResource]]:
    found: dict[str, list[HelpResource]] = {}
    for resource in HelpResource.objects.filter(country=country, language=language, active=True):
        found.setdefault(resource.kind, []).append(resource)
    return found


def test_the_seed_is_the_checked_list_in_both_languages_and_nothing_of_the_first_one():
    assert HelpResource.objects.count() == 2 * len(HELP_RESOURCES)
    assert not HelpResource.objects.filter(last_verified=datetime.date(2026, 11, 25)).exists()


def test_every_phone_is_one_dialable_number_with_a_readable_form():
    resources = list(HelpResource.objects.exclude(phone=None))
    assert len(resources) > 40
    for resource in resources:
        assert DIALABLE.fullmatch(resource.phone), resource
        assert resource.phone_display, resource
        # The readable form shows the same digits, only grouped.
        assert re.sub(r"[^\d+]", "", resource.phone_display) == resource.phone, resource


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("country", COUNTRIES)
def test_each_country_has_emergency_a_24_7_abuse_line_and_a_sexual_violence_line(country, language):
    kinds = _kinds(country, language)
    assert any(r.phone for r in kinds["emergency"])
    assert any(r.phone and r.open_24_7 for r in kinds["domestic_abuse"])
    assert kinds["sexual_violence"]


@pytest.mark.parametrize(
    "country, kinds",
    [
        ("NL", {"lgbt"}),
        ("BE", {"lgbt"}),
        ("GB", {"lgbt", "men"}),
        ("US", {"lgbt"}),
        ("DE", {"men"}),
    ],
)
def test_lgbt_and_mens_lines_are_listed_where_they_exist(country, kinds):
    assert kinds <= set(_kinds(country, "en"))


def test_113_is_free_since_october_2025_and_has_its_own_chat():
    for language, words in (("nl", "sinds oktober 2025 gratis"), ("en", "free since October 2025")):
        line = HelpResource.objects.get(country="NL", language=language, phone="113")
        assert line.free is True
        assert line.open_24_7 is True
        assert words in line.description
        assert line.chat_url == "https://www.113.nl/"


def test_a_second_number_is_a_second_resource():
    numbers = set(
        HelpResource.objects.filter(country="DE", kind="crisis").values_list("phone", flat=True)
    )
    assert numbers == {"08001110111", "08001110222"}


def test_only_entries_checked_against_a_source_carry_a_verification_date():
    checked = datetime.date.fromisoformat(CHECKED_ON)
    for resource in HelpResource.objects.all():
        if resource.last_verified is not None:
            assert resource.last_verified == checked
            assert resource.source_url.startswith("https://"), resource
    unchecked = HelpResource.objects.filter(last_verified=None)
    assert unchecked.filter(country="GB", kind="sexual_violence").exists()
    assert unchecked.count() == 2 * sum(not r["checked"] for r in HELP_RESOURCES)


@pytest.mark.parametrize("phone", ["113 / 0800-0113", "0800-2000", "tel:112", "", "12"])
def test_the_database_refuses_a_phone_that_cannot_be_dialled(phone):
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpResource.objects.create(
            country="NL", language="nl", kind="crisis", name="Fout", phone=phone
        )


def test_the_model_explains_a_phone_that_cannot_be_dialled():
    resource = HelpResource(country="NL", language="nl", kind="crisis", name="Fout")
    resource.full_clean()
    resource.phone = "0800 111 0 111 / 0800 111 0 222"
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "phone" in error.value.message_dict


@pytest.mark.parametrize(
    "old, dialable",
    [
        ("113 / 0800-0113", "113"),
        ("0800 111 0 111 / 0800 111 0 222", "08001110111"),
        ("1-800-799-7233", "18007997233"),
        ("+44 808 2000 247", "+448082000247"),
        ("", None),
        ("see website", None),
    ],
)
def test_the_migration_keeps_the_first_dialable_number_of_an_admins_row(old, dialable):
    assert migration_0004.dialable(old) == dialable


def test_the_admin_lists_what_needs_checking(eva):
    stale = HelpResource.objects.create(
        country="FR",
        language="en",
        kind="crisis",
        name="Stale line",
        phone="3114",
        source_url="https://example.org/",
        last_verified=datetime.date(2020, 1, 1),
    )
    admin = make_user("ada", is_staff=True, is_superuser=True)
    client = sign_in_with_two_step(Client(), admin)
    response = client.get("/admin/safety/helpresource/", {"verification": "needs_check"})
    assert response.status_code == 200
    listed = set(response.context["cl"].queryset)
    expected = set(HelpResource.objects.filter(last_verified=None)) | {stale}
    assert listed == expected
    response = client.get("/admin/safety/helpresource/", {"verification": "checked"})
    assert stale not in set(response.context["cl"].queryset)
    assert response.context["cl"].queryset.count() == HelpResource.objects.count() - len(expected)


def test_every_tel_link_in_the_pwa_is_built_from_a_resources_dialable_phone():
    """No number is typed into a tel: link by hand: each one comes from a resource's ``phone``,
    which the database guarantees is dialable."""
    sources = [p for p in (FRONTEND / "static/frontend/js").rglob("*.js")]
    sources += list((FRONTEND / "templates").rglob("*.html"))
    tel_links = [
        (path.name, match.group())
        for path in sources
        for match in re.finditer(r"tel:[^\"'`]*", path.read_text())
    ]
    assert tel_links, "the help screens should offer tel: links"
    assert {link for _name, link in tel_links} == {"tel:${resource.phone}"}

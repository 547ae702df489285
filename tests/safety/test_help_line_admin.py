"""Help lines as structured data in the admin: one dialable number, a changed number clears the
verification, "mark verified" records who and when, the needs-checking list, the preview."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from safety.models import HelpResource
from safety.services import help_resource_save, help_resources_mark_verified

CHANGELIST = reverse("admin:safety_helpresource_changelist")


@pytest.fixture
def line(db, eva):
    return HelpResource.objects.create(
        country="NL",
        language="nl",
        kind="domestic_abuse",
        name="Testlijn Huiselijk Geweld",
        phone="08002000",
        phone_display="0800-2000",
        url="https://example.org/",
        source_url="https://example.org/contact",
        last_verified=datetime.date(2026, 11, 1),
        verified_by=eva,
    )


def _form(resource: HelpResource, **changes) -> dict:
    data = {
        "country": resource.country,
        "language": resource.language,
        "kind": resource.kind,
        "name": resource.name,
        "description": resource.description,
        "phone": resource.phone or "",
        "phone_display": resource.phone_display,
        "sms": resource.sms,
        "chat_url": resource.chat_url,
        "url": resource.url,
        "hours": resource.hours,
        "open_24_7": "on" if resource.open_24_7 else "",
        "source_url": resource.source_url,
        "free": "on" if resource.free else "",
        "cost": resource.cost,
        "order": str(resource.order),
        "active": "on" if resource.active else "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_a_phone_field_with_words_and_two_numbers_is_refused(editor, line):
    url = reverse("admin:safety_helpresource_change", args=[line.pk])

    response = editor.post(url, _form(line, phone="0800-2000 (of bel 112)"))

    assert response.status_code == 200
    assert "phone" in response.context["adminform"].form.errors
    line.refresh_from_db()
    assert line.phone == "08002000"
    assert line.last_verified == datetime.date(2026, 11, 1)


def test_changing_the_number_clears_its_verification(editor, line):
    url = reverse("admin:safety_helpresource_change", args=[line.pk])

    response = editor.post(url, _form(line, phone="+31800200"))

    assert response.status_code == 302
    line.refresh_from_db()
    assert line.phone == "+31800200"
    assert line.last_verified is None
    assert line.verified_by is None


def test_changing_only_the_description_keeps_the_verification(editor, line):
    url = reverse("admin:safety_helpresource_change", args=[line.pk])

    response = editor.post(url, _form(line, description="Gratis en anoniem."))

    assert response.status_code == 302
    line.refresh_from_db()
    assert line.description == "Gratis en anoniem."
    assert line.last_verified == datetime.date(2026, 11, 1)


def test_last_verified_cannot_be_typed_in(editor, line):
    url = reverse("admin:safety_helpresource_change", args=[line.pk])

    response = editor.post(url, _form(line, phone="+31800200", last_verified="2026-12-01"))

    assert response.status_code == 302
    line.refresh_from_db()
    assert line.last_verified is None


def test_mark_verified_records_who_and_when(editor, eva, line, clock):
    line.last_verified = None
    line.verified_by = None
    line.save()
    no_source = HelpResource.objects.create(
        country="NL", language="nl", kind="info", name="Zonder bron", phone="0900123"
    )

    response = editor.post(
        CHANGELIST,
        {"action": "mark_verified", ACTION_CHECKBOX_NAME: [str(line.pk), str(no_source.pk)]},
        follow=True,
    )

    assert response.status_code == 200
    line.refresh_from_db()
    no_source.refresh_from_db()
    assert line.verified_by == eva
    assert line.last_verified == datetime.date.today()
    assert no_source.last_verified is None


def test_the_needs_checking_filter_lists_never_and_stale(editor, line, clock):
    today = datetime.date.today()
    HelpResource.objects.filter(pk=line.pk).update(last_verified=today)
    stale = HelpResource.objects.create(
        country="ZZ",
        language="nl",
        kind="info",
        name="Oud",
        source_url="https://example.org/",
        last_verified=today - datetime.timedelta(days=200),
    )
    never = HelpResource.objects.create(country="ZZ", language="nl", kind="info", name="Nooit")

    response = editor.get(CHANGELIST, {"verification": "needs_check", "country": "ZZ"})

    listed = {resource.pk for resource in response.context["cl"].result_list}
    assert listed == {stale.pk, never.pk}


def test_the_change_page_shows_the_call_link(editor, line):
    page = editor.get(reverse("admin:safety_helpresource_change", args=[line.pk]))

    assert page.status_code == 200
    assert 'href="tel:08002000"' in page.content.decode()


def test_the_preview_shows_a_countrys_help_first_list(editor, line):
    url = reverse("admin:safety_helpresource_preview")

    page = editor.get(url, {"country": "NL", "language": "nl"})

    assert page.status_code == 200
    body = page.content.decode()
    assert "Testlijn Huiselijk Geweld" in body
    assert 'href="tel:08002000"' in body
    assert url in editor.get(CHANGELIST).content.decode()


def test_services_clear_on_contact_change_only(line, eva):
    line.hours = "ma-vr 9-17"
    help_resource_save(resource=line, changed=["hours"])
    line.refresh_from_db()
    assert line.last_verified is None

    assert help_resources_mark_verified(resources=[line], by=eva) == 1
    line.refresh_from_db()
    line.name = "Nieuwe naam"
    help_resource_save(resource=line, changed=["name"])
    line.refresh_from_db()
    assert line.verified_by == eva

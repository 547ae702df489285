import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from tests.factories import one_yes
from tests.mfa import sign_in_with_two_step

pytestmark = pytest.mark.django_db

NOTE = "secret note about him"
COUNTS = "/admin/safety/safetycheckin/"


@pytest.fixture
def safety_editor(eva):
    group = Group.objects.create(name="Content editors (test)")
    group.permissions.set(Permission.objects.filter(content_type__app_label="safety"))
    eva.groups.add(group)
    return eva


@pytest.fixture
def some_safety_data(client_for, check_in, anna, bram):
    check_in(anna, one_yes())
    check_in(bram)
    assert (
        client_for(anna).post("/api/safety/reports/", {"note": NOTE}, format="json").status_code
        == 201
    )


def _browser(user) -> Client:
    return sign_in_with_two_step(Client(), user)


def test_admins_see_counts_only(superuser, some_safety_data, anna):
    response = _browser(superuser).get(COUNTS)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["rows"][0]["check_ins"] == 2
    assert response.context["rows"][0]["reports"] == 1
    for secret in (NOTE, "help_first", "help first", anna.email, "Anna", str(anna.id)):
        assert secret not in html


def test_admins_cannot_open_add_or_change_a_check_in(superuser, some_safety_data, anna):
    from safety.models import SafetyCheckIn

    check_in = SafetyCheckIn.objects.filter(user=anna).first()
    client = _browser(superuser)
    assert client.get(f"{COUNTS}add/").status_code == 404
    assert client.get(f"{COUNTS}{check_in.pk}/change/").status_code == 404


def test_reports_have_no_admin_pages(superuser):
    assert _browser(superuser).get("/admin/safety/safetyreport/").status_code == 404
    assert _browser(superuser).get("/admin/safety/safetystate/").status_code == 404


def test_content_editors_see_nothing_of_check_ins_or_reports(safety_editor, some_safety_data):
    client = _browser(safety_editor)
    assert client.get(COUNTS).status_code == 404
    index = client.get("/admin/").content.decode()
    assert "safetycheckin" not in index
    assert "Help resources" in index or "Hulpbronnen" in index


def test_content_editors_can_edit_help_resources(safety_editor):
    from safety.models import HelpResource

    resource = HelpResource.objects.filter(country="NL", phone="112").first()
    client = _browser(safety_editor)
    assert client.get("/admin/safety/helpresource/").status_code == 200
    response = client.get(f"/admin/safety/helpresource/{resource.pk}/change/")
    assert response.status_code == 200

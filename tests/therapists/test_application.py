import pytest
from django.contrib.admin.sites import site
from django.test import Client, RequestFactory

from project.errors import DomainError
from tests.factories import make_user
from tests.mfa import sign_in_with_two_step
from therapists.application_services import (
    therapist_application_review_start,
    therapist_application_verify,
)
from therapists.models import TherapistApplication

URL = "/api/therapist/application/"
FORM = {"name": "Cas de Vries", "practice": "Praktijk Samen", "registration_number": "1234567890 1"}


def test_it_takes_an_application_with_a_big_number(client_for, cas):
    response = client_for(cas).post(URL, FORM, format="json")
    assert response.status_code == 201
    assert response.json()["registration_number"] == "12345678901"
    assert response.json()["verified"] is False
    cas.refresh_from_db()
    assert cas.is_therapist is False


def test_it_takes_an_agb_code_with_dots(client_for, cas):
    form = {**FORM, "registration_number": "1234.5678"}
    response = client_for(cas).post(URL, form, format="json")
    assert response.status_code == 201
    assert response.json()["registration_number"] == "12345678"


@pytest.mark.parametrize("number", ["12345", "abcdefghijk", "123456789"])
def test_a_dutch_applicant_needs_a_big_or_agb_number(client_for, cas, number):
    response = client_for(cas).post(URL, {**FORM, "registration_number": number}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "registration_number" in response.json()["fields"]


def test_elsewhere_the_number_is_free_text(client_for, db):
    uk = make_user("uma", country="GB")
    form = {**FORM, "registration_number": "HCPC PYL 12345"}
    response = client_for(uk).post(URL, form, format="json")
    assert response.status_code == 201
    assert response.json()["registration_number"] == "HCPC PYL 12345"
    assert response.json()["country"] == "GB"


def test_it_shows_my_application_or_404(client_for, cas):
    client = client_for(cas)
    assert client.get(URL).status_code == 404
    client.post(URL, FORM, format="json")
    assert client.get(URL).json()["practice"] == "Praktijk Samen"


def test_resubmitting_corrects_the_waiting_application(client_for, cas):
    client = client_for(cas)
    client.post(URL, FORM, format="json")
    client.post(URL, {**FORM, "practice": "Praktijk Twee"}, format="json")
    assert TherapistApplication.objects.get(user=cas).practice == "Praktijk Twee"


def test_a_verified_therapist_cannot_apply_again(client_for, thea):
    response = client_for(thea).post(URL, FORM, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "already_verified"


def test_anonymous_gets_401(api):
    assert api.post(URL, FORM, format="json").status_code == 401


@pytest.fixture
def application(client_for, cas):
    client_for(cas).post(URL, FORM, format="json")
    return TherapistApplication.objects.get(user=cas)


def test_a_superuser_verifies_and_the_person_becomes_a_therapist(application, db):
    root = make_user("root", is_staff=True, is_superuser=True)
    therapist_application_review_start(application=application, by=root)
    therapist_application_verify(application=application, by=root)
    application.refresh_from_db()
    assert application.verified_by == root
    assert application.verified_at is not None
    application.user.refresh_from_db()
    assert application.user.is_therapist is True


def test_once_under_review_the_applicant_cannot_change_it(application, client_for, cas):
    """Issue 23: what is verified is exactly what the administrator checked."""
    root = make_user("root", is_staff=True, is_superuser=True)
    therapist_application_review_start(application=application, by=root)
    assert client_for(cas).get(URL).json()["under_review"] is True

    response = client_for(cas).post(URL, {**FORM, "registration_number": "98765432"}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "under_review"
    application.refresh_from_db()
    assert application.registration_number == "12345678901"


def test_verifying_needs_the_review_started_first(application):
    root = make_user("root", is_staff=True, is_superuser=True)
    with pytest.raises(DomainError) as error:
        therapist_application_verify(application=application, by=root)
    assert error.value.code == "review_not_started"
    application.user.refresh_from_db()
    assert application.user.is_therapist is False


def test_staff_who_are_not_superusers_cannot_start_a_review(application, eva):
    with pytest.raises(DomainError) as error:
        therapist_application_review_start(application=application, by=eva)
    assert error.value.code == "not_allowed"
    application.refresh_from_db()
    assert application.review_started_at is None


def test_staff_who_are_not_superusers_cannot_verify(application, eva):
    with pytest.raises(DomainError) as error:
        therapist_application_verify(application=application, by=eva)
    assert error.value.code == "not_allowed"
    application.user.refresh_from_db()
    assert application.user.is_therapist is False


def _admin_actions(user) -> dict:
    request = RequestFactory().get("/admin/therapists/therapistapplication/")
    request.user = user
    return site._registry[TherapistApplication].get_actions(request)


def test_the_admin_verify_action_is_for_superusers_only(application, eva):
    root = make_user("root", is_staff=True, is_superuser=True)
    assert "verify" in _admin_actions(root)
    assert "verify" not in _admin_actions(eva)


def test_the_admin_action_verifies(application):
    root = make_user("root", is_staff=True, is_superuser=True)
    client = sign_in_with_two_step(Client(), root)
    for action in ("start_review", "verify"):
        response = client.post(
            "/admin/therapists/therapistapplication/",
            {"action": action, "_selected_action": [str(application.pk)]},
        )
        assert response.status_code == 302
    application.user.refresh_from_db()
    assert application.user.is_therapist is True


def test_not_even_a_superuser_makes_a_therapist_by_ticking_the_box(cas):
    root = make_user("root", is_staff=True, is_superuser=True)
    client = sign_in_with_two_step(Client(), root)
    url = f"/admin/accounts/user/{cas.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="is_therapist"' not in page.content.decode()
    response = client.post(
        url,
        {
            "email": cas.email,
            "display_name": "Cas",
            "language": "nl",
            "country": "NL",
            "is_therapist": "on",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    cas.refresh_from_db()
    assert cas.is_therapist is False

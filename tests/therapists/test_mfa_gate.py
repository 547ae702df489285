"""Every therapist endpoint wants a verified therapist with an authenticator app."""

import pytest
from allauth.mfa.models import Authenticator

from tests.mfa import give_recovery_codes, give_totp

ENDPOINTS = [
    ("post", "/api/therapist/invites/"),
    ("get", "/api/therapist/couples/"),
]
# What each endpoint answers once the gate is open.
OPEN = {"/api/therapist/invites/": 201, "/api/therapist/couples/": 200}


@pytest.mark.parametrize(("method", "url"), ENDPOINTS)
def test_a_therapist_without_an_authenticator_gets_mfa_required(client_for, thea, method, url):
    response = getattr(client_for(thea), method)(url)
    assert response.status_code == 403
    assert response.json()["code"] == "mfa_required"


@pytest.mark.parametrize(("method", "url"), ENDPOINTS)
def test_recovery_codes_alone_are_not_enough(client_for, thea, method, url):
    give_recovery_codes(thea)
    response = getattr(client_for(thea), method)(url)
    assert response.json()["code"] == "mfa_required"


@pytest.mark.parametrize(("method", "url"), ENDPOINTS)
def test_with_an_authenticator_the_gate_opens(client_for, thea, method, url):
    give_totp(thea)
    response = getattr(client_for(thea), method)(url)
    assert response.status_code == OPEN[url]


def test_removing_the_authenticator_closes_the_gate_again(client_for, thea):
    give_totp(thea)
    client = client_for(thea)
    assert client.get("/api/therapist/couples/").status_code == 200
    Authenticator.objects.filter(user=thea).delete()
    assert client.get("/api/therapist/couples/").json()["code"] == "mfa_required"


@pytest.mark.parametrize(("method", "url"), ENDPOINTS)
def test_a_person_who_is_not_a_therapist_gets_not_a_therapist(client_for, cas, method, url):
    give_totp(cas)
    response = getattr(client_for(cas), method)(url)
    assert response.status_code == 403
    assert response.json()["code"] == "not_a_therapist"


def test_losing_therapist_status_closes_the_gate(client_for, thea):
    give_totp(thea)
    client = client_for(thea)
    thea.is_therapist = False
    thea.save()
    assert client.get("/api/therapist/couples/").json()["code"] == "not_a_therapist"

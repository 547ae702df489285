"""Issue 23, finding 1: the admin is signed into through allauth (its rate limits and its
second step), every staff account needs two-step sign-in, and staff sessions are short. Before,
``/admin/login/`` was Django's plain password form: no lockout after any number of wrong
passwords, and a superuser with an authenticator app got in (and onto the API) with the password
alone."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.factories import make_user, password_of
from tests.mfa import give_totp, sign_in_with_two_step, totp_code

pytestmark = pytest.mark.django_db

LOGIN = "/_allauth/browser/v1/auth/login"
SECOND_STEP = "/_allauth/browser/v1/auth/2fa/authenticate"


@pytest.fixture
def root(db):
    return make_user("root", is_staff=True, is_superuser=True)


def post(client: Client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def signed_in(client: Client) -> bool:
    return client.get("/api/me/").status_code == 200


def test_signed_out_the_admin_sends_people_to_the_apps_sign_in():
    client = Client()
    index = client.get("/admin/")
    assert index.status_code == 302
    assert index["Location"] == "/admin/login/?next=/admin/"
    login = client.get(index["Location"])
    assert login.status_code == 302
    assert login["Location"] == "/login?next=%2Fadmin%2F"


def test_the_admins_own_password_form_signs_nobody_in(root):
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": root.email, "password": password_of(root), "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/login?")
    assert not signed_in(client)


def error_code(response) -> str:
    return response.json()["errors"][0]["code"]


def test_wrong_passwords_for_a_staff_account_are_locked_out_after_five(root):
    client = Client()
    codes = [
        error_code(post(client, LOGIN, {"email": root.email, "password": f"wrong-{n}"}))
        for n in range(6)
    ]
    assert codes == ["email_password_mismatch"] * 5 + ["too_many_login_attempts"]
    # Locked: even the right password waits now.
    right = post(client, LOGIN, {"email": root.email, "password": password_of(root)})
    assert error_code(right) == "too_many_login_attempts"
    assert not signed_in(client)


def test_a_superuser_with_an_authenticator_gets_nowhere_with_the_password_alone(root):
    give_totp(root)
    client = Client()
    response = post(client, LOGIN, {"email": root.email, "password": password_of(root)})
    assert response.status_code == 401
    assert [flow["id"] for flow in response.json()["data"]["flows"] if flow.get("is_pending")] == [
        "mfa_authenticate"
    ]
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_with_the_code_from_the_app_the_superuser_reaches_the_admin(root):
    secret = give_totp(root)
    client = Client()
    assert post(client, LOGIN, {"email": root.email, "password": password_of(root)}).status_code
    assert post(client, SECOND_STEP, {"code": totp_code(secret)}).status_code == 200
    index = client.get("/admin/")
    assert index.status_code == 200
    assert client.get("/admin/login/?next=/admin/accounts/user/")["Location"] == (
        "/admin/accounts/user/"
    )


def test_a_staff_member_without_an_authenticator_is_sent_to_set_one_up(eva):
    client = Client()
    response = post(client, LOGIN, {"email": eva.email, "password": password_of(eva)})
    assert response.status_code == 200
    to_login = client.get("/admin/")
    assert to_login["Location"] == "/admin/login/?next=/admin/"
    setup = client.get(to_login["Location"])
    assert setup.status_code == 302
    assert setup["Location"] == "/profile/two-step?next=%2Fadmin%2F"
    # Still signed in to the app: setting up the authenticator needs that.
    assert signed_in(client)


def test_a_session_that_skipped_the_second_step_is_signed_out_and_sent_to_sign_in(eva):
    give_totp(eva)
    client = Client()
    client.force_login(eva)  # as a session from before the authenticator was set up
    assert signed_in(client)
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/login?next=%2Fadmin%2F"
    assert not signed_in(client)


def test_people_who_are_not_staff_get_403_not_a_login_form(anna):
    client = Client()
    client.force_login(anna)
    assert client.get("/admin/login/").status_code == 403
    assert client.get("/admin/").status_code == 302


def test_a_staff_session_ends_hours_after_sign_in(eva):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        client = sign_in_with_two_step(Client(), eva)
        assert client.get("/admin/").status_code == 200
        assert client.session.get_expiry_age() == settings.STAFF_SESSION_AGE
    later = now + datetime.timedelta(seconds=settings.STAFF_SESSION_AGE + 1)
    with time_machine.travel(later, tick=False):
        assert client.get("/admin/").status_code == 302
        assert not signed_in(client)


def test_other_sessions_keep_djangos_lifetime(anna):
    client = Client()
    with time_machine.travel(timezone.now(), tick=False):
        response = post(client, LOGIN, {"email": anna.email, "password": password_of(anna)})
        assert response.status_code == 200
        assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_the_second_step_counts_for_the_admin_only_within_the_staff_session_age(eva, settings):
    client = sign_in_with_two_step(Client(), eva)
    assert client.get("/admin/").status_code == 200
    # The session itself might live longer (it began before the person became staff, say).
    settings.STAFF_SESSION_AGE = 60
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61), tick=False):
        assert client.get("/admin/").status_code == 302


def test_admin_forms_get_a_referrer_policy_that_keeps_the_origin_header():
    # "no-referrer" made Chromium send "Origin: null" with the admin's own forms (issue 21).
    assert Client().get("/admin/login/")["Referrer-Policy"] == "same-origin"

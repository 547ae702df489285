"""Issue 23, "also close": a staff member with the ``change_user`` permission cannot change (nor
reset the password of, nor delete) a superuser; before, they could set the superuser's password
and sign in as them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from tests.factories import make_user, password_of
from tests.mfa import sign_in_with_two_step

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(db):
    return make_user("root", is_staff=True, is_superuser=True)


@pytest.fixture
def support(eva):
    """eva, a staff member who may view, change and delete users."""
    eva.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="accounts",
            codename__in=["view_user", "change_user", "delete_user"],
        )
    )
    return sign_in_with_two_step(Client(), eva)


def test_a_staff_member_can_still_change_an_ordinary_account(support, anna):
    assert support.get(f"/admin/accounts/user/{anna.pk}/change/").status_code == 200
    response = support.post(
        f"/admin/accounts/user/{anna.pk}/password/",
        {"password1": "a-New-Pass-for-anna-3", "password2": "a-New-Pass-for-anna-3"},
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.check_password("a-New-Pass-for-anna-3")


def test_a_staff_member_cannot_set_a_superusers_password(support, root):
    response = support.post(
        f"/admin/accounts/user/{root.pk}/password/",
        {"password1": "taken-Over-Pass-77", "password2": "taken-Over-Pass-77"},
    )
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.check_password(password_of(root))


def test_a_staff_member_sees_a_superuser_read_only(support, root):
    page = support.get(f"/admin/accounts/user/{root.pk}/change/")
    assert page.status_code == 200
    assert 'name="email"' not in page.content.decode()
    response = support.post(
        f"/admin/accounts/user/{root.pk}/change/",
        {"email": "eva-owns-this@example.com", "display_name": "Root"},
    )
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.email == "root@example.com"


def test_a_staff_member_cannot_delete_a_superuser(support, root):
    response = support.post(f"/admin/accounts/user/{root.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.is_active


def test_a_superuser_can_change_another_superuser(root):
    other = make_user("ops", is_staff=True, is_superuser=True)
    client = sign_in_with_two_step(Client(), root)
    assert client.get(f"/admin/accounts/user/{other.pk}/password/").status_code == 200

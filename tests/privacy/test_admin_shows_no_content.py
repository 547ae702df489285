"""The admin shows no answer content, check-in outcomes or reports: a superuser opens every
registered changelist and the change page of every existing object, and no planted marker
appears anywhere."""

from __future__ import annotations

from django.contrib import admin
from django.test import Client
from django.urls import NoReverseMatch, reverse

from tests.mfa import sign_in_with_two_step

from .flows import plant_everything


def admin_pages() -> list[str]:
    pages = []
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        for obj in model._default_manager.all()[:20]:
            try:
                pages.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
            except NoReverseMatch:
                continue
    return pages


def test_no_marker_appears_on_any_admin_page(anna, bram, superuser):
    planted = plant_everything(anna, bram)
    client = sign_in_with_two_step(Client(), superuser, "root-Secret-Pass-1")

    pages = admin_pages()
    seen = {}
    for page in pages:
        response = client.get(page, follow=True)
        assert response.status_code in (200, 403), page
        seen[page] = response.content.decode()

    assert len(pages) > len(admin.site._registry)
    for page, body in seen.items():
        for marker in (*planted.markers, planted.invite_code, "help_first", "help first"):
            assert marker not in body, (page, marker)

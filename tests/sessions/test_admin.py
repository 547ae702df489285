"""The couple sessions admin: read-only, ids, status, dates and counts; no answer, reaction
or name ever appears."""

import pytest
from django.test import Client
from django.urls import reverse

from sessions import services as session_services
from sessions.models import CoupleSession
from tests.factories import MARKER, PRIVATE_MARKER, submitted_session
from tests.mfa import sign_in_with_two_step

pytestmark = pytest.mark.django_db


@pytest.fixture
def first_prompt_revealed(anna, bram, anna_and_bram, version) -> CoupleSession:
    session = submitted_session(anna, bram, version, bram_private=(1,))
    for user in (anna, bram):
        session_services.reveal_join(user=user, session_id=session.id, channel_name=f"t.{user.pk}")
    for user in (anna, bram):
        session_services.reveal_ready(user=user, session_id=session.id, index=0)
    session_services.reveal_react(
        user=anna,
        session_id=session.id,
        prompt_id=session.version.prompts.order_by("position").first().pk,
        reaction="tell_me_more",
    )
    return session


# Answers (also one kept private), the partners' names, and the reaction anna gave.
FORBIDDEN = [MARKER, PRIVATE_MARKER, "Anna schrijft", "Anna", "Bram", "tell_me_more", "Tell me"]


def test_the_list_shows_ids_status_dates_and_counts(admin_browser, first_prompt_revealed):
    response = admin_browser.get(reverse("admin:couple_sessions_couplesession_changelist"))
    assert response.status_code == 200
    body = response.content.decode()
    assert str(first_prompt_revealed.id) in body
    row = response.context["cl"].result_list[0]
    assert (row.answers_counted, row.reveals_counted, row.reactions_counted) == (8, 1, 1)
    for word in FORBIDDEN:
        assert word not in body, word


def test_one_session_shows_no_content_and_cannot_be_changed(admin_browser, first_prompt_revealed):
    url = reverse("admin:couple_sessions_couplesession_change", args=[first_prompt_revealed.pk])
    response = admin_browser.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert str(first_prompt_revealed.couple_id) in body
    assert 'name="_save"' not in body
    for word in FORBIDDEN:
        assert word not in body, word
    admin_browser.post(url, {"status": "abandoned"})
    first_prompt_revealed.refresh_from_db()
    assert first_prompt_revealed.status == "revealing"


def test_sessions_cannot_be_added_or_deleted(admin_browser, first_prompt_revealed):
    assert admin_browser.get(reverse("admin:couple_sessions_couplesession_add")).status_code == 403
    delete = reverse("admin:couple_sessions_couplesession_delete", args=[first_prompt_revealed.pk])
    assert admin_browser.post(delete, {"post": "yes"}).status_code == 403
    assert CoupleSession.objects.filter(pk=first_prompt_revealed.pk).exists()


def test_staff_without_the_view_permission_see_nothing(eva, first_prompt_revealed):
    client = sign_in_with_two_step(Client(), eva)
    response = client.get(reverse("admin:couple_sessions_couplesession_changelist"))
    assert response.status_code == 403

"""Safety fixtures: ``check_in(user, answers)`` through the API; ``editor``, a content editor's
admin client signed in with two-step."""

from __future__ import annotations

import pytest
from django.test import Client

from exercises.services import content_editors_group_ensure
from tests.factories import all_no
from tests.mfa import sign_in_with_two_step


@pytest.fixture
def check_in(client_for):
    """``check_in(user, answers)`` posts a check-in as ``user``, checks it got ``status``
    (200 unless told otherwise) and returns the response."""

    def post(user, answers=None, alone=True, status=200):
        payload = {"alone": alone, "answers": all_no() if answers is None else answers}
        response = client_for(user).post("/api/safety/check-in/", payload, format="json")
        assert response.status_code == status, response.content
        return response

    return post


@pytest.fixture
def editor(eva):
    eva.groups.add(content_editors_group_ensure())
    return sign_in_with_two_step(Client(), eva)

"""The editors' preview of a draft in the PWA: a staff-only API; to anyone else it is a 404."""

import pytest
from django.urls import reverse

from exercises.services import content_editors_group_ensure


def _url(exercise, language="en") -> str:
    return reverse("exercise-preview", args=[exercise.pk]) + f"?language={language}"


@pytest.fixture
def editor(eva):
    eva.groups.add(content_editors_group_ensure())
    return eva


def test_an_editor_gets_the_draft_with_made_up_answers_for_the_reveal(
    client_for, editor, draft_exercise, django_assert_num_queries
):
    exercise = draft_exercise()
    client = client_for(editor)
    client.get("/api/me/")

    # Session, user, permissions (4), then the exercise and its prompts (2).
    with django_assert_num_queries(6):
        response = client.get(_url(exercise, "nl"))

    assert response.status_code == 200
    data = response.json()
    assert data["exercise"]["title"] == "Titel grenzen-voelen"
    assert [prompt["kind"] for prompt in data["prompts"]] == ["text", "scale", "choice", "multi"]
    assert data["prompts"][0]["text"] == "Wanneer voelde je een grens?"
    assert len(data["revealed"]) == 4
    scale = data["revealed"][1]
    assert (scale["mine"]["value"], scale["partner"]["value"]) == (1, 5)
    assert data["prompts"][0]["talk_about"]


def test_the_query_count_stays_flat_with_more_prompts(
    client_for, editor, draft_exercise, django_assert_num_queries
):
    from exercises.models import DraftPrompt

    exercise = draft_exercise()
    for number in range(10):
        DraftPrompt.objects.create(
            exercise=exercise, position=20 + number, kind="text", text_nl="x", text_en="x"
        )
    client = client_for(editor)
    client.get("/api/me/")
    with django_assert_num_queries(6):
        assert client.get(_url(exercise)).status_code == 200


@pytest.mark.parametrize("who", ["anna", "thea", "cas"])
def test_anyone_but_staff_gets_404(request, client_for, draft_exercise, who):
    exercise = draft_exercise()
    user = request.getfixturevalue(who)

    response = client_for(user).get(_url(exercise))

    assert response.status_code == 404
    assert "grenzen" not in response.content.decode()


def test_staff_without_the_library_permission_gets_404(client_for, draft_exercise):
    from tests.factories import make_user

    staff = make_user("support", is_staff=True)
    response = client_for(staff).get(_url(draft_exercise()))
    assert response.status_code == 404


def test_anonymous_gets_nothing(api, draft_exercise):
    response = api.get(_url(draft_exercise()))
    assert response.status_code in (401, 403, 404)
    assert "grenzen" not in response.content.decode()


def test_an_unknown_exercise_is_404(client_for, editor):
    response = client_for(editor).get(
        reverse("exercise-preview", args=["00000000-0000-0000-0000-000000000000"])
    )
    assert response.status_code == 404

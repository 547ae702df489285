import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.models import DraftPrompt, Theme
from exercises.selectors import exercise_detail, exercise_library
from exercises.services import exercise_archive, exercise_unpublish
from tests.factories import build_draft, publish_reviewed

LIST = "/api/exercises/"


def detail(slug: str) -> str:
    return f"/api/exercises/{slug}/"


@pytest.fixture
def library(db):
    published = build_draft("gepubliceerd", Theme.BOUNDARIES)
    publish_reviewed(published)
    appreciation = build_draft("waardering", Theme.APPRECIATION)
    publish_reviewed(appreciation)
    build_draft("concept")
    unpublished = build_draft("teruggetrokken")
    publish_reviewed(unpublished)
    exercise_unpublish(exercise=unpublished)
    archived = build_draft("gearchiveerd")
    publish_reviewed(archived)
    exercise_archive(exercise=archived)
    return published


def test_anonymous_people_get_401(api, library):
    assert api.get(LIST).status_code == 401
    assert api.get(detail("gepubliceerd")).status_code == 401


def test_the_list_shows_only_published_exercises_in_my_language(client_for, anna, library):
    anna.language = "en"
    anna.save()

    response = client_for(anna).get(LIST)

    assert response.status_code == 200
    assert [item["slug"] for item in response.json()] == ["gepubliceerd", "waardering"]
    assert response.json()[0] == {
        "slug": "gepubliceerd",
        "title": "Title gepubliceerd",
        "summary": "Short summary.",
        "theme": "boundaries",
        "minutes": 15,
        "level": "light",
        "audience": "couple",
        "safe_while_paused": False,
        "language": "en",
    }


def test_the_list_is_in_dutch_for_a_dutch_reader(client_for, bram, library):
    item = client_for(bram).get(LIST).json()[0]
    assert (item["title"], item["language"]) == ("Titel gepubliceerd", "nl")


def test_the_list_filters_by_theme(client_for, anna, library):
    response = client_for(anna).get(LIST, {"theme": "appreciation"})
    assert [item["slug"] for item in response.json()] == ["waardering"]


def test_an_unknown_theme_is_a_400(client_for, anna, library):
    response = client_for(anna).get(LIST, {"theme": "nonsense"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize("slug", ["concept", "teruggetrokken", "gearchiveerd", "bestaat-niet"])
def test_drafts_unpublished_and_archived_exercises_are_404(client_for, anna, library, slug):
    response = client_for(anna).get(detail(slug))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_detail_shows_the_published_version_not_the_draft(client_for, anna, library):
    anna.language = "en"
    anna.save()
    library.refresh_from_db()
    library.intro_en = "Unpublished edit"
    library.save()
    DraftPrompt.objects.filter(exercise=library, position=1).update(text_en="Unpublished?")

    body = client_for(anna).get(detail("gepubliceerd")).json()

    assert body["intro"] == "An introduction of a few sentences."
    assert [p["kind"] for p in body["prompts"]] == ["text", "scale", "choice", "multi"]
    text, scale, choice, multi = body["prompts"]
    assert text["text"] == "When did you feel a boundary?"
    assert text["help_text"] == "Take your time."
    assert text["talk_about"] == "What stands out?"
    assert (text["min"], text["max"], text["min_label"], text["options"]) == (None, None, "", [])
    assert (scale["min"], scale["max"]) == (1, 5)
    assert (scale["min_label"], scale["max_label"]) == ("Hard", "Easy")
    assert scale["options"] == []
    assert choice["options"] == [
        {"value": "say_it", "label": "I say it"},
        {"value": "wait", "label": "I wait"},
    ]
    assert (choice["min"], choice["max_label"]) == (None, "")
    assert len(multi["options"]) == 3
    assert set(text) == {
        "id",
        "position",
        "kind",
        "text",
        "help_text",
        "talk_about",
        "min",
        "max",
        "min_label",
        "max_label",
        "options",
    }


def _library_queries(client, url: str) -> tuple[int, int]:
    """(queries on the library's tables, all queries) of one request."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    sqls = [query["sql"] for query in queries.captured_queries]
    return len([sql for sql in sqls if '"exercises_' in sql]), len(sqls)


def test_the_list_makes_the_same_number_of_queries_as_the_library_grows(client_for, anna, library):
    client = client_for(anna)
    client.get(LIST)
    small = _library_queries(client, LIST)
    for n in range(10):
        publish_reviewed(build_draft(f"extra-{n}"))
    large = _library_queries(client, LIST)
    assert small[0] == large[0] == 1
    assert small[1] == large[1]
    assert len(client.get(LIST).json()) == 12


def test_the_detail_makes_the_same_number_of_queries_for_more_prompts(client_for, anna, library):
    client = client_for(anna)
    client.get(LIST)
    small = _library_queries(client, detail("gepubliceerd"))
    library.refresh_from_db()
    for position in range(5, 9):
        DraftPrompt.objects.create(
            exercise=library,
            position=position,
            kind="text",
            text_nl="x",
            text_en="y",
            talk_about_nl="z",
            talk_about_en="z",
        )
    publish_reviewed(library)
    large = _library_queries(client, detail("gepubliceerd"))
    assert small[0] == large[0] == 2
    assert small[1] == large[1]
    assert len(client.get(detail("gepubliceerd")).json()["prompts"]) == 8


def test_the_library_selector_is_one_query_at_any_size(library, django_assert_num_queries):
    for n in range(10):
        publish_reviewed(build_draft(f"extra-{n}"))
    with django_assert_num_queries(1):
        assert len(exercise_library(language="en")) == 12
    with django_assert_num_queries(1):
        assert len(exercise_library(language="nl", theme="appreciation")) == 1


def test_the_detail_selector_is_two_queries(library, django_assert_num_queries):
    with django_assert_num_queries(2):
        data = exercise_detail(slug="gepubliceerd", language="nl")
    assert len(data["prompts"]) == 4

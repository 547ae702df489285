import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from exercises.models import DraftPrompt, Exercise, ExerciseVersion, Prompt, Status
from exercises.services import exercise_archive, library_export
from tests.factories import build_draft, publish_reviewed

STARTER = "exercises/starter_library.json"
STARTER_COUNT = len(json.loads(Path(STARTER).read_text())["exercises"])


def _state() -> tuple:
    """Everything the library holds, to prove an import changed nothing."""
    return (
        list(Exercise.objects.order_by("slug").values()),
        list(DraftPrompt.objects.order_by("id").values()),
        list(ExerciseVersion.objects.order_by("id").values()),
        list(Prompt.objects.order_by("id").values()),
    )


def _write(tmp_path, data, name="library.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return str(path)


@pytest.fixture
def mixed_library(db):
    published = build_draft("gepubliceerd")
    publish_reviewed(published)
    build_draft("concept")
    archived = build_draft("gearchiveerd")
    publish_reviewed(archived)
    exercise_archive(exercise=archived)


def test_export_then_import_into_an_empty_library_round_trips(mixed_library, tmp_path):
    path = str(tmp_path / "export.json")
    call_command("library", "export", path)
    exported = json.loads(Path(path).read_text())
    Exercise.objects.update(current_version=None)
    Prompt.objects.all().delete()
    ExerciseVersion.objects.all().delete()
    Exercise.objects.all().delete()

    call_command("library", "import", path)

    assert library_export() == exported
    assert {e["slug"]: e["status"] for e in exported["exercises"]} == {
        "concept": "draft",
        "gearchiveerd": "archived",
        "gepubliceerd": "published",
    }


def test_importing_the_same_file_twice_changes_nothing(db, tmp_path, capsys):
    call_command("library", "import", STARTER)
    before = _state()

    call_command("library", "import", STARTER)

    assert _state() == before
    assert (
        f"0 created, 0 updated, {STARTER_COUNT} unchanged, 0 published" in capsys.readouterr().out
    )


def test_import_round_trips_the_starter_file(db, tmp_path):
    call_command("library", "import", STARTER)
    assert library_export() == json.loads(Path(STARTER).read_text())


def test_an_import_with_a_changed_text_publishes_a_new_version(db, tmp_path):
    call_command("library", "import", STARTER)
    data = json.loads(Path(STARTER).read_text())
    data["exercises"][0]["prompts"][0]["text"]["en"] = "A new question?"
    first = Exercise.objects.get(slug=data["exercises"][0]["slug"])
    old_version = first.current_version

    call_command("library", "import", _write(tmp_path, data))

    first.refresh_from_db()
    assert first.current_version.number == 2
    assert first.current_version.prompts.get(position=1).text_en == "A new question?"
    assert old_version.prompts.get(position=1).text_en != "A new question?"
    assert ExerciseVersion.objects.count() == STARTER_COUNT + 1


def _broken_files() -> dict:
    starter = json.loads(Path(STARTER).read_text())

    def variant(change):
        data = json.loads(json.dumps(starter))
        change(data)
        return data

    return {
        "not json": "{nope",
        "not an object": [1, 2],
        "wrong format": variant(lambda d: d.update(format=2)),
        "unknown kind": variant(lambda d: d["exercises"][3]["prompts"][0].update(kind="essay")),
        "duplicate slug": variant(lambda d: d["exercises"].append(d["exercises"][0])),
        "bad theme": variant(lambda d: d["exercises"][5].update(theme="money")),
        # Valid in shape, but the last exercise would fail publishing: earlier ones must roll back.
        "missing english": variant(lambda d: d["exercises"][-1]["intro"].update(en="")),
        "scale min = max": variant(lambda d: d["exercises"][-1]["prompts"][0].update(min=3, max=3)),
    }


@pytest.mark.parametrize("case", list(_broken_files()))
def test_a_bad_file_changes_nothing_and_says_why(mixed_library, tmp_path, case):
    before = _state()
    path = _write(tmp_path, _broken_files()[case])

    with pytest.raises(CommandError) as error:
        call_command("library", "import", path)

    assert _state() == before
    assert "nothing was changed" in str(error.value).lower()


def test_the_bad_file_message_points_at_the_problem(db, tmp_path):
    path = _write(tmp_path, _broken_files()["unknown kind"])
    with pytest.raises(CommandError) as error:
        call_command("library", "import", path)
    assert "exercises[3].prompts[0].kind" in str(error.value)


def test_import_can_unpublish_and_archive(db, tmp_path):
    call_command("library", "import", STARTER)
    data = json.loads(Path(STARTER).read_text())
    data["exercises"][0]["status"] = "draft"
    data["exercises"][1]["status"] = "archived"

    call_command("library", "import", _write(tmp_path, data))

    statuses = dict(Exercise.objects.values_list("slug", "status"))
    assert statuses[data["exercises"][0]["slug"]] == Status.DRAFT
    assert statuses[data["exercises"][1]["slug"]] == Status.ARCHIVED
    assert ExerciseVersion.objects.count() == STARTER_COUNT

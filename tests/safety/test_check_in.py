import re

import pytest
from django.db import connection
from django.utils.dateparse import parse_datetime

from safety.content import DANGER_IDS, QUESTION_IDS
from safety.models import SafetyCheckIn, SafetyReport, SafetyState
from safety.selectors import check_in_due
from tests.factories import all_no, one_yes

pytestmark = pytest.mark.django_db


def _safety_row_counts() -> tuple[int, int, int]:
    return (
        SafetyCheckIn.objects.count(),
        SafetyReport.objects.count(),
        SafetyState.objects.count(),
    )


def test_it_asks_whether_i_am_alone_and_lists_the_questions_in_my_language(client_for, anna):
    body = client_for(anna).get("/api/safety/check-in/").json()
    assert body["due"] is True
    assert body["last_at"] is None
    assert body["alone_question"] == "Ben je nu alleen en kun je vrijuit antwoorden?"
    assert [q["id"] for q in body["questions"]] == list(QUESTION_IDS)
    by_id = {q["id"]: q for q in body["questions"]}
    assert by_id["afraid_to_say_no"]["text"] == "Ben je bang om nee te zeggen tegen je partner?"
    assert body["why"]["title"] == "Waarom we dit iedereen vragen"

    anna.language = "en"
    anna.save()
    english = client_for(anna).get("/api/safety/check-in/").json()
    assert english["alone_question"] == "Are you alone and able to answer freely right now?"
    by_id = {q["id"]: q for q in english["questions"]}
    assert by_id["afraid_to_say_no"]["text"] == "Are you afraid to say no to your partner?"


def test_every_question_is_phrased_so_that_yes_signals_unsafety(client_for, anna):
    anna.language = "en"
    anna.save()
    questions = client_for(anna).get("/api/safety/check-in/").json()["questions"]
    assert all(q["text"].endswith("?") for q in questions)
    # No negated questions ("Do you feel safe ...?"), which would flip the meaning of "yes".
    flipped = ("Can you", "Do you feel safe", "Are you able")
    assert not [
        q for q in questions if re.search(r"\bsafe\b", q["text"]) or q["text"].startswith(flipped)
    ]


def test_not_alone_leaves_at_once_and_stores_nothing_at_all(check_in, anna, mailoutbox):
    before = _safety_row_counts()
    response = check_in(anna, one_yes(), alone=False)
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "not_alone"
    assert body["resources"] == []
    assert body["about_unsafety"] is None
    assert body["paused"] is False
    assert _safety_row_counts() == before == (0, 0, 0)
    assert check_in_due(anna) is True
    assert mailoutbox == []


def test_not_alone_works_even_with_half_filled_answers(check_in, anna):
    response = check_in(anna, {"afraid": "maybe"}, alone=False)
    assert response.status_code == 200
    assert response.json()["outcome"] == "not_alone"
    assert _safety_row_counts() == (0, 0, 0)


def test_all_no_is_ok_and_stores_only_date_and_outcome(check_in, anna, clock):
    response = check_in(anna, all_no())
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "ok"
    assert body["paused"] is False
    row = SafetyCheckIn.objects.get(user=anna)
    assert (row.created_at, row.outcome) == (clock.now, "ok")
    assert [f.name for f in SafetyCheckIn._meta.concrete_fields] == [
        "id",
        "user",
        "created_at",
        "outcome",
    ]


@pytest.mark.parametrize("question_id", sorted(set(QUESTION_IDS) - DANGER_IDS))
def test_any_single_yes_leads_to_help_first_and_pauses(check_in, anna, question_id):
    body = check_in(anna, one_yes(question_id)).json()
    assert body["outcome"] == "help_first"
    assert body["paused"] is True
    assert body["resources"][0]["kind"] == "emergency"
    assert body["about_unsafety"]["text"]
    assert body["quick_exit"]["url"].startswith("https://")
    assert SafetyCheckIn.objects.get(user=anna).outcome == "help_first"


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"answers": all_no()}, "alone"),
        ({"alone": True}, "answers"),
        ({"alone": True, "answers": {k: v for k, v in all_no().items() if k != "hurt"}}, "hurt"),
        ({"alone": True, "answers": {**all_no(), "afraid": "maybe"}}, "afraid"),
        ({"alone": True, "answers": {**all_no(), "belittled": None}}, "belittled"),
    ],
)
def test_every_question_must_be_answered_yes_no_or_rather_not_say(client_for, anna, payload, field):
    response = client_for(anna).post("/api/safety/check-in/", payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    fields = body["fields"]
    if field not in ("alone", "answers"):
        fields = fields["answers"]
    assert field in fields
    assert _safety_row_counts() == (0, 0, 0)


def test_it_is_due_when_never_done(anna):
    assert check_in_due(anna) is True


def test_it_is_not_due_up_to_14_days_and_due_just_after(check_in, anna, clock, client_for):
    check_in(anna, all_no())
    done_at = clock.now
    clock.move(days=14)
    assert check_in_due(anna) is False
    assert client_for(anna).get("/api/safety/check-in/").json()["due"] is False
    clock.move(seconds=1)
    assert check_in_due(anna) is True
    body = client_for(anna).get("/api/safety/check-in/").json()
    assert body["due"] is True
    assert parse_datetime(body["last_at"]) == done_at


def test_a_day_before_the_edge_it_is_not_due(check_in, anna, clock):
    check_in(anna, all_no())
    clock.move(days=13, hours=23, minutes=59)
    assert check_in_due(anna) is False


def test_the_latest_check_in_counts(check_in, anna, clock):
    check_in(anna, all_no())
    clock.move(days=10)
    check_in(anna, all_no())
    clock.move(days=10)
    assert check_in_due(anna) is False
    clock.move(days=4, seconds=1)
    assert check_in_due(anna) is True


def test_the_raw_database_row_holds_no_plaintext_outcome(check_in, anna):
    check_in(anna, one_yes())
    check_in(anna, all_no())
    with connection.cursor() as cursor:
        cursor.execute("SELECT outcome FROM safety_safetycheckin")
        stored = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT data FROM safety_safetystate")
        state = [row[0] for row in cursor.fetchall()]
    assert len(stored) == 2
    for value in stored + state:
        assert "help_first" not in value
        assert "paused" not in value
        assert value.startswith("gAAAA")  # a Fernet token
    assert {row.outcome for row in SafetyCheckIn.objects.all()} == {"ok", "help_first"}


def test_an_ok_check_in_rewrites_the_state_row_like_a_positive_one(check_in, anna):
    check_in(anna, all_no())
    first = SafetyState.objects.get(user=anna)
    check_in(anna, all_no())
    assert SafetyState.objects.get(user=anna).data == first.data
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM safety_safetystate")
        (raw,) = cursor.fetchone()
    assert raw.startswith("gAAAA")


def test_a_check_in_is_kept_apart_per_person(check_in, anna, bram):
    check_in(anna, all_no())
    assert check_in_due(bram) is True
    assert check_in_due(anna) is False

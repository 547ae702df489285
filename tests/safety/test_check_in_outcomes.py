"""Issue 17: the check-in covers what validated short screens cover, danger items lead to
``urgent``, and "I'd rather not say" shows help without pausing."""

import pytest
from django.utils import translation
from django.utils.dateparse import parse_datetime

from safety.content import DANGER_IDS, QUESTION_IDS, QUESTIONS, RATHER_NOT_SAY
from safety.models import SafetyCheckIn
from safety.selectors import check_in_due, is_paused
from safety.services import check_in_outcome
from tests.factories import all_no, one_yes

pytestmark = pytest.mark.django_db


def rather_not_say(*question_ids: str) -> dict[str, str]:
    return {**all_no(), **dict.fromkeys(question_ids or ("afraid",), RATHER_NOT_SAY)}


def test_the_questions_cover_every_area_of_the_short_screens():
    areas = {
        "afraid",
        "unsafe_now",
        "hurt",
        "forced_sex",
        "threatened",
        "controlled",
        "monitored",
        "afraid_to_say_no",
        "belittled",
        "memory_doubted",
        "anger",
    }
    assert areas | DANGER_IDS == set(QUESTION_IDS)
    assert {"strangled", "threat_to_kill", "weapon", "escalating", "followed"} == DANGER_IDS
    assert len(QUESTION_IDS) == len(set(QUESTION_IDS))


@pytest.mark.parametrize("language, words", [("en", ("often",)), ("nl", ("vaak",))])
def test_no_question_invites_playing_it_down_with_often(language, words):
    with translation.override(language):
        texts = [str(question.text).lower() for question in QUESTIONS]
    assert all(text.endswith("?") for text in texts)
    assert [text for text in texts if any(word in text.split() for word in words)] == []


def test_the_api_marks_exactly_the_danger_items_and_says_why_everyone_is_asked(client_for, anna):
    anna.language = "en"
    anna.save()
    body = client_for(anna).get("/api/safety/check-in/").json()
    assert {q["id"] for q in body["questions"] if q["danger"]} == DANGER_IDS
    why = body["why"]["text"]
    assert "everyone" in why
    assert "pause" in why
    assert "Your partner never sees" in why


@pytest.mark.parametrize("question_id", sorted(DANGER_IDS))
def test_each_danger_item_gives_urgent_and_pauses(check_in, anna, clock, question_id):
    anna.language = "en"
    anna.save()
    response = check_in(anna, one_yes(question_id))
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "urgent"
    assert body["paused"] is True
    assert parse_datetime(body["can_resume_at"]) == clock.move(hours=24)
    assert body["message"]["title"] == "You don't have to decide anything else now"
    assert body["resources"][0]["kind"] == "emergency"
    assert is_paused(anna) is True
    assert SafetyCheckIn.objects.get(user=anna).outcome == "urgent"


def test_a_danger_yes_wins_over_any_other_answer():
    answers = {**rather_not_say("afraid"), "hurt": "yes", "weapon": "yes"}
    assert check_in_outcome(answers) == "urgent"
    assert check_in_outcome({**answers, "weapon": "no"}) == "help_first"
    assert check_in_outcome(all_no()) == "ok"


def test_rather_not_say_shows_help_first_information_without_pausing(check_in, anna):
    anna.language = "en"
    anna.save()
    response = check_in(anna, rather_not_say("afraid", "strangled"))
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "help_first"
    assert body["paused"] is False
    assert body["can_resume_at"] is None
    assert body["pause_text"] == ""
    assert "Nothing has been paused" in body["message"]["text"]
    assert body["resources"][0]["kind"] == "emergency"
    assert body["sections"][0]["id"] == "not_your_fault"
    assert is_paused(anna) is False
    # It is an answered check-in: the person may go on with couple exercises.
    assert check_in_due(anna) is False


def test_rather_not_say_next_to_a_yes_still_pauses(check_in, anna):
    body = check_in(anna, {**rather_not_say("afraid"), "controlled": "yes"}).json()
    assert body["outcome"] == "help_first"
    assert body["paused"] is True
    assert body["message"] is None
    assert is_paused(anna) is True


def test_rather_not_say_does_not_lift_an_earlier_pause(check_in, anna, clock):
    check_in(anna, one_yes("controlled"))
    clock.move(hours=1)
    body = check_in(anna, rather_not_say("afraid")).json()
    assert body["paused"] is True
    assert is_paused(anna) is True


def test_an_ok_check_in_has_no_message_but_keeps_the_help_at_hand(check_in, anna):
    body = check_in(anna, all_no()).json()
    assert body["outcome"] == "ok"
    assert body["message"] is None
    assert body["resources"]


@pytest.mark.parametrize("value", ["maybe", "", "YES", "rather not say", 1, None])
def test_anything_but_yes_no_or_rather_not_say_is_a_400(client_for, anna, value):
    payload = {"alone": True, "answers": {**all_no(), "weapon": value}}
    response = client_for(anna).post("/api/safety/check-in/", payload, format="json")
    assert response.status_code == 400
    assert "weapon" in response.json()["fields"]["answers"]
    assert SafetyCheckIn.objects.count() == 0

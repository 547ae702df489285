"""Issue 18: a daily question. One question a day per couple from a curated pool of at least
120 (nl and en, light and deeper, none about safety in the relationship); each answers when they
like; both answers show once both answered, with a reaction; gated like couple sessions; past
days readable with a flat number of queries; encrypted at rest; export and erasure."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from sessions.daily_selectors import daily_question_for
from sessions.models import DailyAnswer, DailyQuestion, DailyReaction
from tests.factories import fresh_check_in, link, make_user, password_of

POOL = Path(__file__).resolve().parents[2] / "sessions" / "daily_questions.json"
TODAY = "/api/daily/"
ANSWER = "/api/daily/answer/"
REACT = "/api/daily/reaction/"
HISTORY = "/api/daily/history/"
ANNA_DAY = "anna-daily-marker-31c7"
BRAM_DAY = "bram-daily-marker-8e20"
# Nothing in the pool touches safety in the relationship: that is never a daily chat topic.
UNSAFE_WORDS = re.compile(
    r"(veilig|onveilig|bang|angst|dreig|geweld|slaan|safe|unsafe|afraid|fear|threat|violen|abuse)",
    re.I,
)


@pytest.fixture
def pool(db):
    call_command("daily_questions")
    return DailyQuestion.objects.filter(active=True)


def put(client, value):
    return client.put(ANSWER, {"value": value}, format="json")


def test_the_pool_has_at_least_120_questions_in_both_languages_light_and_deeper():
    questions = json.loads(POOL.read_text())["questions"]

    assert len(questions) >= 120
    assert len({q["key"] for q in questions}) == len(questions)
    assert {q["level"] for q in questions} == {"light", "deeper"}
    for question in questions:
        assert question["text"]["nl"].strip() and question["text"]["en"].strip()
        assert not UNSAFE_WORDS.search(question["text"]["nl"] + question["text"]["en"]), question


def test_loading_it_again_changes_nothing_and_a_removed_question_leaves_the_pool(pool, tmp_path):
    count = pool.count()
    call_command("daily_questions")
    assert DailyQuestion.objects.filter(active=True).count() == count >= 120
    smaller = json.loads(POOL.read_text())
    smaller["questions"] = smaller["questions"][1:]
    file = tmp_path / "pool.json"
    file.write_text(json.dumps(smaller))

    call_command("daily_questions", str(file))

    assert DailyQuestion.objects.filter(active=True).count() == count - 1


def test_a_couple_walks_through_the_whole_pool_before_a_question_comes_back(
    pool, anna_and_bram, dirk_and_ella
):
    start = datetime.date(2026, 3, 2)
    days = [start + datetime.timedelta(days=n) for n in range(pool.count())]

    asked = [daily_question_for(couple=anna_and_bram, day=day).pk for day in days]

    assert len(set(asked)) == pool.count()
    assert daily_question_for(couple=anna_and_bram, day=days[0]).pk == asked[0]
    assert (
        daily_question_for(couple=anna_and_bram, day=days[-1] + datetime.timedelta(days=1)).pk
        == asked[0]
    )


def test_both_answers_show_once_both_answered_then_a_reaction(
    pool, client_for, anna, bram, anna_and_bram, clock
):
    anna_client, bram_client = client_for(anna), client_for(bram)

    first = put(anna_client, ANNA_DAY)
    brams_before = bram_client.get(TODAY)
    early_reaction = bram_client.put(REACT, {"reaction": "thanks"}, format="json")
    second = put(bram_client, BRAM_DAY)
    reacted = anna_client.put(REACT, {"reaction": "hear_you"}, format="json")
    brams_after = bram_client.get(TODAY).json()

    assert first.status_code == 200, first.content
    assert first.json()["me"]["value"] == ANNA_DAY
    assert first.json()["partner"] == {"answered": False, "value": None, "reaction": None}
    assert brams_before.json()["partner"] == {"answered": True, "value": None, "reaction": None}
    assert ANNA_DAY not in brams_before.content.decode()
    assert early_reaction.status_code == 409
    assert early_reaction.json()["code"] == "daily_not_both_answered"
    assert second.json()["partner"]["value"] == ANNA_DAY
    assert reacted.status_code == 200
    assert reacted.json()["me"]["reaction"] == "hear_you"
    assert brams_after["partner"] == {"answered": True, "value": ANNA_DAY, "reaction": "hear_you"}
    assert brams_after["date"] == "2026-03-02"
    assert brams_after["question"] == first.json()["question"]


@pytest.mark.parametrize(
    "value",
    [None, "", "   ", 42, ["a"], {"a": 1}, "x" * 1001, True],
)
def test_bad_answers_get_400_and_store_nothing(pool, client_for, anna, anna_and_bram, value):
    response = put(client_for(anna), value)

    assert response.status_code == 400
    assert response.json()["code"]
    assert not DailyAnswer.objects.exists()


def test_a_lone_surrogate_gets_400(pool, client_for, anna, anna_and_bram):
    response = client_for(anna).generic(
        "PUT", ANSWER, '{"value": "\\ud800"}', content_type="application/json"
    )

    assert response.status_code == 400
    assert not DailyAnswer.objects.exists()


def test_a_thousand_characters_is_fine(pool, client_for, anna, anna_and_bram):
    assert put(client_for(anna), "ä" * 1000).status_code == 200


def test_a_bad_reaction_gets_400(pool, client_for, anna, bram, anna_and_bram):
    put(client_for(anna), ANNA_DAY)
    put(client_for(bram), BRAM_DAY)

    response = client_for(anna).put(REACT, {"reaction": "boo"}, format="json")

    assert response.status_code == 400
    assert not DailyReaction.objects.exists()


def test_a_due_check_in_comes_first(clock, pool, client_for, anna, bram, anna_and_bram):
    clock.move(days=15)

    read = client_for(anna).get(TODAY)
    answer = put(client_for(anna), ANNA_DAY)

    assert (read.status_code, read.json()["code"]) == (409, "check_in_required")
    assert (answer.status_code, answer.json()["code"]) == (409, "check_in_required")
    assert not DailyAnswer.objects.exists()


def test_without_a_couple_it_is_409_and_anonymous_401(pool, client_for, cas, api):
    fresh_check_in(cas)
    assert client_for(cas).get(TODAY).json()["code"] == "no_couple"
    assert put(client_for(cas), "x").status_code == 409
    for url in (TODAY, HISTORY):
        assert api.get(url).status_code == 401
    assert api.put(ANSWER, {"value": "x"}, format="json").status_code == 401


def test_another_couple_never_sees_our_answers(
    pool, client_for, anna, bram, dirk, anna_and_bram, dirk_and_ella, clock
):
    put(client_for(anna), ANNA_DAY)
    put(client_for(bram), BRAM_DAY)
    clock.move(days=1)

    for url in (TODAY, HISTORY):
        text = client_for(dirk).get(url).content.decode()
        assert ANNA_DAY not in text and BRAM_DAY not in text


def test_answers_are_encrypted_at_rest(pool, client_for, anna, anna_and_bram):
    put(client_for(anna), ANNA_DAY)

    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM couple_sessions_dailyanswer")
        [(stored,)] = cursor.fetchall()

    assert ANNA_DAY not in str(stored)


def _answer_days(anna, bram, clock, days: int) -> None:
    from sessions.daily_services import daily_answer_save, daily_react

    for number in range(days):
        daily_answer_save(user=anna, value=f"{ANNA_DAY}-{number}")
        daily_answer_save(user=bram, value=f"{BRAM_DAY}-{number}")
        daily_react(user=bram, reaction="me_too")
        clock.move(days=1)
        fresh_check_in(anna)
        fresh_check_in(bram)


@pytest.mark.parametrize("days", [1, 6])
def test_history_takes_the_same_queries_however_many_days(
    pool, client_for, anna, bram, anna_and_bram, clock, django_assert_num_queries, days
):
    _answer_days(anna, bram, clock, days)
    client = client_for(anna)
    client.get(HISTORY)

    # Sign-in (2: the session and the user, as for every API call here), then the couple, the
    # days, the answers and their reactions.
    with django_assert_num_queries(6):
        response = client.get(HISTORY)

    assert response.status_code == 200
    items = response.json()
    assert len(items) == days
    assert items[0]["me"]["value"] == f"{ANNA_DAY}-{days - 1}"
    assert items[0]["partner"] == {
        "answered": True,
        "value": f"{BRAM_DAY}-{days - 1}",
        "reaction": "me_too",
    }


@pytest.mark.parametrize("days", [1, 6])
def test_today_takes_the_same_queries_however_many_days(
    pool, client_for, anna, bram, anna_and_bram, clock, django_assert_num_queries, days
):
    _answer_days(anna, bram, clock, days)
    client = client_for(anna)
    client.get(TODAY)

    # Sign-in (2), the gate (2), the couple, today's answers, the pool (2).
    with django_assert_num_queries(8):
        response = client.get(TODAY)

    assert response.status_code == 200
    assert response.json()["me"]["value"] is None


def test_history_is_limited_and_a_bad_limit_is_400(
    pool, client_for, anna, bram, anna_and_bram, clock
):
    _answer_days(anna, bram, clock, 3)

    assert len(client_for(anna).get(HISTORY, {"limit": 2}).json()) == 2
    assert client_for(anna).get(HISTORY, {"limit": "lots"}).status_code == 400
    assert client_for(anna).get(HISTORY, {"limit": 0}).status_code == 400


def test_a_day_only_my_partner_answered_never_shows_their_answer(
    pool, client_for, anna, bram, anna_and_bram, clock
):
    put(client_for(bram), BRAM_DAY)
    clock.move(days=1)
    fresh_check_in(anna)

    [day] = client_for(anna).get(HISTORY).json()

    assert day["partner"] == {"answered": True, "value": None, "reaction": None}
    assert day["me"]["value"] is None


def test_export_has_my_answers_and_not_my_partners(
    pool, reauthenticated_client_for, client_for, anna, bram, anna_and_bram
):
    put(client_for(anna), ANNA_DAY)
    put(client_for(bram), BRAM_DAY)
    client_for(anna).put(REACT, {"reaction": "thanks"}, format="json")

    response = reauthenticated_client_for(anna).get("/api/me/export/")

    assert response.status_code == 200
    exercises = json.loads(response.content)["exercises"]
    assert [a["value"] for a in exercises["daily_answers"]] == [ANNA_DAY]
    assert [r["reaction"] for r in exercises["daily_reactions_sent"]] == ["thanks"]
    assert BRAM_DAY not in response.content.decode()


def test_erasure_takes_my_answers_and_leaves_my_partners(
    pool, client_for, anna, bram, anna_and_bram
):
    put(client_for(anna), ANNA_DAY)
    put(client_for(bram), BRAM_DAY)

    response = client_for(anna).delete("/api/me/", {"password": password_of(anna)}, format="json")

    assert response.status_code == 204
    assert [a.value for a in DailyAnswer.objects.all()] == [BRAM_DAY]


def test_the_hook_hears_of_each_answer_after_the_commit(
    pool, anna, bram, anna_and_bram, django_capture_on_commit_callbacks
):
    from sessions import services
    from sessions.daily_services import daily_answer_save

    heard = []
    listener = lambda **event: heard.append(event)  # noqa: E731
    services.on_daily_changed(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            daily_answer_save(user=anna, value=ANNA_DAY)
    finally:
        services._daily_listeners.remove(listener)

    assert len(heard) == 1
    assert heard[0]["couple_id"] == anna_and_bram.pk


def test_an_ended_couple_no_longer_has_a_daily_question(
    pool, client_for, anna, bram, anna_and_bram
):
    from pairing.services import couple_end

    put(client_for(anna), ANNA_DAY)
    couple_end(user=anna)
    new_partner = make_user("nina")
    fresh_check_in(new_partner)
    link(bram, new_partner)

    response = client_for(new_partner).get(TODAY)

    assert response.status_code == 200
    assert ANNA_DAY not in response.content.decode()
    assert client_for(anna).get(TODAY).json()["code"] == "no_couple"

"""The functions the sessions code calls: the person's own gate, and nothing else."""

import pytest
from rest_framework import status

from project.edge import HTTP_STATUS
from project.errors import Conflict
from safety.selectors import check_in_due, is_paused, require_couple_exercise_allowed
from tests.factories import all_no, one_yes

pytestmark = pytest.mark.django_db


def _code_of(user) -> tuple[str, int]:
    with pytest.raises(Conflict) as error:
        require_couple_exercise_allowed(user)
    return error.value.code, HTTP_STATUS[error.value.kind]


def test_it_answers_409_check_in_required_before_the_first_check_in(anna):
    assert _code_of(anna) == ("check_in_required", status.HTTP_409_CONFLICT)


def test_it_is_silent_after_a_fresh_ok_check_in(check_in, anna):
    check_in(anna, all_no())
    assert require_couple_exercise_allowed(anna) is None


def test_it_answers_409_check_in_required_once_the_check_in_is_older_than_14_days(
    check_in, anna, clock
):
    check_in(anna, all_no())
    clock.move(days=14)
    assert require_couple_exercise_allowed(anna) is None
    clock.move(seconds=1)
    assert _code_of(anna) == ("check_in_required", 409)


def test_it_answers_409_paused_while_paused_even_with_a_fresh_check_in(check_in, anna):
    check_in(anna, one_yes())
    assert _code_of(anna) == ("paused", 409)


def test_the_paused_message_does_not_mention_safety_or_a_report(check_in, anna):
    check_in(anna, one_yes())
    with pytest.raises(Conflict) as error:
        require_couple_exercise_allowed(anna)
    message = error.value.message.lower()
    for word in ("safe", "veilig", "report", "melding", "help", "check"):
        assert word not in message


def test_is_paused_costs_one_query(anna, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert is_paused(anna) is False


def test_the_guard_reads_the_pause_state_once(check_in, anna, django_assert_num_queries):
    check_in(anna, all_no())
    # One read of the pause state, one of the last check-in's date.
    with django_assert_num_queries(2):
        require_couple_exercise_allowed(anna)
    with django_assert_num_queries(2):
        assert check_in_due(anna) is False

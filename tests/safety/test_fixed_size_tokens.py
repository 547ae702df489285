"""A database reader cannot tell a paused person from one who is not by the size of the encrypted
pause state: every state is padded to one size before it is encrypted. (Reports: see
test_reports.py.)"""

import pytest
from django.db import connection

from safety.content import QUESTION_IDS
from safety.services import check_in_submit
from tests.factories import report_unsafe

pytestmark = pytest.mark.django_db


def _raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names in a test
        return [row[0] for row in cursor.fetchall()]


def test_a_paused_and_an_unpaused_state_encrypt_to_one_size(anna, bram):
    check_in_submit(user=anna, alone=True, answers=dict.fromkeys(QUESTION_IDS, "no"))
    report_unsafe(bram, note="")
    tokens = _raw("safety_safetystate", "data")
    assert len(tokens) == 2
    assert len({len(token) for token in tokens}) == 1

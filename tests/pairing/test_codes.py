import math

import pytest

from pairing.codes import ALPHABET, LENGTH, code_display, code_generate, code_normalise


def test_it_has_at_least_40_bits():
    assert LENGTH * math.log2(len(set(ALPHABET))) >= 40


def test_its_alphabet_has_no_lookalike_letters():
    assert not set("OILU") & set(ALPHABET)


def test_it_generates_codes_from_the_alphabet():
    codes = {code_generate() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == LENGTH and set(code) <= set(ALPHABET) for code in codes)


def test_it_displays_codes_as_two_groups_of_four():
    assert code_display("ABCD2345") == "ABCD-2345"


@pytest.mark.parametrize("typed", ["ABCD-2345", "abcd2345", " abcd-2345 ", "AbCd 2345"])
def test_it_reads_codes_without_caring_about_case_dash_or_spaces(typed):
    assert code_normalise(typed) == "ABCD2345"


def test_it_reads_the_letters_o_i_and_l_as_the_digits_they_look_like():
    assert code_normalise("OIL9-ABCD") == "0119ABCD"


@pytest.mark.parametrize("typed", ["", "ABCD-234", "ABCD-23456", "ABCD-234U", "ABCD-23!5"])
def test_it_refuses_what_cannot_be_a_code(typed):
    assert code_normalise(typed) is None

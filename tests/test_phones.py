"""Phones: every way a sheet writes one, stored in one canonical form, masked on output."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volctl.errors import InvalidInput
from volctl.identity import parse_phone
from volctl.masking import display_phone, mask_phone


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138-1234-5678",
        "138 1234 5678",
        "+86 138 1234 5678",
        "0086 13812345678",
        13812345678.0,
        13812345678,
        "１３８１２３４５６７８",
        "'13812345678",
    ],
)
def test_mobile_spellings_are_stored_as_e164(typed: object) -> None:
    assert parse_phone(typed) == "+8613812345678"


def test_a_fixed_line_with_area_code_is_accepted_and_shown_with_a_hyphen() -> None:
    stored = parse_phone("(0573)85012345")
    assert stored == "+8657385012345"
    assert display_phone(stored) == "0573-85012345"
    assert mask_phone(stored) == "0573-****2345"


@pytest.mark.parametrize(
    ("typed", "shown"), [("4008008888", "4008008888"), ("800-810-1234", "8008101234")]
)
def test_a_service_line_is_shown_as_dialled_without_a_leading_zero(typed: str, shown: str) -> None:
    assert display_phone(parse_phone(typed)) == shown


@pytest.mark.parametrize("typed", ["1389150", "12345", "abc", "138123456789"])
def test_numbers_that_cannot_be_dialled_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_phone(typed)
    assert info.value.key == "reason.phone_invalid"


def test_an_empty_phone_is_reported_as_missing() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_phone("  ")
    assert info.value.key == "reason.missing_phone"


def test_a_mobile_is_masked_to_its_first_three_and_last_four_digits() -> None:
    assert mask_phone("+8613812345678") == "138****5678"
    assert display_phone("+8613812345678") == "13812345678"


@given(st.integers(min_value=13000000000, max_value=19999999999))
def test_any_valid_mobile_survives_storage_and_display(number: int) -> None:
    try:
        stored = parse_phone(str(number))
    except InvalidInput:
        return
    assert display_phone(stored) == str(number)
    assert parse_phone(float(number)) == stored


@pytest.mark.parametrize("typed", ["x" * 300_000, "转" * 100_000 + "8001", "1" * 61])
def test_a_phone_longer_than_any_phone_is_refused_as_too_long_before_it_is_read(
    typed: str,
) -> None:
    # A 300,000-character cell once sent the extension pattern into quadratic backtracking.
    with pytest.raises(InvalidInput) as refused:
        parse_phone(typed)
    assert refused.value.key == "reason.too_long"


def test_a_long_remark_beside_a_mobile_is_set_aside_before_the_number_is_bounded() -> None:
    remark = "（微信同号，工作日白天打，周末请发短信，晚上九点以后不要打电话，谢谢配合）"
    assert parse_phone("13812345678" + remark) == "+8613812345678"


def test_a_phone_cell_longer_than_any_is_refused_whole_before_any_pattern_reads_it() -> None:
    from volctl.identity import MAX_PHONE_CELL, phone_remark, split_phones

    hostile = "（a" * 16_000 + "中"  # an unclosed bracket: quadratic for the remark pattern
    assert phone_remark(hostile) == (hostile, None) and split_phones(hostile) == [hostile]
    with pytest.raises(InvalidInput) as refused:
        parse_phone(hostile)
    assert refused.value.key == "reason.too_long"
    assert refused.value.params["limit"] == MAX_PHONE_CELL

"""Dates as sheets write them, with the precision they were given."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volctl.dates import parse_date, parse_day, parse_time
from volctl.errors import InvalidInput


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("1985.3", "1985-03"),
        ("1985年3月", "1985-03"),
        ("1985-03", "1985-03"),
        ("1985/03/01", "1985-03-01"),
        ("1985.3.1", "1985-03-01"),
        ("1985年3月1日", "1985-03-01"),
        ("19850301", "1985-03-01"),
        ("１９８５年３月１日", "1985-03-01"),
        (datetime(1985, 3, 1, 0, 0), "1985-03-01"),
        (date(1985, 3, 1), "1985-03-01"),
        (31107.0, "1985-03-01"),  # an Excel serial number
        (1985.3, "1985-03"),  # 1985.3 typed into a number cell
        (1985, "1985"),
    ],
)
def test_every_spelling_reads_as_the_right_date_and_precision(typed: object, iso: str) -> None:
    parsed = parse_date(typed)
    assert parsed is not None and parsed.iso() == iso


def test_a_number_cell_holding_1985_1_may_be_january_or_october_so_only_the_year_counts() -> None:
    parsed = parse_date(1985.1)
    assert parsed is not None and parsed.precision == "year"
    assert parsed.agrees_with(date(1985, 10, 5))


def test_a_month_precision_date_agrees_with_any_day_of_that_month() -> None:
    parsed = parse_date("1985.3")
    assert parsed is not None
    assert parsed.agrees_with(date(1985, 3, 31))
    assert not parsed.agrees_with(date(1985, 4, 1))


@pytest.mark.parametrize("typed", ["1985.13", "2023-02-30", "yesterday", "1885-01-01"])
def test_impossible_or_unreadable_dates_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput):
        parse_date(typed)


def test_a_full_date_is_required_where_a_day_matters() -> None:
    assert parse_day("2025-03-15") == date(2025, 3, 15)
    with pytest.raises(InvalidInput) as info:
        parse_day("2025-03")
    assert info.value.key == "reason.date_needs_day"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("8:30", time(8, 30)),
        ("08:30", time(8, 30)),
        ("8点30", time(8, 30)),
        (0.375, time(9, 0)),
        ("14时05分", time(14, 5)),
    ],
)
def test_times_read_from_sheets(typed: object, expected: time) -> None:
    assert parse_time(typed) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_every_spelling_of_a_day_round_trips(day: date) -> None:
    for typed in (
        day.isoformat(),
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}.{day.month}.{day.day}",
        day.strftime("%Y/%m/%d"),
    ):
        parsed = parse_date(typed)
        assert parsed is not None and parsed.value == day and parsed.precision == "day"


@given(st.text(max_size=40))
def test_arbitrary_text_is_a_date_or_a_clear_refusal(text: str) -> None:
    try:
        parse_date(text)
    except InvalidInput as exc:
        assert exc.key.startswith("reason.")

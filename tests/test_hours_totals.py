"""Totals one query away: minutes per volunteer per period, per year and all time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers_ledger import add_activity, volunteer_id
from volctl.db import open_roster
from volctl.errors import InvalidInput
from volctl.ledger import records


@pytest.fixture
def ledger(cli, roster, add_volunteer):
    """Two volunteers over two years, with an amendment, a void and an absence."""
    add_volunteer("王秀英", registered_on="2023-01-05")
    add_volunteer("李建国", registered_on="2023-01-05")
    for number, day in (
        ("A20231216-01", "2023-12-16"),
        ("A20240120-01", "2024-01-20"),
        ("A20240615-01", "2024-06-15"),
        ("A20241221-01", "2024-12-21"),
    ):
        add_activity(roster, number, day=day, start=None, end=None)

    def log(vol: str, act: str, *args: str) -> None:
        assert cli("log-hours", "add", vol, "--activity", act, *args).exit_code == 0

    log("V000001", "A20231216-01", "--hours", "3")
    log("V000001", "A20240120-01", "--hours", "2")
    log("V000001", "A20240615-01", "--hours", "4")
    log("V000001", "A20241221-01", "--status", "absent")
    log("V000002", "A20240120-01", "--hours", "1.5")
    log("V000002", "A20240615-01", "--hours", "8")
    cli("log-hours", "amend", "3", "--hours", "5", "--reason", "补记")  # 4 h -> 5 h
    cli("log-hours", "amend", "3", "--hours", "4.5", "--reason", "再核对")  # -> 4.5 h
    cli("log-hours", "void", "6", "--reason", "重复")  # 李建国's 8 h no longer count
    return open_roster(roster)


def ids(ledger) -> tuple[int, int]:
    path = ledger.execute("PRAGMA database_list").fetchone()[2]
    return volunteer_id(path, "V000001"), volunteer_id(path, "V000002")


def test_a_years_totals_count_each_record_once_at_its_latest_correction(ledger) -> None:
    wang, li = ids(ledger)
    year = records.totals(ledger, year=2024)
    assert year[wang] == records.Total(minutes=390, services=2, records=3)  # absence: 0 h
    assert year[li] == records.Total(minutes=90, services=1, records=1)
    assert year[wang].hours == 6.5


def test_a_date_range_and_a_list_of_volunteers_narrow_the_totals(ledger) -> None:
    wang, li = ids(ledger)
    spring = records.totals(ledger, date_from="2024-01-01", date_to="2024-03-31")
    assert spring == {wang: records.Total(120, 1, 1), li: records.Total(90, 1, 1)}
    only = records.totals(ledger, year=2024, volunteer_ids=[li])
    assert set(only) == {li}


def test_totals_per_year_and_all_time(ledger) -> None:
    wang, li = ids(ledger)
    assert records.yearly(ledger) == {wang: {2023: 180, 2024: 390}, li: {2024: 90}}
    assert records.cumulative(ledger) == {wang: 570, li: 90}
    assert records.cumulative(ledger, until="2023-12-31") == {wang: 180}


def test_someone_without_service_in_a_period_is_absent_from_its_totals(ledger) -> None:
    assert records.totals(ledger, year=2022) == {}
    _wang, li = ids(ledger)
    assert li not in records.totals(ledger, date_from="2024-06-01", date_to="2024-06-30")


def test_whole_years_and_day_ranges_give_the_same_totals(ledger) -> None:
    by_year = records.totals(ledger, year=2024)
    by_days = records.totals(ledger, date_from="2024-01-01", date_to="2024-12-30")
    assert by_year == by_days  # nothing on 12-31; the first reads year totals, the second chains
    assert records.cumulative(ledger, until="2024-12-31") == records.cumulative(
        ledger, until="2024-12-30"
    )


def test_the_derived_tables_agree_with_the_history_after_corrections_across_years(
    cli, ledger
) -> None:
    assert records.verify(ledger) == []
    moved = cli("log-hours", "amend", "2", "--date", "2023-12-31", "--reason", "日期记错")
    assert moved.exit_code == 0, moved.stderr
    cli("log-hours", "amend", "5", "--hours", "0.5", "--reason", "核对")
    cli("log-hours", "void", "4", "--reason", "并未缺席记录")
    assert records.verify(ledger) == []
    wang, _li = ids(ledger)
    assert records.yearly(ledger)[wang] == {2023: 300, 2024: 270}


def test_a_tampered_total_is_reported_by_verify(ledger) -> None:
    ledger.execute("UPDATE service_year_totals SET minutes = minutes + 60 WHERE year = 2023")
    assert records.verify(ledger) == [
        f"service_year_totals: volunteer {ids(ledger)[0]}, 2023 does not add up"
    ]


@given(st.decimals(min_value="0.01", max_value="24", places=2))
def test_decimal_hours_become_the_nearest_whole_minute(value) -> None:
    minutes = records.parse_hours(str(value))
    assert 1 <= minutes <= 1440
    assert abs(minutes - value * 60) <= 0.5


@given(st.text(max_size=30))
def test_any_text_as_hours_is_minutes_or_a_clear_refusal(text) -> None:
    try:
        minutes = records.parse_hours(text)
    except InvalidInput as exc:
        assert exc.key.startswith("hours.reason.hours_")
    else:
        assert 1 <= minutes <= 1440


@given(
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["{h}:{m:02d}", "{h:02d}:{m:02d}", "{h}点{m:02d}", "{h}时{m:02d}分"]),
)
def test_clock_times_are_read_in_every_spelling(hour, minute, spelling) -> None:
    parsed = records.parse_clock(spelling.format(h=hour, m=minute))
    assert parsed is not None and (parsed.hour, parsed.minute) == (hour, minute)


@given(st.one_of(st.text(max_size=20), st.floats(allow_nan=True), st.integers()))
def test_any_cell_as_a_time_is_a_time_or_a_clear_refusal(value) -> None:
    try:
        records.parse_clock(value)
    except InvalidInput as exc:
        assert exc.key == "reason.time_invalid"

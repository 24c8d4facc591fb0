"""volctl activity schedule: rule presets, RRULEs, confirmation, idempotence, holidays."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers_structure import ok, rows, team
from volctl.errors import EXIT_CANCELLED, InvalidInput
from volctl.ledger import recurrence

THIRD_SATURDAYS_2025 = [
    "2025-01-18", "2025-02-15", "2025-03-15", "2025-04-19", "2025-05-17", "2025-06-21",
    "2025-07-19", "2025-08-16", "2025-09-20", "2025-10-18", "2025-11-15", "2025-12-20",
]  # fmt: skip


def run(cli, *extra: str, rule: str = "third-saturday", title: str = "集中服务日", **kw):
    return cli(
        "activity", "schedule", title, "--rule", rule, "--from", "2025-01-01", "--to",
        "2025-12-31", "--category", "社区服务", *extra, **kw,
    )  # fmt: skip


def test_third_saturday_gives_the_third_saturdays_of_2025(cli, roster) -> None:
    saved = ok(run(cli, "--yes", "--format", "json"))
    assert [d["date"] for d in saved["dates"]] == THIRD_SATURDAYS_2025
    assert all(d["state"] == "created" and d["weekday"] == 6 for d in saved["dates"])
    listed = ok(cli("activity", "list", "--format", "json"))
    assert [a["date"] for a in listed] == THIRD_SATURDAYS_2025


def test_the_calendar_week_reading_differs_when_a_month_begins_on_a_sunday() -> None:
    rule = recurrence.resolve("third-week-saturday")
    days = recurrence.dates(rule, date(2025, 1, 1), date(2025, 12, 31))
    # June 2025 begins on a Sunday: its third calendar week's Saturday is the 14th.
    assert date(2025, 6, 14) in days and date(2025, 6, 21) not in days
    others = [d.isoformat() for d in days if d.month != 6]
    assert others == [d for d in THIRD_SATURDAYS_2025 if d[5:7] != "06"]


@given(st.integers(min_value=2000, max_value=2100), st.integers(min_value=1, max_value=12))
def test_the_two_readings_agree_unless_the_month_begins_on_a_sunday(year, month) -> None:
    first, last = date(year, month, 1), date(year, month, 28)
    third = recurrence.dates(recurrence.resolve("third-saturday"), first, last)
    week = recurrence.dates(recurrence.resolve("third-week-saturday"), first, last)
    assert third[0].weekday() == week[0].weekday() == 5
    assert (third == week) == (first.weekday() != 6)


def test_fixed_days_are_presets_under_their_chinese_names_too(cli, roster) -> None:
    saved = ok(run(cli, "--yes", "--format", "json", rule="学雷锋纪念日", title="学雷锋"))
    assert [d["date"] for d in saved["dates"]] == ["2025-03-05"]
    for name, day in [("arbor-day", "03-12"), ("3·22", "03-22"), ("earth-day", "04-22"),
                      ("environment-day", "06-05"), ("volunteer-day", "12-05")]:  # fmt: skip
        days = recurrence.dates(recurrence.resolve(name), date(2025, 1, 1), date(2025, 12, 31))
        assert [d.isoformat() for d in days] == [f"2025-{day}"]


def test_any_rrule_is_accepted(cli, roster) -> None:
    saved = ok(
        run(cli, "--yes", "--format", "json", rule="RRULE:FREQ=MONTHLY;BYDAY=1SU;BYMONTH=1,2")
    )
    assert [d["date"] for d in saved["dates"]] == ["2025-01-05", "2025-02-02"]


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("every-day-ish", "Unknown rule"),
        ("FREQ=HOURLY", "frequency"),
        ("FREQ=MONTHLY;BYDAY=XX", "wrong"),
    ],
)
def test_a_bad_rule_is_refused_and_nothing_is_saved(cli, roster, rule, text) -> None:
    result = run(cli, "--yes", rule=rule)
    assert result.exit_code == InvalidInput.exit_code and text in result.stderr
    assert rows(roster, "SELECT count(*) FROM activities") == [(0,)]


def test_the_dates_are_shown_and_answering_no_saves_nothing(cli, roster) -> None:
    result = run(cli, input="n\n")
    assert result.exit_code == EXIT_CANCELLED
    assert "2025-06-21" in result.stdout and "Not saved" in result.stderr
    assert rows(roster, "SELECT count(*) FROM activities") == [(0,)]


def test_answering_yes_saves_the_series(cli, roster) -> None:
    result = run(cli, input="y\n")
    assert result.exit_code == 0, result.stderr
    assert rows(roster, "SELECT count(DISTINCT series_key), count(*) FROM activities") == [(1, 12)]


def test_re_running_the_same_schedule_creates_no_duplicates(cli, roster) -> None:
    team(cli, "东湖社区分队", "分队")
    first_half = ["--from", "2025-01-01", "--to", "2025-06-30"]
    ok(run(cli, "--team", "东湖社区分队", "--yes", *first_half))
    again = ok(run(cli, "--team", "东湖社区分队", "--yes", "--format", "json"))
    states = [d["state"] for d in again["dates"]]
    assert states == ["exists"] * 6 + ["created"] * 6
    assert rows(roster, "SELECT count(*) FROM activities") == [(12,)]
    third = run(cli, "--team", "东湖社区分队", "--yes")
    assert third.exit_code == 0 and "already there" in third.stderr
    assert rows(roster, "SELECT count(*) FROM activities") == [(12,)]


def test_a_cancelled_date_of_a_series_is_not_recreated(cli, roster) -> None:
    ok(run(cli, "--yes"))
    ok(cli("activity", "cancel", "A20250315-01", "--reason", "与市级活动冲突"))
    again = ok(run(cli, "--yes", "--format", "json"))
    assert again["new"] == 0 and rows(roster, "SELECT count(*) FROM activities") == [(12,)]


def test_public_holidays_and_make_up_working_days_are_flagged(cli, roster) -> None:
    planned = ok(
        cli("activity", "schedule", "国庆宣传", "--rule", "FREQ=DAILY", "--from", "2025-09-28",
            "--to", "2025-10-02", "--category", "社区服务", "--yes", "--format", "json")
    )  # fmt: skip
    flags = {d["date"]: d["holiday"] for d in planned["dates"]}
    assert flags["2025-09-28"] == {"kind": "workday", "name": "国庆节", "source": "chinesecalendar"}
    assert flags["2025-10-01"]["kind"] == "holiday" and flags["2025-10-01"]["name"] == "国庆节"
    assert flags["2025-09-29"] is None


def test_a_year_no_calendar_covers_is_reported_until_the_clerk_enters_it(cli, roster) -> None:
    args = ["activity", "schedule", "元旦", "--rule", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1",
            "--from", "2035-01-01", "--to", "2035-12-31", "--category", "社区服务"]  # fmt: skip
    unknown = cli(*args, input="n\n")
    assert "No holiday calendar for 2035" in unknown.stderr
    ok(cli("activity", "holidays", "--add", "2035-01-01", "--name", "元旦"))
    planned = ok(cli(*args, "--yes", "--format", "json"))
    assert planned["uncovered_years"] == []
    assert planned["dates"][0]["holiday"] == {"kind": "holiday", "name": "元旦", "source": "roster"}


def test_the_holiday_list_merges_the_calendar_and_the_clerks_days(cli, roster) -> None:
    ok(cli("activity", "holidays", "--add", "2025-10-11", "--name", "社区调休", "--workday"))
    listed = ok(cli("activity", "holidays", "--year", "2025", "--format", "json"))
    assert {
        "date": "2025-10-01",
        "kind": "holiday",
        "name": "国庆节",
        "source": "chinesecalendar",
    } in listed
    assert {
        "date": "2025-10-11",
        "kind": "workday",
        "name": "社区调休",
        "source": "roster",
    } in listed
    ok(cli("activity", "holidays", "--remove", "2025-10-11"))
    listed = ok(cli("activity", "holidays", "--year", "2025", "--format", "json"))
    assert all(d["source"] == "chinesecalendar" for d in listed)
    assert cli("activity", "holidays", "--remove", "2025-10-11").exit_code == 4

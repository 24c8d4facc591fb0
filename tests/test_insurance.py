"""Insurance: policies per volunteer, and cover that is about to lapse."""

from __future__ import annotations

from datetime import date, timedelta


def test_a_policy_is_recorded_for_several_volunteers(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    add_volunteer("李四")
    result = cli(
        "insurance",
        "add",
        "王秀英",
        "李四",
        "--insurer",
        "人保财险",
        "--policy",
        "PA2025001",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    assert len(result.json()["added"]) == 2
    active = cli("insurance", "list", "--active-on", "2025-06-01", "--format", "json").json()
    assert {p["name"] for p in active} == {"王秀英", "李四"}
    assert cli("insurance", "list", "--active-on", "2026-06-01", "--format", "json").json() == []


def test_expiring_cover_is_listed_unless_renewed(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    add_volunteer("李四")
    soon = (date.today() + timedelta(days=10)).isoformat()
    later = (date.today() + timedelta(days=400)).isoformat()
    start = date.today().isoformat()
    cli(
        "insurance",
        "add",
        "王秀英",
        "李四",
        "--insurer",
        "人保",
        "--policy",
        "P1",
        "--from",
        start,
        "--to",
        soon,
    )
    cli(
        "insurance",
        "add",
        "李四",
        "--insurer",
        "人保",
        "--policy",
        "P2",
        "--from",
        soon,
        "--to",
        later,
    )
    expiring = cli("insurance", "list", "--expiring", "30", "--format", "json").json()
    assert [p["name"] for p in expiring] == ["王秀英"]
    assert expiring[0]["days_left"] == 10


def test_a_policy_ending_before_it_starts_is_refused(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    result = cli(
        "insurance",
        "add",
        "王秀英",
        "--insurer",
        "人保",
        "--policy",
        "P1",
        "--from",
        "2025-12-31",
        "--to",
        "2025-01-01",
    )
    assert result.exit_code == 3 and "before its start" in result.stderr


def test_the_same_policy_twice_for_one_volunteer_is_refused(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    args = (
        "insurance",
        "add",
        "王秀英",
        "--insurer",
        "人保",
        "--policy",
        "P1",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
    )
    assert cli(*args).exit_code == 0
    again = cli(*args)
    assert again.exit_code == 5 and "already has policy P1" in again.stderr


def test_signing_up_uninsured_volunteers_for_a_risky_activity_warns(cli, add_volunteer) -> None:
    add_volunteer("王秀英", registered_on="2025-01-01")
    add_volunteer("李四", registered_on="2025-01-01")
    cli(
        "insurance",
        "add",
        "王秀英",
        "--insurer",
        "人保",
        "--policy",
        "P1",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
    )
    added = cli(
        "activity",
        "add",
        "河道清理",
        "--date",
        "2025-07-19",
        "--category",
        "环境保护",
        "--needs-insurance",
        "--format",
        "json",
    )
    assert added.exit_code == 0, added.stderr
    number = added.json()["activity_no"]
    result = cli("activity", "signup", number, "王秀英", "李四", "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = result.json()["warnings"]
    assert [(w["code"], w["name"]) for w in warnings] == [("not_insured", "李四")]
    table = cli("activity", "signup", number, "李四")
    assert "no accident insurance" not in table.stderr  # already on the roster: nothing new

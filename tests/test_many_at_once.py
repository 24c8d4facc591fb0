"""Work on many at once: volunteer ranges and comma lists wherever volunteers are named, several
activities updated or cancelled in one command, the numbers a schedule made."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.helpers_structure import activity, ok, people, rows, team
from volctl.errors import Conflict, InvalidInput, NotFound


@pytest.fixture
def five(cli, roster, add_volunteer) -> list[str]:
    return people(add_volunteer, "甲一", "乙二", "丙三", "丁四", "戊五")


def members(db) -> list[str]:
    return [
        no
        for (no,) in rows(
            db,
            "SELECT v.volunteer_no FROM memberships m JOIN volunteers v ON v.id = m.volunteer_id"
            " ORDER BY v.volunteer_no",
        )
    ]


def test_a_range_of_volunteer_numbers_joins_a_team(cli, five, roster) -> None:
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", f"{five[1]}-{five[3]}", "--since", "2025-01-15"))
    assert members(roster) == five[1:4]


def test_ranges_and_comma_lists_mix_with_names(cli, five, roster) -> None:
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", f"{five[0]}-{five[1]},{five[4]}", "丙三"))
    assert members(roster) == [five[0], five[1], five[2], five[4]]


def test_a_range_passes_over_numbers_no_longer_on_the_roster(cli, five, roster) -> None:
    import sqlite3

    conn = sqlite3.connect(roster)  # as an undone import leaves it: the number is gone
    with conn:
        conn.execute("DELETE FROM volunteers WHERE volunteer_no = ?", (five[2],))
    conn.close()
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", f"{five[0].lower()}-{five[4]}"))
    assert members(roster) == [five[0], five[1], five[3], five[4]]


def test_a_range_whose_end_is_not_on_the_roster_is_refused_whole(cli, five, roster) -> None:
    team(cli, "东湖社区分队", "分队")
    result = cli("team", "join", "东湖社区分队", f"{five[0]}-V000200")
    assert result.exit_code == NotFound.exit_code and "V000200" in result.stderr
    assert members(roster) == []


def test_a_range_written_backwards_is_refused(cli, five) -> None:
    team(cli, "东湖社区分队", "分队")
    result = cli("team", "join", "东湖社区分队", f"{five[3]}-{five[1]}")
    assert result.exit_code == InvalidInput.exit_code and "backwards" in result.stderr


def test_a_phone_written_with_dashes_is_not_a_range(cli, roster, add_volunteer) -> None:
    add_volunteer("王秀英", phone="186-2024-6633")
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", "186-2024-6633"))
    assert len(members(roster)) == 1


def test_ranges_work_for_signups_training_insurance_and_hours(cli, five, roster) -> None:
    number = activity(cli, "敬老院探访", date="2025-03-15")
    ok(cli("activity", "signup", number, f"{five[0]}-{five[4]}"))
    assert rows(roster, "SELECT count(*) FROM signups") == [(5,)]
    ok(
        cli(
            "log-hours",
            "activity",
            number,
            "--hours",
            "2",
            "--absent",
            f"{five[3]}-{five[4]}",
        )
    )
    assert rows(roster, "SELECT count(*) FROM service_effective WHERE minutes = 0") == [(2,)]
    training = ok(
        cli(
            "training",
            "add",
            "岗前培训",
            "--date",
            "2025-03-10",
            "--topic",
            "志愿精神",
            "--format",
            "json",
        )
    )
    ok(cli("training", "attend", training["training_no"], f"{five[0]}-{five[2]}"))
    assert rows(roster, "SELECT count(*) FROM training_attendance") == [(3,)]
    ok(
        cli(
            "insurance",
            "add",
            f"{five[2]}-{five[4]}",
            "--insurer",
            "人保",
            "--policy",
            "P1",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
        )
    )
    assert rows(roster, "SELECT count(*) FROM insurance_policies") == [(3,)]


def past(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


def future(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def statuses(db) -> dict[str, str]:
    return dict(rows(db, "SELECT activity_no, status FROM activities"))


def test_several_activities_are_marked_held_in_one_command(cli, roster) -> None:
    a = activity(cli, "探访一", date=past(20))
    b = activity(cli, "探访二", date=past(10))
    c = activity(cli, "探访三", date=past(5))
    result = cli("activity", "update", a, f"{b},{c}", "--status", "held", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [r["activity"]["activity_no"] for r in result.json()] == [a, b, c]
    assert set(statuses(roster).values()) == {"held"}


def test_all_past_planned_activities_are_marked_held_at_once(cli, roster) -> None:
    a = activity(cli, "探访一", date=past(20))
    b = activity(cli, "探访二", date=past(3))
    later = activity(cli, "探访三", date=future(3))
    ok(cli("activity", "update", "--all-past-planned", "--status", "held"))
    assert statuses(roster) == {a: "held", b: "held", later: "planned"}


def test_one_refusal_among_several_changes_none(cli, roster) -> None:
    a = activity(cli, "探访一", date=past(20))
    later = activity(cli, "探访三", date=future(3))
    result = cli("activity", "update", a, later, "--status", "held")
    assert result.exit_code == InvalidInput.exit_code
    assert statuses(roster) == {a: "planned", later: "planned"}


def test_an_activity_in_the_future_cannot_be_held(cli, roster) -> None:
    later = activity(cli, "探访三", date=future(12))
    result = cli("activity", "update", later, "--status", "held")
    assert result.exit_code == InvalidInput.exit_code
    assert "has not come yet" in result.stderr
    assert statuses(roster) == {later: "planned"}


def test_a_held_activity_cannot_move_into_the_future(cli, roster) -> None:
    a = activity(cli, "探访一", date=past(2))
    ok(cli("activity", "update", a, "--status", "held"))
    result = cli("activity", "update", a, "--date", future(5))
    assert result.exit_code == InvalidInput.exit_code


def test_several_activities_are_cancelled_with_one_reason(cli, roster) -> None:
    a = activity(cli, "探访一", date=past(20))
    b = activity(cli, "探访二", date=past(10))
    ok(cli("activity", "cancel", a, b, "--reason", "暴雨"))
    assert statuses(roster) == {a: "cancelled", b: "cancelled"}
    reasons = rows(roster, "SELECT DISTINCT status_reason FROM activities")
    assert reasons == [("暴雨",)]


def test_nothing_past_and_planned_is_said_so(cli, roster) -> None:
    result = cli("activity", "cancel", "--all-past-planned", "--reason", "x")
    assert result.exit_code == InvalidInput.exit_code and "No activity" in result.stderr


def test_a_schedule_prints_the_numbers_it_made(cli, roster) -> None:
    team(cli, "东湖社区分队", "分队")
    result = cli(
        "activity",
        "schedule",
        "集中服务日",
        "--rule",
        "third-saturday",
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
        "--category",
        "社区服务",
        "--team",
        "东湖社区分队",
        "--yes",
    )
    assert result.exit_code == 0, result.stderr
    for number in ("A20250118-01", "A20250215-01", "A20250315-01"):
        assert number in result.stdout


def test_activity_show_gives_attendance_and_hours_and_names_its_series(cli, five) -> None:
    team(cli, "东湖社区分队", "分队")
    ok(
        cli(
            "activity",
            "schedule",
            "集中服务日",
            "--rule",
            "third-saturday",
            "--from",
            "2025-03-01",
            "--to",
            "2025-03-31",
            "--category",
            "社区服务",
            "--team",
            "东湖社区分队",
            "--start",
            "08:30",
            "--end",
            "11:30",
            "--yes",
        )
    )
    ok(cli("activity", "signup", "A20250315-01", f"{five[0]}-{five[2]}"))
    ok(cli("log-hours", "activity", "A20250315-01", "--leave", five[2]))
    shown = ok(cli("activity", "show", "A20250315-01", "--format", "json"))
    assert shown["participations"] == 2 and shown["hours"] == 6.0
    assert [(r["volunteer_no"], r["attendance"]) for r in shown["records"]] == [
        (five[0], "present"),
        (five[1], "present"),
        (five[2], "leave"),
    ]
    table = cli("activity", "show", "A20250315-01")
    assert "6.0" in table.stdout and "third-saturday|" not in table.stdout
    assert shown["series"] == "每月第三个星期六"


def test_a_dissolved_team_refuses_a_range_as_it_refuses_one(cli, five) -> None:
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "dissolve", "东湖社区分队", "--reason", "并入"))
    result = cli("team", "join", "东湖社区分队", f"{five[0]}-{five[1]}")
    assert result.exit_code == Conflict.exit_code

"""volctl log-hours activity: everyone on an activity's roster at once, all or nothing."""

from __future__ import annotations

import pytest

from tests.helpers_ledger import add_activity, connect, count, sign_up
from volctl.errors import Conflict, InvalidInput, NotFound


@pytest.fixture
def activity(roster, add_volunteer):
    """Four volunteers; three signed up for the 3·15 activity, one of whom withdrew."""
    for name in ("王秀英", "李建国", "张伟", "赵敏"):
        add_volunteer(name, registered_on="2024-01-05")
    add_activity(roster, leader="V000001")
    sign_up(roster, "A20250315-01", "V000001", "V000002", "V000003")
    sign_up(roster, "A20250315-01", "V000004", withdrawn=True)
    return roster


def test_everyone_on_the_roster_is_recorded_with_the_same_hours(cli, activity) -> None:
    result = cli("log-hours", "activity", "A20250315-01", "--hours", "2.5", "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = result.json()
    assert [r["volunteer_no"] for r in records] == ["V000001", "V000002", "V000003"]
    assert {r["minutes"] for r in records} == {150}
    assert count(activity) == 3


def test_without_hours_the_activitys_times_are_recorded_for_everyone(cli, activity) -> None:
    records = cli("log-hours", "activity", "A20250315-01", "--format", "json").json()
    assert {(r["start"], r["end"]) for r in records} == {("09:00", "11:30")}


def test_only_records_the_named_part_of_the_roster(cli, activity) -> None:
    result = cli(
        "log-hours",
        "activity",
        "A20250315-01",
        "--hours",
        "2",
        "--only",
        "V000001,V000003",
        "--format",
        "json",
    )
    assert [r["volunteer_no"] for r in result.json()] == ["V000001", "V000003"]


def test_absent_and_leave_are_recorded_with_zero_time_beside_the_others(cli, activity) -> None:
    result = cli(
        "log-hours",
        "activity",
        "A20250315-01",
        "--hours",
        "2",
        "--absent",
        "张伟",
        "--leave",
        "V000002",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    by_no = {r["volunteer_no"]: r for r in result.json()}
    assert by_no["V000001"]["minutes"] == 120 and by_no["V000001"]["attendance"] == "present"
    assert by_no["V000002"]["attendance"] == "leave" and by_no["V000002"]["minutes"] == 0
    assert by_no["V000003"]["attendance"] == "absent" and by_no["V000003"]["minutes"] == 0


def test_one_refusal_records_nobody_and_every_refusal_is_listed(cli, activity) -> None:
    add_activity(activity, "A20250315-02", title="环境整治", start="10:00", end="12:00")
    cli("log-hours", "add", "V000001", "--activity", "A20250315-02")
    cli("register", "deactivate", "V000003", "--reason", "搬离社区", "--on", "2025-03-01")
    before = count(activity)
    result = cli("log-hours", "activity", "A20250315-01")
    assert result.exit_code == Conflict.exit_code
    lines = result.stderr.splitlines()
    assert "2 could not be recorded, so nothing was recorded" in lines[0]
    assert any(line.startswith("  V000001 王秀英: ") and "overlap" in line for line in lines)
    assert any(line.startswith("  V000003 张伟: ") and "inactive" in line for line in lines)
    assert "--only" in result.stderr
    assert count(activity) == before
    conn = connect(activity)
    status = conn.execute("SELECT status FROM activities WHERE activity_no = 'A20250315-01'")
    assert status.fetchone()[0] == "planned"


def test_roster_hours_without_times_overlapping_another_activity_are_refused(cli, activity) -> None:
    add_activity(activity, "A20250315-02", title="环境整治", start="08:30", end="10:00")
    assert (
        cli("log-hours", "add", "V000002", "--activity", "A20250315-02", "--hours", "1").exit_code
        == 0
    )
    before = count(activity)
    result = cli("log-hours", "activity", "A20250315-01", "--hours", "2")
    assert result.exit_code == Conflict.exit_code
    assert any(
        line.startswith("  V000002 李建国: ") and "record #1 from 08:30 to 10:00" in line
        for line in result.stderr.splitlines()
    )
    assert count(activity) == before


def test_someone_already_recorded_on_their_own_is_left_as_recorded(cli, activity) -> None:
    late = cli(
        "log-hours",
        "add",
        "V000002",
        "--activity",
        "A20250315-01",
        "--start",
        "09:40",
        "--end",
        "11:30",
        "--status",
        "late",
    )
    assert late.exit_code == 0, late.stderr
    result = cli("log-hours", "activity", "A20250315-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [r["volunteer_no"] for r in result.json()] == ["V000001", "V000003"]
    assert "V000002 李建国 already has record #1 for this activity: left as it is" in result.stderr
    listed = cli("log-hours", "list", "--format", "json").json()
    assert [(r["volunteer_no"], r["minutes"]) for r in listed] == [
        ("V000001", 150),
        ("V000002", 110),
        ("V000003", 150),
    ]
    again = cli("log-hours", "activity", "A20250315-01", "--format", "json")
    assert again.exit_code == 0 and again.json() == []
    assert "nothing new recorded" in again.stderr
    named = cli("log-hours", "activity", "A20250315-01", "--only", "V000002")
    assert named.exit_code == Conflict.exit_code and "already has record #1" in named.stderr


def test_a_volunteer_not_on_the_roster_is_refused_by_only(cli, activity) -> None:
    result = cli("log-hours", "activity", "A20250315-01", "--hours", "2", "--only", "V000004")
    assert result.exit_code == InvalidInput.exit_code
    assert "V000004 赵敏: Not on the roster of activity A20250315-01" in result.stderr
    assert count(activity) == 0


def test_a_bad_duration_is_refused_once_per_person_and_nothing_recorded(cli, activity) -> None:
    result = cli("log-hours", "activity", "A20250315-01", "--hours", "30")
    assert result.exit_code == InvalidInput.exit_code
    assert result.stderr.count("longer than 24 hours") == 3
    assert count(activity) == 0


def test_an_empty_roster_says_how_to_fill_it(cli, activity) -> None:
    add_activity(activity, "A20250322-01", day="2025-03-22")
    result = cli("log-hours", "activity", "A20250322-01", "--hours", "2")
    assert result.exit_code == NotFound.exit_code
    assert "Nobody is on the roster" in result.stderr and "activity signup" in result.stderr


def test_someone_both_absent_and_on_leave_is_refused(cli, activity) -> None:
    result = cli(
        "log-hours", "activity", "A20250315-01", "--absent", "V000001", "--leave", "V000001"
    )
    assert result.exit_code == InvalidInput.exit_code
    assert "both absent and on leave" in result.stderr
    assert count(activity) == 0


def test_the_table_counts_people_and_hours(cli, activity) -> None:
    result = cli("log-hours", "activity", "A20250315-01", "--hours", "2")
    assert result.exit_code == 0
    assert "Recorded 3 people, 6.0 h in all" in result.stdout

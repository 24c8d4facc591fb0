"""volctl log-hours add: one volunteer's service, each rule a clear refusal, nothing stored."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers_ledger import add_activity, connect, count
from volctl.errors import Conflict, InvalidInput, NotFound


@pytest.fixture
def community(roster, add_volunteer):
    """Two volunteers registered in January 2024 and the 3·15 activity led by the first."""
    add_volunteer("王秀英", id_number="330482195803120387", registered_on="2024-01-05")
    add_volunteer("李建国", registered_on="2024-01-05")
    add_activity(roster, leader="V000001")
    return roster


def log(cli, *args: str):
    return cli("log-hours", "add", *args, "--format", "json")


def test_a_service_takes_the_activitys_date_place_content_beneficiaries_and_leader(
    cli, community
) -> None:
    with connect(community) as conn:  # the helper's activity, as a clerk would describe it
        conn.execute("UPDATE activities SET description = '义务理发、修理小家电'")
    result = log(cli, "李建国", "--activity", "A20250315-01", "--hours", "2.5")
    assert result.exit_code == 0, result.stderr
    record = result.json()
    assert record["record"] == 1 and record["volunteer_no"] == "V000002"
    assert record["date"] == "2025-03-15" and record["place"] == "东湖社区广场"
    assert record["content"] == "义务理发、修理小家电"  # 服务内容: what was done, not the title
    assert record["beneficiaries"] == "社区居民"
    assert record["leader"] == "王秀英" and record["attendance"] == "present"
    assert record["minutes"] == 150 and record["hours"] == 2.5
    assert record["start"] is None and record["batch"] is None


@pytest.mark.parametrize(
    ("hours", "minutes"), [("2.5", 150), ("1.75", 105), ("0.33", 20), ("3", 180), ("2小时", 120)]
)
def test_hours_are_stored_as_whole_minutes(cli, community, hours, minutes) -> None:
    record = log(cli, "V000002", "--activity", "A20250315-01", "--hours", hours).json()
    assert record["minutes"] == minutes
    assert isinstance(record["minutes"], int)


@pytest.mark.parametrize(
    ("start", "end"), [("09:00", "11:30"), ("9:00", "11点半"), ("9点", "11:30")]
)
def test_start_and_end_times_give_the_minutes_and_are_kept(cli, community, start, end) -> None:
    record = log(cli, "V000002", "--activity", "A20250315-01", "--start", start, "--end", end)
    assert record.exit_code == 0, record.stderr
    assert record.json()["start"] == "09:00" and record.json()["end"] == "11:30"
    assert record.json()["minutes"] == 150


def test_without_hours_or_times_the_activitys_scheduled_times_are_used(cli, community) -> None:
    record = log(cli, "V000002", "--activity", "A20250315-01").json()
    assert (record["start"], record["end"], record["minutes"]) == ("09:00", "11:30", 150)


def test_an_activity_without_times_needs_hours_and_says_service_is_not_travel(
    cli, community
) -> None:
    add_activity(community, "A20250316-01", day="2025-03-16", start=None, end=None)
    result = log(cli, "V000002", "--activity", "A20250316-01")
    assert result.exit_code == InvalidInput.exit_code
    assert "--hours" in result.stderr and "not travel" in result.stderr
    assert count(community) == 0


def test_the_recorder_is_the_option_else_the_setting_else_the_operator(cli, community) -> None:
    add_activity(community, "A20250316-01", day="2025-03-16")
    add_activity(community, "A20250317-01", day="2025-03-17")
    first = cli(
        "--operator",
        "张主任",
        "log-hours",
        "add",
        "V000002",
        "--activity",
        "A20250315-01",
        "--format",
        "json",
    ).json()
    assert first["recorder"] == "张主任"
    assert cli("settings", "recorder", "李红").exit_code == 0
    second = log(cli, "V000002", "--activity", "A20250316-01").json()
    assert second["recorder"] == "李红"
    third = log(cli, "V000002", "--activity", "A20250317-01", "--recorder", "王五").json()
    assert third["recorder"] == "王五"


def test_a_planned_activity_whose_date_has_come_is_marked_held_on_record(cli, community) -> None:
    assert log(cli, "V000002", "--activity", "A20250315-01").exit_code == 0
    conn = connect(community)
    assert conn.execute("SELECT status FROM activities").fetchone()[0] == "held"
    detail = conn.execute("SELECT detail FROM audit_log WHERE action = 'activity.held'").fetchone()[
        0
    ]
    assert json.loads(detail)["new"] == "held"


def test_service_today_on_an_activity_dated_later_leaves_it_planned(cli, community) -> None:
    later = (date.today() + timedelta(days=3)).isoformat()
    add_activity(community, "A20991231-01", day=later)
    result = log(cli, "V000002", "--activity", "A20991231-01", "--date", date.today().isoformat())
    assert result.exit_code == 0, result.stderr
    conn = connect(community)
    status = conn.execute("SELECT status FROM activities WHERE activity_no = 'A20991231-01'")
    assert status.fetchone()[0] == "planned"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--hours", "0"], "more than 0"),
        (["--hours", "-2"], "more than 0"),
        (["--hours", "25"], "longer than 24 hours"),
        (["--hours", "两小时"], "Cannot read the hours"),
        (["--start", "11:30", "--end", "09:00"], "not after the start time"),
        (["--start", "09:00"], "Both the start and the end time"),
        (["--start", "9:00", "--end", "25:00"], "Cannot read the time"),
        (["--hours", "2", "--start", "09:00", "--end", "10:00"], "not both"),
        (["--status", "leave", "--hours", "2"], "zero hours"),
        (["--status", "sick"], "Unknown attendance"),
        (["--date", "2025-02-30"], "Cannot read the date"),
        (["--date", "2023-12-31"], "before the volunteer registered (2024-01-05)"),
    ],
)
def test_each_bad_value_is_refused_with_its_own_message_and_nothing_stored(
    cli, community, options, message
) -> None:
    result = cli("log-hours", "add", "V000002", "--activity", "A20250315-01", *options)
    assert result.exit_code == InvalidInput.exit_code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert count(community) == 0


def test_a_date_in_the_future_is_refused(cli, community) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    add_activity(community, "A20991231-01", day=tomorrow)
    result = log(cli, "V000002", "--activity", "A20991231-01", "--hours", "2")
    assert result.exit_code == InvalidInput.exit_code
    assert "service date" in result.stderr and "cannot be after today" in result.stderr
    assert count(community) == 0


@pytest.mark.parametrize("status", ["leave", "absent", "请假", "缺席"])
def test_leave_and_absence_are_recorded_with_zero_minutes(cli, community, status) -> None:
    record = log(cli, "V000002", "--activity", "A20250315-01", "--status", status).json()
    assert record["minutes"] == 0 and record["start"] is None
    assert record["attendance"] in ("leave", "absent")


@pytest.mark.parametrize(
    ("status", "code"),
    [("late", "late"), ("迟到", "late"), ("early-leave", "early_leave"), ("早退", "early_leave")],
)
def test_late_and_early_leave_are_kept_with_the_actual_times(cli, community, status, code) -> None:
    record = log(
        cli,
        "V000002",
        "--activity",
        "A20250315-01",
        "--start",
        "09:20",
        "--end",
        "11:30",
        "--status",
        status,
    ).json()
    assert record["attendance"] == code and record["minutes"] == 130


def test_an_inactive_volunteer_gets_hours_only_for_service_before_the_deactivation(
    cli, community
) -> None:
    add_activity(community, "A20250220-01", day="2025-02-20")
    cli("register", "deactivate", "V000002", "--reason", "搬离社区", "--on", "2025-03-01")
    refused = log(cli, "V000002", "--activity", "A20250315-01", "--hours", "2")
    assert refused.exit_code == Conflict.exit_code
    assert "inactive since 2025-03-01" in refused.stderr and "reactivate" in refused.stderr
    earlier = log(cli, "V000002", "--activity", "A20250220-01", "--hours", "2")
    assert earlier.exit_code == 0, earlier.stderr


def test_a_reactivated_volunteer_gets_no_hours_for_the_time_they_were_inactive(
    cli, community
) -> None:
    cli("register", "deactivate", "V000002", "--reason", "外出务工", "--on", "2025-03-01")
    cli("register", "reactivate", "V000002", "--reason", "回到社区")
    refused = log(cli, "V000002", "--activity", "A20250315-01", "--hours", "2")
    assert refused.exit_code == Conflict.exit_code and "inactive since" in refused.stderr
    assert count(community) == 0


def test_overlapping_times_on_one_day_are_refused_naming_the_other_record(cli, community) -> None:
    add_activity(community, "A20250315-02", title="环境整治", start="11:00", end="12:00")
    add_activity(community, "A20250315-03", title="文明劝导", start="11:30", end="12:30")
    assert log(cli, "V000002", "--activity", "A20250315-01").exit_code == 0
    overlap = log(cli, "V000002", "--activity", "A20250315-02")
    assert overlap.exit_code == Conflict.exit_code
    assert "record #1 from 09:00 to 11:30" in overlap.stderr
    assert "A20250315-01" in overlap.stderr
    touching = log(cli, "V000002", "--activity", "A20250315-03")
    assert touching.exit_code == 0, touching.stderr
    assert count(community) == 2


def test_hours_without_times_are_checked_for_overlap_against_the_activitys_times(
    cli, roster, add_volunteer
) -> None:
    add_volunteer("王秀英", registered_on="2024-01-05")
    add_activity(roster, "A20250315-01", start="08:30", end="11:30")
    add_activity(roster, "A20250315-02", title="环境整治", start="09:00", end="11:30")
    first = log(cli, "V000001", "--activity", "A20250315-01", "--hours", "2")
    assert first.exit_code == 0, first.stderr
    assert first.json()["minutes"] == 120 and first.json()["start"] is None
    before = count(roster)
    overlap = log(cli, "V000001", "--activity", "A20250315-02", "--hours", "2.5")
    assert overlap.exit_code == Conflict.exit_code
    assert "record #1 from 08:30 to 11:30" in overlap.stderr
    assert "checked against its activity's times" in overlap.stderr
    assert count(roster) == before


def test_actual_times_outside_the_other_activitys_window_are_accepted_with_hours_kept(
    cli, roster, add_volunteer
) -> None:
    add_volunteer("王秀英", registered_on="2024-01-05")
    add_activity(roster, "A20250315-01", start="08:30", end="11:30")
    add_activity(roster, "A20250315-02", title="环境整治", start="09:00", end="12:30")
    assert log(cli, "V000001", "--activity", "A20250315-01", "--hours", "2").exit_code == 0
    later = log(cli, "V000001", "--activity", "A20250315-02", "--start", "11:30", "--end", "12:30")
    assert later.exit_code == 0, later.stderr
    assert later.json()["minutes"] == 60


def test_an_activity_without_times_is_held_to_the_24_hour_total_only(
    cli, roster, add_volunteer
) -> None:
    add_volunteer("王秀英", registered_on="2024-01-05")
    add_activity(roster, "A20250315-01", start="08:30", end="11:30")
    add_activity(roster, "A20250315-02", title="入户走访", start=None, end=None)
    assert log(cli, "V000001", "--activity", "A20250315-01", "--hours", "2").exit_code == 0
    untimed = log(cli, "V000001", "--activity", "A20250315-02", "--hours", "2")
    assert untimed.exit_code == 0, untimed.stderr


def test_leave_on_an_overlapping_activity_takes_no_time(cli, roster, add_volunteer) -> None:
    add_volunteer("王秀英", registered_on="2024-01-05")
    add_activity(roster, "A20250315-01", start="08:30", end="11:30")
    add_activity(roster, "A20250315-02", title="环境整治", start="09:00", end="11:30")
    assert log(cli, "V000001", "--activity", "A20250315-01", "--hours", "2").exit_code == 0
    leave = log(cli, "V000001", "--activity", "A20250315-02", "--status", "leave")
    assert leave.exit_code == 0, leave.stderr


def test_a_volunteers_records_on_one_day_stay_within_24_hours(cli, community) -> None:
    add_activity(community, "A20250315-02", title="通宵值守", start=None, end=None)
    assert log(cli, "V000002", "--activity", "A20250315-01", "--hours", "20").exit_code == 0
    over = log(cli, "V000002", "--activity", "A20250315-02", "--hours", "4.5")
    assert over.exit_code == Conflict.exit_code
    assert "would have 24.5 h on 2025-03-15" in over.stderr
    assert log(cli, "V000002", "--activity", "A20250315-02", "--hours", "4").exit_code == 0


def test_the_same_volunteer_twice_on_one_activity_is_refused_naming_the_first_record(
    cli, community
) -> None:
    assert log(cli, "V000002", "--activity", "A20250315-01", "--hours", "2").exit_code == 0
    again = log(cli, "李建国", "--activity", "A20250315-01", "--hours", "1")
    assert again.exit_code == Conflict.exit_code
    assert "already has record #1" in again.stderr and "(2025-03-15, 2.0 h)" in again.stderr
    assert "log-hours amend 1" in again.stderr
    assert count(community) == 1


def test_hours_for_a_cancelled_activity_are_refused(cli, community) -> None:
    add_activity(
        community, "A20250308-01", title="三八节活动", day="2025-03-08", status="cancelled"
    )
    result = log(cli, "V000002", "--activity", "A20250308-01", "--hours", "2")
    assert result.exit_code == Conflict.exit_code and "was cancelled" in result.stderr
    assert count(community) == 0


@pytest.mark.parametrize(("vol", "act"), [("V000099", "A20250315-01"), ("V000002", "A19990101-09")])
def test_an_unknown_volunteer_or_activity_is_not_found(cli, community, vol, act) -> None:
    result = log(cli, vol, "--activity", act, "--hours", "2")
    assert result.exit_code == NotFound.exit_code
    assert count(community) == 0


def test_each_record_writes_an_audit_entry(cli, community) -> None:
    log(cli, "V000002", "--activity", "A20250315-01", "--hours", "2")
    conn = connect(community)
    row = conn.execute("SELECT * FROM audit_log WHERE action = 'hours.add'").fetchone()
    assert row["entity"] == "service_records" and row["entity_id"] == 1
    assert json.loads(row["detail"])["minutes"] == 120
    assert row["command"] == "volctl log-hours add"


def test_refusals_speak_the_clerks_language(cli, community) -> None:
    result = cli(
        "--lang", "zh", "log-hours", "add", "V000002", "--activity", "A20250315-01", "--hours", "25"
    )
    assert result.stderr.startswith("错误：「服务时长」：一条记录的服务时长不能超过 24 小时")


def test_the_table_says_what_was_recorded(cli, community) -> None:
    result = cli("log-hours", "add", "V000002", "--activity", "A20250315-01", "--hours", "2")
    assert result.exit_code == 0
    assert "Recorded #1: V000002 李建国, activity A20250315-01, 2.0 h" in result.stderr
    assert "李建国" in result.stdout


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    option=st.sampled_from(["--hours", "--start", "--end", "--date", "--status", "--place"]),
    value=st.text(min_size=1, max_size=300).filter(lambda v: not v.startswith("-")),
)
def test_hostile_values_get_a_clear_message_or_a_record_never_a_traceback(
    cli, community, option, value
) -> None:
    before = count(community)
    result = cli("log-hours", "add", "V000002", "--activity", "A20250315-01", option, value)
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 3, 5), result.stderr
    if result.exit_code:
        assert result.stderr.startswith("Error: ") and count(community) == before
    else:
        cli("log-hours", "void", str(count(community)), "--reason", "测试")

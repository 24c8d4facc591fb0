"""Corrections: amend and void append to a record's chain; nothing is edited or deleted."""

from __future__ import annotations

import sqlite3

import pytest

from tests.helpers_ledger import add_activity, connect, count
from volctl.db import open_roster
from volctl.errors import Conflict, InvalidInput, NotFound
from volctl.ledger import records


@pytest.fixture
def recorded(cli, roster, add_volunteer):
    """李建国 recorded for 2.5 h (09:00–11:30) on the 3·15 activity: record #1."""
    add_volunteer("王秀英", registered_on="2024-01-05")
    add_volunteer("李建国", registered_on="2024-01-05")
    add_activity(roster, leader="V000001")
    assert cli("log-hours", "add", "V000002", "--activity", "A20250315-01").exit_code == 0
    return roster


def amend(cli, record: str, *args: str):
    return cli("log-hours", "amend", record, *args, "--format", "json")


def total_minutes(db) -> int:
    conn = open_roster(db)
    return sum(t.minutes for t in records.totals(conn).values())


def test_an_amendment_points_at_the_original_and_the_original_stays(cli, recorded) -> None:
    result = amend(cli, "1", "--hours", "2", "--reason", "提前离开")
    assert result.exit_code == 0, result.stderr
    shown = result.json()
    assert shown["record"] == 1 and shown["entry"] == 2 and shown["minutes"] == 120
    assert shown["corrections"] == 1 and shown["start"] is None
    conn = connect(recorded)
    rows = conn.execute("SELECT id, kind, corrects_id, minutes, reason FROM service_records")
    assert [tuple(r) for r in rows] == [
        (1, "original", None, 150, None),
        (2, "amend", 1, 120, "提前离开"),
    ]


def test_amending_an_amendment_points_at_the_same_original(cli, recorded) -> None:
    amend(cli, "1", "--hours", "2", "--reason", "提前离开")
    result = amend(cli, "#2", "--start", "09:30", "--end", "11:30", "--reason", "核对签到表")
    assert result.exit_code == 0, result.stderr
    conn = connect(recorded)
    assert conn.execute("SELECT corrects_id FROM service_records WHERE id = 3").fetchone()[0] == 1
    assert result.json()["record"] == 1 and result.json()["corrections"] == 2


def test_totals_follow_the_latest_correction_through_several(cli, recorded) -> None:
    assert total_minutes(recorded) == 150
    amend(cli, "1", "--hours", "2", "--reason", "提前离开")
    assert total_minutes(recorded) == 120
    amend(cli, "2", "--hours", "3", "--reason", "补记整理时间")
    assert total_minutes(recorded) == 180
    amend(cli, "1", "--status", "absent", "--reason", "当天未到")
    assert total_minutes(recorded) == 0
    amend(cli, "1", "--hours", "1.5", "--status", "late", "--reason", "迟到一小时")
    assert total_minutes(recorded) == 90
    listed = cli("log-hours", "list", "--format", "json").json()
    assert [(r["record"], r["minutes"], r["attendance"]) for r in listed] == [(1, 90, "late")]


def test_a_void_stops_a_record_counting_and_keeps_it_on_record(cli, recorded) -> None:
    amend(cli, "1", "--hours", "2", "--reason", "提前离开")
    result = cli("log-hours", "void", "1", "--reason", "记错了人", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["kind"] == "void" and result.json()["corrects"] == 1
    assert total_minutes(recorded) == 0
    assert cli("log-hours", "list", "--format", "json").json() == []
    assert count(recorded) == 3


def test_a_voided_record_cannot_be_amended_or_voided_again(cli, recorded) -> None:
    cli("log-hours", "void", "1", "--reason", "记错了人")
    again = cli("log-hours", "void", "1", "--reason", "再次作废")
    assert again.exit_code == Conflict.exit_code and "is void" in again.stderr
    amended = amend(cli, "1", "--hours", "2", "--reason", "恢复")
    assert amended.exit_code == Conflict.exit_code and "log-hours add" in amended.stderr
    assert count(recorded) == 2


def test_after_a_void_the_volunteer_can_be_recorded_again(cli, recorded) -> None:
    cli("log-hours", "void", "1", "--reason", "时长记错，重新记录")
    again = cli(
        "log-hours",
        "add",
        "V000002",
        "--activity",
        "A20250315-01",
        "--hours",
        "2",
        "--format",
        "json",
    )
    assert again.exit_code == 0, again.stderr
    assert again.json()["record"] == 3 and total_minutes(recorded) == 120


def test_history_shows_each_chain_in_order_with_what_counts_now(cli, recorded) -> None:
    cli("log-hours", "add", "V000001", "--activity", "A20250315-01", "--hours", "2")
    amend(cli, "1", "--hours", "2", "--reason", "提前离开")
    cli("log-hours", "void", "2", "--reason", "重复记录")
    entries = cli("log-hours", "list", "--history", "--format", "json").json()
    shape = [(e["record"], e["entry"], e["kind"], e["corrects"], e["current"]) for e in entries]
    assert shape == [
        (2, 2, "original", None, False),
        (2, 4, "void", 2, False),
        (1, 1, "original", None, False),
        (1, 3, "amend", 1, True),
    ]
    assert entries[1]["reason"] == "重复记录" and entries[3]["minutes"] == 120


def test_an_amendment_obeys_the_rules_leaving_out_the_record_it_replaces(cli, recorded) -> None:
    add_activity(recorded, "A20250315-02", title="环境整治", start="12:00", end="13:00")
    cli("log-hours", "add", "V000002", "--activity", "A20250315-02")
    moved = amend(cli, "1", "--start", "10:00", "--end", "12:00", "--reason", "核对签到表")
    assert moved.exit_code == 0, moved.stderr  # overlaps only its own earlier times
    overlap = amend(cli, "1", "--start", "10:00", "--end", "12:30", "--reason", "再次核对")
    assert overlap.exit_code == Conflict.exit_code and "record #2" in overlap.stderr
    too_long = amend(cli, "1", "--hours", "23.5", "--reason", "整天")
    assert too_long.exit_code == Conflict.exit_code and "24.5 h" in too_long.stderr
    future = amend(cli, "1", "--date", "2099-01-01", "--reason", "改日期")
    assert future.exit_code == InvalidInput.exit_code
    assert count(recorded) == 3


def test_an_amendment_that_changes_nothing_is_refused(cli, recorded) -> None:
    result = amend(cli, "1", "--hours", "2.5", "--reason", "核对")
    assert result.exit_code == InvalidInput.exit_code and "nothing to amend" in result.stderr
    same_times = amend(cli, "1", "--start", "09:00", "--end", "11:30", "--reason", "核对")
    assert same_times.exit_code == InvalidInput.exit_code
    assert count(recorded) == 1


def test_a_correction_needs_a_reason(cli, recorded) -> None:
    result = cli("log-hours", "void", "1", "--reason", "  ")
    assert result.exit_code == InvalidInput.exit_code and "reason" in result.stderr
    assert cli("log-hours", "amend", "1", "--hours", "2").exit_code == 2  # --reason is required
    assert count(recorded) == 1


@pytest.mark.parametrize("ref", ["99", "abc", "#0", "9" * 30])
def test_an_unknown_record_is_not_found(cli, recorded, ref) -> None:
    result = cli("log-hours", "void", ref, "--reason", "x")
    assert result.exit_code == NotFound.exit_code and "log-hours list" in result.stderr


def test_an_amendment_keeps_what_was_not_given(cli, recorded) -> None:
    shown = amend(cli, "1", "--evaluation", "优秀", "--reason", "补充评价").json()
    assert shown["minutes"] == 150 and shown["start"] == "09:00"
    assert shown["evaluation"] == "优秀" and shown["place"] == "东湖社区广场"


def test_corrections_are_audited_with_their_reason(cli, recorded) -> None:
    amend(cli, "1", "--hours", "2", "--reason", "提前离开")
    cli("log-hours", "void", "1", "--reason", "记错了人")
    conn = connect(recorded)
    actions = [
        r[0] for r in conn.execute("SELECT action FROM audit_log WHERE action LIKE 'hours.%'")
    ]
    assert actions == ["hours.add", "hours.amend", "hours.void"]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE service_records SET minutes = 600",
        "DELETE FROM service_records",
        "UPDATE service_chains SET minutes = 600",
        "DELETE FROM service_chains",
        "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
        " attendance, recorder, kind, corrects_id, reason, recorded_at)"
        " VALUES (1, 1, '2025-03-15', 60, 'present', 'x', 'amend', 1, 'sneaky', 'x')",
    ],
)
def test_the_database_refuses_to_rewrite_the_ledger(recorded, sql) -> None:
    conn = open_roster(recorded)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute(sql)
    assert total_minutes(recorded) == 150

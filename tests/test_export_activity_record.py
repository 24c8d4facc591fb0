"""志愿服务活动记录: one activity a page, filled from the activity and its records, with its
summary (``activity update --summary``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest

from tests.helpers_export import WEST, beside, community_roster, sheet_text
from volctl.errors import Conflict, InvalidInput


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def record(cli, tmp_path, *args: str):
    path = tmp_path / "记录.xlsx"
    result = cli("export", "form", "activity-record", *args, "-o", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path), result.json()


def test_a_summary_is_set_audited_and_shown(cli, town, db_path) -> None:
    text = "为12户空巢老人打扫卫生、测量血压。"
    result = cli("activity", "update", "A20250118-01", "--summary", text, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["activity"]["summary"] == text and result.json()["changed"] == ["summary"]
    entries = cli("audit", "--action", "activity.summary", "--format", "json").json()
    assert entries[-1]["detail"]["changes"]["summary"]["new"] == text
    again = cli("activity", "update", "A20250118-01", "--summary", text)
    assert again.exit_code == 0 and "nothing changed" in again.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT summary FROM activities WHERE activity_no = 'A20250118-01'")


def test_each_activity_held_in_the_period_gets_a_page_of_its_own(cli, town, tmp_path) -> None:
    cli("activity", "update", "A20250118-01", "--summary", "老人们反映良好。")
    book, written = record(cli, tmp_path, "--year", "2025")
    assert written["sheets"] == 5 == len(book.sheetnames)  # four service days and the traffic
    ws = book.worksheets[0]
    assert ws["A1"].value == "志愿服务活动记录" and beside(ws, "活动编号") == "A20250118-01"
    assert beside(ws, "活动名称") == "集中服务日" and beside(ws, "活动日期") == "2025年1月18日"
    assert beside(ws, "参加人员").startswith("共 5 人：")
    assert beside(ws, "服务时长") == "合计 14.0 小时（5 人次）"
    assert beside(ws, "活动成效\n与总结") == "老人们反映良好。"
    assert any("粘贴活动照片" in t for t in sheet_text(ws))
    assert ws.oddFooter.center.text == "第 &P 页 共 1 页"  # each activity numbers its own pages


def test_activities_can_be_named_and_a_team_narrows_the_period(cli, town, tmp_path) -> None:
    book, _ = record(cli, tmp_path, "--activity", "A20250412-01")
    assert len(book.sheetnames) == 1 and beside(book.active, "组织队伍") == WEST
    team, _ = record(cli, tmp_path, "--year", "2025", "--team", WEST)
    assert len(team.sheetnames) == 1


def test_a_period_without_activities_held_is_refused_and_nothing_written(
    cli, town, tmp_path
) -> None:
    result = cli("export", "form", "activity-record", "--year", "2024", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == InvalidInput.exit_code and "No activity was held" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_a_cancelled_activity_takes_no_summary(cli, town) -> None:
    added = cli("activity", "add", "踏青", "--date", "2025-05-01", "--category", "社区服务")
    assert added.exit_code == 0
    assert cli("activity", "cancel", "踏青", "--reason", "下雨").exit_code == 0
    result = cli("activity", "update", "踏青", "--summary", "x")
    assert result.exit_code == Conflict.exit_code


def test_a_refused_summary_leaves_the_changes_given_with_it_unmade(cli, town, db_path) -> None:
    before = Path(db_path).read_bytes()
    result = cli(
        "activity", "update", "A20250118-01", "--place", "新地点", "--summary", "长" * 20_000
    )
    assert result.exit_code == 3 and "2000" in result.stderr
    with sqlite3.connect(db_path) as conn:
        place = conn.execute(
            "SELECT place FROM activities WHERE activity_no = 'A20250118-01'"
        ).fetchone()[0]
    assert place != "新地点"
    several = cli("activity", "update", "A20250118-01", "A20250215-01", "--summary", "好")
    assert several.exit_code == 3
    assert Path(db_path).read_bytes() == before


def test_several_activities_take_no_summary_at_once(cli, town) -> None:
    result = cli("activity", "update", "A20250118-01,A20250215-01", "--summary", "好")
    assert result.exit_code == 3 and "one activity at a time" in result.stderr

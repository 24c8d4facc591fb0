"""集中活动日安排表: the year's concentrated service days and what each team does."""

from __future__ import annotations

import openpyxl
import pytest

from tests.helpers_export import EAST, WEST, community_roster


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def schedule(cli, tmp_path, *args: str):
    path = tmp_path / "days.xlsx"
    result = cli("export", "form", "concentrated-days", *args, "-o", path)
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path).active


def values(ws, row: int) -> list:
    return [c.value if c.value is not None else "" for c in ws[row]]


def day_rows(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=5) if row[3].value is not None]


def test_every_third_saturday_of_the_year_is_listed_with_what_happens(cli, town, tmp_path) -> None:
    ws = schedule(cli, tmp_path, "--year", "2025")
    assert ws["A1"].value == "2025年志愿服务集中活动日安排表"
    assert ws["A3"].value == "集中活动日：每月第三个星期六，全年共 12 天"
    dates = [ws.cell(r, 2).value for r in range(5, 17)]
    assert dates[:3] == ["2025年1月18日", "2025年2月15日", "2025年3月15日"]
    assert dates[-1] == "2025年12月20日" and ws["C5"].value == "星期六"
    first = values(ws, 5)
    # 负责人: the activity has no leader of its own, so its team's responsible person.
    assert first[3:9] == ["集中服务日", "社区服务", EAST, "东湖社区广场", "08:30-11:30", "黄晓东"]
    assert first[9] == "已开展"
    assert values(ws, 9)[3:] == ["", "", "", "", "", "", ""]  # May: to fill in


def test_two_teams_on_one_day_share_the_merged_date(cli, town, tmp_path) -> None:
    added = cli("activity", "add", "垃圾分类宣传", "--date", "2025-03-15", "--category", "环境保护",
                "--team", WEST, "--start", "14:00", "--end", "16:00")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    ws = schedule(cli, tmp_path, "--year", "2025")
    assert "A7:A8" in ws.merged_cells and "B7:B8" in ws.merged_cells
    assert ws["F8"].value == WEST and ws["D8"].value == "垃圾分类宣传"
    assert [ws.cell(r, 1).value for r in (5, 6, 7, 9)] == [1, 2, 3, 4]


def test_a_cancelled_day_says_why_and_a_public_holiday_is_flagged(cli, roster, tmp_path) -> None:
    planned = cli("activity", "schedule", "集中服务日", "--rule", "third-saturday",
                  "--from", "2026-01-01", "--to", "2026-02-28", "--category", "社区服务",
                  "--yes")  # fmt: skip
    assert planned.exit_code == 0, planned.stderr
    assert cli("activity", "cancel", "A20260117-01", "--reason", "暴雨").exit_code == 0
    ws = schedule(cli, tmp_path, "--year", "2026")
    assert ws["J5"].value == "已取消（暴雨）"
    assert ws["J6"].value == "春节（放假）"  # 2026-02-21 falls in the Spring Festival holiday


def test_the_roster_series_rule_is_used_when_it_counts_calendar_weeks(
    cli, roster, tmp_path
) -> None:
    planned = cli("activity", "schedule", "集中服务日", "--rule", "third-week-saturday",
                  "--from", "2025-06-01", "--to", "2025-06-30", "--category", "社区服务",
                  "--yes")  # fmt: skip
    assert planned.exit_code == 0, planned.stderr
    ws = schedule(cli, tmp_path, "--year", "2025")
    assert ws["A3"].value.startswith("集中活动日：每月按自然周计第三周的星期六")
    assert ws["B10"].value == "2025年6月14日" and ws["D10"].value == "集中服务日"


def test_a_rule_can_be_given(cli, town, tmp_path) -> None:
    ws = schedule(cli, tmp_path, "--year", "2025", "--rule", "leifeng-day")
    assert ws["A3"].value == "集中活动日：3·5 学雷锋纪念日，全年共 1 天"
    assert ws["B5"].value == "2025年3月5日"


def test_a_team_shows_only_what_it_and_its_subteams_organise(cli, town, tmp_path) -> None:
    assert day_rows(schedule(cli, tmp_path, "--year", "2025", "--team", WEST)) == []
    assert len(day_rows(schedule(cli, tmp_path, "--year", "2025", "--team", EAST))) == 4

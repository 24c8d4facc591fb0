"""志愿服务记录台账: one line per service record as it counts now."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from tests.helpers_export import EAST, WEST, community_roster

HEADER = [
    "序号",
    "日期",
    "活动名称",
    "服务\n地点",
    "组织\n队伍",
    "志愿者编号",
    "姓名",
    "服务时间",
    "时长\n（小时）",
    "出勤",
    "服务内容",
    "服务\n对象",
    "活动\n负责人",
    "记录人",
    "记录号",
    "备注",
]


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def ledger(cli, tmp_path, *args: str):
    path = tmp_path / "ledger.xlsx"
    result = cli("export", "form", "ledger", *args, "-o", path)
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path).active


def lines(ws) -> list[list]:
    """The record lines, empty cells as "", what an activity's records share (merged down over
    them on paper) on each of them."""
    shared = {}
    for merged in ws.merged_cells.ranges:
        for r in range(merged.min_row + 1, merged.max_row + 1):
            shared[(r, merged.min_col)] = ws.cell(merged.min_row, merged.min_col).value

    def value(cell) -> object:
        found = shared.get((cell.row, cell.column), cell.value)
        return "" if found is None else found

    return [
        [value(c) for c in row] for row in ws.iter_rows(min_row=5) if isinstance(row[0].value, int)
    ]


def test_each_record_that_counts_is_one_line_at_its_latest_correction(cli, town, tmp_path) -> None:
    ws = ledger(cli, tmp_path, "--year", "2025")
    assert [c.value for c in ws[4]] == HEADER
    assert ws["A3"].value == "统计期间：2025年1月1日至2025年12月31日"
    rows = lines(ws)
    assert len(rows) == 4 * 6 + 4 - 1  # the voided record is left out
    first, second = rows[0], rows[1]  # the first was amended to 2 hours, without times
    assert first[1:5] == ["2025年1月18日", "集中服务日", "东湖社区广场", EAST]
    assert first[5:8] == ["V000008", "赵桂兰", ""]
    assert first[8] == 2.0 and first[14] == town["amended"] and first[15] == "更正1次"
    assert second[5:10] == ["V000010", "周红梅", "08:30-11:30", 3.0, "出勤"]
    assert town["voided"] not in [r[14] for r in rows]
    # 服务内容 is what was done: the activities have no description, and the records only
    # repeat the title, so it is left empty rather than the title said twice.
    assert {r[10] for r in rows} == {""}


def test_an_activitys_shared_details_are_merged_down_over_its_records(cli, town, tmp_path) -> None:
    ws = ledger(cli, tmp_path, "--year", "2025")
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert "B5:B9" in merged and "C5:C9" in merged  # 2025-01-18: five records (one voided)
    assert ws["B6"].value is None and ws["F6"].value == "V000010"


def test_hours_are_numbers_and_the_total_line_adds_them_up(cli, town, tmp_path) -> None:
    ws = ledger(cli, tmp_path, "--year", "2025")
    rows = lines(ws)
    hours = [ws.cell(5 + i, 9) for i in range(len(rows))]
    assert all(c.data_type == "n" and c.number_format == "0.0" for c in hours)
    total = next(row for row in ws.iter_rows() if str(row[0].value).startswith("合计"))
    assert total[0].value == "合计：27 条记录，13 人，27 人次"
    assert total[8].value == sum(r[8] for r in rows) == 2.0 + 22 * 3.0 + 4 * 2.0


def test_a_period_narrows_the_ledger(cli, town, tmp_path) -> None:
    rows = lines(ledger(cli, tmp_path, "--from", "2025-04-01", "--to", "2025-04-30"))
    assert {r[1] for r in rows} == {"2025年4月12日", "2025年4月19日"} and len(rows) == 10


def test_a_team_shows_the_records_of_the_activities_it_organised(cli, town, tmp_path) -> None:
    rows = lines(ledger(cli, tmp_path, "--year", "2025", "--team", WEST))
    assert {r[2] for r in rows} == {"文明交通劝导"} and len(rows) == 4
    assert len(lines(ledger(cli, tmp_path, "--year", "2025", "--team", EAST))) == 23


def test_one_volunteers_ledger(cli, town, tmp_path) -> None:
    ws = ledger(cli, tmp_path, "--year", "2025", "--volunteer", "V000010")
    assert "志愿者：V000010 周红梅" in ws["A3"].value
    assert [r[1] for r in lines(ws)] == ["2025年1月18日", "2025年2月15日", "2025年3月15日"]


def test_an_empty_period_is_refused(cli, town, tmp_path) -> None:
    result = cli("export", "form", "ledger", "--year", "2025", "--from", "2026-01-01",
                 "-o", tmp_path / "x.xlsx")  # fmt: skip
    assert result.exit_code == 3 and "empty" in result.stderr


def test_the_ledger_prints_landscape_with_room_to_sign(cli, town, tmp_path) -> None:
    ws = ledger(cli, tmp_path, "--year", "2025")
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$4:$4"
    assert ws.cell(ws.max_row, 1).value.startswith("记录人：")


def test_the_count_taken_before_writing_is_the_number_of_lines(town, db_path) -> None:
    """The ledger is counted first (the row limit, the width of 序号) from the chains alone;
    the count must be the lines the listing gives, voided and amended records included."""
    import sqlite3

    from volctl.forms.ledger import _count
    from volctl.ledger import listing

    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    teams = {name: id_ for id_, name in conn.execute("SELECT id, name FROM teams")}
    people = [id_ for (id_,) in conn.execute("SELECT id FROM volunteers ORDER BY id LIMIT 3")]
    periods = [
        ("2025-01-01", "2025-12-31"),
        ("2025-04-01", "2025-04-30"),
        ("2024-01-01", "2024-12-31"),
    ]
    for first, last in periods:
        for inside in ([], [teams[EAST]], [teams[WEST]], list(teams.values())):
            for ids in ([], people[:1], people):
                filters = listing.Filters(
                    date_from=dt.date.fromisoformat(first), date_to=dt.date.fromisoformat(last)
                )
                listed = listing.iter_effective(conn, filters, teams=inside, volunteers=ids)
                assert _count(conn, first, last, inside, ids) == len(listed.fetchall())
    conn.close()

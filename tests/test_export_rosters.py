"""The rosters of seed 004: 副大队长名册表, 中队人员名册表, 分队人员名册表."""

from __future__ import annotations

import openpyxl
import pytest

from tests.helpers_export import BRIGADE, EAST, SQUADRON, WEST, community_roster
from volctl.errors import InvalidInput

HEADER = ["序号", "姓名", "单位及职务", "办公电话", "手机"]


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def form(cli, tmp_path, name: str, *args: str):
    path = tmp_path / f"{name}.xlsx"
    result = cli("export", "form", name, *args, "-o", path)
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path).active


def rows(ws, first: int = 4) -> list[list]:
    out = []
    for r in range(first, ws.max_row + 1):
        values = [c.value for c in ws[r]]
        if not isinstance(values[0], int):
            break
        out.append(values)
    return out


def test_the_deputies_roster_lists_the_brigades_deputies_under_the_original_stamp_line(
    cli, town, tmp_path
) -> None:
    ws = form(cli, tmp_path, "deputies")
    assert ws["A1"].value == f"{BRIGADE}副大队长名册表"
    assert ws["A2"].value == "市级有关部门盖章：" and ws["D2"].value.startswith("填报日期：")
    assert [c.value for c in ws[3]] == HEADER
    listed = rows(ws)
    assert [r[1] for r in listed] == ["李建华", "张明", "刘丽娟"]  # V2-V4, not the captain
    assert listed[0][2] == "当湖街道办事处 主任"


def test_the_squadron_roster_lists_its_people_leaders_first_with_their_titles(
    cli, town, tmp_path
) -> None:
    ws = form(cli, tmp_path, "squadron")
    assert ws["A1"].value == f"{SQUADRON}人员名册表"
    assert ws["A2"].value == "镇（街道）盖章："
    assert [c.value for c in ws[3]] == [*HEADER, "备注"]
    assert [(r[1], r[5]) for r in rows(ws)] == [("陈志强", "中队长"), ("杨海燕", "副中队长")]


def test_with_subteams_the_roster_adds_the_teams_under_it_naming_their_team(
    cli, town, tmp_path
) -> None:
    listed = rows(form(cli, tmp_path, "squadron", "--with-subteams"))
    assert len(listed) == 2 + 19 + 5
    assert listed[2][1] == "黄晓东" and listed[2][5] == f"{EAST} 分队长"
    assert listed[3][5] == EAST and listed[-1][5] == WEST
    assert [r[0] for r in listed] == list(range(1, len(listed) + 1))


def test_the_detachment_roster_is_stamped_by_the_community(cli, town, tmp_path) -> None:
    ws = form(cli, tmp_path, "detachment", "--team", EAST)
    assert ws["A1"].value == f"{EAST}人员名册表" and ws["A2"].value == "村（社区）盖章："
    assert len(rows(ws)) == 19 and rows(ws)[0][5] == "分队长"


def test_mobiles_are_full_text_and_office_phones_printed_as_written(cli, town, tmp_path) -> None:
    ws = form(cli, tmp_path, "detachment", "--team", EAST)
    first = ws[4]
    assert first[4].value == "13957300007" and first[4].data_type == "s"  # sent upward: in full
    assert first[4].number_format == "@"
    nine = next(r for r in ws.iter_rows(min_row=4) if r[1].value == "吴国庆")
    assert nine[3].value == "0573-85030009" and nine[3].data_type == "s"


def test_a_roster_sent_upward_prints_mobiles_in_full_in_a_file_only_its_owner_can_read(
    cli, town, tmp_path
) -> None:
    path = tmp_path / "full.xlsx"
    result = cli("export", "form", "deputies", "-o", path)
    assert result.exit_code == 0 and "holds personal data" in result.stderr
    assert "--mask" in result.stderr
    ws = openpyxl.load_workbook(path).active
    assert ws["E4"].value == "13957300002" and ws["E4"].data_type == "s"
    assert path.stat().st_mode & 0o777 == 0o600


def test_mask_writes_a_copy_with_mobiles_masked(cli, town, tmp_path) -> None:
    path = tmp_path / "copy.xlsx"
    result = cli("export", "form", "deputies", "--mask", "-o", path, "--format", "json")
    assert result.exit_code == 0 and "personal data" not in result.stderr
    assert result.json()["show_pii"] is False and result.json()["official"] is True
    ws = openpyxl.load_workbook(path).active
    assert ws["E4"].value == "139****0002" and ws["E4"].data_type == "s"


def test_a_team_of_another_level_is_refused_naming_the_right_form(cli, town, tmp_path) -> None:
    result = cli("export", "form", "squadron", "--team", EAST, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == InvalidInput.exit_code
    assert "分队" in result.stderr and "中队" in result.stderr and "detachment" in result.stderr


def test_without_team_several_candidates_are_named(cli, town, tmp_path) -> None:
    result = cli("export", "form", "detachment", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == InvalidInput.exit_code
    assert EAST in result.stderr and WEST in result.stderr and "--team" in result.stderr


def test_the_roster_is_taken_on_the_day_asked(cli, town, tmp_path) -> None:
    assert cli("team", "leave", EAST, "V000024", "--on", "2025-06-30").exit_code == 0
    now = rows(form(cli, tmp_path, "detachment", "--team", EAST))
    then = rows(form(cli, tmp_path, "detachment", "--team", EAST, "--on", "2025-06-01"))
    assert len(then) == len(now) + 1
    year_end = rows(form(cli, tmp_path, "detachment", "--team", EAST, "--year", "2025"))
    assert len(year_end) == len(now)


def test_a_day_in_the_future_is_refused(cli, town, tmp_path) -> None:
    result = cli("export", "form", "deputies", "--on", "2999-01-01", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == InvalidInput.exit_code


def test_the_header_repeats_on_every_page_and_the_page_is_a4_portrait(cli, town, tmp_path) -> None:
    ws = form(cli, tmp_path, "squadron", "--with-subteams")
    assert ws.print_title_rows == "$3:$3" and ws.page_setup.orientation == "portrait"
    assert ws.freeze_panes == "A4"
    assert ws.print_area.endswith(f"$F${ws.max_row}")
    assert ws.cell(ws.max_row, 1).value.startswith("填表人：")

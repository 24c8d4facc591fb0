"""志愿者队伍基本情况登记表: a team's register with its responsible person and contact."""

from __future__ import annotations

import openpyxl
import pytest

from tests.helpers_export import EAST, WEST, community_roster, make_id
from volctl.masking import mask_id_number

HEADER = [
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "政治面貌",
    "文化程度",
    "工作单位及职务",
    "身份证号码",
    "手机",
    "专业特长",
    "备注",
]


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def register(cli, tmp_path, *args: str):
    path = tmp_path / "register.xlsx"
    result = cli("export", "form", "team-register", *args, "-o", path)
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path).active


def test_the_team_grid_names_its_responsible_person_contact_and_size(cli, town, tmp_path) -> None:
    ws = register(cli, tmp_path, "--team", EAST)
    assert ws["A1"].value == "志愿者队伍基本情况登记表"
    spans = {1: 3, 6: 7, 9: 10}  # label column -> value column
    grid = {ws.cell(r, c).value: ws.cell(r, v).value for r in range(3, 7) for c, v in spans.items()}
    assert grid["队伍名称"] == EAST and grid["队伍层级"] == "分队"
    assert grid["负责人"] == "黄晓东" and grid["联系人"] == "赵桂兰"
    assert grid["队员人数"] == "19 人" and grid["服务基地"] == "东湖社区党群服务中心"
    assert grid["办公电话"] == "0573-85012345" and grid["上级队伍"] == "当湖街道社区志愿者服务中队"
    assert ws.cell(4, 7).value == "13957300007"  # the responsible person's phone, in full


def test_members_follow_the_header_with_identity_numbers_in_full_as_text(
    cli, town, tmp_path
) -> None:
    ws = register(cli, tmp_path, "--team", EAST)
    assert [c.value for c in ws[7]] == HEADER
    first = [c.value for c in ws[8]]
    assert first[:5] == [1, "黄晓东", "男", "1960年8月", "群众"]
    assert first[7] == make_id(7) and ws["H8"].data_type == "s"
    assert ws["H8"].number_format == "@" and first[10] == "分队长"


def test_mask_writes_identity_numbers_masked_for_a_copy(cli, town, tmp_path) -> None:
    ws = register(cli, tmp_path, "--team", EAST, "--mask")
    assert ws["H8"].value == mask_id_number(make_id(7)) and ws["H8"].data_type == "s"


def test_the_register_prints_landscape_with_the_header_on_every_page(cli, town, tmp_path) -> None:
    ws = register(cli, tmp_path, "--team", EAST)
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$7:$7"
    assert ws.cell(ws.max_row, 1).value.startswith("负责人（签字）：")
    assert ws.row_dimensions[ws.max_row].height >= 28  # room to sign


def test_with_only_one_team_the_team_need_not_be_named(cli, roster, tmp_path) -> None:
    assert cli("team", "add", WEST, "--level", "分队").exit_code == 0
    ws = register(cli, tmp_path)
    assert ws["C3"].value == WEST and ws["J5"].value == "0 人"
    assert [ws.cell(r, 1).value for r in range(8, 13)] == [1, 2, 3, 4, 5]  # blank rows to fill in

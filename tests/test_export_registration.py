"""志愿者服务登记表: one sheet per volunteer, a label/value grid with a photo box."""

from __future__ import annotations

import openpyxl
import pytest

from tests.helpers_export import EAST, beside, community_roster, make_id, sheet_text
from volctl.errors import InvalidInput


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def workbook(cli, tmp_path, *args: str):
    path = tmp_path / "registration.xlsx"
    result = cli("export", "form", "registration", *args, "-o", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path), result.json()


def test_each_volunteer_gets_a_sheet_of_their_own(cli, town, tmp_path) -> None:
    wb, written = workbook(cli, tmp_path, "--volunteer", "V000009,V000010")
    assert wb.sheetnames == ["V000009 吴国庆", "V000010 周红梅"] and written["sheets"] == 2
    ws = wb["V000009 吴国庆"]
    assert ws["A1"].value == "志愿者服务登记表"
    assert beside(ws, "姓名") == "吴国庆" and beside(ws, "志愿者编号") == "V000009"
    assert beside(ws, "工作单位") == "东湖社区居委会" and beside(ws, "职务") == "党委书记"
    assert beside(ws, "所属队伍") == EAST


def test_the_record_holds_hours_training_and_commendations(cli, town, tmp_path) -> None:
    wb, _ = workbook(cli, tmp_path, "--volunteer", "V000009", "--year", "2025")
    ws = wb.active
    # V000009 served twice; the January record was voided.
    assert beside(ws, "服务时长") == "累计 3.0 小时（截至2025年12月31日）；2025年 3.0 小时，1 次"
    assert beside(ws, "培训情况") == "2025年3月10日　新志愿者岗前培训（志愿精神，2.0小时）"
    assert beside(ws, "表彰情况") == "2025年　优秀志愿者"
    assert beside(wb.active, "专业特长") == "书法、摄影"


def test_nothing_recorded_reads_none_rather_than_blank(cli, town, tmp_path) -> None:
    wb, _ = workbook(cli, tmp_path, "--volunteer", "V000001")
    assert beside(wb.active, "培训情况") == "无" and beside(wb.active, "表彰情况") == "无"
    assert beside(wb.active, "保险情况") == "无"


def test_the_record_holds_insurance_latest_first_marked_on_the_day(cli, town, tmp_path) -> None:
    for policy, first, last in (
        ("PA2024A", "2024-01-02", "2024-06-30"),
        ("PA2024B", "2024-07-01", "2024-12-31"),
        ("PA2025A", "2025-01-01", "2025-06-30"),
        ("PA2025B", "2025-07-01", "2025-12-31"),
        ("PA2026", "2026-01-01", "2026-12-31"),  # begins after the day: not yet on the form
    ):
        added = cli("insurance", "add", "V000009", "--insurer", "人保财险", "--policy", policy,
                    "--from", first, "--to", last)  # fmt: skip
        assert added.exit_code == 0, added.stderr
    wb, _ = workbook(cli, tmp_path, "--volunteer", "V000009", "--on", "2025-09-30")
    assert beside(wb.active, "保险情况").splitlines() == [
        "人保财险　保单号 PA2025B　2025年7月1日至2025年12月31日（在保）",
        "人保财险　保单号 PA2025A　2025年1月1日至2025年6月30日（已到期）",
        "人保财险　保单号 PA2024B　2024年7月1日至2024年12月31日（已到期）",
        "另有较早保单 1 份",
    ]
    rows = [r for r in wb.active.iter_rows() if r[0].value in ("表彰情况", "保险情况", "本人承诺")]
    assert [r[0].value for r in rows] == ["表彰情况", "保险情况", "本人承诺"]
    # A long record runs over: the volunteer's own pages are numbered (第 N 页 共 2 页).
    assert len(wb.active.row_breaks.brk) == 1
    assert wb.active.oddFooter.center.text == "第 &P 页 共 2 页"


def test_the_photo_box_and_the_rows_to_sign_and_stamp_are_there(cli, town, tmp_path) -> None:
    ws = workbook(cli, tmp_path, "--volunteer", "V000009")[0].active
    assert "E3:E6" in ws.merged_cells and ws["E3"].value.startswith("照片")
    texts = sheet_text(ws)
    assert any("本人签名" in t for t in texts) and any("（盖章）" in t for t in texts)
    assert not any("监护人签名" in t for t in texts)  # an adult signs alone
    assert ws.row_dimensions[ws.max_row].height >= 90
    assert ws.page_setup.orientation == "portrait"
    assert ws.oddFooter.center.text == "第 &P 页 共 1 页"  # numbered per volunteer
    assert any("填报日期" in t for t in texts) and not any("填表日期" in t for t in texts)


def test_a_minors_form_has_a_line_for_the_guardian_to_sign(cli, town, add_volunteer, tmp_path):
    child = add_volunteer("小明", id_number=make_id(50, birth="2012"), guardian_name="王大明",
                          guardian_phone="13957312345", registered_on="2024-06-01")  # fmt: skip
    ws = workbook(cli, tmp_path, "--volunteer", child["volunteer_no"])[0].active
    assert beside(ws, "监护人") == "王大明" and beside(ws, "监护人电话") == "13957312345"
    assert any("监护人签名" in t for t in sheet_text(ws))


def test_without_a_year_the_form_shows_the_years_served_never_an_empty_one(cli, town, tmp_path):
    ws = workbook(cli, tmp_path, "--volunteer", "V000009")[0].active
    assert beside(ws, "服务时长").endswith("；2025年 3.0 小时，1 次")  # not 2026年 0.0 小时
    idle = workbook(cli, tmp_path, "--volunteer", "V000001")[0].active
    assert beside(idle, "服务时长").endswith("；暂无服务记录")


def test_personal_data_is_printed_in_full_unless_a_masked_copy_is_asked(cli, town, tmp_path):
    full, written = workbook(cli, tmp_path, "--volunteer", "V000009")
    ws = full.active
    assert beside(ws, "证件号码") == make_id(9) and beside(ws, "手机") == "13957300009"
    assert written["show_pii"] and (tmp_path / "registration.xlsx").stat().st_mode & 0o777 == 0o600
    masked = workbook(cli, tmp_path, "--volunteer", "V000009", "--mask")[0].active
    assert "*" in beside(masked, "证件号码") and beside(masked, "手机") == "139****0009"


def test_a_team_gives_a_sheet_per_member(cli, town, tmp_path) -> None:
    wb, written = workbook(cli, tmp_path, "--team", EAST)
    assert len(wb.sheetnames) == 19 == written["rows"]
    assert wb.sheetnames[0] == "V000007 黄晓东"


def test_a_formula_like_name_is_a_valid_sheet_name_and_inert_text(cli, town, tmp_path) -> None:
    wb, _ = workbook(cli, tmp_path, "--volunteer", town["formula"])
    ws = wb.active
    assert ws.title == 'V000030 =HYPERLINK("x")'
    cell = ws["B3"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s" and cell.quotePrefix


def test_without_volunteers_or_a_team_the_form_is_refused(cli, town, tmp_path) -> None:
    result = cli("export", "form", "registration", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == InvalidInput.exit_code and "--volunteer" in result.stderr

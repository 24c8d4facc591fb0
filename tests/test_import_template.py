"""The blank sign-up sheet: text-formatted number columns, drop-down lists, print set-up,
and the round trip a clerk makes: template -> filled in -> imported -> the right people."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import make_id, make_phone
from tests.helpers_intake import query
from volctl.errors import InvalidInput


@pytest.fixture
def template(cli, roster, tmp_path) -> Path:
    path = tmp_path / "报名表.xlsx"
    result = cli("register", "template", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def header(ws) -> list[str]:
    """The header as read (a printed header may break a label over two lines)."""
    return [c.value.replace("\n", "") for c in ws[3]]


def column(ws, name: str) -> str:
    from openpyxl.utils import get_column_letter

    index = next(i for i, h in enumerate(header(ws), start=1) if h.startswith(name))
    return get_column_letter(index)


def test_the_template_has_the_title_the_unit_line_and_the_header(template) -> None:
    ws = load_workbook(template)["报名表"]
    assert ws["A1"].value == "东湖社区志愿者报名登记表"
    assert ws["A2"].value.startswith("填报单位") and "东湖社区" in ws["A2"].value
    assert any(str(c.value or "").startswith("填报日期") for c in ws[2])
    assert header(ws)[:2] == ["序号", "姓名"]
    assert "身份证号码" in header(ws) and "联系电话" in header(ws)


def test_identity_number_phone_and_guardian_columns_are_text(template) -> None:
    ws = load_workbook(template)["报名表"]
    for name in ("身份证号码", "联系电话", "监护人及电话", "出生年月"):
        letter = column(ws, name)
        assert all(ws[f"{letter}{r}"].number_format == "@" for r in range(4, 54)), name


def test_drop_down_lists_offer_the_code_lists(template) -> None:
    book = load_workbook(template)
    ws, lists = book["报名表"], book["代码表"]
    assert lists.sheet_state == "hidden"
    ranges = {
        str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"
    }
    for name, expected in (
        ("性别", ["男", "女"]),
        ("政治面貌", ["中共党员", "群众"]),
        ("文化程度", ["大学本科", "其他"]),
        ("服务意向", ["助老服务", "关爱留守儿童"]),
    ):
        letter = column(ws, name)
        formula = ranges[f"{letter}4:{letter}53"]
        cells = formula.split("!")[1].replace("$", "")
        offered = [c.value for row in lists[cells] for c in row]
        assert set(expected) <= set(offered), name


def test_the_template_prints_on_a4_landscape_with_the_header_repeated(template) -> None:
    ws = load_workbook(template)["报名表"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页" and ws["A1"].font.name == "宋体"
    # Printed at full size (never shrunk to fit): rows stay tall enough to write in by hand.
    assert not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.row_dimensions[4].height >= 24 and ws.page_margins.bottom >= 1.8 / 2.54


def test_the_roster_intention_list_and_rows_option_are_used(cli, roster, tmp_path) -> None:
    import sqlite3

    conn = sqlite3.connect(roster)
    with conn:
        conn.execute(
            "INSERT INTO code_lists (list, value, position)"
            " VALUES ('intention', '垃圾分类督导', 99)"
        )
    conn.close()
    path = tmp_path / "t.xlsx"
    assert (
        cli("register", "template", "-o", str(path), "--rows", "5", "--org", "西湖社区").exit_code
        == 0
    )
    book = load_workbook(path)
    assert "垃圾分类督导" in [c.value for c in book["代码表"]["D"]]
    ws = book["报名表"]
    assert ws["A8"].value == 5 and ws["A9"].value is None
    assert "西湖社区" in ws["A1"].value


def test_the_template_needs_an_xlsx_name(cli, roster, tmp_path) -> None:
    result = cli("register", "template", "-o", str(tmp_path / "t.xls"))
    assert result.exit_code == InvalidInput.exit_code and ".xlsx" in result.stderr


def test_a_template_filled_in_by_a_clerk_imports_the_right_people(cli, template) -> None:
    book = load_workbook(template)
    ws = book["报名表"]
    cols = {
        name: column(ws, name)
        for name in (
            "姓名",
            "性别",
            "出生年月",
            "政治面貌",
            "文化程度",
            "身份证号码",
            "联系电话",
            "服务意向",
            "监护人及电话",
        )
    }
    people = [
        (
            "王秀英",
            "女",
            "1958.03",
            "中共党员",
            "大学专科",
            "330482195803120387",
            "186-2024-6633",
            "助老服务、邻里守望",
            None,
        ),
        (
            "小明",
            None,
            None,
            "共青团员",
            "初中",
            make_id("20150601", seq=4),
            make_phone(4),
            "小小志愿者",
            "王大明 13957312345",
        ),
    ]
    for r, values in enumerate(people, start=4):
        for name, value in zip(cols, values, strict=True):
            if value is not None:
                ws[f"{cols[name]}{r}"] = value
    book.save(template)
    summary = cli("register", "import", str(template), "--format", "json").json()
    assert (summary["rows"], summary["imported"], summary["rejected"]) == (2, 2, 0), summary
    assert summary["files"][0]["unknown_columns"] == []
    assert summary["files"][0]["other_sheets"] == []
    rows = query(
        template.parent / "roster.db",
        "SELECT name, id_number, phone, political_status, education, intentions, guardian_name"
        " FROM volunteers ORDER BY volunteer_no",
    )
    assert rows[0] == (
        "王秀英",
        "330482195803120387",
        "+8618620246633",
        "中共党员",
        "大学专科",
        '["助老服务", "邻里守望"]',
        None,
    )
    assert rows[1][0] == "小明" and rows[1][6] == "王大明"

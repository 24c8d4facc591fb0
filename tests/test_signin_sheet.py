"""volctl activity sheet: the sign-in sheet's cells, print settings and printed page."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.helpers_print import widths
from tests.helpers_structure import activity, ok, people, rows, team
from volctl.errors import Conflict, InvalidInput

HEADERS = ["序号", "志愿者编号", "姓名", "手机", "签到时间", "签退时间", "签名", "备注"]


@pytest.fixture
def sheet(cli, roster, add_volunteer, tmp_path) -> Path:
    team(cli, "东湖社区分队", "分队")
    a, b = people(add_volunteer, "王秀英", "李明")
    number = activity(
        cli, "敬老院探访", "--start", "08:30", "--end", "11:30", "--place", "东湖敬老院",
        "--team", "东湖社区分队",
    )  # fmt: skip
    ok(cli("activity", "signup", number, a, b))
    path = tmp_path / "签到表.xlsx"
    ok(cli("activity", "sheet", number, "-o", str(path)))
    return path


def test_the_sheet_has_the_agreed_layout(sheet) -> None:
    ws = openpyxl.load_workbook(sheet).active
    assert ws["A1"].value == "敬老院探访 签到表" and "A1:H1" in ws.merged_cells
    assert ws["A2"].value == (
        "活动编号：A20250315-01　日期：2025年3月15日　时间：08:30-11:30　地点：东湖敬老院"
        "　组织队伍：东湖社区分队"
    )
    assert [c.value for c in ws[3]] == HEADERS
    assert [c.value for c in ws[4]][:4] == [1, "V000001", "王秀英", "138****0001"]
    assert [c.value for c in ws[5]][:3] == [2, "V000002", "李明"]
    assert [c.value for c in ws[10]][:2] == [7, None] or ws["B10"].value == ""
    footer = next(r for r in range(11, 20) if ws.cell(r, 1).value)
    assert ws.cell(footer, 1).value == "活动负责人：　　　　记录人："


def test_numbers_and_phones_are_text_cells(sheet) -> None:
    ws = openpyxl.load_workbook(sheet).active
    for cell in (ws["B4"], ws["D4"]):
        assert cell.data_type in ("s", "inlineStr") and cell.number_format == "@"
    assert ws["E4"].value is None and ws["E4"].number_format == "@"  # what is written in: text


def test_the_sheet_is_set_up_for_a4_with_a_repeated_header_and_page_numbers(sheet) -> None:
    from volctl.forms.layout import metrics

    ws = openpyxl.load_workbook(sheet).active
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "portrait"  # A4
    assert not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage
    printable = 595.3 - (ws.page_margins.left + ws.page_margins.right) * 72
    assert sum(metrics.column_points(w) for w in widths(ws, 8)) <= printable  # full size
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert ws["A1"].font.name == "宋体" and ws["A1"].font.b
    assert ws["B4"].border.left.style == "thin"


def test_show_pii_prints_full_phones(cli, sheet, tmp_path) -> None:
    full = tmp_path / "full.xlsx"
    ok(cli("activity", "sheet", "A20250315-01", "-o", str(full), "--show-pii", "--blank", "0"))
    ws = openpyxl.load_workbook(full).active
    assert ws["D4"].value == "13812340001"
    assert ws.max_row == 7  # two volunteers, no blank rows, a gap, the footer line


def test_a_long_cjk_name_widens_its_column(cli, roster, add_volunteer, tmp_path) -> None:
    people(add_volunteer, "欧阳娜娜", "欧阳娜娜娜娜娜娜")
    number = activity(cli)
    paths = []
    for n, name in enumerate(("欧阳娜娜", "欧阳娜娜娜娜娜娜")):
        ok(cli("activity", "signup", number, name))
        paths.append(tmp_path / f"{n}.xlsx")
        ok(cli("activity", "sheet", number, "-o", str(paths[-1])))
    from volctl.forms.layout import metrics

    short, long = (widths(openpyxl.load_workbook(p).active, 3)[2] for p in paths)
    assert long > short  # four more CJK characters: the column takes width from others
    ws = openpyxl.load_workbook(paths[1]).active
    row = next(r for r in range(4, 8) if ws.cell(r, 3).value == "欧阳娜娜娜娜娜娜")
    lines = metrics.lines("欧阳娜娜娜娜娜娜", long, indent=1)
    assert ws.row_dimensions[row].height >= metrics.row_height(lines, 11)  # none of it cut off


def test_a_cancelled_activity_or_a_wrong_file_type_is_refused(cli, sheet, tmp_path) -> None:
    bad = cli("activity", "sheet", "A20250315-01", "-o", str(tmp_path / "x.pdf"))
    assert bad.exit_code == InvalidInput.exit_code and ".xlsx" in bad.stderr
    ok(cli("activity", "cancel", "A20250315-01", "--reason", "暴雨"))
    cancelled = cli("activity", "sheet", "A20250315-01", "-o", str(tmp_path / "y.xlsx"))
    assert cancelled.exit_code == Conflict.exit_code


def test_text_that_looks_like_a_formula_is_stored_as_text(tmp_path) -> None:
    from volctl.forms import page

    wb, ws = page.new_workbook("t")
    for row, value in enumerate(["=1+1", "+86 138", "-5", "@SUM(A1)", "正常"], start=1):
        page.write_text(ws.cell(row, 1), value)
    path = tmp_path / "f.xlsx"
    page.save(wb, path)
    back = openpyxl.load_workbook(path).active
    assert [back.cell(r, 1).value for r in range(1, 6)] == [
        "=1+1",
        "+86 138",
        "-5",
        "@SUM(A1)",
        "正常",
    ]
    assert all(back.cell(r, 1).data_type in ("s", "inlineStr") for r in range(1, 6))
    assert back["A1"].quotePrefix and not back["A5"].quotePrefix


def test_cjk_characters_count_double_width() -> None:
    from volctl.forms.page import text_width

    assert text_width("签到时间") == 8 and text_width("V000001") == 7 and text_width("１") == 2


def test_a_long_information_line_wraps_within_the_table(cli, roster, tmp_path) -> None:
    place = "东湖社区党群服务中心二楼会议室（东湖路88号，近公交东湖站）"
    number = activity(cli, "探访", "--place", place)
    path = tmp_path / "long.xlsx"
    ok(cli("activity", "sheet", number, "-o", str(path)))
    ws = openpyxl.load_workbook(path).active
    from volctl.forms.layout import metrics

    assert ws["A2"].alignment.wrap_text
    assert ws.row_dimensions[2].height >= metrics.row_height(2, 11)  # two lines
    assert "地点：东湖社区党群服务中心二楼会议室（东湖路88号，近公交东湖站）" in ws["A2"].value


# ----------------------------------------------------------------------------- read back in


def filled_rows(delimiter: str) -> str:
    """The printed sheet filled in and saved as text, as Excel writes it (CRLF, quoted cells)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(
        [
            ["敬老院探访 签到表"],
            ["活动编号：A20250315-01　日期：2025-03-15　时间：08:30-11:30"],
            HEADERS,
            [1, "V000001", "王秀英", "138****0001", "8:30", "11:30", "王秀英", ""],
            [2, "", "李明", "138****0002", "8:30", "10:30", "李明", "送药上门, 量血压; 陪聊"],
            [3, "", "", "", "", "", "", ""],
            ["活动负责人：王秀英", "", "记录人：李红"],
        ]
    )
    return out.getvalue()


def imported(cli, roster, path: Path, *extra: str) -> dict:
    result = cli("log-hours", "import", str(path), *extra, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report: dict = result.json()
    return report


def recorded(roster: Path) -> list[tuple]:
    return rows(
        roster,
        "SELECT v.volunteer_no, r.service_date, r.start_time, r.end_time, r.minutes, r.notes,"
        " b.file_name FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id"
        " JOIN import_batches b ON b.id = r.batch_id ORDER BY v.volunteer_no",
    )


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ","),  # WPS, LibreOffice, Excel's "CSV UTF-8" on a Mac
        ("utf-8-sig", ","),  # Excel's "CSV UTF-8 (逗号分隔)": with a byte-order mark
        ("gb18030", ","),  # Excel's plain "CSV (逗号分隔)" on a Chinese Windows
        ("gbk", ";"),  # the same where the list separator is a semicolon
        ("utf-8", "\t"),
        ("utf-16", "\t"),  # Excel's "Unicode 文本": UTF-16 with a BOM, tab-separated
    ],
)
def test_a_filled_sheet_saved_as_text_is_read_in_every_encoding_and_delimiter_excel_writes(
    cli, sheet, roster, tmp_path, encoding, delimiter
) -> None:
    path = tmp_path / "签到表.txt"
    path.write_bytes(filled_rows(delimiter).encode(encoding))
    report = imported(cli, roster, path)
    assert (report["recorded"], report["rejected"], report["skipped"]) == (2, 0, 0)
    assert report["activity_no"] == "A20250315-01" and report["sheet"] is None
    assert (report["leader"], report["recorder"]) == ("王秀英", "李红")
    assert [(d["row"], d["volunteer_no"], d["minutes"]) for d in report["details"]] == [
        (4, "V000001", 180),
        (5, "V000002", 120),
    ]
    assert recorded(roster) == [
        ("V000001", "2025-03-15", "08:30", "11:30", 180, None, "签到表.txt"),
        ("V000002", "2025-03-15", "08:30", "10:30", 120, "送药上门, 量血压; 陪聊", "签到表.txt"),
    ]


def test_the_same_text_sheet_in_another_encoding_records_nobody_twice(
    cli, sheet, roster, tmp_path
) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.txt"
    first.write_bytes(filled_rows(",").encode("gb18030"))
    second.write_bytes(filled_rows("\t").encode("utf-16"))
    assert imported(cli, roster, first)["recorded"] == 2
    again = imported(cli, roster, second)
    assert (again["recorded"], again["skipped"]) == (0, 2)
    assert len(recorded(roster)) == 2


def test_a_text_sheet_neither_utf8_nor_gb18030_is_refused_by_name(
    cli, sheet, roster, tmp_path
) -> None:
    path = tmp_path / "乱码.csv"
    path.write_bytes(filled_rows(",").encode("gb18030") + b"\x81\x30\xff\xff\r\n")
    result = cli("log-hours", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code, result.stderr
    assert "乱码.csv" in result.stderr and "GBK" in result.stderr
    assert "Traceback" not in result.stderr and recorded(roster) == []


def workbook_with_sheets(sheet: Path, path: Path) -> Path:
    """The printed sheet filled in, behind an instructions sheet and before a spare copy
    with other times: 1 填写说明, 2 the sheet, 3 the spare copy."""
    from datetime import time

    from tests.helpers_ledger import fill_signin_sheet

    fill_signin_sheet(sheet, {"王秀英": (time(8, 30), time(11, 30))})
    book = openpyxl.load_workbook(sheet)
    filled = book.active
    spare = book.copy_worksheet(filled)
    spare.title = "备用"
    spare["E4"], spare["F4"] = "9:30", "10:30"
    notes = book.create_sheet("填写说明", 0)
    notes["A1"] = "请用黑色签字笔填写签到、签退时间。"
    book.save(path)
    return path


def test_sheet_picks_a_sheet_by_number_from_1_or_by_name(cli, sheet, roster, tmp_path) -> None:
    path = workbook_with_sheets(sheet, tmp_path / "三月.xlsx")
    names = openpyxl.load_workbook(path).sheetnames
    assert names[0] == "填写说明" and names[2] == "备用"
    second = imported(cli, roster, path, "--sheet", "2", "--dry-run")
    assert second["sheet"] == names[1] and second["details"][0]["minutes"] == 180
    by_name = imported(cli, roster, path, "--sheet", names[1], "--dry-run")
    assert by_name["sheet"] == names[1]
    third = imported(cli, roster, path, "--sheet", "3")
    assert third["sheet"] == "备用" and third["recorded"] == 1
    assert [(r[0], r[2], r[3], r[4]) for r in recorded(roster)] == [
        ("V000001", "09:30", "10:30", 60)
    ]


def test_a_sheet_that_is_not_there_is_refused_naming_the_file_and_its_sheets(
    cli, sheet, roster, tmp_path
) -> None:
    path = workbook_with_sheets(sheet, tmp_path / "三月.xlsx")
    for wanted in ("4", "0", "四月"):
        result = cli("log-hours", "import", str(path), "--sheet", wanted)
        assert result.exit_code == InvalidInput.exit_code, result.stderr
        assert "三月.xlsx" in result.stderr and f"no sheet '{wanted}'" in result.stderr
        assert "1 填写说明" in result.stderr and "3 备用" in result.stderr
        assert "number counted from 1" in result.stderr
    assert recorded(roster) == []

"""Every format people send reads the same: .xlsx, .xls, .ods, CSV in UTF-8, GBK, UTF-16;
and whatever is not a spreadsheet is refused clearly, with the roster unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import make_id, make_phone
from tests.helpers_intake import (
    person,
    query,
    sheet,
    snapshot,
    write_csv,
    write_ods,
    write_xls,
    write_xlsx,
)
from volctl.errors import InvalidInput

PEOPLE = [person(1, "王秀英"), person(2, "李建国"), person(3, "张伟")]


def imported_names(db: Path) -> list[str]:
    return [r[0] for r in query(db, "SELECT name FROM volunteers ORDER BY volunteer_no")]


WRITERS = {
    "xlsx": lambda p, rows: write_xlsx(p.with_suffix(".xlsx"), rows),
    "xls": lambda p, rows: write_xls(p.with_suffix(".xls"), rows),
    "ods": lambda p, rows: write_ods(p.with_suffix(".ods"), rows),
    "csv-utf8": lambda p, rows: write_csv(p.with_suffix(".csv"), rows),
    "csv-bom": lambda p, rows: write_csv(p.with_suffix(".csv"), rows, encoding="utf-8-sig"),
    "csv-gbk": lambda p, rows: write_csv(p.with_suffix(".csv"), rows, encoding="gbk"),
    "csv-gb18030": lambda p, rows: write_csv(p.with_suffix(".csv"), rows, encoding="gb18030"),
    "txt-utf16-tabs": lambda p, rows: write_csv(
        p.with_suffix(".txt"), rows, encoding="utf-16", delimiter="\t"
    ),
}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_each_format_imports_the_same_people(cli, roster, tmp_path, kind) -> None:
    path = WRITERS[kind](tmp_path / "signup", sheet(PEOPLE))
    result = cli("register", "import", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = result.json()
    assert (summary["rows"], summary["imported"], summary["rejected"]) == (3, 3, 0)
    assert imported_names(roster) == ["王秀英", "李建国", "张伟"]
    assert query(roster, "SELECT phone FROM volunteers WHERE name = '王秀英'") == [
        ("+86" + make_phone(1),)
    ]


def test_a_gbk_csv_keeps_its_chinese_and_reports_its_header_row(cli, roster, tmp_path) -> None:
    path = write_csv(tmp_path / "报名.csv", sheet([person(1, "欧阳娜娜")]), encoding="gbk")
    summary = cli("register", "import", str(path), "--format", "json").json()
    assert summary["files"][0]["header_row"] == 3 and summary["files"][0]["format"] == "csv"
    assert imported_names(roster) == ["欧阳娜娜"]


def test_a_csv_in_no_encoding_it_can_read_is_refused_by_name_not_a_crash(
    cli, roster, tmp_path
) -> None:
    path = write_csv(tmp_path / "报名.csv", sheet(PEOPLE), encoding="gbk")
    path.write_bytes(path.read_bytes() + b"\x81\x30\xff\xff\r\n")  # neither UTF-8 nor GB18030
    before = snapshot(roster)
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code and "报名.csv" in result.stderr
    assert "GBK/GB18030" in result.stderr and "internal error" not in result.stderr
    assert snapshot(roster) == before


def test_an_xls_number_typed_identity_number_is_mangled_not_imported(cli, roster, tmp_path) -> None:
    number = make_id(seq=5)
    path = write_xls(tmp_path / "old.xls", sheet([person(5, id=float(number))]))
    summary = cli("register", "import", str(path), "--format", "json").json()
    assert summary["reasons"] == {"id_number_mangled_by_excel": 1}
    assert summary["imported"] == 0


def test_an_xls_date_cell_is_read_as_a_date(cli, roster, tmp_path) -> None:
    header = ["姓名", "出生日期", "身份证号码", "联系电话"]
    row = ["王秀英", dt.date(1980, 1, 1), make_id(seq=1), make_phone(1)]
    bad = ["李四", dt.date(1981, 1, 1), make_id(seq=2), make_phone(2)]
    path = write_xls(tmp_path / "dates.xls", sheet([row, bad], header=header))
    summary = cli("register", "import", str(path), "--format", "json").json()
    assert summary["imported"] == 1
    assert summary["reasons"] == {"id_birth_date_mismatch": 1}


def test_a_csv_with_identity_numbers_excel_turned_into_scientific_notation_is_rejected(
    cli, roster, tmp_path
) -> None:
    path = write_csv(tmp_path / "x.csv", sheet([person(1, id="3.30482E+17")]), encoding="gbk")
    summary = cli("register", "import", str(path), "--format", "json").json()
    assert summary["reasons"] == {"id_number_mangled_by_excel": 1}
    assert "Text" in summary["details"][0]["hint"]


NOT_SHEETS = {
    "letter.txt": "居委会通知：本周六上午开展志愿服务活动。\n请各位准时参加。\n".encode(),
    "scan.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200),
    "export.xls": b"<html><head><meta charset=utf-8></head><body><table><tr><td>x</td></tr>"
    b"</table></body></html>",
    "binary.xlsx": bytes(range(256)) * 4,
    "empty.csv": b"",
}


@pytest.mark.parametrize("name", list(NOT_SHEETS))
def test_a_file_that_is_not_a_spreadsheet_is_refused_and_the_roster_unchanged(
    cli, roster, tmp_path, name
) -> None:
    path = tmp_path / name
    path.write_bytes(NOT_SHEETS[name])
    before = snapshot(roster)
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code
    assert str(path) in result.stderr and "Traceback" not in result.stderr
    assert snapshot(roster) == before
    assert not path.with_name(f"{path.stem}.rejects.xlsx").exists()


def test_a_word_document_is_named_as_such(cli, roster, tmp_path) -> None:
    import zipfile

    path = tmp_path / "报名表.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code and "Word file" in result.stderr


def test_a_missing_file_is_named(cli, roster, tmp_path) -> None:
    result = cli("register", "import", str(tmp_path / "nowhere.xlsx"))
    assert result.exit_code == InvalidInput.exit_code and "no such file" in result.stderr


def test_one_bad_file_among_several_leaves_the_roster_unchanged(cli, roster, tmp_path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", sheet(PEOPLE))
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    before = snapshot(roster)
    result = cli("register", "import", str(good), str(bad))
    assert result.exit_code == InvalidInput.exit_code
    assert snapshot(roster) == before


def test_a_sheet_without_a_header_row_says_what_a_header_needs(cli, roster, tmp_path) -> None:
    path = write_xlsx(tmp_path / "numbers.xlsx", [[1, 2, 3], [4, 5, 6]])
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code
    assert "No header row" in result.stderr and "volctl register template" in result.stderr


def test_a_header_without_identity_numbers_is_refused_naming_its_columns(
    cli, roster, tmp_path
) -> None:
    path = write_xlsx(
        tmp_path / "x.xlsx",
        sheet([["王秀英", "男", "13812340001"]], header=["姓名", "性别", "联系电话"]),
    )
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code
    assert "no identity-number column" in result.stderr and "联系电话" in result.stderr


def test_the_first_sheet_with_a_header_is_read_and_the_others_named(cli, roster, tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx",
        [["填表说明：请用正楷填写。"]],
        sheet_name="说明",
        extra={"报名表": sheet(PEOPLE[:1]), "第二批": sheet(PEOPLE[1:])},
    )
    result = cli("register", "import", str(path), "--format", "json")
    assert result.json()["files"][0]["sheet"] == "报名表"
    assert imported_names(roster) == ["王秀英"]
    assert "第二批" in result.stderr and "--sheet" in result.stderr


def test_sheet_picks_a_sheet_by_name_or_number(cli, roster, tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx", sheet(PEOPLE[:1]), extra={"第二批": sheet(PEOPLE[1:])}
    )
    summary = cli("register", "import", str(path), "--sheet", "第二批", "--format", "json").json()
    assert summary["files"][0]["sheet"] == "第二批" and summary["imported"] == 2
    by_number = cli("register", "import", str(path), "--sheet", "1", "--format", "json").json()
    assert by_number["files"][0]["sheet"] == "报名表"


def test_an_unknown_sheet_lists_the_sheets(cli, roster, tmp_path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", sheet(PEOPLE))
    result = cli("register", "import", str(path), "--sheet", "三月")
    assert result.exit_code == InvalidInput.exit_code and "1 报名表" in result.stderr
    assert "book.xlsx" in result.stderr and "counted from 1" in result.stderr


def test_blank_rows_numbered_empty_rows_and_the_footer_are_not_data(cli, roster, tmp_path) -> None:
    rows = [PEOPLE[0], [], ["", "", "", "", "", "", ""], [2], PEOPLE[1], [9, "", ""]]
    path = write_xlsx(tmp_path / "gaps.xlsx", sheet(rows))
    summary = cli("register", "import", str(path), "--format", "json").json()
    assert (summary["rows"], summary["imported"]) == (2, 2)


def test_a_repeated_header_in_the_middle_is_skipped(cli, roster, tmp_path) -> None:
    from tests.helpers_intake import HEADER

    path = write_xlsx(tmp_path / "two.xlsx", sheet([PEOPLE[0], HEADER, PEOPLE[1]]))
    summary = cli("register", "import", str(path), "--format", "json").json()
    assert (summary["rows"], summary["imported"], summary["rejected"]) == (2, 2, 0)


def test_nothing_after_the_footer_is_read(cli, roster, tmp_path) -> None:
    rows = [*sheet(PEOPLE[:1]), ["注：以下为备用行"], person(2, "不该导入")]
    path = write_xlsx(tmp_path / "foot.xlsx", rows)
    summary = cli("register", "import", str(path), "--format", "json").json()
    assert summary["rows"] == 1 and imported_names(roster) == ["王秀英"]


def test_unknown_columns_are_kept_in_the_notes_and_reported(cli, roster, tmp_path) -> None:
    header = ["姓名", "身份证号码", "手机", "爱好", "备注"]
    row = ["王秀英", make_id(seq=1), make_phone(1), "广场舞", "组长推荐"]
    path = write_xlsx(tmp_path / "extra.xlsx", sheet([row], header=header))
    result = cli("register", "import", str(path), "--format", "json")
    assert result.json()["files"][0]["unknown_columns"] == ["爱好"]
    assert "爱好" in result.stderr and "notes" in result.stderr
    assert query(roster, "SELECT notes FROM volunteers") == [("组长推荐; 爱好: 广场舞",)]


def test_a_two_row_header_under_a_merged_guardian_cell_is_understood(cli, roster, tmp_path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["序号", "姓名", "身份证号码", "手机", "监护人", None])
    ws.append([None, None, None, None, "姓名", "电话"])
    ws.append([1, "小明", make_id("20150601", seq=1), make_phone(1), "王大明", "13957312345"])
    ws.merge_cells("E1:F1")
    for col in "ABCD":
        ws.merge_cells(f"{col}1:{col}2")
    path = tmp_path / "two-rows.xlsx"
    book.save(path)
    summary = cli("register", "import", str(path), "--format", "json").json()
    assert summary["imported"] == 1, summary["details"]
    assert query(roster, "SELECT guardian_name, guardian_phone FROM volunteers") == [
        ("王大明", "+8613957312345")
    ]


def test_an_old_word_document_is_not_taken_for_an_xls(cli, roster, tmp_path) -> None:
    path = write_xls(tmp_path / "letter.xls", [["x"]])
    data = path.read_bytes().replace(
        "Workbook".encode("utf-16-le"), "WordDocument"[:8].encode("utf-16-le")
    )
    path.write_bytes(data + "WordDocument".encode("utf-16-le"))
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code and "Word file" in result.stderr


def test_a_password_protected_workbook_says_so(cli, roster, tmp_path) -> None:
    path = write_xls(tmp_path / "locked.xlsx", [["x"]])
    path.write_bytes(path.read_bytes() + "EncryptedPackage".encode("utf-16-le"))
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code and "password" in result.stderr

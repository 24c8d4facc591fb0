"""The sample sign-up sheet (fixtures/signup-donghu.xlsx) imports as truth.json says, row by row."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from tests.helpers_intake import SAMPLE, TRUTH, count, query


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "signup-donghu.xlsx"
    shutil.copy(SAMPLE, path)
    return path


@pytest.fixture
def truth() -> list[dict]:
    rows: list[dict] = json.loads(TRUTH.read_text(encoding="utf-8"))["signup-donghu.xlsx"]
    return rows


def data_rows(path: Path) -> list[int]:
    """Sheet row numbers of the sample's data rows (between the header and the footer)."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return [n for n, row in enumerate(rows, start=1) if n > 3 and isinstance(row[0], float)]


@pytest.fixture
def imported(cli, roster, sample):
    result = cli("register", "import", str(sample), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return result.json()


def test_the_summary_counts_rows_as_the_truth_does(imported, truth) -> None:
    kinds = [r["row_kind"] for r in truth]
    assert imported["rows"] == len(truth) == 100
    assert imported["imported"] == kinds.count("valid")
    assert imported["duplicates"] == kinds.count("duplicate")
    assert imported["rejected"] == kinds.count("reject")
    assert imported["updated"] == 0
    expected: dict[str, int] = {}
    for r in truth:
        if r["row_kind"] == "reject":
            expected[r["reason"]] = expected.get(r["reason"], 0) + 1
    assert imported["reasons"] == expected
    assert imported["batch"] == 1 and imported["dry_run"] is False


def test_every_row_has_the_outcome_the_truth_gives(imported, truth, sample) -> None:
    by_row = {d["row"]: d for d in imported["details"]}
    for number, expected in zip(data_rows(sample), truth, strict=True):
        got = by_row.get(number)
        if expected["row_kind"] == "valid":
            assert got is None, (number, expected, got)
        elif expected["row_kind"] == "duplicate":
            assert got is not None and got["outcome"] == "duplicate", (number, got)
        else:
            assert got is not None and got["outcome"] == "rejected", (number, got)
            assert got["reason"] == expected["reason"], (number, expected, got)


def test_the_right_people_are_registered_with_the_right_numbers_and_phones(
    imported, truth, roster
) -> None:
    stored = {
        number: (name, phone)
        for number, name, phone in query(roster, "SELECT id_number, name, phone FROM volunteers")
    }
    valid = {r["id"]: (r["name"], "+86" + r["phone"]) for r in truth if r["row_kind"] == "valid"}
    assert stored == valid


def test_the_minor_with_a_guardian_cell_is_registered_with_the_guardian_split(
    imported, roster
) -> None:
    rows = query(
        roster,
        "SELECT guardian_name, guardian_phone, guardian_consent_on FROM volunteers"
        " WHERE id_number = '330482201304168018'",
    )
    assert rows == [("覃某某", "+8615674244799", "2025-03-01")]


def test_rows_are_registered_on_the_sheets_date_and_tied_to_the_batch(imported, roster) -> None:
    assert query(roster, "SELECT DISTINCT registered_on, import_batch_id FROM volunteers") == [
        ("2025-03-01", 1)
    ]
    batch = query(
        roster, "SELECT file_name, file_sha256, rows, imported, rejected FROM import_batches"
    )
    assert batch[0][0] == "signup-donghu.xlsx" and len(batch[0][1]) == 64
    assert batch[0][2:] == (100, 73, 20)


def test_the_rejects_workbook_holds_the_rejected_rows_with_their_reasons(
    imported, truth, sample
) -> None:
    path = sample.with_name("signup-donghu.rejects.xlsx")
    assert imported["rejects_file"] == str(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    ws = load_workbook(path).active
    header = [c.value for c in ws[2]]
    assert header[:3] == ["序号", "姓名", "性别"] and header[-2:] == ["原行号", "错误原因"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    rejected = [
        n for n, r in zip(data_rows(sample), truth, strict=True) if r["row_kind"] == "reject"
    ]
    assert [r[-2] for r in rows] == rejected
    mangled = next(r for r in rows if r[1] == "林英霞")
    assert "Excel" in mangled[-1] and "文本" in mangled[-1]


def test_the_rejects_workbook_masks_personal_data_and_keeps_it_as_text(imported, sample) -> None:
    ws = load_workbook(sample.with_name("signup-donghu.rejects.xlsx")).active
    id_column = [c.value for c in ws[2]].index("身份证号码")
    cells = [row[id_column] for row in ws.iter_rows(min_row=3)]
    assert all(c.data_type == "s" and c.number_format == "@" for c in cells)
    assert all("*" in c.value for c in cells)
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "320106196010202673" not in text and "1389150" not in text


def test_show_pii_gives_a_rejects_workbook_that_imports_again_once_fixed(
    cli, roster, sample
) -> None:
    assert cli("register", "import", str(sample), "--show-pii").exit_code == 0
    path = sample.with_name("signup-donghu.rejects.xlsx")
    book = load_workbook(path)
    ws = book.active
    header = [c.value for c in ws[2]]
    name_col, phone_col = header.index("姓名"), header.index("联系电话")
    for row in ws.iter_rows(min_row=3):
        if row[name_col].value == "金军":
            assert row[phone_col].value == "1389150"
            row[phone_col].value = "13891500000"  # the clerk calls and corrects the number
        if row[0].value == 13:  # 序号 13: the name was missing
            row[name_col].value = "陈某"
    book.save(path)
    again = cli("register", "import", str(path), "--format", "json").json()
    assert again["imported"] == 2 and again["rejected"] == 18
    assert again["reasons"]["id_number_mangled_by_excel"] == 7  # still recognised as such
    assert {d["row"] for d in again["details"]} >= {3}  # its own row numbers
    assert count(roster) == 75


def test_the_table_summary_shows_the_counts_and_the_reasons(cli, roster, sample) -> None:
    result = cli("register", "import", str(sample))
    assert result.exit_code == 0
    assert "100" in result.stdout and "73" in result.stdout
    assert "id_number_mangled_by_excel" in result.stdout
    assert "signup-donghu.rejects.xlsx" in result.stderr
    assert "undo-import 1" in result.stderr


def test_text_that_looks_like_a_formula_stays_text_in_the_rejects_workbook(
    cli, roster, tmp_path
) -> None:
    from tests.helpers_intake import person, sheet, write_csv

    path = write_csv(
        tmp_path / "x.csv", sheet([person(1, name='=HYPERLINK("http://x")', phone="1")])
    )
    assert cli("register", "import", str(path)).exit_code == 0
    ws = load_workbook(tmp_path / "x.rejects.xlsx").active
    cell = ws.cell(3, 2)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"
    assert cell.quotePrefix  # as every export writes it: editing it in Excel keeps it text


def test_a_duplicate_within_the_file_names_the_volunteer_its_first_row_became(imported) -> None:
    same = next(d for d in imported["details"] if d["row"] == 9)
    assert same["duplicate_of"] == {"file": same["file"], "row": 8}
    assert same["volunteer_no"] == "V000004"  # 雷怡磊: the 4th imported (row 6 was rejected)

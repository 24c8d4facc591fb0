"""Spreadsheet bombs and huge files are refused before they are opened, naming the cap and
the option that raises it; the roster is left as it was."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.helpers_intake import (
    person,
    sheet,
    snapshot,
    write_csv,
    write_ods,
    write_xls,
    write_xlsx,
)
from volctl.errors import InvalidInput
from volctl.intake import guard


def test_an_xlsx_with_one_cell_far_away_is_refused_before_it_is_opened(
    cli, roster, tmp_path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "身份证号码"])
    book.active["XFD1048576"] = "x"  # opened naively, a grid of 17 billion cells
    path = tmp_path / "bomb.xlsx"
    book.save(path)
    before = snapshot(roster)
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code
    assert "1048576" in result.stderr and "--max-rows" in result.stderr
    assert snapshot(roster) == before


def test_an_xlsx_far_too_wide_is_refused(cli, roster, tmp_path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "身份证号码"])
    book.active["ZZ2"] = "x"
    path = tmp_path / "wide.xlsx"
    book.save(path)
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code and "702 columns" in result.stderr


def test_cells_written_without_references_are_measured_too(tmp_path) -> None:
    path = tmp_path / "implicit.xlsx"
    write_xlsx(path, [["姓名"]])
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    row = "<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * 300 + "</row>"
    parts["xl/worksheets/sheet1.xml"] = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{row}</sheetData></worksheet>"
    ).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    with pytest.raises(InvalidInput, match="101 columns"):  # stopped as soon as past the cap
        guard.sheet_extent(path, "xlsx", "报名表", guard.Limits())


def test_a_legacy_xls_reaching_its_last_cell_is_refused(cli, roster, tmp_path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("报名表")
    ws.write(0, 0, "姓名")
    ws.write(65535, 255, "x")  # opened naively: 16.7 million cells, a gigabyte of memory
    path = tmp_path / "bomb.xls"
    book.save(str(path))
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code and "65536 rows" in result.stderr


def test_an_xls_small_enough_for_the_mini_stream_is_measured(tmp_path) -> None:
    path = write_xls(tmp_path / "small.xls", [["姓名", "身份证号码"], ["王", "1"]])
    extent = guard.sheet_extent(path, "xls", "报名表", guard.Limits())
    assert extent is not None and (extent.rows, extent.columns) == (2, 2)


def test_an_ods_repeating_a_cell_a_million_times_is_refused(cli, roster, tmp_path) -> None:
    bomb = (
        '<table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell table:number-columns-repeated="50" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    path = write_ods(tmp_path / "bomb.ods", [], raw_table=bomb)
    result = cli("register", "import", str(path))
    assert result.exit_code == InvalidInput.exit_code and "1000000 rows" in result.stderr


def test_empty_repeated_rows_at_the_end_of_an_ods_do_not_count(tmp_path) -> None:
    rows = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p>'
        "</table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    path = write_ods(tmp_path / "tail.ods", [], raw_table=rows)
    extent = guard.sheet_extent(path, "ods", "报名表", guard.Limits())
    assert extent is not None and (extent.rows, extent.columns) == (1, 1)


def test_a_zip_that_unpacks_to_far_more_than_its_size_is_refused(cli, roster, tmp_path) -> None:
    path = write_xlsx(tmp_path / "zipbomb.xlsx", sheet([person(1)]))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/padding.bin", bytes(30 * 1024 * 1024))
    result = cli("register", "import", str(path), "--max-size", "1")
    assert result.exit_code == InvalidInput.exit_code
    assert "unpacks to" in result.stderr and "--max-size" in result.stderr


def test_a_file_over_the_size_cap_is_refused_and_the_option_raises_it(
    cli, roster, tmp_path
) -> None:
    path = write_csv(tmp_path / "big.csv", sheet([person(n) for n in range(1, 60)]))
    result = cli("register", "import", str(path), "--max-size", "0.001")
    assert result.exit_code == InvalidInput.exit_code and "--max-size" in result.stderr
    assert cli("register", "import", str(path), "--max-size", "1").exit_code == 0


def test_more_rows_than_the_cap_are_refused_and_the_option_raises_it(cli, roster, tmp_path) -> None:
    rows = [[""] * 3 for _ in range(1200)] + [person(1)]
    path = write_csv(tmp_path / "long.csv", sheet(rows))
    before = snapshot(roster)
    result = cli("register", "import", str(path), "--max-rows", "10")
    assert result.exit_code == InvalidInput.exit_code and "--max-rows" in result.stderr
    assert snapshot(roster) == before
    assert cli("register", "import", str(path), "--max-rows", "2000").exit_code == 0


def test_a_cap_must_be_positive(cli, roster, tmp_path) -> None:
    path = write_csv(tmp_path / "a.csv", sheet([person(1)]))
    result = cli("register", "import", str(path), "--max-rows", "0")
    assert result.exit_code == InvalidInput.exit_code and "positive" in result.stderr


def test_a_path_to_a_folder_is_refused(cli, roster, tmp_path: Path) -> None:
    result = cli("register", "import", str(tmp_path))
    assert result.exit_code == InvalidInput.exit_code and "folder" in result.stderr

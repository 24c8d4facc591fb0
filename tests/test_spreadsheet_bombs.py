"""Spreadsheet bombs, in every form the reader accepts, are refused before the reader builds
them: each run in a real process limited to 2 GiB of address space, where reading one would
abort with a Rust backtrace. Refused within seconds (a bomb found is reading stopped), with
exit 3, one message naming the file, and the roster unchanged; the same for the sign-in sheet
import. A reader that panics on a file is a damaged file, its message kept from the clerk."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import helpers_bombs as bombs
from tests.conftest import make_id
from tests.helpers_intake import snapshot

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 2 << 30  # 2 GiB


def limited(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """volctl in a process that cannot map more than 2 GiB (a naive read would abort)."""

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    return subprocess.run(
        [sys.executable, "-m", "volctl", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,  # a guard against hanging, not a measure of speed
        env={**os.environ, "VOLCTL_LANG": "en", "RUST_BACKTRACE": "1"},
        cwd=ROOT,
        preexec_fn=cap_memory,
    )


INLINE = 't="inlineStr"><is><t>x</t></is></c>'
FAR = 1048576


def _row_of_unreferenced_cells(path: Path) -> Path:
    cells = "<c/>" * 16383 + f"<c {INLINE}"
    return bombs.xlsx(path, f'<row r="{FAR}">{cells}</row>')


def _ods_repeated(path: Path) -> Path:
    row = (
        "<table:table-row table:number-rows-repeated='4000'>"
        "<table:table-cell table:number-columns-repeated='16000' office:value-type='string'>"
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    return bombs.ods(path, ("报名表", bombs.ODS_HEADER + row))


def _ods_long_text_repeated(path: Path) -> Path:
    text = "长" * 100_000
    row = (
        '<table:table-row table:number-rows-repeated="100000">'
        '<table:table-cell table:number-columns-repeated="40" office:value-type="string"'
        f' office:string-value="{text}"/></table:table-row>'
    )
    return bombs.ods(path, ("报名表", bombs.ODS_HEADER + row))


def _ods_spaces(path: Path) -> Path:
    row = (
        '<table:table-row><table:table-cell office:value-type="string">'
        '<text:p>x<text:s text:c="2000000000"/></text:p></table:table-cell></table:table-row>'
    )
    return bombs.ods(path, ("报名表", bombs.ODS_HEADER + row))


def _ods_second_sheet(path: Path) -> Path:
    # 90 million cells: under calamine's own limit of 100 million, over 2 GiB
    row = (
        '<table:table-row table:number-rows-repeated="90000">'
        '<table:table-cell table:number-columns-repeated="1000" office:value="1"'
        ' office:value-type="float"/></table:table-row>'
    )
    return bombs.ods(path, ("报名表", bombs.ODS_HEADER), ("说明", row))


def _xls_dimensions(path: Path) -> Path:
    bombs.xls(path, {(1, 0): "x"})
    # rows 0..4294967294, columns 0..255: calamine reserves that many cells at once
    bombs.patch_record(path, 0x0200, 0, (0).to_bytes(4, "little") + b"\xff\xff\xff\xff")
    return path


def _xls_far_cell(path: Path) -> Path:
    bombs.xls(path, {(1, 0): "x"})
    # the third shared-string label (after the header's two) moved to row 65535, column 65535
    bombs.patch_record(path, 0x00FD, 0, b"\xff\xff\xff\xff", nth=2)
    return path


def _xls_string_count(path: Path) -> Path:
    bombs.xls(path, {(1, 0): "x"})
    bombs.patch_record(path, 0x00FC, 4, b"\xff\xff\xff\x7f")  # 2**31-1 strings reserved
    return path


def _xls_long_string_copied(path: Path) -> Path:
    text = "长" * 30_000
    return bombs.xls(path, {(row, 0): text for row in range(1, 60_001)})


BOMBS: dict[str, Callable[[Path], Path]] = {
    "xlsx, far cell": lambda p: bombs.xlsx(p, f'<row r="{FAR}"><c r="XFD{FAR}" {INLINE}</row>'),
    "xlsx, single quotes": lambda p: bombs.xlsx(
        p, f"<row r='{FAR}'><c r='XFD{FAR}' t='inlineStr'><is><t>x</t></is></c></row>"
    ),
    "xlsx, spaces around =": lambda p: bombs.xlsx(
        p, f'<row r = "{FAR}"><c r = "XFD{FAR}" t = "inlineStr"><is><t>x</t></is></c></row>'
    ),
    "xlsx, lower-case reference": lambda p: bombs.xlsx(
        p, f'<row r="{FAR}"><c r="xfd{FAR}" {INLINE}</row>'
    ),
    "xlsx, prefixed elements": lambda p: bombs.xlsx(
        p,
        f'<x:row xmlns:x="{bombs.NS}" r="{FAR}"><x:c r="XFD{FAR}" t="inlineStr">'
        "<x:is><x:t>x</x:t></x:is></x:c></x:row>",
    ),
    "xlsx, tab before the reference": lambda p: bombs.xlsx(
        p, f'<row r="{FAR}"><c\tr="XFD{FAR}" {INLINE}</row>'
    ),
    "xlsx, cells without references": _row_of_unreferenced_cells,
    "xlsx, row past 32 bits of digits": lambda p: bombs.xlsx(
        p, f'<row><c r="A99999999" {INLINE}</row>'
    ),
    "xlsx, one shared text in every cell": lambda p: bombs.xlsx(
        p,
        "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c></row>' for n in range(2, 3002)),
        shared=["A" * 1_000_000],
    ),
    "ods, single-quoted repeats": _ods_repeated,
    "ods, long text repeated": _ods_long_text_repeated,
    "ods, spaces": _ods_spaces,
    "ods, bomb in another sheet": _ods_second_sheet,
    "xls, DIMENSIONS record": _xls_dimensions,
    "xls, far cell": _xls_far_cell,
    "xls, shared-string count": _xls_string_count,
    "xls, one long string in every cell": _xls_long_string_copied,
}
SUFFIX = {"xlsx": ".xlsx", "ods,": ".ods", "xls,": ".xls"}
COMMANDS = {"register import": ("register", "import"), "log-hours import": ("log-hours", "import")}


def assert_one_clean_message(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 3, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert sum(line.startswith("Error:") for line in lines) == 1, done.stderr[-2000:]
    assert all(line.startswith(("Error:", "Hint:")) for line in lines), done.stderr[-2000:]
    for noise in ("Traceback", "panicked", "memory allocation", "backtrace", "RUST_BACKTRACE"):
        assert noise not in done.stderr
    for word in words:
        assert word in done.stderr


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("bomb", BOMBS)
def test_a_bomb_is_refused_before_the_reader_builds_it(
    cli, roster, tmp_path, bomb: str, command: str
) -> None:
    path = BOMBS[bomb](tmp_path / f"bomb{SUFFIX[bomb[:4]]}")
    before = snapshot(roster)
    done = limited(roster, *COMMANDS[command], str(path))
    assert_one_clean_message(done, path.name)
    assert snapshot(roster) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_reader_that_panics_on_a_file_makes_it_a_damaged_file(
    cli, roster, tmp_path, command: str
) -> None:
    path = bombs.xls(tmp_path / "panic.xls", {(1, 0): "x"})
    bombs.patch_record(path, 0x0040, new_kind=0x0018)  # a 2-byte "defined name": calamine panics
    done = limited(roster, *COMMANDS[command], str(path))
    assert_one_clean_message(done, "panic.xls", "damaged")


JUNK = "<junk/>"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("part", ["workbook.xml", "workbook.xml.rels"])
def test_junk_after_the_root_element_of_the_workbook_is_a_damaged_file(
    cli, roster, tmp_path, part: str, command: str
) -> None:
    if part == "workbook.xml":
        path = bombs.xlsx(tmp_path / "junk.xlsx", "", workbook=bombs.WORKBOOK + JUNK)
    else:
        path = bombs.xlsx(tmp_path / "junk.xlsx", "", workbook_rels=bombs.WORKBOOK_RELS + JUNK)
    before = snapshot(roster)
    result = cli(*COMMANDS[command], str(path))
    assert result.exit_code == 3 and "damaged" in result.stderr and "junk.xlsx" in result.stderr
    assert snapshot(roster) == before


def test_a_dimension_claiming_the_whole_sheet_is_not_trusted_either_way(
    cli, roster, tmp_path
) -> None:
    """calamine reserves at most 100,000 cells from <dimension>: a sheet claiming XFD1048576
    with two rows of cells is read, one claiming A1 with a cell far away is refused."""
    person = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>王芳</t></is></c>'
        f'<c r="B2" t="inlineStr"><is><t>{make_id()}</t></is></c></row>'
    )
    claims_all = bombs.xlsx(
        tmp_path / "claims.xlsx", person, dimension=f'<dimension ref="A1:XFD{FAR}"/>'
    )
    result = cli("register", "import", str(claims_all), "--format", "json")
    assert result.exit_code == 0, result.stderr
    hides = bombs.xlsx(
        tmp_path / "hides.xlsx",
        person + f'<row r="{FAR}"><c r="XFD{FAR}" {INLINE}</row>',
        dimension='<dimension ref="A1"/>',
    )
    assert cli("register", "import", str(hides)).exit_code == 3


def test_a_long_text_named_by_many_cells_is_refused_naming_the_text_cap(
    cli, roster, tmp_path
) -> None:
    path = BOMBS["xlsx, one shared text in every cell"](tmp_path / "copies.xlsx")
    result = cli("register", "import", str(path))
    assert result.exit_code == 3
    assert "MB of text" in result.stderr and "--max-size" in result.stderr


def test_thousands_of_merged_areas_are_refused(cli, roster, tmp_path) -> None:
    merges = "".join(f'<mergeCell ref="A{n}:B{n}"/>' for n in range(2, 5000))
    path = bombs.xlsx(
        tmp_path / "merged.xlsx", "", after_data=f'<mergeCells count="4998">{merges}</mergeCells>'
    )
    result = cli("register", "import", str(path), "--max-rows", "10")
    assert result.exit_code == 3 and "merged areas" in result.stderr

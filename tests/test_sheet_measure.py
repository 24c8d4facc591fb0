"""The guard sees what the reader sees: sheets written every way calamine accepts (either quote,
spaces around =, lower case, prefixes, references left out, comments and CDATA holding
look-alike cells) are measured, and whatever the measure accepts, calamine builds within the
caps. Checked against calamine itself on small sheets."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import helpers_bombs as bombs
from tests.helpers_intake import FIXTURES
from volctl.intake.measure import Caps, Damaged, TooBig, position, xlsx

CAPS = Caps(rows=20, columns=30, cells=400, text=10**9, merged=10**6)


def letters(number: int) -> str:
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


@st.composite
def attribute(draw: st.DrawFn, value: str) -> str:
    quote = draw(st.sampled_from(['"', "'"]))
    before = draw(st.sampled_from([" ", "\t", "\n", "  "]))
    around = draw(st.sampled_from(["", " ", "\t"]))
    return f"{before}r{around}={around}{quote}{value}{quote}"


@st.composite
def cell(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["", "", "", "x:"]))
    declare = f' xmlns:x="{bombs.NS}"' if prefix else ""
    ref = ""
    if draw(st.booleans()):
        value = f"{letters(draw(st.integers(1, 40)))}{draw(st.integers(1, 40))}"
        if draw(st.booleans()):
            value = value.lower()
        ref = draw(attribute(value))
    kind = draw(st.sampled_from(["inline", "empty", "number", "cdata"]))
    tag = f"{prefix}c"
    if kind == "empty":
        return f"<{tag}{declare}{ref}/>"
    if kind == "number":
        return f"<{tag}{declare}{ref}><{prefix}v>5</{prefix}v></{tag}>"
    text = '<![CDATA[<c r="ZZ999">]]>' if kind == "cdata" else "x"
    inline = f"<{prefix}is><{prefix}t>{text}</{prefix}t></{prefix}is>"
    return f'<{tag}{declare}{ref} t="inlineStr">{inline}</{tag}>'


@st.composite
def row(draw: st.DrawFn) -> str:
    ref = draw(attribute(str(draw(st.integers(1, 40))))) if draw(st.booleans()) else ""
    cells = "".join(draw(st.lists(cell(), max_size=6)))
    if draw(st.integers(0, 9)) == 0:
        cells += '<!-- <c r="ZZ999" t="inlineStr"><is><t>x</t></is></c> -->'
    return f"<row{ref}>{cells}</row>"


def calamine_grid(path: Path) -> tuple[int, int] | None:
    """(rows, columns) of the grid calamine builds, counted from A1; None if it refuses."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_name("报名表")
    except CalamineError:
        return None
    if not sheet.height:
        return 0, 0
    start_row, start_col = sheet.start or (0, 0)
    return start_row + sheet.height, start_col + sheet.width


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(row(), max_size=8))
def test_whatever_the_measure_accepts_calamine_builds_within_the_caps(rows: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = bombs.xlsx(Path(folder) / "sheet.xlsx", "".join(rows))
        book = xlsx.Workbook(path)
        try:
            extent = xlsx.measure(book, book.parts("报名表")[0], CAPS)
        except (TooBig, Damaged):
            return  # refused: calamine never sees it
        grid = calamine_grid(path)
    if grid is None:
        return
    height, width = grid
    assert height <= CAPS.rows and width <= CAPS.columns and height * width <= CAPS.cells
    assert extent.rows <= CAPS.rows and extent.columns <= CAPS.columns


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(row(), max_size=8))
def test_a_grid_past_the_caps_is_never_accepted(rows: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = bombs.xlsx(Path(folder) / "sheet.xlsx", "".join(rows))
        grid = calamine_grid(path)
        if grid is None:
            return
        height, width = grid
        if height <= CAPS.rows and width <= CAPS.columns and height * width <= CAPS.cells:
            return
        book = xlsx.Workbook(path)
        with pytest.raises((TooBig, Damaged)):
            xlsx.measure(book, book.parts("报名表")[0], CAPS)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("A1", (0, 0)),
        ("xfd1048576", (1048575, 16383)),
        ("AA10", (9, 26)),
        ("7", (6, None)),
        ("A0000001", (0, 0)),
    ],
)
def test_references_are_read_as_calamine_reads_them(ref: str, expected: tuple) -> None:
    assert position(ref) == expected


@pytest.mark.parametrize("ref", ["", "A", "1A", "A-1", "A 1", "0"])
def test_references_calamine_refuses_are_damaged(ref: str) -> None:
    with pytest.raises(Damaged):
        position(ref)


SAVED_BY_OFFICE = ["signup-donghu.xlsx", "signup-donghu-libreoffice.xlsx"]
SAVED_BY_OFFICE += ["signup-donghu.xls", "signup-donghu.ods"]


@pytest.mark.parametrize("name", SAVED_BY_OFFICE)
def test_sheets_saved_by_office_programs_measure_at_least_what_calamine_builds(name: str) -> None:
    from python_calamine import CalamineWorkbook

    from volctl.intake import guard

    path = FIXTURES / name
    limits = guard.Limits()
    kind = guard.sniff(path, limits)
    guard.check_workbook(path, kind, limits)
    book = CalamineWorkbook.from_path(str(path))
    for sheet in book.sheet_names:
        extent = guard.sheet_extent(path, kind, sheet, limits)
        built = book.get_sheet_by_name(sheet)
        start_row, start_col = built.start or (0, 0)
        assert extent is not None
        if kind != "xlsx":  # .xlsx references under the caps are not read: no exact extent
            assert (extent.rows, extent.columns) == (
                start_row + built.height,
                start_col + built.width,
            )


@pytest.mark.parametrize("name", SAVED_BY_OFFICE[1:])
def test_the_same_sheet_in_every_format_imports_the_same(cli, roster, name: str) -> None:
    def counts(file: str) -> list[tuple[int, int, int]]:
        result = cli("register", "import", str(FIXTURES / file), "--dry-run", "--format", "json")
        assert result.exit_code in (0, 1), result.stderr
        return [(f["rows"], f["imported"], f["rejected"]) for f in result.json()["files"]]

    assert counts(name) == counts("signup-donghu.xlsx")


def _pieces_as_before(data: bytes, size: int) -> list[bytes]:
    """The sheet cut into pieces before each read was searched in place (a copy per piece)."""
    out, tail = [], b""
    for at in range(0, len(data), size):
        joined = tail + data[at : at + size]
        cut = joined.rfind(b"<")
        if cut <= 0:
            tail = joined
            continue
        out.append(joined[:cut])
        tail = joined[cut:]
    return [*out, tail] if tail else out


@settings(max_examples=300)
@given(st.binary(max_size=60).map(lambda b: b.replace(b"\x00", b"<")), st.integers(1, 7))
def test_the_sheet_is_searched_in_the_same_pieces_as_when_each_was_copied(
    data: bytes, size: int
) -> None:
    import io

    def reads(stream, _size=0):
        while chunk := stream.read(size):
            yield chunk

    original = xlsx.chunks
    xlsx.chunks = reads  # type: ignore[assignment]
    try:
        found = list(xlsx._tag_chunks(io.BytesIO(data)))
    finally:
        xlsx.chunks = original
    pieces = [b"".join(d[start:stop] for d, start, stop in spans) for spans in found]
    assert pieces == _pieces_as_before(data, size)
    # A piece in two spans is cut before a "<": no pattern searched for reaches across it.
    assert all(d[start : start + 1] == b"<" for spans in found for d, start, _ in spans[1:])

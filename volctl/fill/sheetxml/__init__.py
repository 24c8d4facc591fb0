"""Filling an .xlsx template by rewriting its sheet's XML: everything else stays byte for byte.

A template is a workbook someone else made: its title, fonts, borders, column widths, merged
header, print area, rows repeated on each page, margins, orientation, a signature block below
the table, perhaps a 合计 row with a formula. Loading it into a spreadsheet library and saving
it again loses some of that (openpyxl drops what it does not model and its ``insert_rows``
moves neither merged ranges nor formulas nor the print area). So the filler works on the file:

- every zip member but the filled sheet is copied as it is, except the few that name rows
  of that sheet (the workbook's print area and other defined names, drawings anchored below the
  table, comments, tables) whose row numbers are moved, and ``calcChain.xml``, which is dropped
  (Excel rebuilds it; the workbook asks for a full recalculation on load);
- in the sheet, the rows above the table are written as they are; the template's empty table
  rows (its *body*: the rows under the header, up to the first row holding text, that have
  cells) are replaced by one row per person, each cell styled like the cell of its column in
  the body's first row (borders, font, alignment, number format, height), its merged ranges
  repeated; the rows below are moved down (or up) by the difference, and with them every
  merged range, conditional format, data validation, hyperlink, page break and formula
  reference; a range that ended on the body's last row (=SUM(F5:F14) in a 合计 row) now ends on
  the last filled row.

Text is written as inline strings (an identity number stays text); a text that a spreadsheet
would run as a formula gets a copy of its cell's style with Excel's quote prefix, so it is shown
as typed and never run; numbers are numbers.

Here the filling is put together; each step has its module: ``sheet`` (the worksheet read),
``refs`` (references moved with the rows), ``rows`` (the table's body, pattern and filled rows),
``tail`` (merged ranges and what follows the rows), ``layout`` (column widths, header heights),
``styles`` (the cell formats added) and ``workbook`` (the other parts of the package).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from volctl.fill.sheetxml.layout import fit_header, widen
from volctl.fill.sheetxml.refs import Mapper, body_mapper, shift_formulas
from volctl.fill.sheetxml.rows import Pattern, filled_rows, move_row, row_pattern, table_body
from volctl.fill.sheetxml.sheet import Sheet, shared_strings
from volctl.fill.sheetxml.styles import Styles
from volctl.fill.sheetxml.tail import merged_ranges, rewrite_tail, shift_dimension
from volctl.fill.sheetxml.workbook import (
    Damaged,
    check_parts,
    drop_calc_chain,
    move_related,
    other_sheets,
    relationships,
    rewrite_workbook,
    sheet_prefix,
)

__all__ = ["Damaged", "Result", "fill"]


@dataclass
class Result:
    rows: int  # filled rows
    body: int  # the template's empty table rows they replaced
    moved: int  # rows below the table that were moved
    first_row: int  # the first filled row, counted from 1
    formulas: int = 0  # formulas whose references were moved
    notes: list[str] = field(default_factory=list)
    formula_columns: list[int] = field(default_factory=list)  # carried down to every row


def fill(
    source: IO[bytes] | str,
    out: IO[bytes],
    *,
    sheet_name: str,
    part: str,
    header_first: int,
    header_last: int,
    footer_row: int | None,
    columns: Sequence[tuple[int, str | None]],
    rows: Iterable[Sequence[Any]],
    count: int,
    print_titles: bool = True,
    min_widths: dict[int, float] | None = None,
) -> Result:
    """Fill ``sheet_name`` (zip member ``part``) of the workbook ``source`` into ``out``.

    ``columns``: (column index, field or None) of the header; ``rows``: each filled row's
    values in that order (``count`` of them, known ahead: the rows below move by it);
    ``min_widths``: columns to widen to at least that width (see :func:`layout.widen`)."""
    with zipfile.ZipFile(source) as zin:
        check_parts(zin)
        sheet = Sheet.parse(zin.read(part).decode("utf-8"))
        styles = Styles(
            zin.read("xl/styles.xml").decode("utf-8") if "xl/styles.xml" in zin.namelist() else None
        )
        if min_widths and count:
            sheet.head = widen(sheet.head, min_widths, sheet)
        loaded: list[list[str]] = []

        def strings() -> list[str]:
            if not loaded:
                loaded.append(shared_strings(zin))
            return loaded[0]

        fit_header(sheet, header_first, header_last, styles, strings)
        body = table_body(sheet, header_last, footer_row) if count else []  # nobody: kept as is
        first = header_last + 1
        mapper = body_mapper(first, len(body), count)
        pattern = row_pattern(sheet, body, header_first, header_last, columns, styles)
        result = Result(count, len(body), 0, first)
        changed: dict[str, bytes] = {}
        workbook = zin.read("xl/workbook.xml").decode("utf-8")
        changed["xl/workbook.xml"] = rewrite_workbook(
            workbook, sheet_name, mapper, header_first, header_last, print_titles, result.notes
        ).encode("utf-8")
        calc_chain = drop_calc_chain(zin, changed)
        for _rid, (kind, member) in relationships(zin, part).items():
            if member not in zin.namelist():
                continue
            if kind.endswith(("/drawing", "/vmlDrawing", "/comments", "/table")):
                text = zin.read(member).decode("utf-8", errors="strict")
                changed[member] = move_related(kind, text, mapper).encode("utf-8")
        for other in other_sheets(zin, part):
            text = zin.read(other).decode("utf-8")
            if "<f" in text and sheet_name in text:
                moved = shift_formulas(
                    text, mapper, sheet_name, sheet_prefix(text), unqualified=False
                )
                if moved != text:
                    changed[other] = moved.encode("utf-8")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename == calc_chain:
                    continue
                if info.filename == part:
                    target = zipfile.ZipInfo(part, date_time=info.date_time)
                    target.compress_type = zipfile.ZIP_DEFLATED
                    with zout.open(target, "w") as stream:
                        for chunk in _sheet_xml(
                            sheet,
                            body,
                            first,
                            count,
                            rows,
                            columns,
                            pattern,
                            mapper,
                            styles,
                            sheet_name,
                            result,
                        ):
                            stream.write(chunk.encode("utf-8"))
                    continue
                if info.filename == "xl/styles.xml":
                    continue  # written last: the filled sheet may add formats
                data = changed.get(info.filename)
                zout.writestr(info, data if data is not None else zin.read(info.filename))
            if "xl/styles.xml" in zin.namelist():
                info = zin.getinfo("xl/styles.xml")
                styled = styles.text()
                zout.writestr(
                    info, styled.encode("utf-8") if styled is not None else zin.read(info.filename)
                )
    return result


def _sheet_xml(
    sheet: Sheet,
    body: list[int],
    first: int,
    count: int,
    rows: Iterable[Sequence[Any]],
    columns: Sequence[tuple[int, str | None]],
    pattern: Pattern,
    mapper: Mapper,
    styles: Styles,
    sheet_name: str,
    result: Result,
) -> Iterator[str]:
    p = sheet.prefix
    body_set = set(body)
    last_body = first + len(body) - 1
    if count:
        result.formula_columns = sorted(pattern.formulas)
    merges, replicated = merged_ranges(sheet.tail, body, first, count, mapper, pattern.source)
    pattern.merges = replicated
    yield shift_dimension(sheet.head, mapper)
    below: list[int] = []
    for number in sheet.order:
        if number in body_set:
            continue
        if number > last_body:
            below.append(number)
            continue
        text = sheet.rows[number].text
        if f"<{p}f" in text:
            moved = shift_formulas(text, mapper, sheet_name, p, unqualified=True)
            result.formulas += moved != text
            text = moved
        yield text
    yield from filled_rows(sheet, first, rows, columns, pattern, styles, mapper, sheet_name)
    for number in below:
        new = mapper(number, False)
        assert new is not None
        text = move_row(sheet.rows[number], new, mapper, sheet_name, p)
        result.moved += 1
        yield text
    yield rewrite_tail(sheet.tail, merges, mapper, p, sheet_name)

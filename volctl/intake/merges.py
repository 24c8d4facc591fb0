"""Merged cells: where a sheet merges them, and the value a merged range gives each cell.

Units merge 工作单位 down the rows of its people and merge a header over its sub-headers; in
every format only the top-left cell of a merged range holds the value. calamine reports the
ranges of .xlsx and .xls sheets (``merged_cell_ranges``) but not of .ods ones (it returns
None), so for .ods they are read here from the spreadsheet's XML (``table:number-rows-spanned``
and ``table:number-columns-spanned`` on a cell, positions counting repeated rows and cells).
CSV has no merged cells. ``fill_down`` gives each row of a range merged down the data rows the
value of its first cell.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from volctl.headings import Merge

Row = tuple[int, Sequence[object]]  # (row number in the sheet, counted from 1; cells)

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_MAX_REPEAT = 1_000_000  # a repeated row or cell past the sheet's extent (the guard caps it)


def of_sheet(sheet: Any, path: Path, kind: str, name: str) -> list[Merge]:
    """The merged ranges of a calamine sheet (0-based; rows absolute, columns relative to the
    sheet's first column, as calamine gives its rows); for .ods, read from the file."""
    _start_row, start_col = sheet.start or (0, 0)
    ranges = sheet.merged_cell_ranges
    if ranges is None and kind == "ods":
        found = ods_ranges(path, name)
    else:
        found = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges or []]
    return [(r0, c0 - start_col, r1, c1 - start_col) for r0, c0, r1, c1 in found]


def ods_ranges(path: Path, sheet: str) -> list[Merge]:
    """The merged ranges of one sheet of an .ods file (0-based, absolute). The file passed
    ``guard`` already: its content is within the size caps."""
    from xml.etree.ElementTree import iterparse

    found: list[Merge] = []
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as stream:
        inside = False
        row = col = 0
        for event, element in iterparse(stream, events=("start", "end")):
            tag = element.tag
            if tag == f"{_TABLE}table":
                if event == "start":
                    inside = element.get(f"{_TABLE}name") == sheet
                    row = 0
                elif inside:
                    break
                continue
            if not inside:
                if event == "end":
                    element.clear()
                continue
            if tag == f"{_TABLE}table-row":
                if event == "start":
                    col = 0
                else:
                    row += _repeat(element, "number-rows-repeated")
                    element.clear()
            elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell") and event == "start":
                rows = _repeat(element, "number-rows-spanned")
                cols = _repeat(element, "number-columns-spanned")
                if rows > 1 or cols > 1:
                    found.append((row, col, row + rows - 1, col + cols - 1))
                col += _repeat(element, "number-columns-repeated")
    return found


def _repeat(element: Any, attribute: str) -> int:
    value = element.get(f"{_TABLE}{attribute}")
    return min(int(value), _MAX_REPEAT) if value and value.isdigit() else 1


def fill_down(rows: Iterator[Row], merged: Sequence[Merge], after: int) -> Iterator[Row]:
    """``rows`` with each cell under the first of a range merged down (below sheet row
    ``after``, counted from 1) given that first cell's value. Ranges across columns only
    (a footer merged across the sheet) are left alone."""
    down = [(r0 + 1, c0, r1 + 1) for r0, c0, r1, _c1 in merged if r1 > r0 and r0 + 1 > after]
    if not down:
        yield from rows
        return
    carried: dict[int, tuple[int, object]] = {}  # column -> (last row of the range, value)
    starts: dict[int, list[tuple[int, int]]] = {}
    for first, column, last in down:
        starts.setdefault(first, []).append((column, last))
    for number, values in rows:
        for column, last in starts.get(number, ()):
            if column < len(values):
                carried[column] = (last, values[column])
        if carried:
            filled = list(values)
            for column, (last, value) in list(carried.items()):
                if number > last:
                    del carried[column]
                elif number > 0 and column < len(filled) and filled[column] in (None, ""):
                    filled[column] = value
            values = filled
        yield number, values

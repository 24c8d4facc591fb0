"""Every sheet of an .ods measured the way calamine reads it (``ods.rs``): all of them, since
calamine builds every sheet when it opens the file.

calamine matches names with their ``table:``/``office:``/``text:`` prefixes as written. A
``<table:table>`` with a ``table:name`` is read: each ``<table:table-row>`` counts
``table:number-rows-repeated`` times, each cell ``table:number-columns-repeated`` times. A
row's cells are kept up to its last cell holding something (a value, a value type, a formula),
the empty ones before it included; the grid spans from the first such row to the last, with
every repeat written out, as wide as the widest row. A cell's text (its value or its
paragraphs, with ``<text:s text:c="n"/>`` giving n spaces) and its formula are copied into
every cell it repeats into.
"""

from __future__ import annotations

import zipfile

from volctl.intake.measure import Caps, Damaged, Extent, TooBig, last, parse

_VALUE_KEYS = (
    "office:value",
    "office:string-value",
    "office:date-value",
    "office:time-value",
    "office:boolean-value",
    "office:value-type",
    "table:formula",
)
_TEXT_KEYS = ("office:string-value", "office:date-value", "office:time-value", "table:formula")
_CELLS = ("table:table-cell", "table:covered-table-cell")


def _count(value: str | None) -> int:
    """A repeat count as calamine parses it (a plain number; else calamine refuses the file)."""
    if value is None:
        return 1
    if not (value.isascii() and value.isdigit()):
        raise Damaged(value)
    return int(value)


def measure(zf: zipfile.ZipFile, caps: Caps) -> dict[str, Extent]:
    """Sheet name -> extent, for every sheet; ``TooBig`` names the sheet that passed a cap
    (the caps on cells and text count all sheets together: calamine holds them all)."""
    if "content.xml" not in zf.namelist():
        return {}
    found: dict[str, Extent] = {}
    sheet: str | None = None
    depth = 0  # inside a named table: its nesting depth of tables
    row_pos = row_repeat = col_pos = rows = columns = row_width = 0
    cell_repeat = 0
    cell_text = text = cells_before = text_before = 0
    in_cell = False
    row_has_value = cell_has_value = False

    def check() -> None:
        try:
            caps.check(rows, columns, text_before + text, cells=cells_before + rows * columns)
        except TooBig as exc:
            raise TooBig(exc.extent, sheet) from None

    def start(name: str, attrs: list[str]) -> None:
        nonlocal sheet, depth, row_pos, row_repeat, col_pos, rows, columns, row_width
        nonlocal cell_repeat, cell_text, in_cell, row_has_value, cell_has_value, text
        if sheet is None:
            if name == "table:table":
                named = last(attrs, "table:name")
                if named is not None:
                    sheet, depth = named, 1
                    row_pos = rows = columns = text = 0
            return
        if name == "table:table":
            depth += 1
        elif name == "table:table-row" and not in_cell:
            row_repeat = _count(last(attrs, "table:number-rows-repeated"))
            col_pos = row_width = 0
            row_has_value = False
        elif name in _CELLS and not in_cell:
            cell_repeat = _count(last(attrs, "table:number-columns-repeated"))
            in_cell = True
            cell_has_value = any(last(attrs, key) is not None for key in _VALUE_KEYS)
            cell_text = sum(len((last(attrs, key) or "").encode()) for key in _TEXT_KEYS)
        elif in_cell:
            if name == "text:s":
                cell_text += _count(last(attrs, "text:c"))
            elif name == "text:p":
                cell_text += 1
            if text_before + text + cell_text * cell_repeat * row_repeat > caps.text:
                text += cell_text * cell_repeat * row_repeat
                check()

    def characters(data: str) -> None:
        nonlocal cell_text
        if in_cell:
            cell_text += len(data.encode("utf-8", "surrogatepass"))

    def end(name: str) -> None:
        nonlocal sheet, depth, row_pos, col_pos, rows, columns, row_width, in_cell, text
        nonlocal row_has_value, cells_before, text_before
        if sheet is None:
            return
        if name in _CELLS and in_cell:
            in_cell = False
            col_pos += cell_repeat
            if cell_has_value:
                row_has_value = True
                row_width = col_pos
                text += cell_text * cell_repeat * row_repeat
        elif name == "table:table-row" and not in_cell:
            if row_has_value:
                rows = row_pos + row_repeat
                columns = max(columns, row_width)
            row_pos += row_repeat
            check()
        elif name == "table:table":
            depth -= 1
            if depth == 0:
                found[sheet] = Extent(rows, columns, text)
                cells_before += rows * columns
                text_before += text
                sheet = None

    with zf.open("content.xml") as stream:
        parse(stream, start, end, characters)
    return found

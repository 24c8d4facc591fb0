"""The printed page every form shares: A4, Chinese fonts, a title, a repeated header, borders.

Forms are printed, stamped and filed (DOMAIN.md), so each one goes through here:

- A4 in the orientation the form asks for, fitted to the page width (as many pages down as the
  rows need), with margins that leave room for binding and a page number
  ``第 &P 页 共 &N 页`` in the footer;
- fonts named explicitly (宋体 for the body, 宋体 bold for titles; 仿宋 available), so the sheet
  prints the same on a clerk's WPS or Excel;
- a merged, centred title, and the header row repeated on every printed page;
- thin borders on the table, column widths that fit CJK text (a CJK character is two columns);
- ``write_text``: every identity number, phone and code goes in as a text cell (number format
  ``@``), and text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is stored
  as a string with Excel's quote prefix: shown as typed, never evaluated.

openpyxl is imported by the caller's module only when a form is written.
"""

from __future__ import annotations

import math
import os
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from volctl.errors import InvalidInput, Where

SONG = "宋体"
FANGSONG = "仿宋"
BODY_SIZE = 11
TITLE_SIZE = 18
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PAGE_NUMBERS = "第 &P 页 共 &N 页"


def body_font(*, bold: bool = False, size: float = BODY_SIZE, name: str = SONG) -> Font:
    return Font(name=name, size=size, bold=bold)


def new_workbook(sheet_title: str) -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_title
    wb.properties.creator = "volctl"
    wb.properties.title = sheet_title
    return wb, ws


def setup_page(
    ws: Worksheet,
    *,
    landscape: bool = False,
    header_rows: tuple[int, int] | None = None,
    margins_cm: tuple[float, float, float, float] = (2.0, 1.5, 1.5, 1.5),
) -> None:
    """A4, orientation, fit to width, margins (top, right, bottom, left, in cm), the header
    rows repeated on every page, page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    top, right, bottom, left = (cm / 2.54 for cm in margins_cm)
    ws.page_margins.top, ws.page_margins.right = top, right
    ws.page_margins.bottom, ws.page_margins.left = bottom, left
    ws.page_margins.header, ws.page_margins.footer = 0.3, 0.3
    if header_rows is not None:
        ws.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"
    ws.oddFooter.center.text = PAGE_NUMBERS
    ws.oddFooter.center.font = SONG
    ws.oddFooter.center.size = 9


def write_text(cell: Any, value: object, *, font: Font | None = None) -> None:
    """A text cell: shown exactly as given, never read as a number, date or formula."""
    text = "" if value is None else str(value)
    cell.value = text
    cell.data_type = "s"  # even "=1+1": a string, not a formula
    cell.number_format = "@"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True  # Excel and LibreOffice show the apostrophe-less text
    if font is not None:
        cell.font = font


def merged_line(
    ws: Worksheet,
    row: int,
    text: str,
    columns: int,
    *,
    font: Font | None = None,
    align: str = "left",
    height: float | None = None,
) -> None:
    """One line of text across the table's width (title, information, footer lines)."""
    if columns > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell = ws.cell(row=row, column=1)
    write_text(cell, text, font=font or body_font())
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=False)
    if height is not None:
        ws.row_dimensions[row].height = height


def title(ws: Worksheet, row: int, text: str, columns: int) -> None:
    """The form's title: merged across the table, centred, 宋体 bold."""
    merged_line(
        ws,
        row,
        text,
        columns,
        font=body_font(bold=True, size=TITLE_SIZE),
        align="center",
        height=36,
    )


def header_row(ws: Worksheet, row: int, headers: Sequence[str], *, height: float = 24) -> None:
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=col)
        write_text(cell, text, font=body_font(bold=True))
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
    ws.row_dimensions[row].height = height


def table_row(
    ws: Worksheet,
    row: int,
    values: Sequence[object],
    *,
    height: float = 26,
    centred: Iterable[int] = (),
) -> None:
    """One bordered row; ints stay numbers, everything else is text."""
    centre = set(centred)
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        if isinstance(value, int) and not isinstance(value, bool):
            cell.value = value
            cell.font = body_font()
        else:
            write_text(cell, value, font=body_font())
        cell.alignment = Alignment(
            horizontal="center" if col in centre else "left", vertical="center", wrap_text=True
        )
        cell.border = BORDER
    ws.row_dimensions[row].height = height


def text_width(value: object) -> int:
    """Display width in character cells: CJK and full-width characters count two."""
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def fit_columns(
    ws: Worksheet,
    columns: Sequence[Sequence[object]],
    *,
    minimum: Sequence[int] | None = None,
    maximum: int = 40,
    padding: int = 2,
) -> list[float]:
    """Set each column's width to its widest text (CJK double width), within bounds."""
    widths = []
    for i, values in enumerate(columns):
        widest = max((text_width(v) for v in values), default=0) + padding
        low = minimum[i] if minimum is not None else 4
        width = float(min(max(widest, low), maximum))
        ws.column_dimensions[get_column_letter(i + 1)].width = width
        widths.append(width)
    return widths


def wrap_line(ws: Worksheet, row: int, columns: int, *, line_height: float = 18) -> int:
    """Let a merged line wrap within the table's width and give it the height its lines need
    (call after the column widths are set). Returns the number of lines."""
    cell = ws.cell(row=row, column=1)
    total = sum(
        ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(1, columns + 1)
    )
    lines = max(1, math.ceil(text_width(cell.value) / max(total - 2, 1)))
    cell.alignment = Alignment(
        horizontal=cell.alignment.horizontal, vertical="center", wrap_text=True
    )
    ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, line_height * lines + 4)
    return lines


def save(wb: Workbook, path: Path) -> None:
    """Write next to nothing else: a temporary file, then an atomic rename."""
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput("sheet.not_xlsx", where=Where(field="output"), path=str(path))
    if not path.parent.exists():
        raise InvalidInput("output.no_folder", where=Where(field="output"), folder=str(path.parent))
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput("output.cannot_write", path=str(path), reason=exc.strerror) from None

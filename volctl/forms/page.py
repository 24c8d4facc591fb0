"""The openpyxl page helpers for workbooks that are not printed papers, and the file helpers.

Printed papers (every form, the certificate, the sign-in sheet, the rejects workbook, the sign-up
template) are laid out by ``volctl.forms.layout``. What is left here serves the year-end summary's
workbook with charts (``volctl.reports.workbook``, built with openpyxl: A4, 宋体, a title, a
header row, text cells that are never read as a number or a formula) and every xlsx writer:

- ``refuse_existing``: a sheet handed out to be filled in is never replaced without ``--force``;
- ``save`` and ``write_workbook``: an openpyxl workbook written whole or not at all, through the
  one writer (``volctl.files``).

openpyxl is imported by the caller's module only when such a workbook is written.
"""

from __future__ import annotations

import contextlib
import math
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from volctl.errors import InvalidInput, Where
from volctl.forms.layout.metrics import BODY_SIZE, SONG, TITLE_SIZE
from volctl.forms.layout.sheet import FORMULA_START

FORMULA_PREFIXES = tuple(sorted(FORMULA_START))  # as on every printed paper
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
    text = ILLEGAL_CHARACTERS_RE.sub("", text)  # control characters cannot be saved at all
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


def refuse_existing(path: Path, *, where: Where | None = None) -> None:
    """Refuse to replace ``path``: a sheet handed out to be filled in may come back filled in
    under the same name. The commands that write one take ``--force`` to replace it."""
    if path.exists():
        raise InvalidInput(
            "output.exists",
            hint="hint.output_exists",
            where=where or Where(field="output"),
            path=str(path),
        )


def save(
    wb: Workbook,
    path: Path,
    *,
    private: bool = True,
    overwrite: bool = True,
    error: str = "output.cannot_write",
    hint: str | None = None,
    where: Where | None = None,
    blank: bool = False,
) -> None:
    """Write an .xlsx file whole or not at all, through the one writer (:mod:`volctl.files`).
    It is readable by its owner only from the moment it is created: every workbook made from
    the roster names people, masked or not (``private`` is accepted from older callers and
    changes nothing). ``blank``: a form holding no one's data (the sign-up template) takes
    the usual mode. ``overwrite=False``: refuse an existing file (``refuse_existing``). A
    failure to write raises ``error`` (its message takes ``{path}`` and ``{reason}``) with
    ``hint`` and ``where``."""
    from volctl import files

    field = where or Where(field="output")
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput("output.not_xlsx", where=field, path=str(path))
    if not path.parent.exists():
        raise InvalidInput("output.no_folder", where=field, folder=str(path.parent))
    if not overwrite:
        refuse_existing(path, where=field)
    with (
        files.replacing(
            path, private=not blank, overwrite=overwrite, error=error, hint=hint, where=where
        ) as tmp,
        open(tmp, "wb") as handle,
    ):
        write_workbook(wb, handle)


def write_workbook(wb: Workbook, target: str | Path | IO[bytes]) -> None:
    """``Workbook.save``, with the zip archive closed whatever happens. When a write fails (a
    full disk), openpyxl leaves its ``ZipFile`` open; collected later, after its file is
    closed, it prints "Exception ignored in ZipFile.__del__" and a traceback on stderr."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if wb.write_only:
        if not wb.worksheets:
            wb.create_sheet()
        # Finish the streamed sheets (their rows wait in temporary files) before the archive
        # is begun, so that no half-written sheet is left to be collected after a failure.
        for ws in wb.worksheets:
            if not ws.closed:
                ws.close()
    wb.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    archive = ZipFile(target, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(wb, archive).write_data()
    except BaseException:
        # The file is being thrown away: closing may fail again (the disk is still full), but
        # leaves the archive closed and silent.
        with contextlib.suppress(Exception):
            archive.close()
        raise
    archive.close()

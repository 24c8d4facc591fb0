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
  as a string with Excel's quote prefix: shown as typed, never evaluated;
- ``plan_widths`` and ``table``: column widths from the content within the printable width of
  the orientation (``PORTRAIT_WIDTH``, ``LANDSCAPE_WIDTH``), and rows as tall as their wrapped
  text, so that nothing is cut off and fitting to the width does not shrink the print;
- ``two_part_line`` (the "填报单位（盖章）… 填报日期…" line), ``cn_date``, ``finish``;
- ``Hours``: service time in a cell as its exact value in hours (minutes / 60) shown with one
  decimal (number format ``0.0``), so that the cells of a column add up, in Excel as on paper,
  to the 合计 written from the same minutes;
- ``save``: every form's file written whole or not at all (and ``refuse_existing``, for the
  sheets handed out to be filled in, which are never replaced without ``--force``).

openpyxl is imported by the caller's module only when a form is written.
"""

from __future__ import annotations

import contextlib
import functools
import math
import unicodedata
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from volctl.errors import InvalidInput, Where
from volctl.ledger.totals import hours as rounded_hours

SONG = "宋体"
FANGSONG = "仿宋"
BODY_SIZE = 11
TITLE_SIZE = 18
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PAGE_NUMBERS = "第 &P 页 共 &N 页"
# What fits across A4 at 100% between the default margins, in Excel's column-width units
# (a CJK character takes two): wider tables are shrunk by "fit to width".
PORTRAIT_WIDTH = 92.0
LANDSCAPE_WIDTH = 136.0
LINE_HEIGHT = 15.0  # points per line of 11 pt text
BLANK_DATE = "　　　　年　　月　　日"
HOURS_FORMAT = "0.0"


@dataclass(frozen=True)
class Hours:
    """Service minutes to write as hours: the cell holds the exact value (an int when whole,
    else minutes / 60) and shows it with one decimal. Rounding each row before writing it
    would make three services of 20 minutes read 0.3 + 0.3 + 0.3 against a 合计 of 1.0."""

    minutes: int

    @property
    def value(self) -> int | float:
        whole, rest = divmod(self.minutes, 60)
        return whole if rest == 0 else self.minutes / 60

    def __str__(self) -> str:
        """As the cell shows it (half up, like every other output)."""
        return f"{rounded_hours(self.minutes):.1f}"


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


def table_row(
    ws: Worksheet,
    row: int,
    values: Sequence[object],
    *,
    height: float = 26,
    centred: Iterable[int] = (),
    indent: int = 0,
) -> None:
    """One bordered row; ints stay numbers, floats are numbers shown with one decimal,
    ``Hours`` their exact value shown with one decimal, everything else is text. ``indent``
    keeps left-aligned text off the border."""
    centre = set(centred)
    styles = _styles(ws)
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        if isinstance(value, Hours):
            cell.value = value.value
            kind = "float"
        elif isinstance(value, int) and not isinstance(value, bool):
            cell.value = value
            kind = "int"
        elif isinstance(value, float):
            cell.value = value
            kind = "float"
        else:
            text = ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value))
            cell.value = text
            cell.data_type = "s"  # even "=1+1": a string, not a formula
            kind = "quoted" if text.startswith(FORMULA_PREFIXES) else "text"
        key = (kind, col in centre, indent)
        style = styles.get(key)
        if style is not None:
            cell._style = copy(style)  # the same style, without openpyxl re-hashing it
            continue
        cell.font = body_font()
        if kind == "float":
            cell.number_format = HOURS_FORMAT
        elif kind != "int":
            cell.number_format = "@"
            cell.quotePrefix = kind == "quoted"
        if col in centre:
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        else:
            cell.alignment = Alignment(
                horizontal="left", vertical="center", wrap_text=True, indent=indent
            )
        cell.border = BORDER
        styles[key] = copy(cell._style)
    ws.row_dimensions[row].height = height


_STYLE_CACHE: WeakKeyDictionary[Workbook, dict[tuple[object, ...], Any]] = WeakKeyDictionary()


def _styles(ws: Worksheet) -> dict[tuple[object, ...], Any]:
    """The table cell styles already made in this workbook (assigning a font or a border
    makes openpyxl hash it against every style it holds: slow for thousands of cells)."""
    return _STYLE_CACHE.setdefault(ws.parent, {})


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


def cn_date(day: date) -> str:
    """2025年3月15日: how a date is written on a form."""
    return f"{day.year}年{day.month}月{day.day}日"


def plan_widths(
    columns: Sequence[Sequence[object]],
    *,
    minimum: Sequence[int],
    maximum: Sequence[int] | int = 40,
    budget: float = PORTRAIT_WIDTH,
    padding: int = 2,
) -> list[float]:
    """Each column as wide as its widest text (CJK double width) within [minimum, maximum];
    when the table is wider than ``budget``, the columns that can wrap give up width in
    proportion to what they have above their minimum, so the table prints at full size."""
    highs = list(maximum) if isinstance(maximum, Sequence) else [maximum] * len(columns)
    natural = []
    for i, values in enumerate(columns):
        widest = max((_longest_line(v) for v in values), default=0) + padding
        natural.append(float(min(max(widest, minimum[i]), max(highs[i], minimum[i]))))
    excess = sum(natural) - budget
    slack = sum(w - minimum[i] for i, w in enumerate(natural))
    if excess <= 0 or slack <= 0:
        return natural
    share = min(1.0, excess / slack)
    return [round(w - (w - minimum[i]) * share, 1) for i, w in enumerate(natural)]


def _longest_line(value: object) -> float:
    text = "" if value is None else str(value)
    return max((print_width(line) for line in text.split("\n")), default=0)


_WIDE_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZmw@%&")


@functools.lru_cache(maxsize=65536)  # a ledger repeats its dates, titles and names
def print_width(text: str) -> float:
    """Like ``text_width``, with capitals and the widest Latin letters a little wider than a
    digit (Excel's column unit is a digit's width), so that wrapping is never underestimated."""
    return text_width(text) + 0.3 * sum(1 for ch in text if ch in _WIDE_LATIN)


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def lines_needed(value: object, width: float, *, indent: int = 0) -> int:
    """How many lines ``value`` takes in a wrapping cell ``width`` units wide."""
    text = "" if value is None else str(value)
    room = max(width - 1.0 - indent, 1.0)
    return sum(max(1, math.ceil(print_width(line) / room)) for line in text.split("\n"))


def row_height(
    values: Sequence[object], widths: Sequence[float], *, minimum: float = 24, indent: int = 0
) -> float:
    """A row tall enough for the most wrapped of its cells."""
    lines = max(
        (lines_needed(v, w, indent=indent) for v, w in zip(values, widths, strict=False)),
        default=1,
    )
    return max(minimum, LINE_HEIGHT * lines + 8)


def table(
    ws: Worksheet,
    first_row: int,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    centred: Iterable[int] = (),
    min_height: float = 24,
) -> int:
    """The header row then one bordered row per entry, each as tall as its wrapped text
    (left-aligned text indented by one). Returns the first row after the table."""
    header_row(ws, first_row, headers, height=row_height(headers, widths, minimum=min_height))
    centre = tuple(centred)
    for i, values in enumerate(rows, start=1):
        height = row_height([_shown(v) for v in values], widths, minimum=min_height, indent=1)
        table_row(ws, first_row + i, values, height=height, centred=centre, indent=1)
    return first_row + len(rows) + 1


def _shown(value: object) -> object:
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value) if isinstance(value, Hours) else value


def grid_row(
    ws: Worksheet,
    row: int,
    cells: Sequence[tuple[int, int, object, bool]],
    widths: Sequence[float],
    *,
    min_height: float = 26,
) -> None:
    """One row of a label/value grid: each cell ``(first column, last column, text, is a
    label)``, merged over its columns and bordered all round; labels bold and centred, values
    left and wrapped; the row as tall as its longest value."""
    lines = 1
    for first, last, text, label in cells:
        if last > first:
            ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        for column in range(first, last + 1):
            ws.cell(row=row, column=column).border = BORDER
        cell = ws.cell(row=row, column=first)
        write_text(cell, text, font=body_font(bold=label))
        if label:
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        else:
            cell.alignment = Alignment(
                horizontal="left", vertical="center", wrap_text=True, indent=1
            )
        lines = max(lines, lines_needed(text, sum(widths[first - 1 : last]), indent=1))
    ws.row_dimensions[row].height = max(min_height, LINE_HEIGHT * lines + 8)


def form_sheet(
    sheet_name: str,
    heading: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    stamp: str,
    filled_on: date,
    minimum: Sequence[int],
    maximum: Sequence[int] | int = 40,
    budget: float = PORTRAIT_WIDTH,
) -> tuple[Workbook, Worksheet, list[float]]:
    """A roster form's sheet and its first two lines: columns as wide as the table needs
    (``headers`` over ``rows``), the title in row 1, and in row 2 who fills it in (``stamp``,
    e.g. 填报单位（盖章）：…) with the date. Returns the workbook, the sheet and the widths."""
    wb, ws = new_workbook(sheet_name)
    widths = plan_widths(
        [[h, *(r[i] for r in rows)] for i, h in enumerate(headers)],
        minimum=minimum,
        maximum=maximum,
        budget=budget,
    )
    set_widths(ws, widths)
    title(ws, 1, heading, len(headers))
    two_part_line(ws, 2, stamp, f"填报日期：{cn_date(filled_on)}", len(headers))
    return wb, ws, widths


def two_part_line(
    ws: Worksheet,
    row: int,
    left: str,
    right: str,
    columns: int,
    *,
    split: int | None = None,
    height: float = 26,
) -> None:
    """A line in two parts across the table: ``left`` from the first column, ``right`` ending
    at the last (e.g. "填报单位（盖章）：…" and "填报日期：…")."""
    split = split or max(1, columns - max(2, columns // 3))
    if split > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=split)
    if columns - split > 1:
        ws.merge_cells(start_row=row, start_column=split + 1, end_row=row, end_column=columns)
    for column, text, align in ((1, left, "left"), (split + 1, right, "right")):
        cell = ws.cell(row=row, column=column)
        write_text(cell, text, font=body_font())
        cell.alignment = Alignment(horizontal=align, vertical="bottom", wrap_text=False)
    ws.row_dimensions[row].height = height


def close_form(
    wb: Workbook,
    ws: Worksheet,
    path: Path,
    *,
    footer: str,
    footer_row: int,
    columns: int,
    header_row: int,
    landscape: bool = False,
    private: bool = False,
    footer_height: float = 30,
) -> None:
    """A roster form's end: the footer line (审核人/填表人…), the page set-up with the table's
    header repeated on every sheet of paper, and the file saved (``private``: owner only)."""
    merged_line(ws, footer_row, footer, columns, height=footer_height)
    finish(
        ws,
        columns=columns,
        last_row=footer_row,
        header_rows=(header_row, header_row),
        landscape=landscape,
    )
    save(wb, path, private=private)


def finish(
    ws: Worksheet,
    *,
    columns: int,
    last_row: int,
    header_rows: tuple[int, int] | None,
    landscape: bool = False,
) -> None:
    """Print area, the header frozen on screen and repeated on paper, A4 set-up."""
    ws.print_area = f"A1:{get_column_letter(columns)}{last_row}"
    if header_rows is not None:
        ws.freeze_panes = ws.cell(row=header_rows[1] + 1, column=1)
    setup_page(ws, landscape=landscape, header_rows=header_rows)


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

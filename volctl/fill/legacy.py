"""A legacy template (.xls from WPS or older Excel, .ods from LibreOffice) rebuilt as .xlsx,
to be filled like any other.

No writer in the project keeps an .xls or .ods as it was made, so the filled file is an
.xlsx, and the command says so. What the reader gives is kept: every text and number where it
stood, the merged cells (the title, a header merged over its sub-headers, a signature line),
the header's rows and the rows below the table. What it does not give is rebuilt the way
volctl's own forms look: 宋体, the title bold, the header bold and bordered, a bordered empty
row for the filler to follow, column widths from the header texts, A4 fitted to the page width
(landscape when the table is wide) with the header repeated on every page. Fonts, colours,
borders, column widths and print setup of the original are not read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from volctl.fill import measure

FONT = "宋体"
# Characters of width beyond which the table is printed landscape.
PORTRAIT_WIDTH = 100
# Columns that hold long values get at least this width (Excel's characters).
MIN_WIDTHS = {
    "id_number": 21,
    "phone": 14,
    "contact_phone": 14,
    "leader_phone": 14,
    "office_phone": 16,
    "employer": 22,
    "employer_position": 24,
    "address": 24,
    "team": 18,
    "activity": 18,
    "content": 20,
    "insurance": 24,
    "training": 18,
    "commendation": 18,
    "service_date": 11,
    "birth_date": 10,
    "registered_on": 11,
}


@dataclass
class Rebuilt:
    data: bytes
    sheet: str
    first_row: int
    last_row: int
    footer_row: int | None


def rebuild(tpl: Any) -> Rebuilt:
    """``tpl`` (a ``template.Template`` read from .xls or .ods) as an .xlsx workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    rows: list[list[Any]] = tpl.rows
    first, last = tpl.first_row, tpl.last_row
    footer = tpl.footer_row
    gap = 1 if footer is not None and footer > last + 1 else 0
    # Original row -> row in the rebuilt sheet: the table's body becomes one empty row.
    body_row = last + 1

    def target(number: int) -> int | None:
        if number <= last:
            return number
        if footer is not None and number >= footer:
            return body_row + 1 + gap + (number - footer)
        return None

    book = Workbook()
    ws = book.active
    ws.title = tpl.sheet[:31] or "Sheet1"
    left, right = tpl.first_column, tpl.last_column
    title_rows = set()
    for number, values in enumerate(rows, start=1):
        row = target(number)
        if row is None:
            continue
        texts = [v for v in values if v not in (None, "")]
        if number < first and len(texts) == 1:
            title_rows.add(row)
        for c, value in enumerate(values):
            if value in (None, ""):
                continue
            cell = ws.cell(row, c + 1, _plain(value))
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text as typed, never a formula
            cell.font = Font(name=FONT, size=11)
    for r0, c0, r1, c1 in tpl.merged:
        a, b = target(r0 + 1), target(r1 + 1)
        if a is None or b is None:
            continue
        ws.merge_cells(start_row=a, start_column=c0 + 1, end_row=b, end_column=c1 + 1)
    for row in title_rows:
        for c in range(left + 1, right + 2):
            ws.cell(row, c).font = Font(name=FONT, size=16, bold=True)
            ws.cell(row, c).alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[row].height = 30
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in range(first, last + 1):
        for c in range(left + 1, right + 2):
            cell = ws.cell(row, c)
            cell.font = Font(name=FONT, size=11, bold=True)
            cell.border = box
            cell.alignment = centred
    for c in range(left + 1, right + 2):
        cell = ws.cell(body_row, c)
        cell.border = box
        cell.font = Font(name=FONT, size=11)
        cell.alignment = centred
    ws.row_dimensions[body_row].height = 22
    total = 0.0
    fills = {c.index: c.fill for c in tpl.columns}
    labels = {c.index: c.label for c in tpl.columns}
    for c in range(left, right + 1):
        words = [part for part in labels.get(c, "").split("/") if part]
        width = max((measure.width(w) for w in words), default=4) + 2
        width = max(width, MIN_WIDTHS.get(fills.get(c) or "", 6))
        width = min(width, 40)
        total += width
        ws.column_dimensions[get_column_letter(c + 1)].width = width
    ws.print_title_rows = f"{first}:{last}"
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape" if total > PORTRAIT_WIDTH else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    out = io.BytesIO()
    book.save(out)
    return Rebuilt(
        out.getvalue(),
        ws.title,
        first,
        last,
        body_row + 1 + gap if footer is not None else None,
    )


def _plain(value: Any) -> Any:
    """A value as openpyxl writes it: text made safe (a cell holding "=…" stays text)."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value

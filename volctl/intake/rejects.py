"""The rejects workbook: the rows an import could not take, as they were, with why.

One sheet per input file: a title line, the sheet's own header plus 原行号 (the row in the
original sheet) and 错误原因, then each rejected row with the cell at fault highlighted.
Identity numbers and phones are text cells (Excel cannot turn them into numbers again).
Personal data is masked unless ``--show-pii``: a masked file is for reading; a file made with
``--show-pii`` can be corrected in Excel and imported again (the importer ignores 原行号 and
错误原因). The file is created readable by its owner only (0600), then renamed into place.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from volctl.errors import Where
from volctl.identity import mask_id_number
from volctl.intake.headers import column_letter
from volctl.text import clean, mask_text

if TYPE_CHECKING:
    from volctl.intake.importer import FileResult

ROW_COLUMN = "原行号"
REASON_COLUMN = "错误原因"
REASON_WIDTH = 64
MASKED_NOTE = (
    "身份证号、电话等个人信息已打码；导入时加 --show-pii 可得到可直接修改后重新导入的文件。"
)
_BAD_FILL = "FFC7CE"
_BAD_FONT = "9C0006"


def write(path: Path, results: list[FileResult], *, show_pii: bool) -> None:
    from openpyxl import Workbook

    from volctl.forms import page

    book = Workbook()
    book.remove(book.active)
    titles: set[str] = set()
    for result in results:
        _sheet(book, _title(result, titles), result, show_pii=show_pii)
    page.save(
        book,
        path,
        private=True,
        error="intake.rejects_cannot_write",
        hint="hint.rejects_elsewhere",
        where=Where(file=str(path)),
    )


def _title(result: FileResult, taken: set[str]) -> str:
    base = (result.path.stem or "sheet")[:28]
    for bad in "[]:*?/\\":
        base = base.replace(bad, "_")
    title, n = base, 2
    while title in taken:
        title, n = f"{base[:25]}({n})", n + 1
    taken.add(title)
    return title


def _sheet(book: Any, title: str, result: FileResult, *, show_pii: bool) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    ws = book.create_sheet(title)
    header = result.table.header
    width = max([len(header.columns), *(len(r.values) for r in result.rejected_rows)])
    labels = [c.label for c in header.columns] + [
        f"{column_letter(i)}列" for i in range(len(header.columns), width)
    ]
    labels = [label or f"{column_letter(i)}列" for i, label in enumerate(labels)]
    total = len(labels) + 2
    source = result.path.name + (
        f"（工作表「{result.table.sheet}」）" if result.table.sheet else ""
    )
    note = "" if show_pii else MASKED_NOTE
    count = len(result.rejected_rows)
    ws.cell(1, 1, f"{source}中未能导入的 {count} 行：请按「错误原因」修改后重新导入。{note}")
    ws.cell(1, 1).font = Font(bold=True)
    ws.cell(1, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=total)
    ws.row_dimensions[1].height = 36
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for c, label in enumerate([*labels, ROW_COLUMN, REASON_COLUMN], start=1):
        cell = ws.cell(2, c, label)
        cell.font = Font(bold=True)
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    masked = result.masked_columns
    styles = _Styles(ws, border)
    for r, rejected in enumerate(result.rejected_rows, start=3):
        for c in range(width):
            value = rejected.values[c] if c < len(rejected.values) else None
            kind = masked.get(c)
            shown = _value(value, kind, show_pii)
            cell = ws.cell(r, c + 1, shown)
            if isinstance(shown, str) and shown.startswith("="):
                cell.data_type = "s"  # text the sender typed, never a formula we would run
            style = "text" if kind is not None else "date" if isinstance(value, date) else "plain"
            styles.apply(cell, style + ("_bad" if c == rejected.column else ""))
        styles.apply(ws.cell(r, width + 1, rejected.row), "plain")
        styles.apply(ws.cell(r, width + 2, rejected.reason), "reason")
        # Spreadsheets do not grow a row for wrapped text written by a program: size it.
        lines = -(-_display_width(rejected.reason) // (REASON_WIDTH - 4))
        ws.row_dimensions[r].height = max(1, lines) * 15 + 3
    for c, label in enumerate(labels, start=1):
        kind = masked.get(c - 1)
        wide = 21 if kind in ("id", "guardian") else 14 if kind else 12
        ws.column_dimensions[column_letter(c - 1)].width = max(wide, min(len(label) * 2 + 2, 24))
    ws.column_dimensions[column_letter(width)].width = 8
    ws.column_dimensions[column_letter(width + 1)].width = REASON_WIDTH
    ws.freeze_panes = "B3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


class _Styles:
    """Cell styles set once on prototype cells and copied: assigning border, alignment and
    fill cell by cell costs openpyxl a hash of every style object (seconds for 5,000 rows)."""

    def __init__(self, ws: Any, border: Any) -> None:
        from copy import copy

        from openpyxl.cell import Cell
        from openpyxl.styles import Alignment, Font, PatternFill

        self.copy = copy
        self.protos: dict[str, Any] = {}
        top = Alignment(vertical="top")
        bad = PatternFill("solid", fgColor=_BAD_FILL)
        for name, number_format in (("plain", "General"), ("text", "@"), ("date", "yyyy-mm-dd")):
            for suffix in ("", "_bad"):
                proto = Cell(ws)
                proto.border, proto.alignment, proto.number_format = border, top, number_format
                if suffix:
                    proto.fill = bad
                self.protos[name + suffix] = proto
        reason = Cell(ws)
        reason.border = border
        reason.font = Font(color=_BAD_FONT)
        reason.alignment = Alignment(wrap_text=True, vertical="top")
        self.protos["reason"] = reason

    def apply(self, cell: Any, name: str) -> None:
        cell._style = self.copy(self.protos[name]._style)


def _value(value: object, kind: str | None, show_pii: bool) -> object:
    """A cell as it was; personal columns as text (masked unless show_pii)."""
    if value is None or value == "":
        return None
    if kind is None:
        return value
    text = _as_text(value)
    if show_pii or kind == "office":
        return text
    if kind == "id":
        return mask_id_number(clean(text)) if len(clean(text)) >= 12 else _mask_digits(text)
    if kind == "phone":
        return _mask_digits(text)
    if kind == "guardian":
        from volctl.intake.rows import split_guardian

        name, phone, _relation = split_guardian(text)
        masked = text
        if phone:
            masked = masked.replace(phone, _mask_digits(phone))
        if name:
            masked = masked.replace(name, mask_text(name, 1) or "")
        return masked
    return mask_text(text, 6 if kind == "address" else 1)


def _display_width(text: str) -> int:
    """Columns a text takes: CJK and full-width characters count double."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _as_text(value: object) -> str:
    if isinstance(value, float):
        if abs(value) >= 1e14:
            # What Excel shows of an identity number it stored as a number: 15 significant
            # digits, then zeros (620200196910190000). Imported again, it is recognised.
            from decimal import Decimal

            return format(Decimal(f"{value:.15g}"), "f")
        if value.is_integer():
            return str(int(value))  # a phone stored as a number: 13812345678.0
        return repr(value)
    if isinstance(value, date):
        from volctl.intake.rows import cell_text

        return cell_text(value)
    return str(value)


def _mask_digits(text: str) -> str:
    from volctl.intake.importer import mask_digits

    return mask_digits(text)

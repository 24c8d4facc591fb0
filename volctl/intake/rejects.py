"""The rejects workbook: the rows an import could not take, as they were, with why.

One sheet per input file: a title line, the sheet's own header plus 原行号 (the row in the
original sheet) and 错误原因, then each rejected row with the cell at fault highlighted.
Identity numbers and phones are text cells (Excel cannot turn them into numbers again); text
a spreadsheet would run as a formula (``=HYPERLINK(…)``) is a quoted text cell, as in every
export, so editing it in Excel does not make it a formula. Personal data is masked unless
``--show-pii``: a masked file is for reading; a file made with ``--show-pii`` can be corrected
in Excel and imported again (the importer ignores 原行号 and 错误原因). The file is created
readable by its owner only (0600), streamed a row at a time (``volctl.forms.layout``) and
renamed into place.

It reads what it needs of an import's outcome (``RejectedSheet``), so the importer calls it
and it never calls the importer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from volctl.errors import Where
from volctl.intake.headers import column_letter
from volctl.masking import mask_digits, mask_id_number
from volctl.text import clean, mask_text

ROW_COLUMN = "原行号"
REASON_COLUMN = "错误原因"
REASON_WIDTH = 64
MASKED_NOTE = (
    "身份证号、电话等个人信息已打码；导入时加 --show-pii 可得到可直接修改后重新导入的文件。"
)
_BAD_FILL = "FFC7CE"
_BAD_FONT = "9C0006"
MARGINS = (1.5, 1.0, 1.8, 1.5)  # top, right, bottom, left (cm)


class RejectedRow(Protocol):
    @property
    def row(self) -> int: ...  # in the original sheet
    @property
    def values(self) -> Sequence[object]: ...
    @property
    def column(self) -> int | None: ...  # the cell at fault
    @property
    def reason(self) -> str: ...


class RejectedSheet(Protocol):
    """What the workbook needs of one file's import (``importer.FileResult`` is one)."""

    @property
    def path(self) -> Path: ...
    @property
    def table(self) -> Any: ...  # .header.columns (each with .label) and .sheet
    @property
    def rejected_rows(self) -> Sequence[RejectedRow]: ...
    @property
    def masked_columns(self) -> dict[int, str]: ...


def write(path: Path, results: Sequence[RejectedSheet], *, show_pii: bool) -> None:
    from volctl.forms.layout.paper import Paper

    titles: set[str] = set()
    with Paper(
        path,
        title="未能导入的行",
        error="intake.rejects_cannot_write",
        hint="hint.rejects_elsewhere",
        where=Where(file=str(path)),
    ) as paper:
        for result in results:
            _sheet(paper, _title(result, titles), result, show_pii=show_pii)


def _title(result: RejectedSheet, taken: set[str]) -> str:
    base = (result.path.stem or "sheet")[:28]
    for bad in "[]:*?/\\":
        base = base.replace(bad, "_")
    title, n = base, 2
    while title in taken:
        title, n = f"{base[:25]}({n})", n + 1
    taken.add(title)
    return title


def _sheet(paper: Any, title: str, result: RejectedSheet, *, show_pii: bool) -> None:
    from dataclasses import replace

    from volctl.forms.layout import Style

    header = result.table.header
    width = max([len(header.columns), *(len(r.values) for r in result.rejected_rows)])
    labels = [c.label for c in header.columns] + [
        f"{column_letter(i)}列" for i in range(len(header.columns), width)
    ]
    labels = [label or f"{column_letter(i)}列" for i, label in enumerate(labels)]
    masked = result.masked_columns
    widths = []
    for c, label in enumerate(labels):
        kind = masked.get(c)
        wide = 21 if kind in ("id", "guardian") else 14 if kind else 12
        widths.append(max(wide, min(len(label) * 2 + 2, 24)))
    sheet = paper.sheet(title, [*widths, 8, REASON_WIDTH], landscape=True, margins=MARGINS,
                        fit_width=True)  # fmt: skip
    source = result.path.name + (
        f"（工作表「{result.table.sheet}」）" if result.table.sheet else ""
    )
    note = "" if show_pii else MASKED_NOTE
    count = len(result.rejected_rows)
    sheet.line(
        f"{source}中未能导入的 {count} 行：请按「错误原因」修改后重新导入。{note}",
        Style(bold=True, border=False, valign="top"),
    )
    head = Style(bold=True, align="center")
    sheet.row([*labels, ROW_COLUMN, REASON_COLUMN], head, repeat=True)
    sheet.freeze_columns = 1
    base = Style(valign="top", number_format="General")
    kinds = {
        "plain": base,
        "text": replace(base, number_format="@"),
        "date": replace(base, number_format="yyyy-mm-dd"),
    }
    bad = {name: replace(style, fill=_BAD_FILL) for name, style in kinds.items()}
    reason_style = replace(base, wrap=True, color=_BAD_FONT)
    for rejected in result.rejected_rows:
        values: list[object] = []
        styles: list[Style] = []
        for c in range(width):
            value = rejected.values[c] if c < len(rejected.values) else None
            kind = masked.get(c)
            values.append(_value(value, kind, show_pii))
            name = "text" if kind is not None else "date" if isinstance(value, date) else "plain"
            styles.append((bad if c == rejected.column else kinds)[name])
        sheet.row([*values, rejected.row, rejected.reason], [*styles, base, reason_style])


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
        return mask_id_number(clean(text)) if len(clean(text)) >= 12 else mask_digits(text)
    if kind == "phone":
        return mask_digits(text)
    if kind == "guardian":
        from volctl.intake.rows import split_guardian

        name, phone, _relation = split_guardian(text)
        masked = text
        if phone:
            masked = masked.replace(phone, mask_digits(phone))
        if name:
            masked = masked.replace(name, mask_text(name, 1) or "")
        return masked
    return mask_text(text, 6 if kind == "address" else 1)


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

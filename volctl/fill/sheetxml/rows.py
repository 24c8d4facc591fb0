"""The table's rows: its empty body found, how a filled row looks (the body's first empty row,
its formulas carried down), the filled rows written cell by cell, the rows below moved."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from volctl.fill import measure
from volctl.fill.sheetxml.refs import Mapper, shift_formulas, shift_refs
from volctl.fill.sheetxml.sheet import (
    Row,
    Sheet,
    attr,
    column_index,
    int_or_none,
    row_attributes,
    set_height,
)
from volctl.fill.sheetxml.styles import Styles
from volctl.headings import column_letter
from volctl.render.cells import FORMULA_PREFIXES

EXCEL_DIGITS = 10**15

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cell_xml(ref: str, style: int | None, value: Any, styles: Styles) -> str:
    s = f' s="{style}"' if style is not None else ""
    if value is None or value == "" or value == []:
        return f'<c r="{ref}"{s}/>'
    kind = type(value)
    if kind is bool:
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        if kind is int and not -EXCEL_DIGITS < value < EXCEL_DIGITS:
            value = str(value)
        else:
            return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    text = value if kind is str else str(value)
    if not text.isprintable():
        text = _ILLEGAL.sub("", text)
    text = text[:32767]
    if text.startswith(FORMULA_PREFIXES) and style is not None:
        s = f' s="{styles.quoted(style)}"'
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def table_body(sheet: Sheet, header_last: int, footer_row: int | None) -> list[int]:
    """The template's table rows to replace: from under the header, rows that have cells
    (borders drawn; an example row, rows filled before), up to the first row without any or
    the first row below the table holding text (``footer_row``)."""
    body = []
    number = header_last + 1
    while (footer_row is None or number < footer_row) and number in sheet.rows:
        if f"<{sheet.prefix}c" not in sheet.rows[number].text:
            break
        body.append(number)
        number += 1
    return body


_HOLDS_VALUE = re.compile(r"<(?:\w+:)?(?:v|is|f)[\s>/]")


# A cell's own formula (not an array's or a shared one's): its column letters and its text.
_PLAIN_FORMULA = re.compile(
    r'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})\d+"[^>]*(?<!/)>(?:(?!</?(?:\w+:)?c\b).)*?'
    r"<(?:\w+:)?f>([^<]+)</(?:\w+:)?f>",
    re.S,
)


@dataclass
class Pattern:
    attrs: str  # the row's attributes (height, style) without its number
    height: float | None
    cells: list[tuple[int, int | None]]  # (column, style) of every cell a filled row has
    merges: list[tuple[int, int]]  # column ranges merged within the row
    source: int | None = None  # the body row it was taken from
    # Formulas of that row in columns nothing fills (小计 =H4*2): carried down to every row.
    formulas: dict[int, str] = field(default_factory=dict)


def row_pattern(
    sheet: Sheet,
    body: list[int],
    header_first: int,
    header_last: int,
    columns: Sequence[tuple[int, str | None]],
    styles: Styles,
) -> Pattern:
    """How a filled row looks: the body's first row, or (a template without one) the header's
    cells without their font and fill."""
    p = sheet.prefix
    wanted = {c for c, _f in columns}
    if body:
        # The first empty row: an example row or last month's data may be styled apart.
        empty = [n for n in body if not _HOLDS_VALUE.search(sheet.rows[n].text)]
        source = (empty or body)[0]
        row = sheet.rows[source]
        cells = [(c, int_or_none(attr(a, "s"))) for c, a in row.cells(p)]
        have = {c for c, _s in cells}
        cells += [(c, None) for c in sorted(wanted - have)]
        cells.sort()
        attrs = row_attributes(row.text, p)
        height = attr(attrs, "ht")
        filled = {c for c, f in columns if f is not None}
        formulas = {
            column_index(m.group(1)): m.group(2)
            for m in _PLAIN_FORMULA.finditer(row.text)
            if column_index(m.group(1)) not in filled
        }
        return Pattern(attrs, float(height) if height else None, cells, [], source, formulas)
    by_column: dict[int, int | None] = {}
    for number in range(header_first, header_last + 1):
        if number in sheet.rows:
            for c, a in sheet.rows[number].cells(p):
                s = int_or_none(attr(a, "s"))
                if s is not None and (c not in by_column or number == header_last):
                    by_column[c] = styles.plain(s)
    cells = [(c, by_column.get(c)) for c in sorted(wanted | set(by_column))]
    return Pattern("", None, cells, [])


def filled_rows(
    sheet: Sheet,
    first: int,
    rows: Iterable[Sequence[Any]],
    columns: Sequence[tuple[int, str | None]],
    pattern: Pattern,
    styles: Styles,
    mapper: Mapper,
    sheet_name: str,
) -> Iterator[str]:
    p = sheet.prefix
    position = {c: i for i, (c, _f) in enumerate(columns)}
    letters = {c: column_letter(c) for c, _s in pattern.cells}
    wrapping = {
        c: sheet.width(c)
        for c, s in pattern.cells
        if s is not None and styles.wraps(s) and c in position
    }
    line = sheet.default_height
    base = pattern.height or line
    attrs = pattern.attrs
    spans = (
        f' spans="{pattern.cells[0][0] + 1}:{pattern.cells[-1][0] + 1}"' if pattern.cells else ""
    )
    chunk: list[str] = []
    for offset, values in enumerate(rows):
        number = first + offset
        cells = []
        tallest = 1
        for c, style in pattern.cells:
            if c in pattern.formulas:
                cells.append(
                    _formula_cell(
                        f"{letters[c]}{number}", style, pattern, number, mapper, sheet_name
                    )
                )
                continue
            index = position.get(c)
            value = values[index] if index is not None else None
            cells.append(cell_xml(f"{letters[c]}{number}", style, value, styles))
            if c in wrapping and isinstance(value, str) and value:
                tallest = max(tallest, measure.lines(value, wrapping[c]))
        row_attrs = attrs
        if tallest > 1:
            row_attrs = set_height(attrs, max(base, tallest * line + 2))
        chunk.append(f'<{p}row r="{number}"{spans}{row_attrs}>{"".join(cells)}</{p}row>')
        if len(chunk) >= 500:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def _formula_cell(
    ref: str, style: int | None, pattern: Pattern, number: int, mapper: Mapper, sheet_name: str
) -> str:
    """The pattern row's formula in this column, its references to that row moved to
    ``number`` (as copying it down would), the rest moved as the sheet's rows move."""
    source = pattern.source

    def to_row(row: int, end: bool) -> int | None:
        return number if row == source else mapper(row, end)

    text = shift_refs(
        pattern.formulas[column_index(ref.rstrip("0123456789"))],
        to_row,
        sheet_name,
        unqualified=True,
    )
    s = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{s}><f>{text}</f></c>'


def move_row(row: Row, new: int, mapper: Mapper, sheet: str, p: str) -> str:
    """A row below the table at its new number, its cells' references and formulas moved."""
    text = re.sub(rf'^(<{p}row\b[^>]*?\br=")\d+(")', rf"\g<1>{new}\2", row.text, count=1)
    text = re.sub(rf'(<{p}c\b[^>]*?\br="[A-Z]{{1,3}})\d+(")', rf"\g<1>{new}\2", text)
    return shift_formulas(text, mapper, sheet, p, unqualified=True)

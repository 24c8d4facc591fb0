"""References moved with the rows: in formulas and defined names (A1, $A$1:B2, Sheet!A1,
$3:$4), in ranges, and the mapping from old rows to new ones when the table's body changes
size."""

from __future__ import annotations

import re
from collections.abc import Callable

from volctl.fill.sheetxml.sheet import attr

Mapper = Callable[[int, bool], int | None]  # (row, is a range's end) -> new row, or None

_REF = re.compile(
    r"(?<![\w.$!\]])"
    r"(?P<sheet>(?:'(?:[^']|'')+'|[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)!)?"
    r"(?P<a>\$?[A-Z]{1,3}\$?\d+)(?::(?P<b>\$?[A-Z]{1,3}\$?\d+))?(?![\w(])"
)


_ROWS_REF = re.compile(
    r"(?<![\w.$!\]])"
    r"(?P<sheet>(?:'(?:[^']|'')+'|[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)!)?"
    r"(?P<a>\$?\d+):(?P<b>\$?\d+)(?![\w(])"
)


CELL = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")


def _sheet_of(qualifier: str | None) -> str | None:
    if not qualifier:
        return None
    name = qualifier[:-1]
    if name.startswith("'"):
        name = name[1:-1].replace("''", "'")
    return name


def shift_refs(
    text: str, mapper: Mapper, sheet: str, *, unqualified: bool, rows: bool = False
) -> str:
    """References in a formula or a defined name (XML-escaped text) with their rows moved by
    ``mapper``: those qualified with ``sheet``, and unqualified ones when ``unqualified``.
    String literals are left alone; ``rows`` also moves whole-row ranges ($3:$4)."""
    parts = re.split(r"(&quot;.*?&quot;|\"[^\"]*\")", text)
    for i in range(0, len(parts), 2):
        parts[i] = _shift_code(parts[i], mapper, sheet, unqualified, rows)
    return "".join(parts)


def _shift_code(code: str, mapper: Mapper, sheet: str, unqualified: bool, rows: bool) -> str:
    def ours(qualifier: str | None) -> bool:
        name = _sheet_of(qualifier)
        return unqualified if name is None else name == sheet

    def cell(ref: str, end: bool) -> str | None:
        m = CELL.fullmatch(ref)
        assert m is not None
        moved = mapper(int(m.group(4)), end)
        return None if moved is None else f"{m.group(1)}{m.group(2)}{m.group(3)}{moved}"

    def one(m: re.Match[str]) -> str:
        if not ours(m.group("sheet")):
            return m.group(0)
        first = cell(m.group("a"), False)
        if m.group("b") is None:
            return (m.group("sheet") or "") + (first or "#REF!")
        last = cell(m.group("b"), True)
        if first is None or last is None:
            return (m.group("sheet") or "") + "#REF!"
        return f"{m.group('sheet') or ''}{first}:{last}"

    code = _REF.sub(one, code)
    if rows:

        def whole(m: re.Match[str]) -> str:
            if not ours(m.group("sheet")):
                return m.group(0)
            a, b = m.group("a"), m.group("b")
            ra = mapper(int(a.lstrip("$")), False)
            rb = mapper(int(b.lstrip("$")), True)
            if ra is None or rb is None:
                return m.group(0)
            first, last = f"{'$' * a.startswith('$')}{ra}", f"{'$' * b.startswith('$')}{rb}"
            return f"{m.group('sheet') or ''}{first}:{last}"

        code = _ROWS_REF.sub(whole, code)
    return code


def shift_range(ref: str, mapper: Mapper) -> str | None:
    """One A1 range or cell (a sqref item) moved; None when it no longer exists."""
    first, _, last = ref.partition(":")
    a = CELL.fullmatch(first)
    if a is None:
        return ref
    ra = mapper(int(a.group(4)), False)
    if not last:
        return None if ra is None else f"{a.group(1)}{a.group(2)}{a.group(3)}{ra}"
    b = CELL.fullmatch(last)
    if b is None:
        return ref
    rb = mapper(int(b.group(4)), True)
    if ra is None or rb is None or rb < ra:
        return None
    return f"{a.group(1)}{a.group(2)}{a.group(3)}{ra}:{b.group(1)}{b.group(2)}{b.group(3)}{rb}"


def body_mapper(first: int, old_count: int, new_count: int) -> Mapper:
    """Rows above the body stay; rows below move by the difference; a row inside the body is
    the same row of the new body, or its last row; a range's end on the body's last row is
    the new body's last row."""
    old_last = first + old_count - 1
    new_last = first + new_count - 1
    delta = new_count - old_count

    def move(row: int, end: bool) -> int | None:
        if row < first:
            return row
        if row > old_last:
            return row + delta
        if end and row == old_last:
            return new_last
        return min(row, new_last)

    return move


def shift_formulas(text: str, mapper: Mapper, sheet: str, p: str, *, unqualified: bool) -> str:
    """Every formula in ``text`` (a row, or a whole other sheet) with its references moved;
    its cached value dropped, so that it is computed again."""
    if f"<{p}f" not in text:
        return text

    def formula(m: re.Match[str]) -> str:
        opening, body = m.group(1), m.group(2)
        ref = attr(opening, "ref")
        if ref:
            moved = shift_range(ref, mapper) or ref
            opening = opening.replace(f'ref="{ref}"', f'ref="{moved}"')
        new = shift_refs(body, mapper, sheet, unqualified=unqualified)
        return f"{opening}{new}</{p}f>"

    text = re.sub(rf"(<{p}f\b[^>]*>)(.*?)</{p}f>", formula, text, flags=re.S)
    return re.sub(rf"(</{p}f>|<{p}f\b[^>]*/>)<{p}v>[^<]*</{p}v>", r"\1", text)

"""Column widths and row heights: a header row tall enough for its wrapped labels, a column
of numbers wide enough never to break one."""

from __future__ import annotations

import re
from collections.abc import Callable

from volctl.fill import measure
from volctl.fill.sheetxml.refs import CELL
from volctl.fill.sheetxml.sheet import (
    Row,
    Sheet,
    attr,
    column_index,
    int_or_none,
    row_attributes,
    set_height,
    texts,
)
from volctl.fill.sheetxml.styles import Styles
from volctl.fill.sheetxml.tail import MERGE


def fit_header(
    sheet: Sheet, first: int, last: int, styles: Styles, strings: Callable[[], list[str]]
) -> int:
    """Make the header rows that have no height of their own tall enough for their wrapped
    labels (队伍层级 in a narrow column): LibreOffice and WPS print such a row at the default
    height, the label's second line over the row below. Returns how many rows were changed."""
    p = sheet.prefix
    skip: set[tuple[int, int]] = set()
    wide: dict[tuple[int, int], float] = {}
    for m in MERGE.finditer(sheet.tail):
        a, _, b = m.group(2).partition(":")
        ma, mb = CELL.fullmatch(a), CELL.fullmatch(b or a)
        if ma is None or mb is None:
            continue
        r0, r1 = int(ma.group(4)), int(mb.group(4))
        c0, c1 = column_index(ma.group(2)), column_index(mb.group(2))
        for r in range(max(r0, first), min(r1, last) + 1):
            for c in range(c0, c1 + 1):
                skip.add((r, c))
        if r0 == r1:  # across columns only: measured over their widths
            skip.discard((r0, c0))
            wide[(r0, c0)] = sum(sheet.width(c) for c in range(c0, c1 + 1))
    line = sheet.default_height
    changed = 0
    for number in range(first, last + 1):
        row = sheet.rows.get(number)
        if row is None:
            continue
        attrs = row_attributes(row.text, p)
        if attr(attrs, "customHeight") in ("1", "true"):
            continue  # a height the template's author chose
        need = 1
        for m in re.finditer(rf"<{p}c\b([^>]*?)(?:/>|>(.*?)</{p}c>)", row.text, re.S):
            cell, inner = m.group(1), m.group(2) or ""
            ref = re.search(r'\br="([A-Z]{1,3})\d+"', cell)
            style = int_or_none(attr(cell, "s"))
            if ref is None or style is None or not styles.wraps(style):
                continue
            column = column_index(ref.group(1))
            if (number, column) in skip:
                continue
            if attr(cell, "t") == "s":
                v = re.search(r"<(?:\w+:)?v>(\d+)<", inner)
                table = strings() if v else []
                text = table[int(v.group(1))] if v and int(v.group(1)) < len(table) else ""
            else:
                text = texts(inner)
            width = wide.get((number, column), sheet.width(column))
            need = max(need, measure.lines(text, width))
        height = need * line + 2
        current = attr(attrs, "ht")
        if need > 1 and (current is None or float(current) < height):
            opening = re.match(rf"<{p}row\b([^>]*?)(/?)>", row.text)
            assert opening is not None  # a row is parsed from its opening tag
            taller = f"<{p}row{set_height(opening.group(1), height)}{opening.group(2)}>"
            sheet.rows[number] = Row(number, taller + row.text[opening.end() :])
            changed += 1
    return changed


def widen(head: str, wanted: dict[int, float], sheet: Sheet) -> str:
    """``head`` with each column of ``wanted`` (0-based index -> width) at least that wide:
    a column of identity numbers or phones is never so narrow that a number breaks."""
    p = sheet.prefix
    needs = {c: w for c, w in wanted.items() if sheet.width(c) < w}
    if not needs:
        return head
    found = re.search(rf"<{p}cols>(.*?)</{p}cols>", head, re.S)
    items: list[tuple[int, int, str]] = []
    if found is not None:
        for cm in re.finditer(rf"<{p}col\b([^>]*?)/?>", found.group(1)):
            attrs = cm.group(1)
            lo, hi = int_or_none(attr(attrs, "min")), int_or_none(attr(attrs, "max"))
            if lo is not None and hi is not None:
                rest = re.sub(r'\s(?:min|max)="[^"]*"', "", attrs)
                items.append((lo, hi, rest))
    for column, width in sorted(needs.items()):
        n = column + 1
        widened = f' width="{width:g}" customWidth="1"'
        for i, (lo, hi, attrs) in enumerate(items):
            if lo <= n <= hi:
                attrs_wide = re.sub(r'\s(?:width|customWidth)="[^"]*"', "", attrs) + widened
                pieces = [(lo, n - 1, attrs)] if lo < n else []
                pieces.append((n, n, attrs_wide))
                if n < hi:
                    pieces.append((n + 1, hi, attrs))
                items[i : i + 1] = pieces
                break
        else:
            items.append((n, n, widened))
    items.sort()
    block = "".join(f'<{p}col min="{lo}" max="{hi}"{attrs}/>' for lo, hi, attrs in items)
    if found is not None:
        return head[: found.start()] + f"<{p}cols>{block}</{p}cols>" + head[found.end() :]
    at = head.rindex(f"<{p}sheetData")
    return head[:at] + f"<{p}cols>{block}</{p}cols>" + head[at:]

"""What follows the rows in a worksheet: merged ranges (those of the table's pattern row
repeated), conditional formats, data validations, hyperlinks, page breaks and formulas moved."""

from __future__ import annotations

import re

from volctl.fill.sheetxml.refs import CELL, Mapper, shift_range, shift_refs
from volctl.fill.sheetxml.sheet import column_index

MERGE = re.compile(r'<(\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"[^>]*/>')


def merged_ranges(
    tail: str, body: list[int], first: int, count: int, mapper: Mapper, source: int | None
) -> tuple[list[str], list[tuple[int, int]]]:
    """The merged ranges after filling: those below moved, those of the pattern's row
    (``source``) repeated on every filled row (their columns returned), the body's others
    dropped."""
    out: list[str] = []
    replicated: list[tuple[int, int]] = []
    body_set = set(body)
    for m in MERGE.finditer(tail):
        ref = m.group(2)
        a, _, b = ref.partition(":")
        ma, mb = CELL.fullmatch(a), CELL.fullmatch(b or a)
        if ma is None or mb is None:
            out.append(ref)
            continue
        r0, r1 = int(ma.group(4)), int(mb.group(4))
        if r0 in body_set and r1 in body_set:
            if r0 == r1 == source:
                c0, c1 = column_index(ma.group(2)), column_index(mb.group(2))
                replicated.append((c0, c1))
                for n in range(first, first + count):
                    out.append(f"{ma.group(2)}{n}:{mb.group(2)}{n}")
            continue
        moved = shift_range(ref, mapper)
        if moved is not None:
            out.append(moved)
    return out, replicated


def shift_dimension(head: str, mapper: Mapper) -> str:
    def dimension(m: re.Match[str]) -> str:
        moved = shift_range(m.group(2), mapper)
        return f"{m.group(1)}{moved or m.group(2)}{m.group(3)}"

    return re.sub(r'(<(?:\w+:)?dimension\b[^>]*?\bref=")([^"]+)(")', dimension, head, count=1)


def rewrite_tail(tail: str, merges: list[str], mapper: Mapper, p: str, sheet_name: str) -> str:
    """After the rows: merged ranges rewritten, every other range and formula moved."""
    block = "".join(f'<{p}mergeCell ref="{ref}"/>' for ref in merges)
    merged = f'<{p}mergeCells count="{len(merges)}">{block}</{p}mergeCells>' if merges else ""
    place = "\x00merges\x00"
    if re.search(rf"<{p}mergeCells\b", tail):
        tail = re.sub(rf"<{p}mergeCells\b.*?</{p}mergeCells>", place, tail, count=1, flags=re.S)
    elif merges:
        # After sheetData (and sheetCalcPr, sheetProtection, protectedRanges, scenarios,
        # autoFilter, sortState, dataConsolidate, customSheetViews), before the rest.
        anchor = None
        for name in ("customSheetViews", "dataConsolidate", "sortState", "autoFilter", "scenarios",
                     "protectedRanges", "sheetProtection", "sheetCalcPr"):  # fmt: skip
            found = re.search(rf"<{p}{name}\b.*?(?:/>|</{p}{name}>)", tail, re.S)
            if found:
                anchor = found.end()
                break
        if anchor is None:
            anchor = tail.index(f"</{p}sheetData>") + len(f"</{p}sheetData>")
        tail = tail[:anchor] + place + tail[anchor:]

    def sqref(m: re.Match[str]) -> str:
        moved = [shift_range(item, mapper) for item in m.group(2).split()]
        kept = " ".join(r for r in moved if r)
        return f"{m.group(1)}{kept or m.group(2)}{m.group(3)}"

    tail = re.sub(r'(\b(?:sqref|ref)=")([^"]+)(")', sqref, tail)

    def brk(m: re.Match[str]) -> str:
        moved = mapper(int(m.group(2)), False)
        return f"{m.group(1)}{moved if moved is not None else m.group(2)}{m.group(3)}"

    tail = re.sub(rf'(<{p}brk\b[^>]*?\bid=")(\d+)(")', brk, tail)

    def formula(m: re.Match[str]) -> str:
        return (
            m.group(1) + shift_refs(m.group(2), mapper, sheet_name, unqualified=True) + m.group(3)
        )

    tail = re.sub(
        r"(<(?:\w+:)?(?:formula|formula1|formula2|f)>)(.*?)(</(?:\w+:)?(?:formula|formula1|formula2|f)>)",
        formula,
        tail,
        flags=re.S,
    )
    return tail.replace(place, merged)

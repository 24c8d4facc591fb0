"""An .xlsx sheet measured the way calamine will read it.

calamine finds a sheet's part through ``xl/_rels/workbook.xml.rels`` (``r:id`` or
``relationships:id`` of the ``<sheet>``; a target without ``xl/`` gets it; member names
compared without regard to case, backslashes read as slashes), then reads the cells of its
first ``sheetData``: a ``<c>`` is placed at its ``r`` reference (the last one, in either
quote, spaces allowed around ``=``, letters in either case), or, without one, after the
previous cell of the row; a ``<row>`` sets the row by its ``r`` and each ``</row>`` moves to the
next. Elements are matched by their name after the first colon, whatever the prefix. The
``<dimension>`` element makes calamine reserve at most 100,000 cells, so it is not trusted
for anything. A cell of type ``s`` becomes a copy of the shared string it names.

Two ways to measure, with the same answer:

- the usual file (every cell written ``<c r="A1" …>`` as Excel, WPS, LibreOffice, openpyxl and
  xlsxwriter write it) is checked with byte searches: each cell tag must match that strict
  form, and only references that could reach a cap are read;
- any other file is read with expat, every event handled as calamine handles it.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from volctl.intake.measure import (
    Caps,
    Damaged,
    Extent,
    chunks,
    last,
    local,
    parse,
    position,
)

RELS = "xl/_rels/workbook.xml.rels"
WORKBOOK = "xl/workbook.xml"
SHARED = "xl/sharedStrings.xml"


def fold(name: str) -> str:
    """A member name as calamine compares it (``path_to_zip_path``)."""
    return name.replace("\\", "/").lower()


class Workbook:
    """The parts of one .xlsx as calamine finds them; its shared strings measured once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.members: dict[str, zipfile.ZipInfo] = {}
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                key = fold(info.filename)
                if key in self.members:  # which one a reader takes is anyone's guess
                    raise Damaged(f"two members named {info.filename}")
                self.members[key] = info
            self.sheets = self._sheets(zf)
        self._shared: list[int] | None = None

    def open(self, zf: zipfile.ZipFile, part: str) -> IO[bytes]:
        return _open(zf, self.members, part)

    def size(self, part: str) -> int:
        info = self.members.get(fold(part))
        return 0 if info is None else info.file_size

    def parts(self, sheet: str) -> list[str]:
        """The part (or, for a name given twice, the parts) calamine may read for ``sheet``."""
        return [part for name, part in self.sheets if name == sheet and fold(part) in self.members]

    def _sheets(self, zf: zipfile.ZipFile) -> list[tuple[str, str]]:
        return sheet_targets(zf, self.members)

    def shared_bounds(self) -> list[int]:
        """For each index a cell may name, the most UTF-8 bytes its shared string can hold: the
        longest text of that ``<si>`` or any later one (calamine skips an ``<si>`` without
        ``<t>``, which shifts the strings after it to lower indices)."""
        if self._shared is None:
            self._shared = _shared_bounds(self)
        return self._shared


def _open(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], part: str) -> IO[bytes]:
    info = members.get(fold(part))
    if info is None:
        raise Damaged(part)
    return zf.open(info)


def sheet_targets(
    zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]
) -> list[tuple[str, str]]:
    """(sheet name, part) in the workbook's order, as calamine finds them; ``members``: the
    zip's members by folded name. Raises ``Damaged`` when the sheet list cannot be read."""
    targets: dict[str, str] = {}

    def relationship(name: str, attrs: list[str]) -> None:
        if local(name) == "Relationship":
            targets[last(attrs, "Id") or ""] = last(attrs, "Target") or ""

    with _open(zf, members, RELS) as stream:
        parse(stream, relationship)
    sheets: list[tuple[str, str]] = []

    def sheet(name: str, attrs: list[str]) -> None:
        if local(name) != "sheet":
            return
        rid = None
        for i in range(0, len(attrs) - 1, 2):
            if attrs[i] in ("r:id", "relationships:id"):
                rid = attrs[i + 1]
        target = targets.get(rid) if rid is not None else None
        if target is None:
            return  # calamine refuses the workbook: it reads no sheet
        if target.startswith("/xl/"):
            target = target[1:]
        elif not target.startswith("xl/"):
            target = f"xl/{target}"
        sheets.append((last(attrs, "name") or "", target))

    if fold(WORKBOOK) in members:
        with _open(zf, members, WORKBOOK) as stream:
            parse(stream, sheet)
    return sheets


def sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    """The member of an open .xlsx holding worksheet ``sheet`` (None: no such sheet). Raises
    ``Damaged`` when the workbook's sheet list cannot be read."""
    members = {fold(info.filename): info for info in zf.infolist()}
    for name, part in sheet_targets(zf, members):
        if name == sheet and fold(part) in members:
            return members[fold(part)].filename
    return None


def _shared_bounds(book: Workbook) -> list[int]:
    if fold(SHARED) not in book.members:
        return []
    lengths: list[int] = []
    inside = False
    size = 0

    def start(name: str, _attrs: list[str]) -> None:
        nonlocal inside, size
        if local(name) == "si":
            if inside:  # calamine would end the outer string at the inner one's end
                raise Damaged("nested <si>")
            inside, size = True, 0

    def end(name: str) -> None:
        nonlocal inside
        if inside and local(name) == "si":
            lengths.append(size)
            inside = False

    def text(data: str) -> None:
        nonlocal size
        if inside:
            size += len(data.encode("utf-8", "surrogatepass"))

    with zipfile.ZipFile(book.path) as zf, book.open(zf, SHARED) as stream:
        parse(stream, start, end, text)
    bounds = list(itertools.accumulate(reversed(lengths), max))
    bounds.reverse()
    return bounds


# ----------------------------------------------------------------------------- measuring


class _Unusual(Exception):
    """The sheet is not written the usual way: measure it event by event."""


def measure(book: Workbook, part: str, caps: Caps) -> Extent:
    """How far the cells of ``part`` reach, the shared text they copy and its merged areas;
    ``TooBig`` as soon as a cap is passed, ``Damaged`` for what calamine would refuse."""
    try:
        return _usual(book, part, caps)
    except _Unusual:
        return _exact(book, part, caps)


def _tag_chunks(stream: IO[bytes]) -> Iterator[list[tuple[bytes, int, int]]]:
    """The member's bytes in pieces of about 1 MB, each cut just before a ``<``, as spans
    ``(data, start, stop)``: a search given a span's bounds (``pattern.search(data, start,
    stop)``) sees what it would see in ``data[start:stop]``, so the megabytes read are searched
    in place, not copied. A piece is one span, or two when it began in the previous read: that
    beginning joined up to the read's first ``<``, then the rest of the read."""
    tail = b""
    for chunk in chunks(stream):
        cut = chunk.rfind(b"<")
        if cut < 0 or (cut == 0 and not tail):
            tail += chunk
            continue
        if tail:
            first = chunk.find(b"<")
            joined = tail + chunk[:first]
            spans = [(joined, 0, len(joined))]
            if first < cut:
                spans.append((chunk, first, cut))
        else:
            spans = [(chunk, 0, cut)]
        yield spans
        tail = chunk[cut:]
    if tail:
        yield [(tail, 0, len(tail))]


# The usual file, proven usual with byte searches that find nothing in it:
# - every cell tag begins ``<c r="`` (no cell placed after the one before it);
_NO_REFERENCE = re.compile(rb'<c(?! r=")[\s/>]')
# - no cell tag has a prefix (``<x:c``);
_PREFIXED = re.compile(rb":c[\s/>]")
# - every ``r=`` is looked at (``r =`` too): an attribute named r (not "header=",
#   "operator="…) written with spaces before its ``=``, or whose value could pass a cap (a
#   second r in a cell counts: calamine takes the last). Values of a row number or of one
#   letter and fewer digits than the row cap has are passed over.
_CANONICAL = re.compile(rb"([A-Z]{1,3})([0-9]{1,7})")
_ROW_NUMBER = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:.-")


def _column(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _references(digits: int) -> re.Pattern[bytes]:
    return re.compile(rb'r[\t\n\r ]*=(?!"[A-Z]?[0-9]{1,%d}")' % (digits - 1))


def _scan(
    data: bytes, start: int, stop: int, references: re.Pattern[bytes], rows: int, columns: int
) -> tuple[int, int]:
    """The farthest row and column the references in ``data[start:stop]`` reach, beyond the
    ones too short to matter; ``_Unusual`` for anything not written the usual way."""
    if _NO_REFERENCE.search(data, start, stop) or _PREFIXED.search(data, start, stop):
        raise _Unusual
    for m in references.finditer(data, start, stop):
        at, end = m.start(), m.end()
        before = data[at - 1] if at > start else 0x20
        if before in _NAME_BYTES or before >= 0x80:
            continue  # another attribute ending in r: header=, operator=…
        if end - at > 2:
            raise _Unusual  # r = "…": read the exact way
        quote = data[end : end + 1] if end < stop else b""
        close = data.find(quote, end + 1, stop) if quote in (b'"', b"'") else -1
        value = data[end + 1 : close] if close > 0 else b""
        found = _CANONICAL.fullmatch(value)
        if found is None:
            if value.isdigit():
                continue  # a row's number: no cell is placed by it here
            raise _Unusual
        rows = max(rows, int(found.group(2)))
        columns = max(columns, _column(found.group(1)))
    return rows, columns


def _usual(book: Workbook, part: str, caps: Caps) -> Extent:
    # References short enough to stay under every cap are not read: a row number, or one
    # letter (26 columns) and fewer digits than the row cap has. The rest are read as found.
    digits = len(str(caps.rows))
    references = _references(digits)
    rows = columns = shared = merged = 0
    count_shared = fold(SHARED) in book.members
    with zipfile.ZipFile(book.path) as zf, book.open(zf, part) as stream:
        for piece in _tag_chunks(stream):
            for data, start, stop in piece:
                rows, columns = _scan(data, start, stop, references, rows, columns)
                if count_shared:
                    shared += data.count(b't="s"', start, stop)
                merged += data.count(b"mergeCell", start, stop)  # <mergeCells>, </…> too
            caps.check(rows, columns, merged=max(0, merged - 2))
    if columns > 26 and max(rows, 10 ** (digits - 1) - 1) * columns > caps.cells:
        # Wide: the rows of one-letter cells matter for the product; find the last exactly.
        with zipfile.ZipFile(book.path) as zf, book.open(zf, part) as stream:
            for piece in _tag_chunks(stream):
                for data, start, stop in piece:
                    found_rows = _ROW_NUMBER.findall(data, start, stop)
                    if found_rows:
                        rows = max(rows, int(max(found_rows, key=lambda b: (len(b), b))))
    text = 0
    if shared:
        # Every shared-string cell could name the longest string: if even that fits, fine;
        # else each cell's string is looked up, in the exact reading.
        text = shared * book.size(SHARED)
        if text > caps.text:
            bounds = book.shared_bounds()
            text = shared * (bounds[0] if bounds else 0)
            if text > caps.text:
                raise _Unusual
    extent = Extent(rows, columns, text, max(0, merged - 2))
    caps.check(extent.rows, extent.columns, extent.text, extent.merged)
    return extent


def _exact(book: Workbook, part: str, caps: Caps) -> Extent:
    """Every event of the part, handled as calamine's cell reader handles it."""
    in_data = done = in_cell = in_value = is_shared = False
    row_index = col_index = rows = columns = text = merged = 0
    value = ""
    bounds: list[int] | None = None

    def start(name: str, attrs: list[str]) -> None:
        nonlocal in_data, in_cell, in_value, is_shared, value, row_index, col_index
        nonlocal rows, columns, merged
        tag = local(name)
        if tag == "mergeCell":
            merged += 1
            caps.check(rows, columns, text, merged)
        if not in_data:
            if tag == "sheetData" and not done:
                in_data = True
            return
        if in_cell:
            if tag in ("c", "row"):  # calamine refuses it ("Expecting 'v, f, or is' node")
                raise Damaged("a cell inside a cell")
            in_value = tag == "v"
            return
        if tag == "row":
            ref = last(attrs, "r")
            if ref is not None:
                row_index = position(ref)[0]
        elif tag == "c":
            ref = last(attrs, "r")
            if ref is not None:
                row, col = position(ref)
                if col is None:
                    raise Damaged(ref)
                col_index = col
            else:
                row, col = row_index, col_index
            rows, columns = max(rows, row + 1), max(columns, col + 1)
            caps.check(rows, columns, text, merged)
            in_cell, is_shared, value = True, last(attrs, "t") == "s", ""

    def end(name: str) -> None:
        nonlocal in_data, done, in_cell, in_value, row_index, col_index, text, bounds
        tag = local(name)
        if in_cell:
            if tag == "v":
                in_value = False
            elif tag == "c":
                in_cell = False
                col_index += 1
                if is_shared and value.isascii() and value.isdigit():
                    if bounds is None:
                        bounds = book.shared_bounds()
                    index = int(value)
                    text += bounds[index] if index < len(bounds) else 0
                    caps.check(rows, columns, text, merged)
            return
        if not in_data:
            return
        if tag == "row":
            row_index += 1
            col_index = 0
        elif tag == "sheetData":
            in_data, done = False, True

    def characters(data: str) -> None:
        nonlocal value
        if in_value and is_shared and len(value) < 32:
            value += data

    with zipfile.ZipFile(book.path) as zf, book.open(zf, part) as stream:
        parse(stream, start, end, characters)
    return Extent(rows, columns, text, merged)

"""Every sheet of a legacy .xls measured the way calamine reads it (``cfb.rs``, ``xls.rs``):
all of them, since calamine builds every sheet when it opens the file.

The workbook stream is found in the OLE2 container as calamine finds it (the first directory
entry named "Workbook", else "Book", its name read up to the first NUL; under 4096 bytes from
the mini stream); every chain of sectors must end within the file, every size fit in it (a
chain that loops, or a size that does not, would make calamine loop or reserve without end).

Then the records, CONTINUE records joined to the one before: the shared strings (SST; the
count it declares is reserved at once, so it must be one the record can hold), and from each
BoundSheet's position to its EOF the cells calamine keeps (numbers, labels, booleans, RK and
MULRK, formulas and their strings, shared-string labels; blanks are not kept), the
DIMENSIONS record (calamine reserves rows x columns cells from it), merged areas, and the text
each cell copies: a shared string in full for every cell that names it.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

from volctl.intake.measure import Caps, Damaged, Extent, TooBig

_END, _FREE = 0xFFFFFFFE, 0xFFFFFFFF
_MINI_CUTOFF = 4096
_CONTINUE, _EOF, _BOF, _BOUNDSHEET, _SST = 0x003C, 0x000A, 0x0809, 0x0085, 0x00FC
_DIMENSIONS, _MERGECELLS, _FORMULA, _MULRK, _LABELSST = 0x0200, 0x00E5, 0x0006, 0x00BD, 0x00FD
_CELLS = {0x0203, 0x0204, 0x0205, 0x027E}  # Number, Label, BoolErr, RK
_LABEL, _STRING = 0x0204, 0x0207
_FORMULA_GROWTH = 64  # a formula's text: at most 64 characters per byte of its tokens
_u16 = struct.Struct("<H").unpack_from
_u32 = struct.Struct("<I").unpack_from
_i32 = struct.Struct("<i").unpack_from


# ----------------------------------------------------------------------------- container


def workbook_stream(data: bytes) -> bytes:
    """The workbook stream, found and read as calamine reads it; ``Damaged`` otherwise."""
    if len(data) < 512 or data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise Damaged("not an OLE2 file")
    shift = _u16(data, 30)[0]
    if shift not in (9, 12) or _u16(data, 32)[0] != 6:
        raise Damaged("sector size")
    sector = 1 << shift
    total = max(0, (len(data) - sector) // sector)
    dir_start, mini_fat_start = _u32(data, 48)[0], _u32(data, 60)[0]
    difat_start = _u32(data, 68)[0]

    def read(number: int) -> bytes:
        if number >= total:
            raise Damaged("sector past the end")
        start = sector + number * sector
        return data[start : start + sector]

    difat = list(struct.unpack_from("<109I", data, 76))
    seen: set[int] = set()
    while difat_start not in (_FREE, _END):
        if difat_start in seen:
            raise Damaged("DIFAT loops")
        seen.add(difat_start)
        block = struct.unpack(f"<{sector // 4}I", read(difat_start))
        difat.extend(block[:-1])
        difat_start = block[-1]
    fat: list[int] = []
    for number in difat:
        if number != _FREE:
            fat.extend(struct.unpack(f"<{sector // 4}I", read(number)))

    def chain(start: int, table: list[int], limit: int) -> list[int]:
        out: list[int] = []
        while start != _END:
            if start >= limit or start >= len(table) or len(out) > limit:
                raise Damaged("chain")
            out.append(start)
            start = table[start]
        return out

    directory = b"".join(read(n) for n in chain(dir_start, fat, total))
    entries = []
    for offset in range(0, len(directory) - 127, 128):
        name = directory[offset : offset + 64].decode("utf-16-le", "ignore").split("\0", 1)[0]
        start = _u32(directory, offset + 116)[0]
        size = struct.unpack_from("<I" if sector == 512 else "<Q", directory, offset + 120)[0]
        entries.append((name, start, size))
    if not entries:
        raise Damaged("no directory")
    for wanted in ("Workbook", "Book"):
        for name, start, size in entries:
            if name != wanted:
                continue
            if size > len(data):
                raise Damaged("stream larger than the file")
            if size >= _MINI_CUTOFF:
                return b"".join(read(n) for n in chain(start, fat, total))[:size]
            root_size = entries[0][2]
            if root_size > len(data):
                raise Damaged("mini stream larger than the file")
            ministream = b"".join(read(n) for n in chain(entries[0][1], fat, total))
            minifat_raw = b"".join(read(n) for n in chain(mini_fat_start, fat, total))
            minifat = list(struct.unpack(f"<{len(minifat_raw) // 4}I", minifat_raw))
            pieces = chain(start, minifat, len(ministream) // 64)
            return b"".join(ministream[m * 64 : (m + 1) * 64] for m in pieces)[:size]
        # calamine looks for "Book" only when no "Workbook" entry exists
    raise Damaged("no workbook stream")


# ----------------------------------------------------------------------------- records


Record = tuple[int, memoryview, list[memoryview]]


def _records(stream: memoryview, pos: int) -> Iterator[Record]:
    """Records from ``pos``, each with the CONTINUE records that follow it (``RecordIter``)."""
    end = len(stream)
    while pos < end:
        if end - pos < 4:
            raise Damaged("record header cut short")
        kind, size = _u16(stream, pos)[0], _u16(stream, pos + 2)[0]
        if pos + 4 + size > end:
            raise Damaged("record cut short")
        body = stream[pos + 4 : pos + 4 + size]
        pos += 4 + size
        more: list[memoryview] = []
        while end - pos > 4 and _u16(stream, pos)[0] == _CONTINUE:
            size = _u16(stream, pos + 2)[0]
            if pos + 4 + size > end:
                raise Damaged("continue record cut short")
            more.append(stream[pos + 4 : pos + 4 + size])
            pos += 4 + size
        yield kind, body, more


class _Reader:
    """A record's bytes read across its CONTINUE records, as calamine's ``Record`` does."""

    def __init__(self, body: memoryview, more: list[memoryview]) -> None:
        self.data, self.more = body, list(more)

    def next_part(self) -> bool:
        if not self.more:
            return False
        self.data = self.more.pop(0)
        return True

    def take(self, count: int) -> memoryview:
        if len(self.data) < count:
            raise Damaged("string cut short")
        out, self.data = self.data[:count], self.data[count:]
        return out

    def skip(self, count: int) -> None:
        while count > 0:
            if not self.data and not self.next_part():
                raise Damaged("continue record too short")
            step = min(count, len(self.data))
            self.data = self.data[step:]
            count -= step


def _shared_sizes(body: memoryview, more: list[memoryview]) -> list[int]:
    """The most UTF-8 bytes each shared string can hold (3 per character)."""
    if len(body) < 8:
        raise Damaged("SST")
    count = _i32(body, 4)[0]
    room = len(body) + sum(len(m) for m in more)
    if count < 0 or count > room // 3:  # each string takes at least 3 bytes
        raise Damaged("SST count")
    reader = _Reader(body[8:], more)
    sizes = []
    for _ in range(count):
        if not reader.data and not reader.next_part():
            raise Damaged("SST cut short")
        if len(reader.data) < 3:
            raise Damaged("SST string")
        chars, flags = _u16(reader.take(2), 0)[0], reader.take(1)[0]
        runs = _u16(reader.take(2), 0)[0] if flags & 0x8 else 0
        ext = _u32(reader.take(4), 0)[0] if flags & 0x4 else 0
        wide, left = bool(flags & 1), chars
        while left:
            width = 2 if wide else 1
            here = min(left, len(reader.data) // width)
            reader.take(here * width)
            left -= here
            if left:
                if not reader.next_part() or not reader.data:
                    raise Damaged("SST cut short")
                wide = bool(reader.take(1)[0] & 1)
        reader.skip(runs * 4)
        reader.skip(ext)
        sizes.append(chars * 3)
    return sizes


def measure(path: Path, caps: Caps) -> dict[str, Extent]:
    """Sheet name -> extent, for every sheet; ``TooBig`` names the sheet that passed a cap
    (cells and text count all sheets together: calamine holds them all)."""
    raw = memoryview(workbook_stream(path.read_bytes()))  # at most --max-size
    sheets: list[tuple[int, str]] = []
    shared: list[int] = []
    for kind, body, more in _records(raw, 0):
        if kind == _EOF:
            break
        if kind == _BOUNDSHEET and len(body) >= 8:
            sheets.append((_u32(body, 0)[0], _sheet_name(bytes(body[6:]))))
        elif kind == _SST:
            shared = _shared_sizes(body, more)
    found: dict[str, Extent] = {}
    cells_before = text_before = merged_before = 0
    for position, name in sheets:
        if position >= len(raw):
            raise Damaged("sheet position past the end")
        try:
            extent = _sheet(raw, position, shared, caps, cells_before, text_before, merged_before)
        except TooBig as exc:
            raise TooBig(exc.extent, name) from None
        found[name] = extent
        cells_before += extent.rows * extent.columns
        text_before += extent.text
        merged_before += extent.merged
    return found


def _sheet(
    raw: memoryview,
    position: int,
    shared: list[int],
    caps: Caps,
    cells_before: int,
    text_before: int,
    merged_before: int,
) -> Extent:
    rows = columns = text = merged = 0
    formula_at: tuple[int, int] | None = None

    def place(row: int, col: int) -> None:
        nonlocal rows, columns
        if row >= rows:
            rows = row + 1
        if col >= columns:
            columns = col + 1

    for count, (kind, body, more) in enumerate(_records(raw, position)):
        size = len(body)
        if kind == _EOF:
            break
        if kind in _CELLS and size >= 4:
            place(_u16(body, 0)[0], _u16(body, 2)[0])
            if kind == _LABEL:
                text += 3 * size
        elif kind == _LABELSST and size >= 10:
            index = _u32(body, 6)[0]
            if index < len(shared) and shared[index]:
                place(_u16(body, 0)[0], _u16(body, 2)[0])
                text += shared[index]
        elif kind == _MULRK and size >= 6:
            first = _u16(body, 2)[0]
            place(_u16(body, 0)[0], first + max(0, (size - 6) // 6 - 1))
        elif kind == _FORMULA and size >= 20:
            formula_at = (_u16(body, 0)[0], _u16(body, 2)[0])
            place(*formula_at)
            text += _FORMULA_GROWTH * (size + sum(len(m) for m in more))
        elif kind == _STRING and formula_at is not None:
            text += 3 * size
        elif kind == _DIMENSIONS:
            reserved_rows, reserved_columns = _dimensions(body)
            caps.check(
                reserved_rows,
                reserved_columns,
                cells=cells_before + reserved_rows * reserved_columns,
            )
        elif kind == _MERGECELLS and size >= 2:
            merged += _u16(body, 0)[0]
        if count % 256 == 0:
            _check(caps, rows, columns, text, merged, cells_before, text_before, merged_before)
    _check(caps, rows, columns, text, merged, cells_before, text_before, merged_before)
    return Extent(rows, columns, text, merged)


def _check(caps: Caps, rows: int, columns: int, text: int, merged: int, *before: int) -> None:
    cells_before, text_before, merged_before = before
    caps.check(
        rows,
        columns,
        text_before + text,
        merged_before + merged,
        cells=cells_before + rows * columns,
    )


def _dimensions(body: memoryview) -> tuple[int, int]:
    """The rows and columns of cells calamine reserves from a DIMENSIONS record
    (``parse_dimensions``), its 32-bit arithmetic included."""
    if len(body) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", body)
    elif len(body) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", body)
    else:
        raise Damaged("DIMENSIONS")
    if last_row >= 1 and last_col >= 1:
        end_row, end_col = last_row - 1, last_col - 1
    else:
        end_row, end_col = first_row, first_col
    return (end_row - first_row + 1) % (1 << 32), (end_col - first_col + 1) % (1 << 32)


def _sheet_name(raw: bytes) -> str:
    if len(raw) < 2:
        return ""
    count, flags = raw[0], raw[1]
    if flags & 1:
        name = raw[2 : 2 + 2 * count].decode("utf-16-le", "replace")
    else:
        name = raw[2 : 2 + count].decode("latin-1")
    return name.replace("\0", "")

"""Before a spreadsheet library opens a file: what it is, and whether opening it is safe.

A sign-up sheet is a few hundred kilobytes, but a file can claim far more. An .xlsx of 5 KB
whose one cell sits at XFD1048576 makes calamine allocate a dense grid of 17 billion cells,
and the process dies outright; a zip member can inflate a thousandfold. So before calamine
sees a file we check, in bounded memory: the file's size; for zip-based formats the
uncompressed size of its members (from the zip directory); and the extent of the chosen
sheet's cells, streamed from the sheet's XML (.xlsx, .ods) or walked from the records of a
legacy .xls. Each refusal names the cap and the option that raises it.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from volctl.errors import InvalidInput, Where
from volctl.intake import DEFAULT_MAX_MB, DEFAULT_MAX_ROWS

Kind = Literal["xlsx", "xls", "ods", "csv"]
UNPACK_FACTOR = 10  # a zip may hold ten times its own size of XML
MAX_COLUMNS = 100  # a sign-up sheet has a dozen or two
CELLS_PER_ROW = 40  # the grid calamine builds: at most max_rows x 40 cells
ROW_SLACK = 1_000  # title rows, blank rows and footers around the data
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """The caps on what one import reads (``--max-rows``, ``--max-size``)."""

    max_rows: int = DEFAULT_MAX_ROWS
    max_mb: float = DEFAULT_MAX_MB

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1024 * 1024)

    @property
    def max_unpacked(self) -> int:
        return self.max_bytes * UNPACK_FACTOR

    @property
    def max_sheet_rows(self) -> int:
        return self.max_rows + ROW_SLACK


@dataclass(frozen=True)
class Extent:
    rows: int
    columns: int


def _where(path: Path) -> Where:
    return Where(file=str(path))


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def sniff(path: Path, limits: Limits) -> Kind:
    """The kind of spreadsheet ``path`` holds, judged by its content, not its name."""
    if not path.exists():
        raise InvalidInput("intake.file_missing", where=_where(path))
    if path.is_dir():
        raise InvalidInput("intake.file_is_folder", where=_where(path))
    size = path.stat().st_size
    if size == 0:
        raise InvalidInput("intake.file_empty", where=_where(path))
    if size > limits.max_bytes:
        raise InvalidInput(
            "intake.file_too_big",
            hint="hint.max_size",
            where=_where(path),
            size=_mb(size),
            limit=_mb(limits.max_bytes),
        )
    with path.open("rb") as f:
        head = f.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, limits)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        _refuse_other_ole(path)
        return "xls"
    _refuse_other(path, head)
    return "csv"


_NOT_SHEETS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7z"),
    (b"{\\rtf", "RTF"),
)


def _refuse_other(path: Path, head: bytes) -> None:
    for magic, kind in _NOT_SHEETS:
        if head.startswith(magic):
            raise InvalidInput("intake.not_a_spreadsheet_kind", where=_where(path), kind=kind)
    lowered = head[:2048].lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    if (
        lowered.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml"))
        or b"<html" in lowered
    ):
        # Many systems export a web page and call it .xls; Excel opens it, calamine cannot.
        raise InvalidInput(
            "intake.html_not_spreadsheet", hint="hint.save_as_xlsx", where=_where(path)
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 text (Excel's "Unicode text"): the CSV reader decodes it
    if b"\x00" in head:
        raise InvalidInput("intake.not_a_spreadsheet", hint="hint.formats", where=_where(path))


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _refuse_other_ole(path: Path) -> None:
    """The OLE container holds .xls, but also old Word files and encrypted .xlsx."""
    data = path.read_bytes()  # at most --max-size
    if _utf16("EncryptedPackage") in data:
        raise InvalidInput("intake.password", where=_where(path))
    if _utf16("WordDocument") in data:
        raise InvalidInput("intake.not_a_spreadsheet_kind", where=_where(path), kind="Word")
    if _utf16("PowerPoint Document") in data:
        raise InvalidInput("intake.not_a_spreadsheet_kind", where=_where(path), kind="PowerPoint")


def _zip_kind(path: Path, limits: Limits) -> Kind:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {info.filename for info in infos}
            unpacked = sum(info.file_size for info in infos)
            if unpacked > limits.max_unpacked:
                raise InvalidInput(
                    "intake.unpacked_too_big",
                    hint="hint.max_size",
                    where=_where(path),
                    size=_mb(unpacked),
                    limit=_mb(limits.max_unpacked),
                )
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "xl/workbook.bin" in names:
                # Binary .xlsb: its cells cannot be measured before opening, so a stray
                # far-away cell could exhaust memory. Rare in practice: ask for .xlsx.
                raise InvalidInput("intake.xlsb", hint="hint.save_as_xlsx", where=_where(path))
            if "mimetype" in names:
                mimetype = zf.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
    except zipfile.BadZipFile:
        raise InvalidInput("intake.damaged", hint="hint.save_as_xlsx", where=_where(path)) from None
    if any(name.startswith("word/") for name in names):
        raise InvalidInput("intake.not_a_spreadsheet_kind", where=_where(path), kind="Word")
    if any(name.startswith("ppt/") for name in names):
        raise InvalidInput("intake.not_a_spreadsheet_kind", where=_where(path), kind="PowerPoint")
    raise InvalidInput("intake.not_a_spreadsheet", hint="hint.formats", where=_where(path))


def check_extent(path: Path, extent: Extent | None, limits: Limits, sheet: str | None) -> None:
    """Refuse a sheet whose cells span more than the caps allow (before calamine builds it)."""
    if extent is None:
        return
    where = _where(path)
    if extent.rows > limits.max_sheet_rows:
        raise InvalidInput(
            "intake.too_many_rows",
            hint="hint.max_rows",
            where=where,
            sheet=sheet or "",
            rows=extent.rows,
            limit=limits.max_rows,
        )
    if extent.columns > MAX_COLUMNS or extent.rows * extent.columns > (
        limits.max_sheet_rows * CELLS_PER_ROW
    ):
        raise InvalidInput(
            "intake.too_wide",
            hint="hint.too_wide",
            where=where,
            sheet=sheet or "",
            rows=extent.rows,
            columns=extent.columns,
        )


# ----------------------------------------------------------------------------- xlsx


def sheet_extent(path: Path, kind: Kind, sheet: str, limits: Limits) -> Extent | None:
    """How far the cells of ``sheet`` reach, read without building the sheet (None: unknown)."""
    if kind == "xlsx":
        from xml.etree.ElementTree import ParseError

        try:
            return _xlsx_extent(path, sheet, limits)
        except (ParseError, zipfile.BadZipFile, KeyError, ValueError):  # a damaged workbook part
            raise InvalidInput(
                "intake.damaged", hint="hint.save_as_xlsx", where=Where(file=str(path))
            ) from None
    if kind == "ods":
        return ods_extents(path).get(sheet)
    if kind == "xls":
        return xls_extents(path).get(sheet)
    return None


def _xlsx_extent(path: Path, sheet: str, limits: Limits) -> Extent | None:
    with zipfile.ZipFile(path) as zf:
        part = sheet_part(zf, sheet)
        if part is None:
            return None
        extent = _xlsx_fast_extent(zf, part, limits.max_sheet_rows)
        return extent or _xlsx_full_extent(zf, part)


def sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding the worksheet named ``sheet`` of an .xlsx (None: not found)."""
    from xml.etree import ElementTree

    names = set(zf.namelist())
    if "xl/workbook.xml" not in names:
        return None
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in names:
        for rel in ElementTree.fromstring(zf.read(rels_name)):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[rel.get("Id", "")] = target
    for element in book.iter():
        if not element.tag.endswith("}sheet") or element.get("name") != sheet:
            continue
        rid = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
        part = targets.get(rid)
        return part if part in names else None
    return None


def _xml_chunks(zf: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The member's bytes in chunks of about 1 MB, each ending before a tag begins."""
    tail = b""
    with zf.open(part) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut <= 0:
                tail = data
                continue
            yield data[:cut]
            tail = data[cut:]
    if tail:
        yield tail


# A cell tag that does not begin with its reference, and a cell tag with a namespace prefix.
_CELL_WITHOUT_REF = re.compile(rb'<c(?! r=")[\s/>]')
_PREFIXED_CELL = re.compile(rb":c[\s/>]")


def _xlsx_fast_extent(zf: zipfile.ZipFile, part: str, row_limit: int) -> Extent | None:
    """The common case, fast: every cell written as <c r="…" (Excel, WPS, LibreOffice, openpyxl).

    Only references that could break a cap are parsed: two- or three-letter columns and rows
    with as many digits as the cap. The result is therefore "at least": rows and columns are
    exact only beyond those thresholds. None when some cell is written another way.
    """
    risky = re.compile(rb'r="([A-Z]{2,3})([0-9]+)"|r="([A-Z])([0-9]{%d,})"' % len(str(row_limit)))
    max_row = max_col = 0
    for data in _xml_chunks(zf, part):
        if _CELL_WITHOUT_REF.search(data) or _PREFIXED_CELL.search(data):
            return None
        for m in risky.finditer(data):
            if data[m.start() - 1 : m.start()] not in (b" ", b"\t", b"\n", b"\r"):
                continue
            letters, digits = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            max_row = max(max_row, int(digits))
            max_col = max(max_col, _column_number(letters))
    return Extent(max_row, max_col)


_XLSX_TAG = re.compile(rb"<(/?)(?:\w+:)?(row|c)(?=[\s/>])([^>]*)>")
_XLSX_REF = re.compile(rb'\br="([A-Z]{0,3})([0-9]*)"')


def _xlsx_full_extent(zf: zipfile.ZipFile, part: str) -> Extent:
    """Every row and cell tag, positions implicit or explicit, as calamine would place them."""
    row = col = max_row = max_col = 0
    for data in _xml_chunks(zf, part):
        for m in _XLSX_TAG.finditer(data):
            closing, tag, attrs = m.groups()
            if closing:
                continue
            ref = _XLSX_REF.search(attrs)
            if tag == b"row":
                row = int(ref.group(2)) if ref and ref.group(2) else row + 1
                col = 0
                continue
            if ref and ref.group(1):
                col = _column_number(ref.group(1))
                row = int(ref.group(2) or row)
            else:
                col += 1
            max_row, max_col = max(max_row, row), max(max_col, col)
    return Extent(max_row, max_col)


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


# ----------------------------------------------------------------------------- ods

_ODS_TAG = re.compile(
    rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>", re.S
)
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')
_ODS_ROWS = re.compile(rb'table:number-rows-repeated="([0-9]+)"')
_ODS_COLS = re.compile(rb'table:number-columns-repeated="([0-9]+)"')


def ods_extents(path: Path) -> dict[str, Extent]:
    """Sheet name -> extent of the cells that hold something, counting repeated rows/cells."""
    import html

    found: dict[str, Extent] = {}
    with zipfile.ZipFile(path) as zf:
        if "content.xml" not in zf.namelist():
            return found
        name, row_pos, col_pos = "", 0, 0
        max_row = max_col = 0
        row_repeat, row_has_value = 1, False
        for data in _xml_chunks(zf, "content.xml"):
            for m in _ODS_TAG.finditer(data):
                closing, tag, attrs, empty = m.groups()
                if tag == b"table":
                    if closing:
                        found[name] = Extent(max_row, max_col)
                    else:
                        named = _ODS_NAME.search(attrs)
                        name = html.unescape(named.group(1).decode()) if named else ""
                        row_pos = max_row = max_col = 0
                elif tag == b"table-row":
                    if not closing:
                        repeated = _ODS_ROWS.search(attrs)
                        row_repeat = int(repeated.group(1)) if repeated else 1
                        row_has_value, col_pos = False, 0
                    if closing or empty:
                        if row_has_value:
                            max_row = row_pos + row_repeat
                        row_pos += row_repeat
                elif not closing:
                    repeated = _ODS_COLS.search(attrs)
                    cols = int(repeated.group(1)) if repeated else 1
                    if not empty or b"value-type" in attrs:
                        max_col = max(max_col, col_pos + cols)
                        row_has_value = True
                    col_pos += cols
    return found


# ----------------------------------------------------------------------------- xls

_CELL_RECORDS = {0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x0006, 0x00D6, 0x0201}
_MULTI_RECORDS = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column, ..., last column
_BOF, _BOUNDSHEET = 0x0809, 0x0085


def xls_extents(path: Path) -> dict[str, Extent]:
    """Sheet name -> extent, from the cell records of the workbook stream (bounded by the
    file-size cap: the whole file is at most --max-size)."""
    data = path.read_bytes()
    stream = _ole_stream(data, ("Workbook", "Book"))
    if stream is None:
        return {}
    sheets: dict[int, str] = {}
    extents: dict[int, list[int]] = {}
    current: list[int] | None = None
    pos, end = 0, len(stream)
    unpack = struct.unpack_from
    while pos + 4 <= end:
        kind, size = unpack("<HH", stream, pos)
        body = pos + 4
        if kind in _CELL_RECORDS and current is not None and size >= 4:
            row, col = unpack("<HH", stream, body)
            if row >= current[0]:
                current[0] = row + 1
            if col >= current[1]:
                current[1] = col + 1
        elif kind in _MULTI_RECORDS and current is not None and size >= 6:
            row = unpack("<H", stream, body)[0]
            last = unpack("<H", stream, body + size - 2)[0]
            current[0] = max(current[0], row + 1)
            current[1] = max(current[1], last + 1)
        elif kind == _BOF:
            current = extents.setdefault(pos, [0, 0])
        elif kind == _BOUNDSHEET and size >= 8:
            offset = unpack("<I", stream, body)[0]
            sheets[offset] = _xls_sheet_name(stream[body + 6 : body + size])
        pos = body + size
    return {name: Extent(*extents[offset]) for offset, name in sheets.items() if offset in extents}


def _xls_sheet_name(raw: bytes) -> str:
    if len(raw) < 2:
        return ""
    count, flags = raw[0], raw[1]
    if flags & 1:
        return raw[2 : 2 + 2 * count].decode("utf-16-le", "replace")
    return raw[2 : 2 + count].decode("latin-1")


def _ole_stream(data: bytes, wanted: tuple[str, ...]) -> bytes | None:
    """A stream of an OLE2 compound file (the container of .xls), read from memory."""
    if len(data) < 512:
        return None
    unpack = struct.unpack_from
    sector = 1 << unpack("<H", data, 30)[0]
    mini_sector = 1 << unpack("<H", data, 32)[0]
    if sector not in (512, 4096) or mini_sector != 64:
        return None
    first_dir, cutoff, first_minifat = unpack("<I", data, 48)[0], *unpack("<II", data, 56)
    first_difat, difat_count = unpack("<II", data, 68)
    total = (len(data) - 512) // sector

    def read_sector(n: int) -> bytes:
        start = 512 + n * sector
        return data[start : start + sector]

    fat_sectors = [s for s in unpack("<109I", data, 76) if s < total]
    seen: set[int] = set()
    while first_difat < total and difat_count > 0 and first_difat not in seen:
        seen.add(first_difat)
        block = read_sector(first_difat)
        difat = unpack(f"<{sector // 4}I", block)
        fat_sectors += [s for s in difat[:-1] if s < total]
        first_difat, difat_count = difat[-1], difat_count - 1
    fat: list[int] = []
    for s in fat_sectors:
        fat.extend(unpack(f"<{sector // 4}I", read_sector(s)))

    def chain(start: int, table: list[int], limit: int) -> list[int]:
        out: list[int] = []
        while start < limit and len(out) <= limit and start not in out[-1:]:
            out.append(start)
            start = table[start] if start < len(table) else limit
        return out

    directory = b"".join(read_sector(s) for s in chain(first_dir, fat, total))
    entries = []
    for offset in range(0, len(directory) - 127, 128):
        length = unpack("<H", directory, offset + 64)[0]
        name = directory[offset : offset + max(0, length - 2)].decode("utf-16-le", "replace")
        start, size = unpack("<II", directory, offset + 116)
        entries.append((name, directory[offset + 66], start, size))
    if not entries:
        return None
    for name, _type, start, size in entries:
        if name not in wanted:
            continue
        if size >= cutoff:
            return b"".join(read_sector(s) for s in chain(start, fat, total))[:size]
        # A small stream lives in the mini stream, held by the root entry.
        root_start = entries[0][2]
        ministream = b"".join(read_sector(s) for s in chain(root_start, fat, total))
        minifat_raw = b"".join(read_sector(s) for s in chain(first_minifat, fat, total))
        minifat = list(unpack(f"<{len(minifat_raw) // 4}I", minifat_raw))
        pieces = chain(start, minifat, len(ministream) // mini_sector)
        joined = b"".join(ministream[m * mini_sector : (m + 1) * mini_sector] for m in pieces)
        return joined[:size]
    return None

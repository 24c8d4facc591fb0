"""Before a spreadsheet library opens a file: what it is, and whether opening it is safe.

A sign-up sheet is a few hundred kilobytes, but a file can claim far more. An .xlsx of 1 KB
whose one cell sits at XFD1048576 makes calamine allocate a dense grid of 17 billion cells; one
of 18 KB whose 3,000 cells name a shared text of a megabyte makes it copy 3 GB; and when an
allocation fails, Rust aborts the process, beyond any catching. So before calamine sees a file
we check, in bounded memory: the file's size; for zip-based formats the uncompressed size of
its members (from the zip directory); then what calamine will build, measured the way calamine
reads the file (:mod:`volctl.intake.measure`): every sheet of an .xls or .ods before the file
is opened (calamine reads them all on opening), the chosen sheet of an .xlsx before it is
built. Each refusal names the cap and the option that raises it; a file calamine would refuse,
or that cannot be measured with certainty, is refused as damaged. Calls into calamine run
inside :func:`native`: a panic there is a damaged file, and its message never reaches the clerk.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from volctl.errors import InvalidInput, Where
from volctl.intake import DEFAULT_MAX_MB, DEFAULT_MAX_ROWS
from volctl.intake.measure import Caps, Damaged, Extent, TooBig, ods, xls, xlsx

Kind = Literal["xlsx", "xls", "ods", "csv"]
UNPACK_FACTOR = 10  # a zip may hold ten times its own size of XML
MAX_COLUMNS = 100  # a sign-up sheet has a dozen or two
CELLS_PER_ROW = 40  # the grid calamine builds: at most max_rows x 40 cells
ROW_SLACK = 1_000  # title rows, blank rows and footers around the data
MERGED_PER_ROW = 4  # merged areas: a few per row at most


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

    @property
    def max_cells(self) -> int:
        """The grid calamine may build for the whole file."""
        return self.max_sheet_rows * CELLS_PER_ROW

    @property
    def max_text(self) -> int:
        """The text calamine may copy into cells (a shared string once per cell naming it)."""
        return self.max_unpacked

    @property
    def max_merged(self) -> int:
        return self.max_sheet_rows * MERGED_PER_ROW


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


# ----------------------------------------------------------------------------- measuring


def caps(limits: Limits) -> Caps:
    return Caps(
        rows=limits.max_sheet_rows,
        columns=MAX_COLUMNS,
        cells=limits.max_cells,
        text=limits.max_text,
        merged=limits.max_merged,
    )


def check_extent(path: Path, extent: Extent | None, limits: Limits, sheet: str | None) -> None:
    """Refuse a sheet whose cells, text or merged areas pass the caps (before calamine builds
    it), naming the cap and the option that raises it."""
    refusal = None if extent is None else _over(path, extent, limits, sheet or "")
    if refusal is not None:
        raise refusal


def too_many_rows(path: Path, rows: int, limits: Limits, sheet: str) -> InvalidInput | None:
    """The refusal of a sheet of more rows than an import takes (measured before it is read,
    or counted once read), or None."""
    if rows <= limits.max_sheet_rows:
        return None
    return InvalidInput(
        "intake.too_many_rows",
        hint="hint.max_rows",
        where=_where(path),
        sheet=sheet,
        rows=rows,
        limit=limits.max_rows,
    )


def _over(path: Path, extent: Extent, limits: Limits, sheet: str) -> InvalidInput | None:
    where = _where(path)
    refusal = too_many_rows(path, extent.rows, limits, sheet)
    if refusal is not None:
        return refusal
    if extent.columns > MAX_COLUMNS or extent.rows * extent.columns > limits.max_cells:
        return _too_wide(path, extent, sheet)
    if extent.text > limits.max_text:
        return InvalidInput(
            "intake.too_much_text",
            hint="hint.max_size",
            where=where,
            sheet=sheet,
            size=_mb(extent.text),
            limit=_mb(limits.max_text),
        )
    if extent.merged > limits.max_merged:
        return InvalidInput(
            "intake.too_many_merged",
            hint="hint.save_as_xlsx",
            where=where,
            sheet=sheet,
            count=extent.merged,
            limit=limits.max_merged,
        )
    return None


def _too_wide(path: Path, extent: Extent, sheet: str) -> InvalidInput:
    return InvalidInput(
        "intake.too_wide",
        hint="hint.too_wide",
        where=_where(path),
        sheet=sheet,
        rows=extent.rows,
        columns=extent.columns,
    )


def _refusal(exc: TooBig | Damaged, path: Path, limits: Limits, sheet: str | None) -> InvalidInput:
    if isinstance(exc, Damaged):
        return InvalidInput("intake.damaged", hint="hint.save_as_xlsx", where=_where(path))
    name = (exc.sheet if exc.sheet is not None else sheet) or ""
    # Past no cap of its own: only the grid of all sheets together passed the cap.
    return _over(path, exc.extent, limits, name) or _too_wide(path, exc.extent, name)


# What was measured, per file (its path, size and time) and caps: a workbook is measured once
# however many of its sheets are looked at.
_measured: dict[tuple[str, int, int, Kind, Limits, str], object] = {}


def _once(
    path: Path, kind: Kind, limits: Limits, measure: Callable[[], object], part: str = ""
) -> object:
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns, kind, limits, part)
    if key not in _measured:
        if len(_measured) > 16:
            _measured.clear()
        try:
            _measured[key] = measure()
        except (OSError, zipfile.BadZipFile, struct.error, ValueError, EOFError):
            raise InvalidInput(
                "intake.damaged", hint="hint.save_as_xlsx", where=_where(path)
            ) from None
    return _measured[key]


def check_workbook(path: Path, kind: Kind, limits: Limits) -> None:
    """Before calamine opens the file: .xls and .ods are read whole on opening, so every sheet
    is measured now; an .xlsx has its workbook and relationships read (each sheet is measured
    before it is built, ``sheet_extent``). ``InvalidInput`` for a file over a cap or damaged."""
    _workbook(path, kind, limits)


def _workbook(path: Path, kind: Kind, limits: Limits) -> object:
    try:
        if kind == "xlsx":
            return _once(path, kind, limits, lambda: xlsx.Workbook(path))
        if kind == "ods":
            return _once(path, kind, limits, lambda: _ods(path, limits))
        if kind == "xls":
            return _once(path, kind, limits, lambda: xls.measure(path, caps(limits)))
    except (TooBig, Damaged) as exc:
        raise _refusal(exc, path, limits, None) from None
    return None


def _ods(path: Path, limits: Limits) -> dict[str, Extent]:
    with zipfile.ZipFile(path) as zf:
        return ods.measure(zf, caps(limits))


def sheet_extent(path: Path, kind: Kind, sheet: str, limits: Limits) -> Extent | None:
    """How far the cells of ``sheet`` reach, and the text and merged areas calamine will hold
    for it, measured without building it (None for CSV). Refuses (``InvalidInput``) as soon as
    a cap is passed, and a file calamine would refuse or that cannot be measured as damaged."""
    measured = _workbook(path, kind, limits)
    if isinstance(measured, dict):
        return measured.get(sheet)
    if not isinstance(measured, xlsx.Workbook):
        return None
    book = measured

    def measure(part: str) -> Callable[[], Extent]:
        return lambda: xlsx.measure(book, part, caps(limits))

    try:
        extents = [_once(path, kind, limits, measure(part), part) for part in book.parts(sheet)]
    except (TooBig, Damaged) as exc:
        raise _refusal(exc, path, limits, sheet) from None
    found = [e for e in extents if isinstance(e, Extent)]
    if not found:
        return None
    return Extent(
        max(e.rows for e in found),
        max(e.columns for e in found),
        max(e.text for e in found),
        max(e.merged for e in found),
    )


# ----------------------------------------------------------------------------- the reader


@contextlib.contextmanager
def native(path: Path) -> Iterator[None]:
    """Around a call into calamine: whatever it prints on stderr (a Rust panic's message and
    backtrace) is kept from the clerk, and a panic (a reader failing on a file it cannot read)
    is a damaged file, one message like any other."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    saved: int | None = None
    with contextlib.suppress(OSError):  # no stderr to begin with: nothing to keep from anyone
        saved = os.dup(2)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 2)
        os.close(quiet)
    try:
        yield
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise InvalidInput("intake.damaged", hint="hint.save_as_xlsx", where=_where(path)) from None
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)

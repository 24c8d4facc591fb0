"""Rows as data: CSV, JSON and xlsx, written as the rows come, never all held in memory.

Every writer takes the columns' keys and an iterable of rows and writes each row as it
arrives, so a list of a hundred thousand people needs no more memory than a list of ten. A
command's rows are dicts (flattened by :func:`records`: a record field such as a guardian
becomes ``guardian_name``, ``guardian_phone``); a raw table's rows are tuples.

What a cell becomes:

- text stays text. In CSV a text that a spreadsheet would run as a formula (=, +, -, @, tab or
  CR first) gets a leading apostrophe (:func:`volctl.render.cells.inert`); in xlsx every text is a
  string cell (an identity number or a phone is never turned into 3.30482E+17), and a
  formula-like one carries Excel's quote prefix: shown as typed, never run;
- numbers stay numbers, a negative one too (``-2``, not ``'-2``): a pivot table sums them;
- nothing is an empty cell; true/false are words in CSV and booleans in xlsx; a list is its
  items joined by ";".

The header row is the keys today. ``headers`` replaces them with labels (the interface's
language) in one place, for the day the CSV and xlsx headers follow the language.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from volctl.render.cells import FORMULA_PREFIXES, cell_text, csv_keys, flatten, inert

XLSX_ROWS = 1_048_575  # an Excel sheet's rows, less the header
XLSX_TEXT = 32_767  # the characters an Excel cell holds
# Rows read before a workbook's column widths are set (a streamed sheet cannot widen later).
WIDTH_SAMPLE = 500
MAX_WIDTH = 60
# Whole numbers beyond Excel's 15 significant digits are written as text, every digit kept.
EXCEL_DIGITS = 10**15

Row = Sequence[Any]


def records(
    rows: Iterable[dict[str, Any]],
    keys: Sequence[str] | None = None,
    nested: dict[str, Sequence[str]] | None = None,
) -> tuple[list[str], Iterator[Row]]:
    """Dict rows as their flattened keys and a stream of value lists. A list's keys are every
    key of every row (``render.cells.csv_keys``); a stream's are its first row's (its rows share a
    shape), so only that row is looked at before writing starts."""
    if isinstance(rows, Sequence):
        found = list(keys) if keys is not None else csv_keys(rows, nested)
        stream: Iterator[dict[str, Any]] = iter(rows)
    else:
        stream = iter(rows)
        first = next(stream, None)
        found = list(keys) if keys is not None else csv_keys([first] if first else [], nested)
        if first is not None:
            stream = itertools.chain([first], stream)

    def values() -> Iterator[Row]:
        for row in stream:
            flat = flatten(row) if any(type(v) is dict for v in row.values()) else row
            yield [flat.get(key) for key in found]

    return found, values()


# ----------------------------------------------------------------------------- CSV


def csv_cell(value: Any) -> Any:
    """A value as CSV writes it: numbers as numbers (2.0 as 2), text made inert."""
    kind = type(value)
    if kind is str:
        return inert(value)
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return value
    if kind is float:
        return int(value) if value.is_integer() else value
    return inert(cell_text(value))


def write_csv(
    keys: Sequence[str],
    rows: Iterable[Row],
    out: IO[str],
    *,
    headers: Sequence[str] | None = None,
    cell: Callable[[Any], Any] = csv_cell,
) -> int:
    """A header row, then each row; returns the rows written."""
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers or keys)
    count = 0
    for row in rows:
        writer.writerow([cell(v) for v in row])
        count += 1
    return count


# ----------------------------------------------------------------------------- JSON

_SCALARS = frozenset({str, int, float, bool, type(None)})


class _Json:
    """``json.dumps(data, indent=2, ensure_ascii=False, default=str)``, byte for byte, written
    as it goes: a list or a generator is written item by item, and a flat record (the rows of
    every list) in one call of the C encoder (``indent`` would send all of it through the
    pure-Python one)."""

    def __init__(self, out: IO[str]) -> None:
        import json

        self.out = out
        self.scalar = json.JSONEncoder(ensure_ascii=False, default=str).encode
        self.flat: dict[int, Callable[[Any], str]] = {}
        self.json = json

    def flat_record(self, level: int) -> Callable[[Any], str]:
        encode = self.flat.get(level)
        if encode is None:
            pad = "\n" + "  " * (level + 1)
            encode = self.json.JSONEncoder(
                ensure_ascii=False, default=str, separators=("," + pad, ": ")
            ).encode
            self.flat[level] = encode
        return encode

    def key(self, key: Any) -> str:
        if isinstance(key, str):
            return self.scalar(key)
        if key is None or isinstance(key, bool | int | float):
            return self.scalar(self.scalar(key))
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")

    def write(self, value: Any, level: int = 0) -> None:
        out = self.out
        if isinstance(value, dict):
            if not value:
                out.write("{}")
                return
            pad = "\n" + "  " * (level + 1)
            if all(type(v) in _SCALARS for v in value.values()):
                text = self.flat_record(level)(value)
                out.write("{" + pad + text[1:-1] + "\n" + "  " * level + "}")
                return
            out.write("{")
            for number, (key, item) in enumerate(value.items()):
                out.write(("," if number else "") + pad + self.key(key) + ": ")
                self.write(item, level + 1)
            out.write("\n" + "  " * level + "}")
        elif isinstance(value, list | tuple) or (
            isinstance(value, Iterator) and not isinstance(value, str | bytes)
        ):
            pad = "\n" + "  " * (level + 1)
            empty = True
            for item in value:  # "[" goes out before the first item is computed
                out.write("[" + pad if empty else "," + pad)
                empty = False
                self.write(item, level + 1)
            out.write("[]" if empty else "\n" + "  " * level + "]")
        else:
            out.write(self.scalar(value))


def write_json(data: Any, out: IO[str]) -> None:
    """``data`` as indented JSON (the documented shape), streaming any generator inside it."""
    _Json(out).write(data)
    out.write("\n")


# ----------------------------------------------------------------------------- xlsx


def write_xlsx(
    keys: Sequence[str],
    rows: Iterable[Row],
    out: IO[bytes],
    *,
    sheet: str = "Sheet1",
    headers: Sequence[str] | None = None,
) -> int:
    """A workbook of one sheet, streamed (xlsxwriter's constant-memory mode): a bold header
    row, frozen, with a filter; column widths from the header and the first rows; columns of
    text formatted as text. Returns the rows written; more than a sheet holds is refused."""
    import xlsxwriter

    from volctl.errors import InvalidInput

    book = xlsxwriter.Workbook(
        _Quiet(out),
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    ws = book.add_worksheet(sheet_name(sheet))
    bold = book.add_format({"bold": True})
    kinds = {
        "text": book.add_format({"num_format": "@"}),
        "decimal": book.add_format({"num_format": "0.0##"}),  # hours: 41.0, not 41
        None: None,
    }
    quoted = book.add_format({"num_format": "@", "quote_prefix": True})
    stream = iter(rows)
    sample = list(itertools.islice(stream, WIDTH_SAMPLE))
    titles = list(headers or keys)
    for col, (width, style) in enumerate(_columns(titles, sample)):
        ws.set_column(col, col, width, kinds[style])
    for col, title in enumerate(titles):
        ws.write_string(0, col, title, bold)
    ws.freeze_panes(1, 0)

    # The cell writers without their A1-notation wrapper (the innermost loop of every export);
    # the public ones where a version of xlsxwriter has them not.
    write_string = getattr(ws, "_write_string", ws.write_string)
    write_number = getattr(ws, "_write_number", ws.write_number)
    count = 0
    for count, row in enumerate(itertools.chain(sample, stream), 1):
        if count > XLSX_ROWS:
            raise InvalidInput(
                "export.too_many_rows",
                hint="hint.export_use_csv",
                rows=f"{count}+",
                limit=XLSX_ROWS,
            )
        for col, value in enumerate(row):
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                if not value:
                    continue
                if value[0] in _SPECIAL or len(value) > _PLAIN_LENGTH or not value.isprintable():
                    _write_text(ws, count, col, value, quoted)
                else:
                    write_string(count, col, value, None)
            elif kind is int:
                if -EXCEL_DIGITS < value < EXCEL_DIGITS:
                    write_number(count, col, value, None)
                else:
                    write_string(count, col, str(value), None)
            elif kind is float:
                write_number(count, col, value, None)
            elif kind is bool:
                ws.write_boolean(count, col, value)
            elif kind is bytes:
                write_string(count, col, value.hex(), None)
            else:
                cell = cell_text(value)
                if cell:
                    _write_text(ws, count, col, cell, quoted)
    if titles:
        ws.autofilter(0, 0, count, len(titles) - 1)
    book.close()
    return count


class _Quiet:
    """The workbook's file for xlsxwriter. When writing fails (a full disk), xlsxwriter leaves
    its zip archive open; collected later, after the file is closed, the archive would print
    "Exception ignored in ZipFile.__del__" and a traceback. Once the file is closed, or a write
    has failed, this one takes what comes and drops it, keeping count of where it would be so
    that the archive closes in silence: the file is being thrown away."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.failed = False
        self.position = self.end = 0

    def _dropping(self) -> bool:
        return self.failed or self.handle.closed

    def write(self, data: bytes) -> int:
        if not self._dropping():
            try:
                self.handle.write(data)
            except BaseException:
                self.failed = True
                raise
        self.position += len(data)
        self.end = max(self.end, self.position)
        return len(data)

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self.position, self.end)[whence]
        self.position = base + offset
        if not self._dropping():
            self.handle.seek(self.position)
        return self.position

    def flush(self) -> None:
        if not self._dropping():
            self.handle.flush()

    def seekable(self) -> bool:
        return True


# A text needs a closer look when it may run as a formula or read as xlsxwriter's markup
# ("<r>…</r>"), holds a character XML cannot carry, or may be longer than a cell holds.
_SPECIAL = frozenset(FORMULA_PREFIXES) | {"<"}
_PLAIN_LENGTH = XLSX_TEXT // 2  # UTF-16 units: a longer text is measured


def _write_text(ws: Any, row: int, col: int, value: str, quoted: Any) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if not value.isprintable():
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    value = value[:XLSX_TEXT]
    if value.startswith("<r>") and value.endswith("</r>"):
        # xlsxwriter would take it for its own rich-string markup: pieces keep it text.
        ws.write_rich_string(row, col, value[:1], value[1:2], value[2:])
    elif value.startswith(FORMULA_PREFIXES):
        ws.write_string(row, col, value, quoted)
    else:
        ws.write_string(row, col, value)


def _columns(titles: Sequence[str], sample: Sequence[Row]) -> Iterator[tuple[float, str | None]]:
    """Each column's width (in Excel's characters: a Chinese one counts two) and the kind of
    its values: ``text`` (identity numbers, phones, codes: formatted as text), ``decimal``
    (hours: shown with their decimal) or None."""
    from rich.cells import cell_len

    for col, title in enumerate(titles):
        values = [row[col] for row in sample if col < len(row) and row[col] not in (None, "")]
        widest = max(
            (cell_len(v if isinstance(v, str) else cell_text(v)) for v in values), default=0
        )
        # A Chinese character is two cells on a terminal and a little more in a sheet.
        width = min(max(cell_len(title), widest, 4) * 1.1 + 2, MAX_WIDTH)
        kind = None
        if values and all(isinstance(v, str) for v in values):
            kind = "text"
        elif values and all(type(v) is float for v in values):
            kind = "decimal"
        yield width, kind


_SHEET_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def sheet_name(name: str) -> str:
    """A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\\."""
    cleaned = name.translate(_SHEET_FORBIDDEN).strip("'").strip()[:31]
    return cleaned or "Sheet1"

"""Reading a sign-up sheet row by row: .xlsx, .xls, .ods through calamine; CSV in UTF-8
(with or without BOM), UTF-16 (Excel's "Unicode text") or GB18030/GBK.

``open_table`` checks the file (``guard``), picks the sheet (``--sheet``, else the first
visible sheet with a header row), finds the header and returns the data rows lazily, each
with its row number as the clerk's spreadsheet shows it. Cells keep their types: an
identity number Excel stored as a number arrives as a float, so it can be recognised as
mangled instead of being turned into a wrong number.
"""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from volctl.errors import InvalidInput, Where
from volctl.i18n import join_list
from volctl.intake import form, guard, merges
from volctl.intake.headers import HEADER_SCAN_ROWS, Header, Merge, detect, is_blank

Row = tuple[int, Sequence[object]]  # (row number in the sheet, cells)
Mapping = dict[str, str]  # header (``headings.mapping_key``) -> field, settled by the clerk


@dataclass
class Table:
    """One sheet of one file: where it is, its header, and its data rows (lazily)."""

    path: Path
    kind: guard.Kind
    sheet: str | None  # None for CSV
    header: Header
    rows: Iterator[Row]  # the rows after the header, blank ones included
    total: int | None = None  # rows in the sheet, for a progress bar
    other_sheets: list[str] = field(default_factory=list)
    encoding: str | None = None
    forms: list[str] = field(default_factory=list)  # one person per sheet: the sheets, in order
    spanned: frozenset[int] = frozenset()  # rows with a cell merged across columns

    def sheet_of(self, row: int) -> str | None:
        """The sheet a data row came from (a form file: one sheet per row)."""
        return self.forms[row - 1] if self.forms else self.sheet


def open_table(
    path: Path,
    *,
    sheet: str | None,
    limits: guard.Limits,
    explicit: Mapping | None = None,
    remembered: Mapping | None = None,
) -> Table:
    """The file's table; ``explicit`` and ``remembered`` map headers to fields as the clerk
    said (``--column``; saved for the roster)."""
    kind = guard.sniff(path, limits)
    settle = {"explicit": explicit or {}, "remembered": remembered or {}}
    if kind == "csv":
        table = _csv_table(path, limits, settle)
    else:
        table = _workbook_table(path, kind, sheet, limits, settle)
    if table.header.ambiguous:
        raise _ambiguous(path, table.header)
    if "id_number" not in table.header.by_field:
        raise InvalidInput(
            "intake.no_id_column",
            hint="hint.no_header",
            where=Where(file=str(path), row=table.header.row),
            columns=join_list(c.label for c in table.header.columns if c.label),
        )
    return table


def _ambiguous(path: Path, header: Header) -> InvalidInput:
    """Two columns that could both be one field: said, never guessed."""
    from volctl.i18n import t

    contested = header.ambiguous[0].clue
    columns = [c for c in header.ambiguous if c.clue == contested]
    return InvalidInput(
        "intake.ambiguous_columns",
        hint="hint.ambiguous_columns",
        where=Where(file=str(path), row=header.row),
        field=t(f"field.{contested}"),
        columns=join_list(f"「{c.label}」" for c in columns),
        header=columns[0].label,
        name=contested,
    )


# ----------------------------------------------------------------------------- workbooks


def _workbook_table(
    path: Path, kind: guard.Kind, wanted: str | None, limits: guard.Limits, settle: Any
) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    where = Where(file=str(path))
    guard.check_workbook(path, kind, limits)  # .xls and .ods are read whole on opening
    try:
        with guard.native(path):
            book = CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise InvalidInput("intake.password", where=where) from None
    except (CalamineError, OSError, ValueError):
        raise InvalidInput("intake.damaged", hint="hint.save_as_xlsx", where=where) from None
    with book:  # a loaded sheet outlives its workbook; the file is not held open
        return _pick_sheet(book, path, kind, wanted, limits, settle)


def _pick_sheet(
    book: Any, path: Path, kind: guard.Kind, wanted: str | None, limits: guard.Limits, settle: Any
) -> Table:
    from python_calamine import CalamineError, SheetVisibleEnum

    where = Where(file=str(path))
    visible = [m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible]
    if wanted is not None:
        candidates = [match_sheet(book.sheet_names, wanted, path)]
    else:
        candidates = visible or list(book.sheet_names)
    for name in candidates:
        guard.check_extent(path, guard.sheet_extent(path, kind, name, limits), limits, name)
        try:
            with guard.native(path):
                sheet = book.get_sheet_by_name(name)
                merged = merges.of_sheet(sheet, path, kind, name)
        except CalamineError:
            raise InvalidInput("intake.damaged", hint="hint.save_as_xlsx", where=where) from None
        refusal = guard.too_many_rows(path, sheet.height, limits, name)
        if refusal is not None:
            raise refusal
        # calamine's rows start at the sheet's first row even when its first cells are lower
        # down (its columns start at the first used one): row n is the sheet's row n.
        rows = _numbered(sheet.iter_rows(), 1, path, limits)
        header, rest, seen = _find_header(rows, merged, settle)
        if form.is_form(_grid(seen), merged):
            return _forms_table(book, path, kind, name, [*candidates], limits)
        if header is None:
            if wanted is None and name != candidates[-1]:
                continue  # an instructions sheet first: try the next one
            raise _no_header(path, name if wanted else None, candidates, seen)
        return Table(
            path,
            kind,
            name,
            header,
            merges.fill_down(rest, merged, after=header.row),
            total=sheet.height,
            other_sheets=[s for s in visible if s != name],
            spanned=frozenset(r0 + 1 for r0, c0, _r1, c1 in merged if c1 > c0),
        )
    raise _no_header(path, None, candidates)


def _grid(seen: Sequence[Row]) -> list[Sequence[object]]:
    """Rows as a grid by their sheet row numbers (counted from 1), blank rows in between."""
    grid: list[Sequence[object]] = []
    for number, values in seen:
        grid.extend([()] * (number - 1 - len(grid)))
        grid.append(values)
    return grid


def _forms_table(
    book: Any, path: Path, kind: guard.Kind, first: str, names: list[str], limits: guard.Limits
) -> Table:
    """A file of filled-in 志愿者服务登记表: each sheet that is one is one row."""
    found: list[form.Form] = []
    for name in names[names.index(first) :]:
        guard.check_extent(path, guard.sheet_extent(path, kind, name, limits), limits, name)
        sheet = book.get_sheet_by_name(name)
        numbered = _numbered(sheet.iter_rows(), 1, path, limits)
        seen = list(itertools.islice(numbered, form.SCAN_ROWS))
        grid, merged = _grid(seen), merges.of_sheet(sheet, path, kind, name)
        if form.is_form(grid, merged):
            found.append(form.read(grid, merged, name))
    columns, rows = form.as_table(found)
    header = Header(found[0].row, columns, first_row=found[0].row)
    table = Table(path, kind, found[0].sheet, header, iter(rows), total=len(rows))
    table.forms = [f.sheet for f in found]
    return table


def match_sheet(names: list[str], wanted: str, path: Path) -> str:
    """The sheet ``--sheet`` names: by name (also without spaces, in any case), else by its
    number counted from 1 in the workbook's order; otherwise ``InvalidInput`` naming the file
    and the sheets there are. A sheet whose name is a number is found by its name first."""
    from volctl.text import compact

    if wanted in names:
        return wanted
    folded = {compact(n).casefold(): n for n in names}
    found = folded.get(compact(wanted).casefold())
    if found is not None:
        return found
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    raise InvalidInput(
        "intake.no_such_sheet",
        where=Where(file=str(path), field="import_sheet"),
        sheet=wanted,
        sheets=join_list(f"{number} {name}" for number, name in enumerate(names, start=1)),
    )


def _numbered(
    cells: Iterator[Sequence[object]], first: int, path: Path, limits: guard.Limits
) -> Iterator[Row]:
    for offset, values in enumerate(cells):
        if offset >= limits.max_sheet_rows:
            raise InvalidInput(
                "intake.too_many_rows",
                hint="hint.max_rows",
                where=Where(file=str(path)),
                sheet="",
                rows=f">{limits.max_sheet_rows}",
                limit=limits.max_rows,
            )
        yield first + offset, values


def _find_header(
    rows: Iterator[Row], merged: Sequence[Merge], settle: Any
) -> tuple[Header | None, Iterator[Row], list[Row]]:
    """Look for the header among the first non-blank rows; the rows after it stay lazy.
    Also returns the rows looked at (to tell a form, or what the sheet looks like)."""
    seen: list[Row] = []
    for row in rows:
        if not is_blank(row[1]):
            seen.append(row)
        if len(seen) >= HEADER_SCAN_ROWS + 1:
            break
    header = detect(seen, merged, **settle)
    if header is None:
        return None, iter(()), seen
    after = [row for row in seen if row[0] > header.row]
    return header, itertools.chain(after, rows), seen


def _no_header(
    path: Path, sheet: str | None, sheets: Sequence[str], seen: Sequence[Row] = ()
) -> InvalidInput:
    if sheet is not None or len(sheets) <= 1:
        key = form.describe(_grid(seen))
        signin = key == "intake.looks_like_signin"
        return InvalidInput(
            key,
            hint="hint.looks_like_signin" if signin else "hint.no_header",
            where=Where(file=str(path)),
            rows=HEADER_SCAN_ROWS,
        )
    return InvalidInput(
        "intake.no_header_any_sheet",
        hint="hint.no_header",
        where=Where(file=str(path)),
        sheets=join_list(sheets),
    )


# ----------------------------------------------------------------------------- CSV


def _csv_table(path: Path, limits: guard.Limits, settle: Any) -> Table:
    encoding, delimiter, lines = csv_dialect(path)
    rows = _numbered(csv_values(path, encoding, delimiter), 1, path, limits)
    header, rest, seen = _find_header(rows, (), settle)
    if header is None:
        raise _no_header(path, None, (), seen)
    return Table(path, "csv", None, header, rest, total=lines, encoding=encoding)


def csv_dialect(path: Path) -> tuple[str, str, int]:
    """How a CSV is written: its encoding (``csv_encoding``), its delimiter (``csv_delimiter``,
    from the first 64 KB) and its number of lines. Shared by every reader of text sheets."""
    encoding, lines = csv_encoding(path)
    try:
        with path.open(encoding=encoding, newline="") as f:
            sample = f.read(65536)
    except UnicodeDecodeError:
        raise InvalidInput("intake.encoding", where=Where(file=str(path))) from None
    return encoding, csv_delimiter(sample), lines


def csv_encoding(path: Path) -> tuple[str, int]:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (a superset of GBK and GB2312);
    and the number of lines, for the progress bar."""
    with path.open("rb") as f:
        head = f.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            f.seek(0)
            return "utf-16", f.read().count(b"\n\x00" if head[0] == 0xFF else b"\x00\n")
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        utf8, lines = True, 0
        while chunk := f.read(1 << 20):
            lines += chunk.count(b"\n")
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    if utf8:
        return ("utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"), lines
    return "gb18030", lines


def csv_delimiter(sample: str) -> str:
    """Comma, tab (Excel's "Unicode text") or semicolon (Excel in some locales): the one the
    first non-blank lines hold most of; a comma when they hold none."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    counts = {d: sum(line.count(d) for line in lines) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_values(path: Path, encoding: str, delimiter: str) -> Iterator[list[str]]:
    """The rows of a CSV, lazily; a byte the encoding cannot decode or a malformed line is an
    ``InvalidInput`` naming the file and the row. The caller caps the number of rows."""
    number = 0
    with path.open(encoding=encoding, newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        try:
            for values in reader:
                number += 1
                yield values
        except UnicodeDecodeError:
            raise InvalidInput(
                "intake.encoding", where=Where(file=str(path), row=number + 1)
            ) from None
        except csv.Error as exc:
            raise InvalidInput(
                "intake.csv_broken", where=Where(file=str(path), row=number + 1), reason=str(exc)
            ) from None

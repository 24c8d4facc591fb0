"""Raw tables for ``volctl export table``: every row as stored, for Excel or another program.

The roster's tables and views (``describe`` lists them; SQLite's own and the migration record
are left out) go out as CSV (UTF-8 with BOM, for Excel), JSON (an array of objects keyed by
column, values as stored: text, integers, reals, null) or xlsx (one sheet, the header frozen,
written by xlsxwriter in constant-memory mode), all through the one output layer
(``volctl.render.rows``). Rows are streamed, so a table of millions of rows needs little
memory.

Safety, whatever the format:

- personal data is masked unless ``show_pii``: the columns ``audit.PII_KEYS`` names (identity
  numbers, phones, addresses, guardians, emergency and family contacts) wherever they appear,
  the audit log's ``detail`` as ``volctl audit`` shows it, and identity numbers or phones written
  into free text (notes, reasons, content);
- in CSV a text cell that a spreadsheet would evaluate (=, +, -, @, tab or CR first) gets a
  leading apostrophe (``render.cells.inert``); in xlsx it is a string cell with Excel's quote
  prefix, shown as typed and never run; numbers stay numbers in both. JSON is data, not a
  spreadsheet: its text is left as stored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from volctl.audit import PII_KEYS, mask_detail
from volctl.errors import InvalidInput, NotFound, Where
from volctl.render.cells import FORMULA_PREFIXES

FORMATS = ("csv", "json", "xlsx")
INTERNAL = frozenset({"_sqlite_migrations"})
# Free text where a clerk may have typed a number or a phone: scrubbed by shape.
FREE_TEXT = frozenset(
    {
        "notes",
        "description",
        "needs",
        "reason",
        "status_reason",
        "withdrawn_reason",
        "undo_reason",
        "content",
        "beneficiaries",
        "evaluation",
        "place",
    }
)
BATCH = 2000

Mask = Callable[[Any], Any]


def describe(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The exportable tables and views: name, kind, rows, personal columns (masked)."""
    found = []
    for name, kind in _objects(conn):
        columns = _columns(conn, name)
        found.append(
            {
                "name": name,
                "kind": kind,
                "rows": conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0],
                "columns": columns,
                "personal": [c for c in columns if c in PII_KEYS or c == "detail"],
            }
        )
    return found


def _objects(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return [
        (row[0], row[1])
        for row in conn.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"
            " AND name NOT LIKE 'sqlite%' ORDER BY type, name"
        )
        if row[0] not in INTERNAL
    ]


def _columns(conn: sqlite3.Connection, name: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]


def _check(conn: sqlite3.Connection, name: str) -> str:
    known = [n for n, _kind in _objects(conn)]
    wanted = name.strip()
    if wanted not in known:
        raise NotFound(
            "export.table_unknown",
            hint="hint.export_tables",
            where=Where(field="table"),
            name=name,
            names=", ".join(known),
        )
    return wanted


def choose_format(given: str | None, output: Path | None) -> str:
    """``--format``, else the output file's suffix (another suffix is refused), else csv: the
    output layer's rule (``render.formats``) for raw data's three formats."""
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    if given is not None:
        kind = given.strip().lower()
        if kind not in FORMATS:
            raise InvalidInput(
                "export.table_format_unknown", where=Where(field="format"), value=given
            )
        if suffix in FORMATS and suffix != kind:
            raise InvalidInput(
                "output.suffix_mismatch", where=Where(field="output"), path=str(output), format=kind
            )
    elif output is not None:
        if suffix not in FORMATS:
            raise InvalidInput(
                "export.table_suffix",
                where=Where(field="output"),
                path=str(output),
                accepted=" ".join(f".{kind}" for kind in FORMATS),
            )
        kind = suffix
    else:
        kind = "csv"
    if kind == "xlsx" and output is None:
        raise InvalidInput("export.xlsx_needs_file", where=Where(field="output"))
    return kind


# ----------------------------------------------------------------------------- masking


def _masker(column: str) -> Mask | None:
    """How a column is masked, as ``volctl audit`` masks the same keys (``audit.PII_KEYS``)."""
    from volctl.masking import mask_id_number, mask_phone
    from volctl.text import mask_text

    if column == "detail":
        return _mask_json
    if column == "id_number":
        return mask_id_number
    if column in PII_KEYS and column.endswith("phone"):
        return lambda value: (
            value
            if not isinstance(value, str)
            else mask_phone(value)
            if value.startswith("+")
            else mask_text(value, 3)
        )
    if column in PII_KEYS:
        keep = 6 if column == "address" else 1
        return lambda value: mask_text(value, keep) if isinstance(value, str) else value
    if column in FREE_TEXT:
        return mask_detail
    return None


def _mask_json(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        parsed = json.loads(value)
    except ValueError:
        return mask_detail(value)
    return json.dumps(mask_detail(parsed), ensure_ascii=False)


def rows(
    conn: sqlite3.Connection, name: str, *, show_pii: bool = False
) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The columns of table ``name`` and its rows (in rowid order for tables), masked."""
    name = _check(conn, name)
    columns = _columns(conn, name)
    maskers = [None if show_pii else _masker(c) for c in columns]
    kind = dict(_objects(conn))[name]
    order = " ORDER BY rowid" if kind == "table" and not _without_rowid(conn, name) else ""
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute(f'SELECT * FROM "{name}"{order}')

    masked = [(i, m) for i, m in enumerate(maskers) if m is not None]

    def generate() -> Iterator[tuple[Any, ...]]:
        for batch in iter(lambda: cursor.fetchmany(BATCH), []):
            if not masked:
                yield from batch
                continue
            for row in batch:
                values = list(row)
                for i, mask in masked:
                    if values[i] is not None:
                        values[i] = mask(values[i])
                yield tuple(values)

    return columns, generate()


def _without_rowid(conn: sqlite3.Connection, name: str) -> bool:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    return "WITHOUT ROWID" in (sql or "").upper()


# ----------------------------------------------------------------------------- writing
# Through the one output layer (``volctl.render.rows``): streamed, row by row.


_FIRST = frozenset(FORMULA_PREFIXES)


def _csv_cell(value: Any) -> Any:
    """A value as stored: text made inert (``render.cells.inert``); numbers, a negative one too,
    stay numbers (2.0 stays 2.0); a blob as hex."""
    if type(value) is str:
        return "'" + value if value and value[0] in _FIRST else value
    if value is None:
        return ""
    return value.hex() if isinstance(value, bytes) else value


def _objects_of(columns: list[str], data: Iterator[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    for row in data:
        yield {
            key: value.hex() if isinstance(value, bytes) else value
            for key, value in zip(columns, row, strict=True)
        }


def _write_text(
    kind: str, columns: list[str], data: Iterator[tuple[Any, ...]], out: IO[str]
) -> int:
    from volctl.render.rows import write_csv, write_json

    if kind != "json":
        return write_csv(columns, data, out, cell=_csv_cell)
    count = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal count
        for row in _objects_of(columns, data):
            count += 1
            yield row

    write_json(counted(), out)
    return count


def export(
    conn: sqlite3.Connection, name: str, kind: str, out: IO[str], *, show_pii: bool = False
) -> int:
    """Write table ``name`` as csv or json to a text stream (stdout); returns the rows."""
    columns, data = rows(conn, name, show_pii=show_pii)
    return _write_text(kind, columns, data, out)


def export_file(
    conn: sqlite3.Connection, name: str, kind: str, path: Path, *, show_pii: bool = False
) -> int:
    """Write table ``name`` to ``path``, whole or not at all and readable by its owner only
    (raw data holds names and more)."""
    from volctl import files

    columns, data = rows(conn, name, show_pii=show_pii)
    if kind == "xlsx":
        from volctl.render.rows import write_xlsx

        with files.open_binary(path) as handle:
            return write_xlsx(columns, data, handle, sheet=name)
    with files.open_text(path, encoding=files.text_encoding(path)) as out:
        return _write_text(kind, columns, data, out)

"""The one place that turns a result into table / json / csv (and plain text for files).

Commands compute a plain structure once: a list of dicts (rows) or one dict (a record),
plus the columns a table shows. ``--format`` picks the renderer. JSON is the documented,
stable shape (ISO dates, hours as numbers); CSV carries the same keys; tables show
translated headers. Text that a spreadsheet would run as a formula is neutralised in CSV.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    justify: str = "left"
    no_wrap: bool = False


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def inert(value: str) -> str:
    """Text a spreadsheet could evaluate (=, +, -, @, tab, CR first) gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}_"))
        else:
            flat[name] = value
    return flat


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_json(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def csv_keys(
    rows: Sequence[dict[str, Any]], nested: dict[str, Sequence[str]] | None = None
) -> list[str]:
    """The columns of ``rows`` flattened, in the order of their keys. A field that is a record
    in some rows and empty in others (a guardian) is the record's columns in every row;
    ``nested`` names such fields and their keys when no row may hold one."""
    shape: dict[str, dict[str, None] | None] = {}
    for name, keys in (nested or {}).items():
        shape[name] = dict.fromkeys(keys)
    for row in rows:
        for key, value in row.items():
            if isinstance(value, dict):
                known = shape.get(key) or {}
                known.update(dict.fromkeys(csv_keys([value])))
                shape[key] = known
            else:
                shape.setdefault(key, None)
    ordered = [*(k for k in (rows[0] if rows else {}) if k in shape), *shape]
    columns: list[str] = []
    for key in dict.fromkeys(ordered):
        subkeys = shape[key]
        columns.extend([key] if subkeys is None else (f"{key}_{sub}" for sub in subkeys))
    return columns


def to_csv(
    rows: Sequence[dict[str, Any]],
    keys: Sequence[str] | None = None,
    *,
    nested: dict[str, Sequence[str]] | None = None,
) -> str:
    import csv
    import io

    flat = [_flatten(r) for r in rows]
    if keys is None:
        keys = csv_keys(rows, nested)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    for r in flat:
        writer.writerow([inert(_cell(r.get(k))) for k in keys])
    return out.getvalue()


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(_display(v) for v in value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    *,
    title: str | None = None,
    caption: str | None = None,
) -> Any:
    """A rich Table of ``rows`` showing ``columns``."""
    from rich.cells import cell_len
    from rich.markup import escape
    from rich.table import Table

    cells = [[_display(row.get(col.key)) for col in columns] for row in rows]
    grid = Table(title=title, caption=caption, header_style="bold", show_lines=False)
    for index, col in enumerate(columns):
        # A column that must not wrap (a masked identity number, a date) keeps its whole
        # width on a narrow terminal; the columns that may wrap give way instead.
        widest = max((cell_len(line[index]) for line in cells), default=0)
        grid.add_column(
            col.header,
            justify=col.justify,  # type: ignore[arg-type]
            overflow="fold",
            no_wrap=col.no_wrap,
            min_width=widest if col.no_wrap else None,
        )
    for line in cells:
        grid.add_row(*(escape(text) for text in line))
    return grid


def record_table(
    record: dict[str, Any], labels: dict[str, str], *, title: str | None = None
) -> Any:
    """A two-column field/value table for one record; nested dicts shown as sub-fields."""
    from rich.markup import escape
    from rich.table import Table

    grid = Table(title=title, show_header=False, box=None, padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column(overflow="fold")
    for key, value in _flatten(record).items():
        if value is None or value == "" or value == []:
            continue  # a form shows what is known; json and csv keep every key
        grid.add_row(labels.get(key, key), escape(_display(value)))
    return grid

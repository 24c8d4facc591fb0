"""Values as a file holds them: a cell's text (lists joined, a record's values), nested records
flattened into columns, and text a spreadsheet could evaluate made inert. Shared by the
terminal tables (``volctl.render``) and the files (``volctl.render.rows``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def inert(value: str) -> str:
    """Text a spreadsheet could evaluate (=, +, -, @, tab, CR first) gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        else:
            flat[name] = value
    return flat


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        # A record inside a list (a recipient's volunteers): its values, as a person reads it.
        return " ".join(text for text in (cell_text(v) for v in value.values()) if text)
    if isinstance(value, list | tuple):
        return ";".join(cell_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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

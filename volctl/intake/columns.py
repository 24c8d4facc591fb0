"""Column mappings the clerk gives: ``--column "志愿者名字=name"``, remembered per roster.

A header that reading by meaning cannot place (or places where the clerk knows better) is
mapped explicitly, with the field named as ``register add`` names its option (``name``,
``id-number``, ``office-phone``, ``birth``, ``political``…), as the field itself
(``office_phone``) or by its Chinese label (办公电话); ``notes`` keeps the column in the
notes, ``guardian`` reads it as one "name and phone" cell, and an empty field (or ``ignore``)
leaves it unread. The header may be a column letter (``E=phone``). With ``--remember`` the
mappings are saved in the roster (``import_columns``) and used by every later import, until
mapped again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from volctl.errors import InvalidInput, Where
from volctl.headings import GUARDIAN, mapping_key
from volctl.i18n import join_list, t_in
from volctl.roster.volunteers import FIELDS

# ``register add`` option names that differ from the field's.
_OPTIONS = {"birth": "birth_date", "political": "political_status"}
_UNREAD = ("", "ignore", "skip", "none", "-", "不读取", "忽略")
# Fields a column may be mapped to: the registration's, except what the roster derives.
CHOICES = tuple(f for f in FIELDS if f != "guardian_consent_on")


@dataclass(frozen=True)
class ColumnMapping:
    header: str  # as the clerk wrote it
    key: str  # as compared (``headings.mapping_key``)
    field: str  # a field, GUARDIAN, or "" to leave the column unread


def field_name(raw: str, where: Where, name_of: Callable[[str], str | None] | None = None) -> str:
    """A field as the clerk names it -> the field ("" for unread). ``name_of``: another
    reader of field names (the template filler's fields), None for the registration's."""
    text = raw.strip()
    lowered = text.lower().replace("-", "_")
    if lowered in _UNREAD or text in _UNREAD:
        return ""
    if name_of is not None:
        return name_of(text) or ""
    if lowered == "guardian":
        return GUARDIAN
    lowered = _OPTIONS.get(lowered, lowered)
    if lowered in CHOICES:
        return lowered
    for name in CHOICES:
        if text == t_in("zh", f"field.{name}"):
            return name
    raise InvalidInput(
        "intake.column_field_unknown",
        where=where,
        value=text,
        choices=join_list([*(c.replace("_", "-") for c in CHOICES), "guardian", "ignore"]),
    )


def parse(
    specs: Sequence[str], name_of: Callable[[str], str | None] | None = None
) -> list[ColumnMapping]:
    """``--column`` values ("HEADER=field") -> mappings; a malformed one is ``InvalidInput``.
    ``name_of``: as in :func:`field_name`."""
    out: dict[str, ColumnMapping] = {}
    for spec in specs:
        where = Where(field="column")
        header, sep, name = spec.rpartition("=")
        if not sep or not mapping_key(header):
            raise InvalidInput("intake.column_spec", where=where, value=spec)
        key = mapping_key(header)
        out[key] = ColumnMapping(header.strip(), key, field_name(name, where, name_of))
    return list(out.values())


def as_table(mappings: Sequence[ColumnMapping]) -> dict[str, str]:
    return {m.key: m.field for m in mappings}


def remembered(conn: sqlite3.Connection) -> dict[str, str]:
    """The mappings saved for this roster: header key -> field."""
    return {key: name for key, name in conn.execute("SELECT header, field FROM import_columns")}


def remembered_list(conn: sqlite3.Connection) -> list[ColumnMapping]:
    return [
        ColumnMapping(label, key, name)
        for key, label, name in conn.execute(
            "SELECT header, label, field FROM import_columns ORDER BY label"
        )
    ]


def remember(conn: sqlite3.Connection, mappings: Sequence[ColumnMapping]) -> None:
    """Save ``mappings`` for later imports (in the caller's transaction), audited; a header
    mapped again replaces its earlier mapping (the old one stays in the audit log)."""
    from volctl import audit

    now = audit.now_iso()
    operator = audit.context().operator
    for m in mappings:
        old = conn.execute("SELECT field FROM import_columns WHERE header = ?", (m.key,)).fetchone()
        conn.execute(
            "INSERT INTO import_columns (header, label, field, remembered_at, operator)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(header) DO UPDATE SET label = excluded.label,"
            " field = excluded.field, remembered_at = excluded.remembered_at,"
            " operator = excluded.operator",
            (m.key, m.header, m.field, now, operator),
        )
        audit.record(
            conn,
            "import.column_remembered",
            "import_columns",
            None,
            header=m.header,
            field=m.field,
            old=old[0] if old else None,
        )

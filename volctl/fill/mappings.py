"""``--column "HEADER=field"`` for templates, and ``--remember``: the mappings saved for that
template, found again by its header next month.

Parsing is the import's (``volctl.intake.columns``); the field is named as the filler names
it (a key such as ``hours``, a header a template would write such as 服务时长, or its label in
either language; ``ignore`` or nothing leaves the column empty). Remembered mappings live in
``fill_columns``, keyed by the template's signature (``template.Template.signature``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from volctl.errors import InvalidInput, Where
from volctl.intake.columns import ColumnMapping, as_table, parse


def field_of(text: str) -> str | None:
    """A fill field as the clerk names it, or ``InvalidInput`` listing the fields."""
    from volctl.fill import fields as F
    from volctl.fill.where import resolve_field
    from volctl.i18n import join_list

    for mode in F.MODES:
        try:
            return resolve_field(text, mode)
        except InvalidInput:
            continue
    raise InvalidInput(
        "fill.column_field_unknown",
        where=Where(field="column"),
        value=text,
        choices=join_list(F.field_names()),
    )


def parse_columns(specs: Sequence[str]) -> list[ColumnMapping]:
    return parse(specs, field_of)


def remembered(conn: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """Template signature -> (header key -> field), for every template remembered."""
    out: dict[str, dict[str, str]] = {}
    for template, header, name in conn.execute("SELECT template, header, field FROM fill_columns"):
        out.setdefault(template, {})[header] = name
    return out


def remember(
    conn: sqlite3.Connection, signature: str, label: str, mappings: Sequence[ColumnMapping]
) -> None:
    """Save ``mappings`` for the template (in the caller's transaction), audited."""
    from volctl import audit

    now = audit.now_iso()
    operator = audit.context().operator
    for m in mappings:
        old = conn.execute(
            "SELECT field FROM fill_columns WHERE template = ? AND header = ?", (signature, m.key)
        ).fetchone()
        conn.execute(
            "INSERT INTO fill_columns (template, template_label, header, label, field,"
            " remembered_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(template, header) DO UPDATE SET template_label = excluded.template_label,"
            " label = excluded.label, field = excluded.field,"
            " remembered_at = excluded.remembered_at, operator = excluded.operator",
            (signature, label, m.key, m.header, m.field, now, operator),
        )
        audit.record(
            conn,
            "fill.column_remembered",
            "fill_columns",
            None,
            template=label,
            header=m.header,
            field=m.field,
            old=old[0] if old else None,
        )


__all__ = ["ColumnMapping", "as_table", "parse_columns", "remember", "remembered"]

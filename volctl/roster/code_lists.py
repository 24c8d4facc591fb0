"""The lists the clerk can extend (``code_lists``): activity categories, beneficiary groups, ….

Built-in entries come from DOMAIN.md (schema step m001) and stay; the clerk adds local ones.
A value typed on the command line must be on its list, so a typo does not become a new
category that the year-end report counts apart.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import InvalidInput, Where
from volctl.i18n import join_list
from volctl.text import bounded, clean

CATEGORY = "category"
BENEFICIARY_GROUP = "beneficiary_group"
MAX_VALUE = 30


def values(conn: sqlite3.Connection, name: str) -> list[str]:
    return [
        row[0]
        for row in conn.execute(
            "SELECT value FROM code_lists WHERE list = ? ORDER BY position, value", (name,)
        )
    ]


def entries(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """The list with where each entry came from (built in or added by the clerk)."""
    return [
        {"value": row["value"], "builtin": bool(row["builtin"])}
        for row in conn.execute(
            "SELECT value, builtin FROM code_lists WHERE list = ? ORDER BY position, value",
            (name,),
        )
    ]


def check(conn: sqlite3.Connection, name: str, raw: object, where: Where | None = None) -> str:
    """The value as listed (a built-in one also by its English name, ``volctl.values``), or
    ``InvalidInput`` (``reason.<name>_unknown``) naming the choices."""
    from volctl import values as names

    text = clean(raw)
    known = values(conn, name)
    folded = {clean(value): value for value in known}  # as stored, 「（」 and all
    if text in folded:
        return folded[text]
    found = names.find(name, text) if name in names.kinds() else None
    if found is not None and found in known:
        return found
    raise InvalidInput(
        f"reason.{name}_unknown",
        hint=f"hint.{name}_add",
        where=where,
        value=text,
        choices=names.choices(name, known) if name in names.kinds() else join_list(known),
    )


def add(conn: sqlite3.Connection, name: str, raw: object) -> bool:
    """Add a value to a list; False when it is already there. One transaction, audited."""
    text = bounded(raw, "value", MAX_VALUE, missing="reason.code_value_missing")
    with transaction(conn):
        if clean(text) in {clean(value) for value in values(conn, name)}:
            return False
        position = conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM code_lists WHERE list = ?", (name,)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO code_lists (list, value, position, builtin) VALUES (?, ?, ?, 0)",
            (name, text, position),
        )
        audit.record(conn, "code_list.add", "code_lists", None, list=name, value=text)
    return True

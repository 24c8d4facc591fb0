"""The lists a clerk can extend: activity categories, beneficiary groups, training topics,
service intentions. Built-in entries come from the national lists and the seeds."""

from __future__ import annotations

import sqlite3

from volctl import audit
from volctl.errors import Conflict, InvalidInput, Where
from volctl.text import clean

LISTS = ("category", "beneficiary_group", "training_topic", "intention")


def values(conn: sqlite3.Connection, name: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT value FROM code_lists WHERE list = ? ORDER BY position, value", (name,)
        )
    ]


def add(conn: sqlite3.Connection, name: str, value: str) -> str:
    """Add an entry (inside the caller's transaction); refuses one that is already there."""
    text = clean(value)
    if not text or len(text) > 30:
        raise InvalidInput("codelist.bad_value", where=Where(field="code_value"), value=text)
    if text in values(conn, name):
        raise Conflict("codelist.exists", value=text)
    position = conn.execute(
        "SELECT coalesce(max(position), -1) + 1 FROM code_lists WHERE list = ?", (name,)
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO code_lists (list, value, position, builtin) VALUES (?, ?, ?, 0)",
        (name, text, position),
    )
    audit.record(conn, "codelist.add", "code_lists", None, list=name, value=text)
    return text


def check(conn: sqlite3.Connection, name: str, value: object, field: str) -> str:
    """``value`` if it is on the list, else a refusal that lists the choices and how to extend."""
    text = clean(value)
    allowed = values(conn, name)
    if text not in allowed:
        raise InvalidInput(
            "codelist.unknown",
            hint=f"hint.codelist_add_{name}",
            where=Where(field=field),
            value=text,
            choices="、".join(allowed),
        )
    return text

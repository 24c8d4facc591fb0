"""Activities: lookup (the rest of the activity commands build on this)."""

from __future__ import annotations

import sqlite3

from volctl.errors import Conflict, NotFound
from volctl.text import clean


def find(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """An activity by its number (A20250315-01), its id, or a unique title."""
    text = clean(ref)
    row = conn.execute(
        "SELECT * FROM activities WHERE activity_no = ? COLLATE NOCASE", (text,)
    ).fetchone()
    if row is None and text.isdigit():
        row = conn.execute("SELECT * FROM activities WHERE id = ?", (int(text),)).fetchone()
    if row is not None:
        return row
    rows = conn.execute(
        "SELECT * FROM activities WHERE title = ? ORDER BY date, id", (text,)
    ).fetchall()
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        candidates = "; ".join(f"{r['activity_no']} {r['date']} {r['title']}" for r in rows)
        raise Conflict(
            "activity.ambiguous",
            hint="hint.activity_ambiguous",
            ref=text,
            count=len(rows),
            candidates=candidates,
        )
    raise NotFound("activity.not_found", hint="hint.activity_not_found", ref=text)

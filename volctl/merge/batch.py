"""Rows of one table inserted many at once, exactly as one at a time would insert them.

A merge adds thousands of copies (memberships, insurance…) and activities, each with an
``INSERT`` of its own. ``insert`` writes a run of them with one ``executemany`` inside a
savepoint: each row gets the id the statement of its own would have given it (the next after
the largest, as this roster's tables have no AUTOINCREMENT), and the ids are checked to be
those. When any row is refused (a copy already on record here, a broken constraint) or the ids
are not the expected ones, the savepoint is rolled back and nothing of the run is left: the
caller writes the run one row at a time, as it always did, with the same outcome row by row.

``ROW_BY_ROW`` (a test sets it) makes every run go one row at a time.
``tests/test_merge_rows.py`` holds the two ways to the same tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

ROW_BY_ROW = False
_SAVEPOINT = "volctl_merge_batch"


def insert(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> list[int] | None:
    """Insert ``rows`` (values of ``columns``) into ``table``; the new rows' ids in order, or
    None when the run must be written one row at a time (nothing of it written)."""
    if ROW_BY_ROW or not rows:
        return None
    (before,) = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()
    marks = ", ".join("?" for _ in columns)
    conn.execute(f"SAVEPOINT {_SAVEPOINT}")
    try:
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        (last,) = conn.execute("SELECT last_insert_rowid()").fetchone()
        (count,) = conn.execute(
            f"SELECT count(*) FROM {table} WHERE rowid > ?", (before,)
        ).fetchone()
        ok = last == before + len(rows) and count == len(rows)
    except sqlite3.IntegrityError:
        ok = False
    if not ok:
        conn.execute(f"ROLLBACK TO {_SAVEPOINT}")
    conn.execute(f"RELEASE {_SAVEPOINT}")
    return list(range(before + 1, last + 1)) if ok else None

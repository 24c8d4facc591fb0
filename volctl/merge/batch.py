"""Rows of one table inserted many at once, exactly as one at a time would insert them.

A merge adds thousands of copies (memberships, insurance…) and activities, each with an
``INSERT`` of its own. ``insert`` writes them with one ``executemany``: it runs the same
statement for each row in turn, so each row gets the id its own statement would have given it
(the next after the largest: this roster's tables have no AUTOINCREMENT), and a row refused
(a copy already on record here, a broken constraint) stops it with the rows before it written,
the refused one not. That row is then handed to the caller's own one-row insert, which meets
the roster exactly as it would have (and is refused again: skipped, or the merge refused), as
are the rows after it until one is written (refusals tend to come in runs: the people a
community shares with another); the rest go on at once. The ids written are checked to be
those; were they not, the run is rolled back to where it started and written one row at a
time.

``ROW_BY_ROW`` (a test sets it) makes every run go one row at a time.
``tests/test_merge_rows.py`` holds the two ways to the same tables.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Sequence
from itertools import islice
from typing import Any

ROW_BY_ROW = False
_SAVEPOINT = "volctl_merge_batch"


def insert(
    conn: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    rows: list[tuple[Any, ...]],
    one: Callable[[int], int | None],
) -> list[int | None]:
    """Insert ``rows`` (values of ``columns``) into ``table``; each one's new id in order, or
    what ``one`` (the caller's insert of the row at that index alone) returned for it."""
    ids: list[int | None] = []
    if ROW_BY_ROW:
        return [one(i) for i in range(len(rows))]
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    start = 0
    alone = False  # a row was refused: the next go alone until one is written
    while start < len(rows):
        if alone:
            ids.append(one(start))
            alone = ids[-1] is None
            start += 1
            continue
        (before,) = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()
        conn.execute(f"SAVEPOINT {_SAVEPOINT}")
        refused = False
        try:
            conn.executemany(sql, islice(rows, start, None))
        except sqlite3.IntegrityError:
            refused = True
        except BaseException:
            # Anything else ends the merge: the savepoint is not left open behind it.
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute(f"ROLLBACK TO {_SAVEPOINT}")
                    conn.execute(f"RELEASE {_SAVEPOINT}")
            raise
        last, count = conn.execute(
            f"SELECT coalesce(max(rowid), ?), count(*) FROM {table} WHERE rowid > ?",
            (before, before),
        ).fetchone()
        if last != before + count or (not refused and start + count != len(rows)):
            # Not the ids (or not the rows) one INSERT each gives.
            conn.execute(f"ROLLBACK TO {_SAVEPOINT}")
            conn.execute(f"RELEASE {_SAVEPOINT}")
            return [*ids, *(one(i) for i in range(start, len(rows)))]
        conn.execute(f"RELEASE {_SAVEPOINT}")
        ids.extend(range(before + 1, before + count + 1))
        start += count
        alone = refused
    return ids

"""Registering many volunteers at once (a sheet import): who is registered already, and the
prepared volunteers stored with their audit entries in two ``executemany`` statements. Re-exported
by ``volctl.roster.volunteers``, which registers them one at a time.
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Callable
from functools import partial
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

from volctl import audit, settings
from volctl.db import next_counter
from volctl.sqltext import literal


def identities(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[int, str, str]]:
    """Every registered (document type, number) -> (id, volunteer number, name), in one query."""
    return {
        (kind, number): (vid, volunteer_no, name)
        for vid, kind, number, volunteer_no, name in conn.execute(
            "SELECT id, id_type, id_number, volunteer_no, name FROM volunteers"
        )
    }


_is_none = partial(operator.is_, None)


def insert_many(
    conn: sqlite3.Connection, records: list[dict[str, Any]], *, batch_id: int | None
) -> list[tuple[int, str]]:
    """Store many prepared, already de-duplicated volunteers at once (a sheet import).

    The same rows and audit entries as ``insert`` one by one, written with ``executemany``;
    the caller holds the transaction and has checked that none is registered yet (the
    UNIQUE constraint stops any that slipped through). Returns (id, volunteer number) pairs.
    """
    if not records:
        return []
    prefix = settings.get(conn, "volunteer_no_prefix")
    first_no = next_counter(conn, "volunteer_no", len(records))
    first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM volunteers").fetchone()[0]
    now = audit.now_iso()
    keys = list(records[0])
    columns = ["id", "volunteer_no", *keys, "import_batch_id", "created_at", "updated_at"]
    # A column no record of the batch has a value in is written NULL in the statement itself:
    # the same NULL, without sqlite3 looking for an adapter for each None bound (most of a
    # sheet's columns are empty for most people).
    empty = {key for key in keys if all(map(_is_none, map(itemgetter(key), records)))}
    bound = [key for key in keys if key not in empty]
    # Every record has the same keys, in the same order; their values as one tuple.
    pick: Callable[[dict[str, Any]], tuple[Any, ...]] = (
        itemgetter(*bound) if len(bound) > 1 else lambda values: tuple(values[k] for k in bound)
    )
    # The batch, created_at and updated_at, the same in every row, are written into the
    # statement once (bound only when they cannot be written exactly: volctl.sqltext).
    shared = (batch_id, now, now)
    written = [literal(value) for value in shared]
    tail = tuple(value for value, text in zip(shared, written, strict=True) if text is None)
    stored: list[tuple[int, str]] = []
    rows = []
    for offset, values in enumerate(records):
        vid, number = first_id + offset, f"{prefix}{first_no + offset:06d}"
        stored.append((vid, number))
        rows.append((vid, number, *pick(values), *tail))
    marks = ", ".join(
        ["?", "?", *("NULL" if key in empty else "?" for key in keys)]
        + ["?" if text is None else text for text in written]
    )
    conn.executemany(f"INSERT INTO volunteers ({', '.join(columns)}) VALUES ({marks})", rows)
    # The detail insert() records, {"volunteer_no": …, "name": …, "batch": …}, as json.dumps
    # writes it (the same escaping function and separators), without an encoder per row.
    batch = "null" if batch_id is None else str(int(batch_id))
    audit.record_many(
        conn,
        "volunteer.add",
        "volunteers",
        [
            (
                vid,
                f'{{"volunteer_no": {encode_basestring(number)}, '
                f'"name": {encode_basestring(values["name"])}, "batch": {batch}}}',
            )
            for (vid, number), values in zip(stored, records, strict=True)
        ],
    )
    return stored

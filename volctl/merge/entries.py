"""Writing a source's checked ledger entries into this roster's ledger, a chunk at a time.

Each chunk is written to a temporary table, then moved into ``service_records``:

- its originals with one ``INSERT … SELECT``, then their chains and year totals set-based:
  one ``INSERT … SELECT`` into ``service_chains`` from the records just written, one grouped
  upsert into ``service_year_totals``. These are exactly the rows the trigger that opens a
  chain (``service_records_chain_open``) writes for each original, and the chains mirror their
  records by construction, as ``service_chains_mirror_insert`` checks row by row; the two
  triggers for corrections test every original only to find it is none;
- then its corrections (amendments, voids), in the source's order, with one ``INSERT …
  SELECT`` through the ledger's own triggers, which check each one's target and advance its
  chain and year totals row by row, as for any correction.

So these four insert triggers are set aside (dropped inside the merge's transaction) while a
source's entries are written, the two for corrections created again around each chunk's
corrections, and all four created again from their own SQL, as they were, when the entries
are written. Every other trigger and constraint stays (the UNIQUE index still refuses a second
record that counts of a person on an activity); a failure rolls the whole merge back, the
triggers with it. An original comes before its corrections in a source, and a chunk is moved
in parts, each ending before an original of a person and activity whose record a void in it
reverses, so moving a part's originals before its corrections changes no outcome.

The set-based statements are written for those triggers' SQL as the schema has it
(``volctl.schema.m003_ledger``): a roster whose triggers read otherwise has its entries
written through them row by row, in order (as ``ORDERED`` asks for every roster).
``tests/test_merge_bulk.py`` holds the two ways to the same tables.

SQLite journals each changed page once per statement: one statement per chunk instead of one
per row keeps the statement journal small (an ``executemany`` is one statement per row).
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from operator import itemgetter
from typing import Any

CHUNK = 20_000
KIND = 15  # where an entry's kind is in a chunk's row

_CHUNK_TABLE = (
    "CREATE TEMP TABLE IF NOT EXISTS merge_entries (id INTEGER PRIMARY KEY, volunteer_id,"
    " activity_id, service_date, start_time, end_time, minutes, attendance, place, content,"
    " beneficiaries, leader, recorder, evaluation, notes, kind, corrects_id, reason,"
    " recorded_at, source_row)"
)
WIDTH = 20
_COLUMNS = (
    "id, volunteer_id, activity_id, service_date, start_time, end_time, minutes, attendance,"
    " place, content, beneficiaries, leader, recorder, evaluation, notes, kind, corrects_id,"
    " reason, recorded_at"
)
_MOVE = f"INSERT INTO service_records ({_COLUMNS}) SELECT {_COLUMNS} FROM temp.merge_entries"
_MOVE_ALL = f"{_MOVE} ORDER BY id"
_MOVE_ORIGINALS = f"{_MOVE} WHERE id BETWEEN ? AND ? AND kind = 'original' ORDER BY id"
_MOVE_CORRECTIONS = f"{_MOVE} WHERE id BETWEEN ? AND ? AND kind <> 'original' ORDER BY id"
# What ``service_records_chain_open`` writes for each original, for a chunk's at once.
_OPEN_CHAINS = (
    "INSERT INTO service_chains"
    " (record_id, latest_id, volunteer_id, activity_id, service_date, minutes)"
    " SELECT id, id, volunteer_id, activity_id, service_date, minutes FROM service_records"
    " WHERE id BETWEEN ? AND ? AND kind = 'original' ORDER BY id"
)
_ADD_YEARS = (
    "INSERT INTO service_year_totals (volunteer_id, year, records, services, minutes)"
    " SELECT volunteer_id, CAST(substr(service_date, 1, 4) AS INTEGER) AS year, count(*),"
    " sum(minutes > 0), sum(minutes) FROM service_records"
    " WHERE id BETWEEN ? AND ? AND kind = 'original' GROUP BY volunteer_id, year"
    " ON CONFLICT (volunteer_id, year) DO UPDATE"
    " SET records = records + excluded.records, services = services + excluded.services,"
    " minutes = minutes + excluded.minutes"
)
_OWN = (
    "INSERT INTO source_records (entry_id, source_id, source_row, current, run_id)"
    " SELECT id, ?, source_row, 1, ? FROM temp.merge_entries ORDER BY id"
)
_FOR_ORIGINALS = ("service_records_chain_open", "service_chains_mirror_insert")
_FOR_CORRECTIONS = ("service_records_correction_target", "service_records_chain_advance")

# Set to True by a test to write every entry through the triggers (the general path).
ORDERED = False


def _schema_sql(name: str) -> str:
    """A trigger's statement as the schema creates it (as sqlite_master keeps it: without the
    closing semicolon)."""
    from volctl.schema.m003_ledger import SQL

    start = SQL.index(f"CREATE TRIGGER {name} ")
    return SQL[start : SQL.index("END;", start) + len("END")]


class Triggers:
    """The ledger's insert triggers, as this roster has them (``saved``: empty when they are
    not the ones the set-based statements are written for)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        names = (*_FOR_ORIGINALS, *_FOR_CORRECTIONS)
        found = dict(
            conn.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                f" AND name IN ({', '.join('?' * len(names))})",
                names,
            ).fetchall()
        )
        same = not ORDERED and all(found.get(name) == _schema_sql(name) for name in names)
        self.saved: dict[str, str] = found if same else {}

    def drop(self, names: tuple[str, ...]) -> None:
        for name in names:
            self.conn.execute(f"DROP TRIGGER {name}")

    def create(self, names: tuple[str, ...]) -> None:
        for name in names:
            self.conn.execute(self.saved[name])


@contextmanager
def set_aside(conn: sqlite3.Connection) -> Iterator[Triggers | None]:
    """Inside the caller's transaction: the four insert triggers set aside (yielded), or None
    when they are not the ones the set-based statements are written for. Leaving the block
    normally creates them again with their own SQL; on an error the caller's rollback restores
    them with everything else."""
    triggers = Triggers(conn)
    if not triggers.saved:
        yield None
        return
    triggers.drop((*_FOR_ORIGINALS, *_FOR_CORRECTIONS))
    yield triggers
    triggers.create((*_FOR_ORIGINALS, *_FOR_CORRECTIONS))


_is_none = partial(operator.is_, None)


def _stage(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Rows into the chunk table; a column empty in every one of them (an entry's notes, the
    correction columns of originals) is written NULL in the statement itself: the same NULL,
    without sqlite3 looking for an adapter for each None it binds."""
    if not rows:
        return
    empty = {i for i in range(WIDTH) if all(map(_is_none, map(itemgetter(i), rows)))}
    marks = ", ".join("NULL" if i in empty else "?" for i in range(WIDTH))
    pick = itemgetter(*(i for i in range(WIDTH) if i not in empty))  # the id is never empty
    conn.executemany(f"INSERT INTO temp.merge_entries VALUES ({marks})", map(pick, rows))


class Writer:
    """Entries of one source, added in its order, written a chunk at a time."""

    def __init__(
        self, conn: sqlite3.Connection, source_id: int, run_id: int, triggers: Triggers | None
    ) -> None:
        self.conn = conn
        self.owner = (source_id, run_id)
        self.triggers = triggers
        self.batch: list[tuple[Any, ...]] = []
        self.corrections = 0
        # Where a part of the chunk ends: before an original whose person and activity had
        # their record voided earlier in the part (its chain opens after that void).
        self.cuts: list[int] = []
        self.freed: set[tuple[int, int]] = set()
        conn.execute(_CHUNK_TABLE)

    def original(self, entry: tuple[Any, ...], pair: tuple[int, int]) -> None:
        """``entry``: the record's 19 columns here (``id`` first) and its number there;
        ``pair``: its volunteer and activity."""
        if pair in self.freed:
            self.cuts.append(len(self.batch))
            self.freed.clear()
        self.batch.append(entry)
        if len(self.batch) >= CHUNK:
            self.flush()

    def correction(self, entry: tuple[Any, ...], voids: tuple[int, int] | None) -> None:
        """``voids``: the volunteer and activity of the record a void reverses."""
        if voids is not None:
            self.freed.add(voids)
        self.corrections += 1
        self.batch.append(entry)
        if len(self.batch) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        batch, conn, triggers = self.batch, self.conn, self.triggers
        if not batch:
            return
        if self.corrections and self.corrections < len(batch):
            _stage(conn, [entry for entry in batch if entry[KIND] == "original"])
            _stage(conn, [entry for entry in batch if entry[KIND] != "original"])
        else:
            _stage(conn, batch)
        if triggers is None:
            conn.execute(_MOVE_ALL)
        else:
            for start, end in zip([0, *self.cuts], [*self.cuts, len(batch)], strict=True):
                span = (batch[start][0], batch[end - 1][0])
                conn.execute(_MOVE_ORIGINALS, span)
                conn.execute(_OPEN_CHAINS, span)
                conn.execute(_ADD_YEARS, span)
                if self.corrections:
                    triggers.create(_FOR_CORRECTIONS)
                    conn.execute(_MOVE_CORRECTIONS, span)
                    triggers.drop(_FOR_CORRECTIONS)
        conn.execute(_OWN, self.owner)
        conn.execute("DELETE FROM temp.merge_entries")
        batch.clear()
        self.corrections = 0
        self.cuts.clear()
        self.freed.clear()

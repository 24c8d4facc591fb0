"""Writing a source's checked ledger entries into this roster's ledger, a chunk at a time.

Each chunk is written to a temporary table and moved into ``service_records`` in the
source's order, a run of originals or a run of corrections at a time (an original always
comes before its corrections, so each correction finds its chain open):

- a run of corrections (amendments, voids) is moved with one ``INSERT … SELECT`` through the
  ledger's own triggers, which check its target and advance its chain and year totals row by
  row, as for any correction;
- a run of originals is moved with one ``INSERT … SELECT``, and its chains and year totals are
  then written set-based: one ``INSERT … SELECT`` into ``service_chains`` from the records
  just written, one grouped upsert into ``service_year_totals``. These are exactly the rows
  the trigger that opens a chain (``service_records_chain_open``) writes for each original,
  so that trigger is set aside (dropped inside the merge's transaction) while a source's
  entries are written, and created again from its own SQL, as it was, when they are. Every
  other trigger and constraint stays: the chain table's own trigger still checks each chain
  against its record, the UNIQUE index still refuses a second record of a person on an
  activity, and a failure rolls the whole merge back, the trigger with it.

The set-based statements are written for that trigger's SQL as the schema has it
(``volctl.schema.m003_ledger``): a roster whose trigger reads otherwise has its entries
written row by row through it (``ORDERED``). ``tests/test_merge_bulk.py`` holds the two ways
to the same tables.

SQLite journals each changed page once per statement: one statement per run instead of one
per row keeps the statement journal small (an ``executemany`` is one statement per row).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHUNK = 20_000
KIND = 15  # where an entry's kind is in a chunk's row

_CHUNK_TABLE = (
    "CREATE TEMP TABLE IF NOT EXISTS merge_entries (id INTEGER PRIMARY KEY, volunteer_id,"
    " activity_id, service_date, start_time, end_time, minutes, attendance, place, content,"
    " beneficiaries, leader, recorder, evaluation, notes, kind, corrects_id, reason,"
    " recorded_at, source_row)"
)
_INSERT = f"INSERT INTO temp.merge_entries VALUES ({', '.join('?' * 20)})"
_COLUMNS = (
    "id, volunteer_id, activity_id, service_date, start_time, end_time, minutes, attendance,"
    " place, content, beneficiaries, leader, recorder, evaluation, notes, kind, corrects_id,"
    " reason, recorded_at"
)
_MOVE = (
    f"INSERT INTO service_records ({_COLUMNS}) SELECT {_COLUMNS} FROM temp.merge_entries"
    " WHERE id BETWEEN ? AND ? ORDER BY id"
)
# What ``service_records_chain_open`` writes for each original, for a run of them at once.
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
_CHAIN_OPEN = "service_records_chain_open"

# Set to True by a test to write every entry through the trigger (the general path).
ORDERED = False


def _trigger_sql() -> str:
    """The chain-opening trigger's statement as the schema creates it (as sqlite_master keeps
    it: without the closing semicolon)."""
    from volctl.schema.m003_ledger import SQL

    start = SQL.index(f"CREATE TRIGGER {_CHAIN_OPEN} ")
    return SQL[start : SQL.index("END;", start) + len("END")]


@contextmanager
def chains_set_based(conn: sqlite3.Connection) -> Iterator[bool]:
    """Inside the caller's transaction: set the chain-opening trigger aside (when it is the
    one the set-based statements are written for), yielding whether it was; leaving the block
    normally creates it again with its own SQL. On an error the caller's rollback restores it
    with everything else."""
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_CHAIN_OPEN,)
    ).fetchone()
    if ORDERED or row is None or row[0] != _trigger_sql():
        yield False
        return
    conn.execute(f"DROP TRIGGER {_CHAIN_OPEN}")
    yield True
    conn.execute(row[0])


class Writer:
    """Entries of one source, added in its order, written a chunk at a time."""

    def __init__(self, conn: sqlite3.Connection, source_id: int, run_id: int, bulk: bool):
        self.conn = conn
        self.owner = (source_id, run_id)
        self.bulk = bulk
        self.batch: list[tuple[Any, ...]] = []
        conn.execute(_CHUNK_TABLE)

    def add(self, entry: tuple[Any, ...]) -> None:
        """``entry``: the record's 19 columns here (``id`` first) and its number there."""
        self.batch.append(entry)
        if len(self.batch) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        batch, conn = self.batch, self.conn
        if not batch:
            return
        conn.executemany(_INSERT, batch)
        if not self.bulk:
            conn.execute(_MOVE, (batch[0][0], batch[-1][0]))
        else:
            start = 0
            for end in range(1, len(batch) + 1):
                original = batch[start][KIND] == "original"
                if end < len(batch) and (batch[end][KIND] == "original") == original:
                    continue
                span = (batch[start][0], batch[end - 1][0])
                conn.execute(_MOVE, span)
                if original:
                    conn.execute(_OPEN_CHAINS, span)
                    conn.execute(_ADD_YEARS, span)
                start = end
        conn.execute(_OWN, self.owner)
        conn.execute("DELETE FROM temp.merge_entries")
        batch.clear()

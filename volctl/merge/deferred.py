"""A large merge into a small ledger builds some of the ledger's indexes once, at its end.

Kept up entry by entry, an index whose key comes in no order (by person and date, by date, by
activity) costs a search and often a page split for every entry; built once from all the rows
it is one sort. So when a merge brings at least as many entries as the ledger holds (a street
or city merging its communities for the first time), these indexes are dropped inside the
merge's transaction and created again from their own SQL before the merge reports: readers
never see the roster without them (WAL), and a failure rolls their drop back with everything
else. Never for a ledger larger than what comes, where building them again would cost more
than it saves.

Only indexes no step of the merge reads and no constraint needs: the UNIQUE ones (a second
record that counts of a person on an activity, a source's entry copied twice) stay, and so do
those the merge searches by (a chain's person and date for the 24-hour check, a record's
corrections for a source's retired records, an import batch's records).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

DEFER_FROM = 5_000  # entries coming, at least
INDEXES = (
    "service_records_volunteer_date",
    "service_records_activity",
    "service_chains_date_activity",
    "service_chains_activity",
    "service_year_totals_year",
)


def cheaper(entries: int, held: int) -> bool:
    """Whether building the indexes again costs less than keeping them up (a test may say
    always)."""
    return entries >= max(DEFER_FROM, held)


@contextmanager
def indexes(conn: sqlite3.Connection, entries: int) -> Iterator[bool]:
    """Inside the caller's transaction, with ``entries`` ledger entries to come: the indexes
    above set aside while the block runs when that is cheaper (yielding whether they were),
    created again with their own SQL when it ends normally."""
    (held,) = conn.execute("SELECT coalesce(max(id), 0) FROM service_records").fetchone()
    saved: list[tuple[str, str]] = []
    if cheaper(entries, held):
        saved = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND name IN ({', '.join('?' * len(INDEXES))}) ORDER BY rowid",
            INDEXES,
        ).fetchall()
    for name, _sql in saved:
        conn.execute(f'DROP INDEX "{name}"')
    yield bool(saved)
    for _name, sql in saved:
        conn.execute(sql)

"""The one validation path: what every row of the roster must hold, however it arrives.

Each table has its rules here, in the form the roster stores them: column by column (a date
is an ISO day that exists and lies in its range, text is text within its length, an identity
number or phone is in the canonical form ``identity`` gives it, an id or a count is a whole
number in range, a code is one of its values) and across a row's columns (an end after its
start, a correction with its reason, leave with zero minutes). The rules are built from the
parsers and limits the commands use (``identity``, ``dates``, the limits of ``roster`` and
``ledger``), so a value a command refuses is refused here too. A value that is missing is
refused only where the roster cannot do without it (a name, the day of a service): older
rosters lack phones and birth dates, and lacking one is not holding a wrong one.

Who passes rows through it:

- ``merge``: every row of every part of a bundle (or of a roster file merged directly), before
  it is used; the first refusal refuses the bundle whole (``merge.context``);
- ``export bundle``: every row it writes, so a roster never sends up what a merge refuses;
- the ledger's ``insert``: every entry ``log-hours add``, ``log-hours import``, ``amend`` and
  ``void`` write;
- ``check`` and ``restore``: every stored row (``scan``), so a roster damaged by an older volctl
  or written around volctl is found, each value named with its record;
- the command guard: a command that stops at a stored value names it (``first_stored``).

``columns``: one column's rule (``Column``: a date, a text, a phone…); ``rows``: the rules
across a row's columns (``RowRule``); ``tables``: each table's rules (``Table``, ``tables``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from volctl.errors import InvalidInput, Where
from volctl.validation.columns import Column, Problem, Refusal, stamp, text
from volctl.validation.rows import MINOR, RowRule, historic
from volctl.validation.tables import Table, tables

__all__ = [
    "MINOR",
    "Column",
    "Problem",
    "Refusal",
    "RowRule",
    "Stored",
    "Table",
    "described",
    "first_stored",
    "historic",
    "refusal",
    "refuse",
    "scan",
    "stamp",
    "tables",
    "text",
]


def refusal(table: str, row: Mapping[str, Any], today: date | None = None) -> Refusal | None:
    """The first problem of one row of ``table`` (some or all of its columns), or None."""
    return tables(today or date.today())[table].refusal(row, today or date.today())


def refuse(
    table: str,
    row: Mapping[str, Any],
    *,
    today: date | None = None,
    where: Callable[[str], Where] | None = None,
) -> None:
    """Raise ``InvalidInput`` (the reason's own key, ``where`` naming the column) on the first
    problem of ``row``."""
    found = refusal(table, row, today)
    if found is not None:
        place = where(found.field) if where is not None else Where(field=found.field)
        raise InvalidInput(found.key, where=place, **found.params)


@dataclass(frozen=True)
class Stored:
    """A stored value the rules refuse: its table, the record (``ref``), the column, why."""

    table: str
    ref: str
    refusal: Refusal


def scan(
    conn: sqlite3.Connection, *, today: date | None = None, limit: int | None = None
) -> Iterator[Stored]:
    """Every stored row held to its table's rules, in table and row order: each value refused
    (every column's, then the row's own first problem). A history's superseded rows are held
    to their types alone (``Table.current``)."""
    from volctl.db import table_exists

    today = today or date.today()
    found = 0
    for table in tables(today).values():
        if not table_exists(conn, table.name):
            continue
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
        names = [name for name in table.columns if name in present]
        where = f" WHERE {table.where}" if table.where else ""
        current = f"{table.current}" if table.current else "1"
        cursor = conn.cursor()
        cursor.row_factory = None
        query = (
            f"SELECT {table.ref}, {current}, {', '.join(names)} FROM {table.name}{where}"
            " ORDER BY rowid"
        )
        for ref, counts, *values in cursor.execute(query):
            row = dict(zip(names, values, strict=True))
            for problem in table.problems(row, today):
                if not counts and historic(problem, row.get(problem.field)):
                    continue
                yield Stored(table.name, str(ref), problem)
                found += 1
                if limit is not None and found >= limit:
                    return


def described(found: Stored) -> dict[str, Any]:
    """A stored value's refusal as the clerk reads it: ``{table, ref, field, reason}``."""
    from volctl.i18n import field_label, t

    return {
        "table": t(f"table.{found.table}"),
        "ref": found.ref,
        "field": field_label(found.table, found.refusal.field) or found.refusal.field,
        "reason": found.refusal.reason(),
    }


def first_stored(conn: sqlite3.Connection) -> Stored | None:
    """The first stored value the rules refuse, if any (the command guard's question)."""
    try:
        return next(scan(conn, limit=1), None)
    except sqlite3.Error:
        return None

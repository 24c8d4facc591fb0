"""The roster's schema as ordered, named migrations.

Each step is one module ``mNNN_<name>.py`` defining ``SQL`` (and optionally ``after(conn)``).
Steps are applied in order, each in its own transaction, by sqlite-utils' ``Migrations``;
``PRAGMA user_version`` holds the number of steps applied, so opening a roster can tell
"up to date", "needs upgrading" and "made by a newer volctl" without importing sqlite-utils.
A step, once released, is never edited: change the schema by adding a step.
"""

import importlib
import sqlite3
from collections.abc import Callable
from typing import NamedTuple

# The order of this list is the schema's history. Append; never reorder or remove.
STEPS = (
    "m001_core",
    "m002_structure",
    "m003_ledger",
    "m004_record",
    "m005_report_index",
    "m006_certificates",
    "m007_sources",
    "m008_keys",
    "m009_import_columns",
    "m010_activity_summary",
    "m011_fill_columns",
)

APPLICATION_ID = 0x564F4C43  # "VOLC": marks an SQLite file as a volctl roster
MIGRATION_SET = "volctl"


class Step(NamedTuple):
    name: str
    sql: str
    after: Callable[[sqlite3.Connection], None] | None


def steps() -> list[Step]:
    loaded = []
    for name in STEPS:
        module = importlib.import_module(f"{__name__}.{name}")
        loaded.append(Step(name, module.SQL, getattr(module, "after", None)))
    return loaded


LATEST = len(STEPS)


def run_script(conn: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the current transaction (``executescript`` would commit)."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement[:80]!r}")

"""What ``volctl info`` reports: which file, why that one, its schema and what it holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from volctl import settings
from volctl.rosterfile import FileState, inspect_file
from volctl.schema import LATEST

# Tables counted when present (later schema steps add them).
COUNTED = (
    "volunteers",
    "teams",
    "memberships",
    "activities",
    "service_records",
    "recipients",
    "trainings",
    "certificates",
    "import_batches",
    "audit_log",
)


def describe(
    path: Path, source: str, *, open_roster: Callable[[FileState], sqlite3.Connection]
) -> dict[str, Any]:
    """What ``info`` reports. ``open_roster`` opens the roster given what ``inspect_file``
    found at ``path`` (its checks follow from that state, without reading the file again)."""
    state = inspect_file(path)
    data: dict[str, Any] = {
        "path": str(path.resolve()),
        "source": source,
        "state": state.kind,
        "schema_version": state.version or None,
        "schema_latest": LATEST,
    }
    if state.kind not in ("roster",):
        return data
    conn = open_roster(state)
    # One read transaction: the figures from one snapshot of the roster, its locks taken
    # once rather than around each of the dozen queries.
    conn.execute("BEGIN")
    try:
        data["schema_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
        data["org_name"] = settings.get(conn, "org_name")
        data["region_code"] = settings.get(conn, "region_code")
        counts: dict[str, int] = {}
        present = _tables(conn)
        for table in COUNTED:
            if table in present:
                counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        active = "SELECT count(*) FROM volunteers WHERE status = 'active'"
        counts["volunteers_active"] = conn.execute(active).fetchone()[0]
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
    data["counts"] = counts
    data["size_bytes"] = path.stat().st_size
    return data


def _tables(conn: sqlite3.Connection) -> set[str]:
    """Which of ``COUNTED`` the roster has, asked at once (as ``db.table_exists`` asks of one)."""
    marks = ", ".join("?" * len(COUNTED))
    query = f"SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ({marks})"
    return {row[0] for row in conn.execute(query, COUNTED)}

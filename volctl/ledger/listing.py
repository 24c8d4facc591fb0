"""Reading the ledger: the records that count, each chain's history, their JSON shapes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from volctl.dates import check_period
from volctl.ledger.totals import hours
from volctl.masking import free_text

_EFFECTIVE = (
    "SELECT e.*, v.volunteer_no, v.name, a.activity_no, a.title AS activity_title"
    " FROM service_effective e"
    " JOIN volunteers v ON v.id = e.volunteer_id"
    " JOIN activities a ON a.id = e.activity_id"
)


@dataclass(frozen=True)
class Filters:
    volunteer_id: int | None = None
    activity_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    batch_id: int | None = None


def _where(filters: Filters, alias: str) -> tuple[list[str], list[object]]:
    check_period(filters.date_from, filters.date_to, field="service_to")
    clauses: list[str] = []
    params: list[object] = []
    if filters.volunteer_id is not None:
        clauses.append(f"{alias}.volunteer_id = ?")
        params.append(filters.volunteer_id)
    if filters.activity_id is not None:
        clauses.append(f"{alias}.activity_id = ?")
        params.append(filters.activity_id)
    if filters.date_from is not None:
        clauses.append(f"{alias}.service_date >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to is not None:
        clauses.append(f"{alias}.service_date <= ?")
        params.append(filters.date_to.isoformat())
    if filters.batch_id is not None:
        clauses.append(
            f"{alias}.record_id IN (SELECT id FROM service_records WHERE batch_id = ?"
            " AND kind = 'original')"
        )
        params.append(filters.batch_id)
    return clauses, params


def get(conn: sqlite3.Connection, record_id: int) -> sqlite3.Row:
    """A record as it counts now (its chain's latest entry), by its record number."""
    row: sqlite3.Row = conn.execute(f"{_EFFECTIVE} WHERE e.record_id = ?", (record_id,)).fetchone()
    return row


def effective(conn: sqlite3.Connection, filters: Filters = Filters()) -> list[sqlite3.Row]:
    """The records that count (voided ones left out), by date, activity and volunteer."""
    return iter_effective(conn, filters).fetchall()


def iter_effective(
    conn: sqlite3.Connection,
    filters: Filters = Filters(),
    *,
    teams: Sequence[int] = (),
    volunteers: Sequence[int] = (),
) -> sqlite3.Cursor:
    """``effective`` as a cursor, one row at a time (a year's ledger on paper); ``teams``: only
    the activities these teams organised; ``volunteers``: only these volunteers' records."""
    clauses, params = _where(filters, "e")
    for column, ids in (("a.team_id", teams), ("e.volunteer_id", volunteers)):
        if ids:
            clauses.append(f"{column} IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(ids)))
    sql = _EFFECTIVE + (" WHERE " + " AND ".join(clauses) if clauses else "")
    sql += " ORDER BY e.service_date, a.activity_no, v.volunteer_no, e.record_id"
    return conn.execute(sql, params)


def history(
    conn: sqlite3.Connection,
    filters: Filters = Filters(),
    *,
    record_id: int | None = None,
) -> list[sqlite3.Row]:
    """Every entry of the matching chains, voided ones included, each chain in order."""
    clauses, params = _where(replace(filters, volunteer_id=None), "c")
    if filters.volunteer_id is not None:  # through the history's index: voided chains too
        clauses.append(
            "c.record_id IN (SELECT id FROM service_records WHERE volunteer_id = ?"
            " AND kind = 'original')"
        )
        params.append(filters.volunteer_id)
    if record_id is not None:
        clauses.append("c.record_id = ?")
        params.append(record_id)
    chosen = "SELECT record_id, latest_id, voided FROM service_chains c"
    if clauses:
        chosen += " WHERE " + " AND ".join(clauses)
    columns = (
        "r.*, ch.record_id AS chain_id, ch.latest_id, ch.voided,"
        " v.volunteer_no, v.name, a.activity_no, a.title AS activity_title"
    )
    joins = " JOIN volunteers v ON v.id = r.volunteer_id JOIN activities a ON a.id = r.activity_id"
    sql = (
        f"WITH ch AS ({chosen})"
        f" SELECT {columns} FROM ch JOIN service_records r ON r.id = ch.record_id{joins}"
        f" UNION ALL"
        f" SELECT {columns} FROM ch JOIN service_records r ON r.corrects_id = ch.record_id{joins}"
        " ORDER BY chain_id, id"
    )
    rows = conn.execute(sql, params).fetchall()
    # Chains in the order of the effective list: by date, activity, volunteer.
    first = {}
    for row in rows:
        if row["chain_id"] == row["id"]:
            first[row["chain_id"]] = (row["service_date"], row["activity_no"], row["volunteer_no"])
    return sorted(rows, key=lambda r: (first.get(r["chain_id"], ("",) * 3), r["chain_id"], r["id"]))


def service_content(content: str | None, title: str | None, description: str | None) -> str:
    """服务内容, one meaning everywhere: what was done. The record's own content, unless it
    only repeats the activity's title (the default of records made before this rule), else the
    activity's description (活动内容); the category is shown apart, where a paper shows it."""
    if content and content != title:
        return content
    return description or ""


# ----------------------------------------------------------------------------- output


def _common(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "volunteer_no": row["volunteer_no"],
        "name": row["name"],
        "activity_no": row["activity_no"],
        "activity": row["activity_title"],
        "date": row["service_date"],
        "start": row["start_time"],
        "end": row["end_time"],
        "minutes": row["minutes"],
        "hours": hours(row["minutes"]),
        "attendance": row["attendance"],
        "place": free_text(row["place"]),
        "content": free_text(row["content"]),
        "beneficiaries": free_text(row["beneficiaries"]),
        "leader": row["leader"],
        "recorder": row["recorder"],
        "evaluation": free_text(row["evaluation"]),
        "notes": free_text(row["notes"]),
    }


def public(row: sqlite3.Row) -> dict[str, Any]:
    """The documented JSON shape of a record as it counts now."""
    return {
        "record": row["record_id"],
        "entry": row["latest_id"],
        **_common(row),
        "batch": row["batch_id"],
        "recorded_at": row["recorded_at"],
        "corrections": row["corrections"],
        "corrected_at": row["latest_recorded_at"] if row["corrections"] else None,
    }


def public_entry(row: sqlite3.Row) -> dict[str, Any]:
    """The documented JSON shape of one entry of a chain (``list --history``)."""
    return {
        "record": row["chain_id"],
        "entry": row["id"],
        "kind": row["kind"],
        "corrects": row["corrects_id"],
        "reason": free_text(row["reason"]),
        "current": bool(row["id"] == row["latest_id"] and not row["voided"]),
        **_common(row),
        "batch": row["batch_id"],
        "recorded_at": row["recorded_at"],
    }

"""Volunteers: registration (一人一注册), lookup, correction and deactivation.

What a clerk typed (or a sheet held) is checked by ``volctl.roster.prepare`` (re-exported
here: ``prepare``, ``VolunteerInput``, ``Prepared``); this module stores and finds volunteers
(many at once: ``volctl.roster.bulk``; found, listed and shown as JSON: ``volctl.roster.shown``,
both re-exported).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

from volctl import audit, settings
from volctl.codes import RESIDENT_ID
from volctl.db import next_counter, transaction
from volctl.errors import Conflict, InvalidInput, Where
from volctl.roster.bulk import identities, insert_many
from volctl.roster.prepare import (
    FIELDS,
    Locate,
    Prepared,
    VolunteerInput,
    _option_where,
    prepare,
)
from volctl.roster.shown import _SELECT as _SELECT  # ledger.training reads it
from volctl.roster.shown import STATUSES, find, get, list_volunteers, public
from volctl.text import bounded

# ----------------------------------------------------------------------------- storage


def find_by_identity(conn: sqlite3.Connection, kind: str, number: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM volunteers WHERE id_type = ? AND id_number = ?", (kind, number)
    ).fetchone()


def insert(
    conn: sqlite3.Connection, prepared: Prepared, *, batch_id: int | None = None
) -> sqlite3.Row:
    """Store a prepared volunteer under a new volunteer number (caller holds the transaction)."""
    values = prepared.values
    existing = find_by_identity(conn, values["id_type"], values["id_number"])
    if existing is not None:
        raise Conflict(
            "reason.duplicate",
            hint="hint.duplicate",
            volunteer_no=existing["volunteer_no"],
            name=existing["name"],
        )
    prefix = settings.get(conn, "volunteer_no_prefix")
    number = f"{prefix}{next_counter(conn, 'volunteer_no'):06d}"
    now = audit.now_iso()
    row = {
        **values,
        "volunteer_no": number,
        "import_batch_id": batch_id,
        "created_at": now,
        "updated_at": now,
    }
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = conn.execute(
        f"INSERT INTO volunteers ({columns}) VALUES ({marks})", tuple(row.values())
    )
    audit.record(
        conn,
        "volunteer.add",
        "volunteers",
        cursor.lastrowid,
        volunteer_no=number,
        name=values["name"],
        batch=batch_id,
    )
    assert cursor.lastrowid is not None
    return get(conn, cursor.lastrowid)


# A large batch into a small roster: the secondary indexes (by phone, name, batch) are built
# once at the end rather than kept up row by row. Never for a roster larger than the batch,
# where building them again would cost more than it saves.
DEFER_INDEXES_FROM = 5_000


class IndexesDeferred:
    """Inside the caller's transaction: ``before(rows)`` (up to ``rows`` new volunteers to
    come) drops the volunteers table's secondary indexes when building them again is cheaper;
    leaving the block creates them again with the same SQL, whether it ends well or not. The
    UNIQUE constraints stay, so a duplicate is refused as ever."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.saved: list[tuple[str, str]] = []

    def before(self, rows: int) -> None:
        if self.saved or rows < DEFER_INDEXES_FROM:
            return
        (existing,) = self.conn.execute("SELECT count(*) FROM volunteers").fetchone()
        if existing > rows:
            return
        self.saved = self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
            " AND tbl_name = 'volunteers' AND sql IS NOT NULL ORDER BY name"
        ).fetchall()
        for name, _sql in self.saved:
            self.conn.execute(f'DROP INDEX "{name}"')

    def __enter__(self) -> IndexesDeferred:
        return self

    def __exit__(self, *exc: object) -> None:
        saved, self.saved = self.saved, []
        for _name, sql in saved:
            self.conn.execute(sql)


def register(
    conn: sqlite3.Connection, given: VolunteerInput, *, today: date | None = None
) -> tuple[sqlite3.Row, list[str]]:
    """Validate and register one volunteer in one transaction."""
    prepared = prepare(given, today=today)
    with transaction(conn):
        row = insert(conn, prepared)
    return row, prepared.warnings


def _as_input(row: sqlite3.Row) -> VolunteerInput:
    values = {name: row[name] for name in FIELDS if name in row.keys()}  # noqa: SIM118 (Row)
    values["skills"] = json.loads(row["skills"])
    values["intentions"] = json.loads(row["intentions"])
    return VolunteerInput(**values)


def update(
    conn: sqlite3.Connection,
    ref: str,
    changes: dict[str, object],
    *,
    today: date | None = None,
) -> tuple[sqlite3.Row, dict[str, tuple[Any, Any]]]:
    """Correct a volunteer's details; the old values stay in the audit log."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise InvalidInput("volunteer.unknown_fields", fields=", ".join(sorted(unknown)))
    with transaction(conn):
        row = find(conn, ref)
        prepared, diff = corrections(row, changes, today=today)
        if not diff:
            return row, {}
        if "id_number" in diff or "id_type" in diff:
            other = find_by_identity(conn, prepared.values["id_type"], prepared.values["id_number"])
            if other is not None and other["id"] != row["id"]:
                raise Conflict(
                    "reason.duplicate",
                    hint="hint.duplicate",
                    volunteer_no=other["volunteer_no"],
                    name=other["name"],
                )
        if "registered_on" in diff:
            check_registration(conn, row["id"], prepared.values["registered_on"])
        apply_corrections(conn, row, diff)
        updated = get(conn, row["id"])
    return updated, diff


# What a registration date may not come after: (reason, message parameter, the first such
# thing as (parameter value, date)).
_EARLIER_THAN_REGISTRATION = (
    (
        "service",
        "record",
        "SELECT record_id, service_date FROM service_chains WHERE volunteer_id = ?"
        " AND voided = 0 AND service_date < ? ORDER BY service_date, record_id LIMIT 1",
    ),
    (
        "membership",
        "team",
        "SELECT t.name, m.joined_on FROM memberships m JOIN teams t ON t.id = m.team_id"
        " WHERE m.volunteer_id = ? AND m.joined_on < ? ORDER BY m.joined_on, m.id LIMIT 1",
    ),
    (
        "pairing",
        "recipient",
        "SELECT r.name, p.started_on FROM pairings p JOIN recipients r ON r.id = p.recipient_id"
        " WHERE p.volunteer_id = ? AND p.started_on < ? ORDER BY p.started_on, p.id LIMIT 1",
    ),
)


def check_registration(
    conn: sqlite3.Connection,
    volunteer_id: int,
    registered_on: str,
    where: Where = Where(field="registered_on"),
) -> None:
    """A corrected registration date may not come after what the volunteer already did: the
    earliest service that counts, team membership or pairing (``InvalidInput``)."""
    for code, name, sql in _EARLIER_THAN_REGISTRATION:
        found = conn.execute(sql, (volunteer_id, registered_on)).fetchone()
        if found is not None:
            raise InvalidInput(
                f"reason.registered_after_{code}",
                hint="hint.registered_after_records",
                where=where,
                registered_on=registered_on,
                date=found[1],
                **{name: found[0]},
            )


def corrections(
    row: sqlite3.Row,
    changes: dict[str, object],
    *,
    today: date | None = None,
    where: Locate = _option_where,
) -> tuple[Prepared, dict[str, tuple[Any, Any]]]:
    """Validate ``changes`` to a stored volunteer; return the record and {field: (old, new)}."""
    merged = replace(_as_input(row), **changes)
    # A corrected identity number re-derives gender and birth date unless they were given.
    if "id_number" in changes:
        merged.gender = changes.get("gender")
        merged.birth_date = changes.get("birth_date")
    # A consent volctl dated itself (the registration day) moves with a corrected registration.
    if (
        "registered_on" in changes
        and "guardian_consent_on" not in changes
        and row["guardian_consent_on"] is not None
        and row["guardian_consent_on"] == row["registered_on"]
    ):
        merged.guardian_consent_on = changes["registered_on"]
    dates_touched = {"guardian_consent_on", "registered_on", "birth_date", "id_number"}
    prepared = prepare(
        merged, today=today, where=where, check_consent=bool(dates_touched & set(changes))
    )
    diff = {k: (row[k], v) for k, v in prepared.values.items() if row[k] != v}
    return prepared, diff


def apply_corrections(
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    diff: dict[str, tuple[Any, Any]],
    **detail: object,
) -> None:
    """Write validated corrections and their audit entry (old and new values), in the caller's
    transaction; ``detail`` adds to the entry (e.g. the import batch that made them)."""
    assignments = ", ".join(f"{k} = ?" for k in diff)
    conn.execute(
        f"UPDATE volunteers SET {assignments}, updated_at = ? WHERE id = ?",
        (*[new for _old, new in diff.values()], audit.now_iso(), row["id"]),
    )
    audit.record(
        conn,
        "volunteer.update",
        "volunteers",
        row["id"],
        volunteer_no=row["volunteer_no"],
        changes={k: {"old": old, "new": new} for k, (old, new) in diff.items()},
        **detail,
    )


def set_status(
    conn: sqlite3.Connection,
    ref: str,
    status: str,
    reason: str,
    *,
    on: date | None = None,
    today: date | None = None,
) -> sqlite3.Row:
    """Deactivate or reactivate; the change is a new history row, nothing is deleted."""
    today = today or date.today()
    on = on or today
    reason = bounded(reason, "reason", missing="reason.missing_reason") or ""
    if on > today:
        raise InvalidInput("reason.date_in_future", where=Where(field="effective_on"))
    with transaction(conn):
        row = find(conn, ref)
        if row["status"] == status:
            raise Conflict(
                f"volunteer.already_{status}", volunteer_no=row["volunteer_no"], name=row["name"]
            )
        if on.isoformat() < row["registered_on"]:
            raise InvalidInput(
                "reason.before_registration",
                where=Where(field="effective_on"),
                registered_on=row["registered_on"],
            )
        last = conn.execute(
            "SELECT max(effective_on) FROM volunteer_status_changes WHERE volunteer_id = ?",
            (row["id"],),
        ).fetchone()[0]
        if last is not None and on.isoformat() < last:
            # The status history reads in date order: a change cannot predate the last one.
            raise InvalidInput(
                "reason.status_before_last_change", where=Where(field="effective_on"), last=last
            )
        if status == "inactive":
            _check_no_service_from(conn, row, on)
        conn.execute(
            "INSERT INTO volunteer_status_changes (volunteer_id, status, reason, effective_on,"
            " recorded_at) VALUES (?, ?, ?, ?, ?)",
            (row["id"], status, reason, on.isoformat(), audit.now_iso()),
        )
        conn.execute(
            "UPDATE volunteers SET status = ?, updated_at = ? WHERE id = ?",
            (status, audit.now_iso(), row["id"]),
        )
        audit.record(
            conn,
            f"volunteer.{'deactivate' if status == 'inactive' else 'reactivate'}",
            "volunteers",
            row["id"],
            volunteer_no=row["volunteer_no"],
            reason=reason,
            effective_on=on.isoformat(),
        )
        return get(conn, row["id"])


def _check_no_service_from(conn: sqlite3.Connection, row: sqlite3.Row, on: date) -> None:
    """Inactive from ``on`` means no service that day or after it: the ledger refuses to record
    such service, so a deactivation may not leave records behind it (``Conflict``)."""
    later = conn.execute(
        "SELECT record_id, service_date, count(*) OVER () AS later,"
        " max(service_date) OVER () AS last FROM service_chains"
        " WHERE volunteer_id = ? AND voided = 0 AND service_date >= ?"
        " ORDER BY service_date, record_id LIMIT 1",
        (row["id"], on.isoformat()),
    ).fetchone()
    if later is not None:
        raise Conflict(
            "reason.deactivated_before_service",
            hint="hint.deactivated_before_service",
            where=Where(field="effective_on"),
            volunteer_no=row["volunteer_no"],
            name=row["name"],
            on=on.isoformat(),
            record=later["record_id"],
            date=later["service_date"],
            count=later["later"],
            last=later["last"],
        )


__all__ = [
    "RESIDENT_ID",
    "STATUSES",
    "Prepared",
    "VolunteerInput",
    "apply_corrections",
    "check_registration",
    "corrections",
    "find",
    "get",
    "identities",
    "insert",
    "insert_many",
    "list_volunteers",
    "prepare",
    "public",
    "register",
    "set_status",
    "update",
]

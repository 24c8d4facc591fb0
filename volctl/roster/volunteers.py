"""Volunteers: registration (一人一注册), lookup, correction and deactivation.

What a clerk typed (or a sheet held) is checked by ``volctl.roster.prepare`` (re-exported
here: ``prepare``, ``VolunteerInput``, ``Prepared``); this module stores and finds volunteers.
"""

from __future__ import annotations

import json
import operator
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

from volctl import audit, settings
from volctl.dates import age_on
from volctl.db import next_counter, transaction
from volctl.errors import Conflict, InvalidInput, NotFound, Where
from volctl.identity import RESIDENT_ID, parse_phone
from volctl.masking import display_phone, free_text, mask_id_number, mask_phone
from volctl.roster.prepare import (
    FIELDS,
    Locate,
    Prepared,
    VolunteerInput,
    _option_where,
    prepare,
)
from volctl.text import bounded, clean, compact, mask_text, typed

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


def identities(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[int, str, str]]:
    """Every registered (document type, number) -> (id, volunteer number, name), in one query."""
    return {
        (kind, number): (vid, volunteer_no, name)
        for vid, kind, number, volunteer_no, name in conn.execute(
            "SELECT id, id_type, id_number, volunteer_no, name FROM volunteers"
        )
    }


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
    stored: list[tuple[int, str]] = []
    rows = []
    for offset, values in enumerate(records):
        vid, number = first_id + offset, f"{prefix}{first_no + offset:06d}"
        stored.append((vid, number))
        rows.append((vid, number, *pick(values), batch_id, now, now))
    marks = ", ".join(["?", "?", *("NULL" if key in empty else "?" for key in keys), "?, ?, ?"])
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


def register(
    conn: sqlite3.Connection, given: VolunteerInput, *, today: date | None = None
) -> tuple[sqlite3.Row, list[str]]:
    """Validate and register one volunteer in one transaction."""
    prepared = prepare(given, today=today)
    with transaction(conn):
        row = insert(conn, prepared)
    return row, prepared.warnings


# A volunteer with the reason and date of the latest status change.
_SELECT = (
    "SELECT v.*, s.reason AS status_reason, s.effective_on AS status_changed_on"
    " FROM volunteers v LEFT JOIN volunteer_status_changes s ON s.id ="
    " (SELECT max(id) FROM volunteer_status_changes WHERE volunteer_id = v.id)"
)


def get(conn: sqlite3.Connection, volunteer_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute(f"{_SELECT} WHERE v.id = ?", (volunteer_id,)).fetchone()
    return row


def find(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """A volunteer by volunteer number, identity number, phone or unique name."""
    text = clean(ref)
    if not text:
        raise NotFound("volunteer.not_found", ref=ref)
    row = conn.execute(f"{_SELECT} WHERE v.volunteer_no = ? COLLATE NOCASE", (text,)).fetchone()
    if row is not None:
        return row
    number = compact(text).upper()
    if len(number) >= 8 and number.isalnum():
        row = conn.execute(f"{_SELECT} WHERE v.id_number = ?", (number,)).fetchone()
        if row is not None:
            return row
    digits = "".join(ch for ch in compact(text) if ch.isdigit() or ch == "+")
    if len(digits) >= 7:
        try:
            phone = parse_phone(text)
        except InvalidInput:
            phone = None
        if phone:
            rows = conn.execute(f"{_SELECT} WHERE v.phone = ?", (phone,)).fetchall()
            if len(rows) == 1:
                return rows[0]
            if len(rows) > 1:
                raise _ambiguous(text, rows)
    rows = conn.execute(f"{_SELECT} WHERE v.name IN (?, ?)", (typed(ref), text)).fetchall()
    if not rows:  # typed in another width: 欧阳（小） for 欧阳(小)
        rows = conn.execute(f"{_SELECT} WHERE fold(v.name) = ?", (text,)).fetchall()
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        raise _ambiguous(text, rows)
    raise NotFound("volunteer.not_found", hint="hint.volunteer_not_found", ref=text)


def _ambiguous(ref: str, rows: list[sqlite3.Row]) -> Conflict:
    candidates = "; ".join(
        f"{r['volunteer_no']} {r['name']} {mask_phone(r['phone']) or ''}".strip() for r in rows
    )
    return Conflict(
        "volunteer.ambiguous",
        hint="hint.volunteer_ambiguous",
        ref=ref,
        count=len(rows),
        candidates=candidates,
    )


STATUSES = ("active", "inactive", "all")


# New recruits who have had no initial training (岗前培训, seed 002).
UNTRAINED = (
    "NOT EXISTS (SELECT 1 FROM training_attendance a JOIN trainings t ON t.id = a.training_id"
    " WHERE a.volunteer_id = v.id AND t.initial = 1)"
)


def list_volunteers(
    conn: sqlite3.Connection,
    *,
    status: str = "active",
    search: str | None = None,
    untrained: bool = False,
) -> list[sqlite3.Row]:
    where: list[str] = [UNTRAINED] if untrained else []
    params: list[str] = []
    if status != "all":
        where.append("v.status = ?")
        params.append(status)
    sql = _SELECT
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = conn.execute(sql + " ORDER BY v.volunteer_no", params).fetchall()
    if search:
        from volctl.roster import search as finder

        rows = finder.select(rows, search)
    return rows


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


# ----------------------------------------------------------------------------- output


def public(
    row: sqlite3.Row,
    *,
    show_pii: bool = False,
    today: date | None = None,
) -> dict[str, Any]:
    """The documented JSON shape of a volunteer; personal data masked unless ``show_pii``."""
    today = today or date.today()

    def phone(value: str | None) -> str | None:
        return display_phone(value) if show_pii else mask_phone(value)

    def personal(value: str | None, keep: int) -> str | None:
        return value if show_pii else mask_text(value, keep)

    born = date.fromisoformat(row["birth_date"]) if row["birth_date"] else None
    guardian: dict[str, Any] | None = None
    if row["guardian_name"] or row["guardian_phone"]:
        guardian = {
            "name": personal(row["guardian_name"], 1),
            "phone": phone(row["guardian_phone"]),
            "relation": row["guardian_relation"],
            "consent_on": row["guardian_consent_on"],
        }
    inactive = row["status"] == "inactive"
    return {
        "volunteer_no": row["volunteer_no"],
        "name": row["name"],
        "gender": row["gender"],
        "birth_date": row["birth_date"],
        "age": age_on(born, today) if born else None,
        "ethnicity": row["ethnicity"],
        "id_type": row["id_type"],
        "id_number": row["id_number"] if show_pii else mask_id_number(row["id_number"]),
        "phone": phone(row["phone"]),
        "political_status": row["political_status"],
        "education": row["education"],
        "employer": row["employer"],
        "position": row["position"],
        "office_phone": display_phone(row["office_phone"]),
        "address": personal(row["address"], 6),
        "area": row["area"],
        "skills": json.loads(row["skills"]),
        "intentions": json.loads(row["intentions"]),
        "availability": free_text(row["availability"], show_pii),
        "emergency_contact": personal(row["emergency_contact"], 1),
        "emergency_phone": phone(row["emergency_phone"]),
        "guardian": guardian,
        "registered_on": row["registered_on"],
        "status": row["status"],
        "status_reason": free_text(row["status_reason"], show_pii) if inactive else None,
        "status_changed_on": row["status_changed_on"] if inactive else None,
        "notes": free_text(row["notes"], show_pii),
        "import_batch": row["import_batch_id"],
    }


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

"""Volunteers found and shown: by number, identity number, phone or name; the list by status
and search; the documented JSON shape, personal data masked unless asked for. Re-exported by
``volctl.roster.volunteers``; ``register list`` and ``register show`` import this alone, not
the registering side and its checks (``volctl.roster.prepare``).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from volctl.dates import age_on
from volctl.errors import Conflict, InvalidInput, NotFound
from volctl.masking import display_phone, free_text, mask_id_number, mask_phone
from volctl.text import clean, compact, mask_text, typed


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
        from volctl.identity import parse_phone

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

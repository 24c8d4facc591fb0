"""Who is on an activity's roster: signing up (all or nothing, capacity, insurance and
double-booking warnings) and withdrawing. A withdrawn signup stays on record, marked."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, Where
from volctl.i18n import join_list
from volctl.ledger.activities import find, get
from volctl.masking import display_phone, mask_phone
from volctl.roster.refs import expand
from volctl.text import bounded


def roster_of(conn: sqlite3.Connection, activity_id: int) -> list[sqlite3.Row]:
    """Who is signed up (not withdrawn), in signup order."""
    return conn.execute(
        "SELECT s.*, v.volunteer_no, v.name, v.phone, v.guardian_phone, v.office_phone,"
        " v.status AS volunteer_status"
        " FROM signups s JOIN volunteers v ON v.id = s.volunteer_id"
        " WHERE s.activity_id = ? AND s.withdrawn_at IS NULL ORDER BY s.id",
        (activity_id,),
    ).fetchall()


def _overlapping(
    conn: sqlite3.Connection, activity: sqlite3.Row, volunteer_id: int
) -> list[sqlite3.Row]:
    """The volunteer's other (not cancelled) activities that day whose times overlap; an
    activity without times takes the whole day."""
    rows = conn.execute(
        "SELECT a.* FROM signups s JOIN activities a ON a.id = s.activity_id"
        " WHERE s.volunteer_id = ? AND s.withdrawn_at IS NULL AND a.id <> ? AND a.date = ?"
        " AND a.status <> 'cancelled' ORDER BY a.start_time",
        (volunteer_id, activity["id"], activity["date"]),
    ).fetchall()
    start, end = activity["start_time"], activity["end_time"]
    return [
        other
        for other in rows
        if start is None
        or other["start_time"] is None
        or (other["start_time"] < end and start < other["end_time"])
    ]


def signup(
    conn: sqlite3.Connection, ref: str, vol_refs: Sequence[str], *, force: bool = False
) -> dict[str, Any]:
    """Put volunteers on an activity's roster. All or nothing.

    Refuses a cancelled activity, inactive volunteers, and going over capacity (unless
    ``force``: the signups beyond capacity are marked ``forced`` and audited). Volunteers
    booked on another activity at overlapping times that day are reported as warnings.
    """
    from volctl.roster import volunteers

    with transaction(conn):
        activity = get(conn, find(conn, ref)["id"])
        if activity["status"] == "cancelled":
            raise Conflict(
                "activity.is_cancelled",
                activity_no=activity["activity_no"],
                title=activity["title"],
            )
        people: dict[int, sqlite3.Row] = {}
        for vol in expand(conn, vol_refs):
            person = volunteers.find(conn, vol)
            people.setdefault(person["id"], person)
        if not people:
            raise InvalidInput("reason.no_volunteers", where=Where(field="volunteers"))
        already: list[sqlite3.Row] = []
        new: list[sqlite3.Row] = []
        for person in people.values():
            if person["status"] != "active":
                raise Conflict(
                    "activity.volunteer_inactive",
                    hint="hint.reactivate_first",
                    volunteer_no=person["volunteer_no"],
                    name=person["name"],
                )
            taken = conn.execute(
                "SELECT 1 FROM signups WHERE activity_id = ? AND volunteer_id = ?"
                " AND withdrawn_at IS NULL",
                (activity["id"], person["id"]),
            ).fetchone()
            (already if taken else new).append(person)
        current = activity["signed_up"]
        capacity = activity["capacity"]
        # Only those not yet on the roster take a place: signing up again someone already on a
        # full (or forced over-full) activity changes nothing and is said so.
        over = capacity is not None and bool(new) and current + len(new) > capacity
        if over and not force:
            raise Conflict(
                "activity.over_capacity_already" if already else "activity.over_capacity",
                hint="hint.activity_force",
                activity_no=activity["activity_no"],
                capacity=capacity,
                current=current,
                adding=len(new),
                already=join_list(f"{p['volunteer_no']} {p['name']}" for p in already),
            )
        added: list[dict[str, Any]] = []
        forced: list[dict[str, Any]] = []
        warnings: list[dict[str, Any]] = []
        now = audit.now_iso()
        for i, person in enumerate(new):
            is_forced = capacity is not None and current + i + 1 > capacity
            cursor = conn.execute(
                "INSERT INTO signups (activity_id, volunteer_id, signed_up_at, forced)"
                " VALUES (?, ?, ?, ?)",
                (activity["id"], person["id"], now, int(is_forced)),
            )
            audit.record(
                conn,
                "activity.signup",
                "signups",
                cursor.lastrowid,
                activity_no=activity["activity_no"],
                volunteer_no=person["volunteer_no"],
                forced=is_forced,
                capacity=capacity,
            )
            entry = {"volunteer_no": person["volunteer_no"], "name": person["name"]}
            added.append(entry)
            if is_forced:
                forced.append(entry)
            if activity["needs_insurance"] and not _insured(conn, person["id"], activity["date"]):
                warnings.append(
                    {
                        "code": "not_insured",
                        "volunteer_no": person["volunteer_no"],
                        "name": person["name"],
                        "activity_no": activity["activity_no"],
                        "title": activity["title"],
                        "date": activity["date"],
                        "time": _time_range(activity),
                    }
                )
            for other in _overlapping(conn, activity, person["id"]):
                warnings.append(
                    {
                        "code": "double_booked",
                        "volunteer_no": person["volunteer_no"],
                        "name": person["name"],
                        "activity_no": other["activity_no"],
                        "title": other["title"],
                        "date": other["date"],
                        "time": _time_range(other),
                    }
                )
        updated = get(conn, activity["id"])
    return {
        "activity_no": activity["activity_no"],
        "title": activity["title"],
        "added": added,
        "already": [{"volunteer_no": p["volunteer_no"], "name": p["name"]} for p in already],
        "forced": forced,
        "warnings": warnings,
        "signed_up": updated["signed_up"],
        "capacity": capacity,
    }


def _insured(conn: sqlite3.Connection, volunteer_id: int, day: str) -> bool:
    """Whether accident insurance covers the volunteer on the activity's day (条例 art. 17)."""
    from volctl.roster import insurance

    return insurance.covering(conn, volunteer_id, date.fromisoformat(day)) is not None


def _time_range(row: sqlite3.Row) -> str | None:
    if row["start_time"] is None:
        return None
    return f"{row['start_time']}-{row['end_time']}"


def withdraw(
    conn: sqlite3.Connection, ref: str, vol_refs: Sequence[str], reason: object
) -> list[dict[str, Any]]:
    """Take volunteers off the roster; the signup stays on record, marked withdrawn."""
    from volctl.roster import volunteers

    text = bounded(reason, "reason", missing="reason.missing_reason")
    out = []
    with transaction(conn):
        activity = find(conn, ref)
        for vol in dict.fromkeys(expand(conn, vol_refs)):
            person = volunteers.find(conn, vol)
            signup_row = conn.execute(
                "SELECT * FROM signups WHERE activity_id = ? AND volunteer_id = ?"
                " AND withdrawn_at IS NULL",
                (activity["id"], person["id"]),
            ).fetchone()
            if signup_row is None:
                raise Conflict(
                    "activity.not_signed_up",
                    volunteer_no=person["volunteer_no"],
                    name=person["name"],
                    activity_no=activity["activity_no"],
                )
            conn.execute(
                "UPDATE signups SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?",
                (audit.now_iso(), text, signup_row["id"]),
            )
            audit.record(
                conn,
                "activity.withdraw",
                "signups",
                signup_row["id"],
                activity_no=activity["activity_no"],
                volunteer_no=person["volunteer_no"],
                reason=text,
            )
            out.append({"volunteer_no": person["volunteer_no"], "name": person["name"]})
    return out


def signup_record(row: sqlite3.Row, *, show_pii: bool = False) -> dict[str, Any]:
    return {
        "volunteer_no": row["volunteer_no"],
        "name": row["name"],
        "phone": display_phone(row["phone"]) if show_pii else mask_phone(row["phone"]),
        "signed_up_at": row["signed_up_at"],
        "forced": bool(row["forced"]),
        "volunteer_status": row["volunteer_status"],
    }

"""Training (志愿者培训): sessions on the seeds' topics and who attended.

Training time is recorded here, apart from service records, and is never counted as service.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from volctl import audit
from volctl.dates import check_not_too_early, check_period, parse_day
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, Where
from volctl.masking import free_text
from volctl.roster import code_lists, volunteers
from volctl.roster.refs import expand
from volctl.text import NOTES_TEXT, SHORT_TEXT, bounded, clean


@dataclass
class TrainingInput:
    title: object = None
    date: object = None
    topic: object = None
    hours: object = None
    trainer: object = None
    place: object = None
    initial: bool = False
    notes: object = None


def minutes_from_hours(raw: object, field: str = "hours") -> int:
    """Hours as typed (2, 2.5, 1.25) to whole minutes; 0 < h <= 24."""
    from volctl.text import plain_decimal

    hours = plain_decimal(raw)  # not float(): it takes 1_5 (15), nan and 1e1
    if hours is None:
        raise InvalidInput("reason.hours_invalid", where=Where(field=field), value=raw)
    if not 0 < hours <= 24:
        raise InvalidInput("reason.hours_out_of_range", where=Where(field=field), value=raw)
    return round(float(hours) * 60)


def _next_number(conn: sqlite3.Connection, day: date) -> str:
    prefix = f"T{day:%Y%m%d}-"
    used = conn.execute(
        "SELECT count(*) FROM trainings WHERE training_no LIKE ?", (prefix + "%",)
    ).fetchone()[0]
    return f"{prefix}{used + 1:02d}"


def add(conn: sqlite3.Connection, given: TrainingInput) -> sqlite3.Row:
    title = bounded(
        given.title,
        "training_title",
        SHORT_TEXT,
        missing="reason.missing_training_title",
    )
    trainer = bounded(given.trainer, "trainer", SHORT_TEXT)
    place = bounded(given.place, "place", SHORT_TEXT)
    notes = bounded(given.notes, "notes", NOTES_TEXT)
    day = check_not_too_early(parse_day(given.date, where=Where(field="date")), Where(field="date"))
    minutes = minutes_from_hours(given.hours) if given.hours not in (None, "") else 0
    with transaction(conn):
        topic = code_lists.check(conn, "training_topic", given.topic, Where(field="topic"))
        number = _next_number(conn, day)
        now = audit.now_iso()
        cursor = conn.execute(
            "INSERT INTO trainings (training_no, title, date, topic, minutes, trainer, place,"
            " initial, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                number,
                title,
                day.isoformat(),
                topic,
                minutes,
                trainer,
                place,
                int(given.initial),
                notes,
                now,
                now,
            ),
        )
        audit.record(
            conn,
            "training.add",
            "trainings",
            cursor.lastrowid,
            training_no=number,
            title=title,
            date=day.isoformat(),
            minutes=minutes,
        )
        return get(conn, int(cursor.lastrowid or 0))


_SELECT = (
    "SELECT t.*, (SELECT count(*) FROM training_attendance a WHERE a.training_id = t.id)"
    " AS attendees FROM trainings t"
)


def get(conn: sqlite3.Connection, training_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute(f"{_SELECT} WHERE t.id = ?", (training_id,)).fetchone()
    return row


def find(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """A training by number (T20250310-01), id or unique title."""
    text = clean(ref)
    row = conn.execute(f"{_SELECT} WHERE t.training_no = ? COLLATE NOCASE", (text,)).fetchone()
    if row is None and text.isdigit():
        row = conn.execute(f"{_SELECT} WHERE t.id = ?", (int(text),)).fetchone()
    if row is not None:
        return row
    rows = conn.execute(f"{_SELECT} WHERE fold(t.title) = ? ORDER BY t.date", (text,)).fetchall()
    if len(rows) == 1:
        return rows[0]
    if rows:
        raise Conflict(
            "training.ambiguous",
            ref=text,
            count=len(rows),
            candidates="; ".join(f"{r['training_no']} {r['date']}" for r in rows),
        )
    raise NotFound("training.not_found", ref=text)


def attend(conn: sqlite3.Connection, ref: str, people: list[str]) -> dict[str, Any]:
    """Record several volunteers' attendance (all or nothing); repeats are reported, not doubled."""
    with transaction(conn):
        training = find(conn, ref)
        added: list[dict[str, str]] = []
        already: list[dict[str, str]] = []
        for person in expand(conn, people):
            row = volunteers.find(conn, person)
            if row["registered_on"] > training["date"]:
                raise InvalidInput(
                    "training.before_registration",
                    volunteer_no=row["volunteer_no"],
                    name=row["name"],
                    registered_on=row["registered_on"],
                )
            cursor = conn.execute(
                "INSERT OR IGNORE INTO training_attendance (training_id, volunteer_id, recorded_at)"
                " VALUES (?, ?, ?)",
                (training["id"], row["id"], audit.now_iso()),
            )
            target = added if cursor.rowcount else already
            target.append({"volunteer_no": row["volunteer_no"], "name": row["name"]})
        if added:
            audit.record(
                conn,
                "training.attend",
                "trainings",
                training["id"],
                training_no=training["training_no"],
                volunteers=[p["volunteer_no"] for p in added],
            )
    return {"training_no": training["training_no"], "added": added, "already": already}


def list_trainings(
    conn: sqlite3.Connection,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    topic: str | None = None,
) -> list[sqlite3.Row]:
    check_period(date_from, date_to)
    where, params = [], []
    if date_from:
        where.append("t.date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        where.append("t.date <= ?")
        params.append(date_to.isoformat())
    if topic:
        where.append("fold(t.topic) = ?")
        params.append(clean(topic))
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY t.date, t.id"
    return conn.execute(sql, params).fetchall()


def attendees(conn: sqlite3.Connection, training_id: int) -> list[sqlite3.Row]:
    """The volunteers who attended, each with their latest status change (as ``public``
    shows a deactivated one)."""
    from volctl.roster.volunteers import _SELECT

    return conn.execute(
        f"{_SELECT} JOIN training_attendance a ON a.volunteer_id = v.id"
        " WHERE a.training_id = ? ORDER BY v.volunteer_no",
        (training_id,),
    ).fetchall()


def public(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "training_no": row["training_no"],
        "title": row["title"],
        "date": row["date"],
        "topic": row["topic"],
        "hours": round(row["minutes"] / 60, 1),
        "trainer": row["trainer"],
        "place": free_text(row["place"]),
        "initial": bool(row["initial"]),
        "attendees": row["attendees"],
        "notes": free_text(row["notes"]),
    }


def volunteer_trainings(conn: sqlite3.Connection, volunteer_id: int) -> list[dict[str, Any]]:
    """A volunteer's trainings, for their record and the registration form."""
    rows = conn.execute(
        f"{_SELECT} JOIN training_attendance a ON a.training_id = t.id"
        " WHERE a.volunteer_id = ? ORDER BY t.date",
        (volunteer_id,),
    ).fetchall()
    return [public(r) for r in rows]

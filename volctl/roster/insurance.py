"""Accident insurance for volunteers (志愿服务条例 art. 17: bought before risky activities)."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, Where
from volctl.roster import volunteers
from volctl.text import clean


def add(
    conn: sqlite3.Connection,
    *,
    people: list[str],
    team: str | None,
    insurer: str,
    policy: str,
    start: date,
    end: date,
) -> list[dict[str, Any]]:
    """Record one policy for several volunteers (or a team's members on the start date)."""
    insurer_text, policy_text = clean(insurer), clean(policy)
    if not insurer_text:
        raise InvalidInput("reason.missing_insurer", where=Where(field="insurer"))
    if not policy_text:
        raise InvalidInput("reason.missing_policy", where=Where(field="policy"))
    if end < start:
        raise InvalidInput("reason.cover_end_before_start", where=Where(field="date_to"))
    with transaction(conn):
        rows = [volunteers.find(conn, p) for p in people]
        if team:
            from volctl.roster import teams

            rows += teams.members_under(conn, team, start)
        if not rows:
            raise InvalidInput("insurance.nobody", hint="hint.insurance_nobody")
        added = []
        for row in {r["id"]: r for r in rows}.values():
            try:
                cursor = conn.execute(
                    "INSERT INTO insurance_policies (volunteer_id, insurer, policy_no, start_on,"
                    " end_on, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        row["id"],
                        insurer_text,
                        policy_text,
                        start.isoformat(),
                        end.isoformat(),
                        audit.now_iso(),
                    ),
                )
            except sqlite3.IntegrityError:
                raise Conflict(
                    "insurance.exists",
                    volunteer_no=row["volunteer_no"],
                    name=row["name"],
                    policy=policy_text,
                ) from None
            audit.record(
                conn,
                "insurance.add",
                "insurance_policies",
                cursor.lastrowid,
                volunteer_no=row["volunteer_no"],
                policy=policy_text,
                start_on=start.isoformat(),
                end_on=end.isoformat(),
            )
            added.append({"volunteer_no": row["volunteer_no"], "name": row["name"]})
    return added


def covering(conn: sqlite3.Connection, volunteer_id: int, day: date) -> sqlite3.Row | None:
    """The policy that covers a volunteer on a day, if any."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM insurance_policies WHERE volunteer_id = ? AND start_on <= ? AND end_on >= ?"
        " ORDER BY end_on DESC LIMIT 1",
        (volunteer_id, day.isoformat(), day.isoformat()),
    ).fetchone()
    return row


def list_policies(
    conn: sqlite3.Connection,
    *,
    volunteer_id: int | None = None,
    active_on: date | None = None,
    expiring_within: int | None = None,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """Policies with their volunteer; ``expiring_within``: cover ending soon and not renewed."""
    today = today or date.today()
    where: list[str] = []
    params: list[object] = []
    if volunteer_id is not None:
        where.append("p.volunteer_id = ?")
        params.append(volunteer_id)
    if active_on is not None:
        where.append("p.start_on <= ? AND p.end_on >= ?")
        params += [active_on.isoformat(), active_on.isoformat()]
    if expiring_within is not None:
        limit = today + timedelta(days=expiring_within)
        where.append("p.end_on >= ? AND p.end_on <= ? AND v.status = 'active'")
        params += [today.isoformat(), limit.isoformat()]
        # Not renewed: no other policy of the same volunteer reaching past this one.
        where.append(
            "NOT EXISTS (SELECT 1 FROM insurance_policies q WHERE q.volunteer_id ="
            " p.volunteer_id AND q.end_on > p.end_on AND q.start_on <= date(p.end_on, '+1 day'))"
        )
    sql = (
        "SELECT p.*, v.volunteer_no, v.name FROM insurance_policies p"
        " JOIN volunteers v ON v.id = p.volunteer_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = conn.execute(sql + " ORDER BY p.end_on, v.volunteer_no", params).fetchall()
    return [
        {
            "volunteer_no": r["volunteer_no"],
            "name": r["name"],
            "insurer": r["insurer"],
            "policy_no": r["policy_no"],
            "start_on": r["start_on"],
            "end_on": r["end_on"],
            "days_left": (date.fromisoformat(r["end_on"]) - today).days,
        }
        for r in rows
    ]

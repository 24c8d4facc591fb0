"""Accident insurance for volunteers (志愿服务条例 art. 17: bought before risky activities)."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, Where
from volctl.roster import volunteers
from volctl.roster.refs import expand
from volctl.text import SHORT_TEXT, bounded

MAX_DAYS = 3660  # how far ahead "expiring within N days" may look: ten years


def add(
    conn: sqlite3.Connection,
    *,
    people: list[str],
    team: str | None,
    insurer: str,
    policy: str,
    start: date,
    end: date,
) -> dict[str, Any]:
    """Record one policy for several volunteers (or a team's members on the start date).

    A team's members who are inactive are left out (they serve no activity to be insured
    for) and listed under ``skipped_inactive``; a volunteer named on their own is insured
    whatever their status. Returns ``{policy_no, added, skipped_inactive}``.
    """
    insurer_text = bounded(insurer, "insurer", SHORT_TEXT, missing="reason.missing_insurer")
    policy_text = bounded(policy, "policy", SHORT_TEXT, missing="reason.missing_policy")
    if end < start:
        raise InvalidInput("reason.cover_end_before_start", where=Where(field="date_to"))
    with transaction(conn):
        rows = [volunteers.find(conn, p) for p in expand(conn, people)]
        skipped: dict[int, sqlite3.Row] = {}
        if team:
            from volctl.roster import teams

            named = {r["id"] for r in rows}
            for member in teams.members_under(conn, team, start):
                if member["status"] == "inactive" and member["id"] not in named:
                    skipped[member["id"]] = member
                else:
                    rows.append(member)
        if not rows and skipped:
            raise InvalidInput(
                "insurance.only_inactive", where=Where(field="team"), team=team, count=len(skipped)
            )
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
    return {
        "policy_no": policy_text,
        "added": added,
        "skipped_inactive": [
            {"volunteer_no": r["volunteer_no"], "name": r["name"]} for r in skipped.values()
        ],
    }


def check_days(days: int | None) -> None:
    """``--expiring N`` (``insurance list``, ``report insurance``): 0 to ``MAX_DAYS`` days."""
    if days is not None and not 0 <= days <= MAX_DAYS:
        raise InvalidInput(
            "report.days_invalid", where=Where(field="days"), value=days, limit=MAX_DAYS
        )


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
    check_days(expiring_within)
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

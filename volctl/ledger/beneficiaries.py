"""Who an activity served (服务对象): named beneficiaries and counted groups. An entry made
by mistake is withdrawn, not deleted."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from volctl import audit
from volctl.errors import InvalidInput, NotFound, Where
from volctl.roster import code_lists
from volctl.text import clean

_GROUP_COUNT = re.compile(r"^(?P<group>.+?)\s*[:：×xX*]\s*(?P<people>\d+)\s*人?$")


MAX_GROUP_PEOPLE = 100_000  # more people than a community serves at one activity: a typo


def parse_group_count(text: str) -> tuple[str, int]:
    """``空巢老人:12`` (also ``空巢老人：12``, ``空巢老人×12人``) -> (group, people), the number
    of people from 1 to ``MAX_GROUP_PEOPLE``."""
    m = _GROUP_COUNT.match(clean(text))
    if not m:
        raise InvalidInput(
            "reason.served_group_format", where=Where(field="served_group"), value=text
        )
    people = int(m.group("people"))
    if not 1 <= people <= MAX_GROUP_PEOPLE:
        raise InvalidInput(
            "reason.served_group_count",
            where=Where(field="served_group"),
            value=text,
            low=1,
            high=MAX_GROUP_PEOPLE,
        )
    return m.group("group").strip(), people


def serve_in(
    conn: sqlite3.Connection,
    activity: sqlite3.Row,
    recipients: Iterable[str],
    groups: Iterable[tuple[str, int]],
) -> list[dict[str, Any]]:
    from volctl.roster import recipients as recipient_roster

    added = []
    now = audit.now_iso()
    for ref in recipients:
        person = recipient_roster.find(conn, ref)
        if conn.execute(
            "SELECT 1 FROM activity_beneficiaries WHERE activity_id = ? AND recipient_id = ?"
            " AND withdrawn_at IS NULL",
            (activity["id"], person["id"]),
        ).fetchone():
            continue
        cursor = conn.execute(
            "INSERT INTO activity_beneficiaries (activity_id, recipient_id, group_name, people,"
            " created_at) VALUES (?, ?, ?, 1, ?)",
            (activity["id"], person["id"], person["group_name"], now),
        )
        entry = {
            "id": cursor.lastrowid,
            "recipient_no": person["recipient_no"],
            "name": person["name"],
            "group": person["group_name"],
            "people": 1,
        }
        audit.record(
            conn,
            "activity.serve",
            "activity_beneficiaries",
            cursor.lastrowid,
            activity_no=activity["activity_no"],
            **entry,
        )
        added.append(entry)
    for group, people in groups:
        name = code_lists.check(
            conn, code_lists.BENEFICIARY_GROUP, group, Where(field="served_group")
        )
        cursor = conn.execute(
            "INSERT INTO activity_beneficiaries (activity_id, recipient_id, group_name, people,"
            " created_at) VALUES (?, NULL, ?, ?, ?)",
            (activity["id"], name, people, now),
        )
        entry = {"id": cursor.lastrowid, "recipient_no": None, "name": None, "group": name}
        entry["people"] = people
        audit.record(
            conn,
            "activity.serve",
            "activity_beneficiaries",
            cursor.lastrowid,
            activity_no=activity["activity_no"],
            **entry,
        )
        added.append(entry)
    return added


def unserve_in(
    conn: sqlite3.Connection, activity: sqlite3.Row, entry_id: int, text: str | None
) -> dict[str, Any]:
    """Withdraw a beneficiary entry of ``activity`` (caller holds the transaction)."""
    row = conn.execute(
        "SELECT * FROM activity_beneficiaries WHERE id = ? AND activity_id = ?"
        " AND withdrawn_at IS NULL",
        (entry_id, activity["id"]),
    ).fetchone()
    if row is None:
        raise NotFound(
            "activity.served_entry_not_found", id=entry_id, activity_no=activity["activity_no"]
        )
    conn.execute(
        "UPDATE activity_beneficiaries SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?",
        (audit.now_iso(), text, entry_id),
    )
    audit.record(
        conn,
        "activity.unserve",
        "activity_beneficiaries",
        entry_id,
        activity_no=activity["activity_no"],
        reason=text,
    )
    return {"id": entry_id, "group": row["group_name"], "people": row["people"]}


def served(conn: sqlite3.Connection, activity_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT b.*, r.recipient_no, r.name FROM activity_beneficiaries b"
        " LEFT JOIN recipients r ON r.id = b.recipient_id"
        " WHERE b.activity_id = ? AND b.withdrawn_at IS NULL ORDER BY b.id",
        (activity_id,),
    ).fetchall()
    return [
        {
            "id": r["id"],
            "recipient_no": r["recipient_no"],
            "name": r["name"],
            "group": r["group_name"],
            "people": r["people"],
        }
        for r in rows
    ]


def served_by_group(
    conn: sqlite3.Connection,
    first: date,
    last: date,
    *,
    team_ids: Iterable[int] | None = None,
) -> list[dict[str, Any]]:
    """Beneficiaries served from ``first`` to ``last`` by group (activities not cancelled).

    ``people`` adds up every entry (人次: a person visited at three activities counts three
    times); ``recipients`` counts distinct named beneficiaries; ``activities`` the activities.
    ``team_ids`` keeps the activities organised by those teams only.
    """
    teams = ""
    params: list[object] = [first.isoformat(), last.isoformat()]
    if team_ids is not None:
        teams = " AND a.team_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(set(team_ids))))
    rows = conn.execute(
        "SELECT b.group_name, sum(b.people) AS people, count(DISTINCT b.recipient_id)"
        " AS recipients, count(DISTINCT b.activity_id) AS activities"
        " FROM activity_beneficiaries b JOIN activities a ON a.id = b.activity_id"
        " WHERE b.withdrawn_at IS NULL AND a.status <> 'cancelled' AND a.date BETWEEN ? AND ?"
        f"{teams} GROUP BY b.group_name ORDER BY people DESC, b.group_name",
        params,
    ).fetchall()
    return [
        {
            "group": r["group_name"],
            "people": r["people"],
            "recipients": r["recipients"],
            "activities": r["activities"],
        }
        for r in rows
    ]

"""Joining and leaving teams: dated memberships, kept as history.

``joined_on`` is a member's first day, ``left_on`` the day they left (not a member that day).
A new role is the old membership closed and a new one opened the same day; a move closes the
memberships in other teams. Nothing is deleted: a leave entered by mistake is undone by
reopening the membership it closed (``undo_leave``), with an audit entry.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, Where
from volctl.i18n import join_list
from volctl.roster import volunteers
from volctl.roster.teams import ROLES, _day, close_membership, find


def _open_membership(conn: sqlite3.Connection, team_id: int, volunteer_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute(
        "SELECT * FROM memberships WHERE team_id = ? AND volunteer_id = ? AND left_on IS NULL",
        (team_id, volunteer_id),
    ).fetchone()
    return row


def _open(conn: sqlite3.Connection, team_id: int, volunteer_id: int, role: str, since: str) -> int:
    cursor = conn.execute(
        "INSERT INTO memberships (team_id, volunteer_id, role, joined_on, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (team_id, volunteer_id, role, since, audit.now_iso()),
    )
    assert cursor.lastrowid is not None
    audit.record(
        conn,
        "membership.join",
        "memberships",
        cursor.lastrowid,
        team_id=team_id,
        volunteer_id=volunteer_id,
        role=role,
        joined_on=since,
    )
    return cursor.lastrowid


def join(
    conn: sqlite3.Connection,
    team_ref: object,
    vol_refs: Sequence[str],
    *,
    role: str = "队员",
    since: date | None = None,
    move: bool = False,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """Add volunteers to a team from ``since``; a new role for a member is a dated change.

    With ``move``, each volunteer's other open memberships end that day (a move between
    teams: the old membership is closed, not deleted). All or nothing.
    """
    today = today or date.today()
    if role not in ROLES:
        raise InvalidInput(
            "reason.team_role_unknown",
            where=Where(field="role"),
            value=role,
            choices=join_list(ROLES),
        )
    day = _day(since, today, "joined_on")
    results = []
    with transaction(conn):
        team = find(conn, team_ref)
        if team["status"] != "active":
            raise Conflict("team.dissolved", team=team["name"])
        for person in _distinct_volunteers(conn, vol_refs):
            if person["status"] != "active":
                raise Conflict(
                    "team.volunteer_inactive",
                    hint="hint.reactivate_first",
                    volunteer_no=person["volunteer_no"],
                    name=person["name"],
                )
            if day < person["registered_on"]:
                raise InvalidInput(
                    "reason.before_registration",
                    where=Where(field="joined_on"),
                    registered_on=person["registered_on"],
                )
            result: dict[str, Any] = {
                "volunteer_no": person["volunteer_no"],
                "name": person["name"],
                "team": team["name"],
                "role": role,
                "since": day,
                "action": "joined",
                "left": [],
            }
            current = _open_membership(conn, team["id"], person["id"])
            if current is not None:
                if current["role"] == role:
                    raise Conflict(
                        "team.already_member",
                        volunteer_no=person["volunteer_no"],
                        name=person["name"],
                        team=team["name"],
                        role=role,
                        since=current["joined_on"],
                    )
                close_membership(conn, current, day, "role_change")
                result["action"] = "role_changed"
                result["old_role"] = current["role"]
            if move:
                others = conn.execute(
                    "SELECT m.*, t.name AS team_name FROM memberships m JOIN teams t"
                    " ON t.id = m.team_id WHERE m.volunteer_id = ? AND m.left_on IS NULL"
                    " AND m.team_id <> ?",
                    (person["id"], team["id"]),
                ).fetchall()
                for other in others:
                    close_membership(conn, other, day, "move")
                    result["left"].append(other["team_name"])
            _open(conn, team["id"], person["id"], role, day)
            results.append(result)
    return results


def leave(
    conn: sqlite3.Connection,
    team_ref: object,
    vol_refs: Sequence[str],
    *,
    on: date | None = None,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """End volunteers' membership of a team on ``on`` (the row stays, with its dates)."""
    today = today or date.today()
    day = _day(on, today, "left_on")
    results = []
    with transaction(conn):
        team = find(conn, team_ref)
        for person in _distinct_volunteers(conn, vol_refs):
            current = _open_membership(conn, team["id"], person["id"])
            if current is None:
                raise Conflict(
                    "team.not_member",
                    volunteer_no=person["volunteer_no"],
                    name=person["name"],
                    team=team["name"],
                )
            close_membership(conn, current, day, "leave")
            results.append(
                {
                    "volunteer_no": person["volunteer_no"],
                    "name": person["name"],
                    "team": team["name"],
                    "role": current["role"],
                    "joined_on": current["joined_on"],
                    "left_on": day,
                }
            )
    return results


def _distinct_volunteers(conn: sqlite3.Connection, refs: Iterable[str]) -> list[sqlite3.Row]:
    from volctl.roster.refs import expand

    seen: dict[int, sqlite3.Row] = {}
    for ref in expand(conn, refs):
        row = volunteers.find(conn, ref)
        seen.setdefault(row["id"], row)
    if not seen:
        raise InvalidInput("reason.no_volunteers", where=Where(field="volunteers"))
    return list(seen.values())

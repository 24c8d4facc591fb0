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
from volctl.roster import volunteers
from volctl.roster.teams import _day, check_role, close_membership, find


def _open_membership(
    conn: sqlite3.Connection, team_id: int, volunteer_id: int
) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
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


def _refuse_overlap(
    conn: sqlite3.Connection, team: sqlite3.Row, person: sqlite3.Row, day: str
) -> None:
    """A membership from ``day`` on may not overlap one that ended after ``day`` (rejoining
    with the original date after a leave would count the same days twice)."""
    earlier = conn.execute(
        "SELECT joined_on, left_on FROM memberships WHERE team_id = ? AND volunteer_id = ?"
        " AND left_on IS NOT NULL AND left_on > ? AND left_on > joined_on"
        " ORDER BY left_on DESC LIMIT 1",
        (team["id"], person["id"], day),
    ).fetchone()
    if earlier is not None:
        raise Conflict(
            "team.membership_overlap",
            hint="hint.team_leave_undo",
            where=Where(field="joined_on"),
            volunteer_no=person["volunteer_no"],
            name=person["name"],
            team=team["name"],
            since=day,
            joined_on=earlier["joined_on"],
            left_on=earlier["left_on"],
        )


def _correct(
    conn: sqlite3.Connection,
    membership: sqlite3.Row,
    action: str,
    team: sqlite3.Row,
    person: sqlite3.Row,
    field: str,
    value: str | None,
) -> None:
    """Correct one field of a membership (its role, its end), the old value in the audit log."""
    assert field in ("role", "left_on")
    conn.execute(f"UPDATE memberships SET {field} = ? WHERE id = ?", (value, membership["id"]))
    audit.record(
        conn,
        action,
        "memberships",
        membership["id"],
        team=team["name"],
        volunteer_no=person["volunteer_no"],
        joined_on=membership["joined_on"],
        **{field: {"old": membership[field], "new": value}},
    )


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
    role = check_role(role)
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
            _refuse_overlap(conn, team, person, day)
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
                result["action"] = "role_changed"
                result["old_role"] = current["role"]
                if current["joined_on"] == day:
                    # The role from the first day: the membership is corrected, not closed (a
                    # membership ending the day it began would list them as a former member).
                    _correct(conn, current, "membership.role_correct", team, person, "role", role)
                else:
                    close_membership(conn, current, day, "role_change")
                    current = None
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
            if current is None:
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


def undo_leave(
    conn: sqlite3.Connection, team_ref: object, vol_refs: Sequence[str]
) -> list[dict[str, Any]]:
    """Undo ``team leave`` entered by mistake: the membership it ended is open again, as if
    the leave had not happened (no second membership, so no days counted twice); the audit
    log keeps the leave and its undoing. Only a leave is undone: a membership ended by a move,
    a role change or the team's dissolution is refused, naming what ended it. All or nothing."""
    results = []
    with transaction(conn):
        team = find(conn, team_ref)
        if team["status"] != "active":
            raise Conflict("team.dissolved", team=team["name"])
        for person in _distinct_volunteers(conn, vol_refs):
            named = {"volunteer_no": person["volunteer_no"], "name": person["name"]}
            if _open_membership(conn, team["id"], person["id"]) is not None:
                raise Conflict("team.undo_still_member", team=team["name"], **named)
            last = conn.execute(
                "SELECT * FROM memberships WHERE team_id = ? AND volunteer_id = ?"
                " AND left_on IS NOT NULL ORDER BY left_on DESC, id DESC LIMIT 1",
                (team["id"], person["id"]),
            ).fetchone()
            if last is None:
                raise Conflict("team.not_member", team=team["name"], **named)
            ended_by = conn.execute(
                "SELECT action FROM audit_log WHERE entity = 'memberships' AND entity_id = ?"
                " AND action IN ('membership.leave', 'membership.move', 'membership.role_change',"
                " 'membership.dissolve') ORDER BY id DESC LIMIT 1",
                (last["id"],),
            ).fetchone()
            if ended_by is not None and ended_by[0] != "membership.leave":
                raise Conflict(
                    f"team.undo_ended_by_{ended_by[0].split('.', 1)[1]}",
                    team=team["name"],
                    left_on=last["left_on"],
                    **named,
                )
            if person["status"] != "active":
                raise Conflict("team.volunteer_inactive", hint="hint.reactivate_first", **named)
            _correct(conn, last, "membership.leave_undone", team, person, "left_on", None)
            results.append(
                {
                    **named,
                    "team": team["name"],
                    "role": last["role"],
                    "joined_on": last["joined_on"],
                    "left_on": None,
                    "undone_left_on": last["left_on"],
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

"""Teams (志愿服务队伍): the hierarchy, responsible people, and dated memberships.

Levels as the seeds use them: 大队 > 中队 > 分队 (seed 004), and the unit teams 服务队 and
服务组 (seeds 001, 002). A team may only sit under a team of a higher level:

- 大队: at the top only;
- 中队: under a 大队, or at the top;
- 分队: under a 大队 or 中队, or at the top (a community roster often starts here);
- 服务队: under a 大队, 中队 or 分队, or at the top (a unit's own team);
- 服务组: under a 服务队 or 分队, never at the top.

Ranks strictly increase downwards, so no chain can loop; ``_check_parent`` also walks the
ancestors so that re-parenting names the loop it would make.

Memberships are dated: ``joined_on`` is the first day, ``left_on`` the day they left (not a
member that day). Moving a volunteer closes one row and opens another, so a report on an
earlier year counts them where they were then (``members_during``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, Where
from volctl.i18n import join_list
from volctl.masking import display_phone, free_text, mask_phone
from volctl.roster import shown
from volctl.text import NOTES_TEXT, SHORT_TEXT, bounded, clean, compact

LEVELS = ("大队", "中队", "分队", "服务队", "服务组")
RANK = {level: i for i, level in enumerate(LEVELS)}
# Level -> the levels it may sit under; None in the tuple: it may stand at the top.
ALLOWED_PARENTS: dict[str, tuple[str | None, ...]] = {
    "大队": (None,),
    "中队": (None, "大队"),
    "分队": (None, "大队", "中队"),
    "服务队": (None, "大队", "中队", "分队"),
    "服务组": ("服务队", "分队"),
}
ROLES = ("队长", "副队长", "队员")


@dataclass
class TeamInput:
    name: object = None
    level: object = None
    parent: object = None  # a team reference; "" means "at the top" in an update
    leader: object = None  # a volunteer reference; "" clears it in an update
    contact: object = None
    unit: object = None
    office_phone: object = None
    base: object = None
    founded_on: object = None
    notes: object = None


# ----------------------------------------------------------------------------- lookup

_SELECT = (
    "SELECT t.*, p.name AS parent_name,"
    " l.volunteer_no AS leader_no, l.name AS leader_name, l.phone AS leader_phone,"
    " c.volunteer_no AS contact_no, c.name AS contact_name, c.phone AS contact_phone"
    " FROM teams t LEFT JOIN teams p ON p.id = t.parent_id"
    " LEFT JOIN volunteers l ON l.id = t.leader_id"
    " LEFT JOIN volunteers c ON c.id = t.contact_id"
)


def get(conn: sqlite3.Connection, team_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute(f"{_SELECT} WHERE t.id = ?", (team_id,)).fetchone()
    return row


def find(conn: sqlite3.Connection, ref: object) -> sqlite3.Row:
    """A team by its (unique) name or its id."""
    text = clean(ref)
    row = conn.execute(f"{_SELECT} WHERE fold(t.name) = ?", (text,)).fetchone()
    if row is None and text.isdigit():
        row = conn.execute(f"{_SELECT} WHERE t.id = ?", (int(text),)).fetchone()
    if row is None:
        raise NotFound("team.not_found", hint="hint.team_not_found", ref=text)
    return row


def list_teams(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every team, parents before children, siblings by level then name."""
    order = {row["id"]: i for i, row in enumerate(_walk(conn))}
    rows = conn.execute(_SELECT).fetchall()
    return sorted(rows, key=lambda r: order[r["id"]])


def _walk(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    rows = conn.execute("SELECT id, parent_id, level, name FROM teams").fetchall()
    children: dict[int | None, list[sqlite3.Row]] = {}
    for row in rows:
        children.setdefault(row["parent_id"], []).append(row)
    out: list[sqlite3.Row] = []

    def visit(parent: int | None) -> None:
        for row in sorted(children.get(parent, []), key=lambda r: (RANK[r["level"]], r["name"])):
            out.append(row)
            visit(row["id"])

    visit(None)
    return out


def descendants(conn: sqlite3.Connection, team_id: int) -> list[int]:
    """The team and every team under it, at any depth."""
    return [
        row[0]
        for row in conn.execute(
            "WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM teams t"
            " JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub",
            (team_id,),
        )
    ]


def ancestors(conn: sqlite3.Connection, team_id: int) -> list[int]:
    """The teams above ``team_id``, nearest first."""
    out: list[int] = []
    current = conn.execute("SELECT parent_id FROM teams WHERE id = ?", (team_id,)).fetchone()
    while current is not None and current[0] is not None and current[0] not in out:
        out.append(current[0])
        current = conn.execute("SELECT parent_id FROM teams WHERE id = ?", (current[0],)).fetchone()
    return out


# ----------------------------------------------------------------------------- validation


def check_level(raw: object) -> str:
    """A level by its Chinese or English name (分队, detachment); missing: refused."""
    from volctl import values

    level = values.parse("team_level", compact(raw), "reason.team_level_unknown",
                         where=Where(field="level"))  # fmt: skip
    if level is None:
        raise InvalidInput(
            "reason.team_level_unknown",
            where=Where(field="level"),
            value="",
            choices=values.choices("team_level"),
        )
    return level


def check_role(raw: object) -> str:
    """A role by its Chinese or English name (副队长, deputy); missing: 队员."""
    from volctl import values

    found = values.parse("team_role", raw, "reason.team_role_unknown", where=Where(field="role"))
    return found or "队员"


def _text(raw: object, field: str) -> str | None:
    return bounded(raw, field, NOTES_TEXT if field == "notes" else SHORT_TEXT)


def _volunteer(conn: sqlite3.Connection, raw: object, field: str) -> int | None:
    if not clean(raw):
        return None
    row = shown.find(conn, str(raw))
    if row["status"] != "active":
        raise Conflict(
            "team.volunteer_inactive_role",
            where=Where(field=field),
            volunteer_no=row["volunteer_no"],
            name=row["name"],
        )
    return int(row["id"])


def _check_parent(
    conn: sqlite3.Connection, level: str, parent: sqlite3.Row | None, team_id: int | None
) -> None:
    if (
        parent is not None
        and team_id is not None
        and (parent["id"] == team_id or team_id in ancestors(conn, parent["id"]))
    ):
        raise Conflict(
            "team.cycle", where=Where(field="parent"), parent=parent["name"], level=level
        )
    if parent is not None and parent["status"] != "active":
        raise Conflict("team.dissolved", where=Where(field="parent"), team=parent["name"])
    allowed = ALLOWED_PARENTS[level]
    parent_level = parent["level"] if parent is not None else None
    if parent_level in allowed:
        return
    choices = join_list(p for p in allowed if p)
    if not choices:
        raise InvalidInput("team.top_level", where=Where(field="parent"), level=level)
    if parent is None:
        raise InvalidInput(
            "team.needs_parent", where=Where(field="parent"), level=level, choices=choices
        )
    raise InvalidInput(
        "team.level_order",
        hint="hint.team_levels",
        where=Where(field="parent"),
        level=level,
        parent=parent["name"],
        parent_level=parent_level,
        choices=choices,
    )


# ----------------------------------------------------------------------------- writes


def add(conn: sqlite3.Connection, given: TeamInput, *, today: date | None = None) -> sqlite3.Row:
    """Create a team under its parent; one transaction, audited."""
    from volctl.dates import parse_date
    from volctl.identity import parse_phone

    today = today or date.today()
    name = _text(given.name, "team")
    if not name:
        raise InvalidInput("reason.missing_team_name", where=Where(field="team"))
    level = check_level(given.level)
    founded = parse_date(given.founded_on, where=Where(field="founded_on"), allow_partial=False)
    with transaction(conn):
        if conn.execute("SELECT 1 FROM teams WHERE fold(name) = fold(?)", (name,)).fetchone():
            raise Conflict("team.exists", name=name)
        parent = find(conn, given.parent) if clean(given.parent) else None
        _check_parent(conn, level, parent, None)
        office = given.office_phone
        values = {
            "name": name,
            "level": level,
            "parent_id": parent["id"] if parent is not None else None,
            "leader_id": _volunteer(conn, given.leader, "leader"),
            "contact_id": _volunteer(conn, given.contact, "contact"),
            "unit": _text(given.unit, "unit"),
            "office_phone": parse_phone(
                office, where=Where(field="office_phone"), field_code="office_phone"
            )
            if compact(office)
            else None,
            "base": _text(given.base, "base"),
            "founded_on": founded.value.isoformat() if founded else None,
            "notes": _text(given.notes, "notes"),
            "created_at": audit.now_iso(),
            "updated_at": audit.now_iso(),
        }
        if founded and founded.value > today:
            raise InvalidInput("reason.date_in_future", where=Where(field="founded_on"))
        cursor = conn.execute(
            f"INSERT INTO teams ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
            tuple(values.values()),
        )
        assert cursor.lastrowid is not None
        audit.record(conn, "team.add", "teams", cursor.lastrowid, **values)
        return get(conn, cursor.lastrowid)


def update(
    conn: sqlite3.Connection, ref: object, changes: dict[str, object]
) -> tuple[sqlite3.Row, dict[str, tuple[Any, Any]]]:
    """Correct a team: rename, re-level, move under another parent, change its people."""
    from volctl.dates import parse_date

    with transaction(conn):
        row = find(conn, ref)
        new: dict[str, Any] = {}
        if "name" in changes:
            name = _text(changes["name"], "team")
            if not name:
                raise InvalidInput("reason.missing_team_name", where=Where(field="team"))
            other = conn.execute(
                "SELECT id FROM teams WHERE fold(name) = fold(?)", (name,)
            ).fetchone()
            if other is not None and other[0] != row["id"]:
                raise Conflict("team.exists", name=name)
            new["name"] = name
        level = check_level(changes["level"]) if "level" in changes else row["level"]
        new["level"] = level
        if "parent" in changes:
            parent = find(conn, changes["parent"]) if clean(changes["parent"]) else None
        else:
            parent = get(conn, row["parent_id"]) if row["parent_id"] is not None else None
        _check_parent(conn, level, parent, row["id"])
        new["parent_id"] = parent["id"] if parent is not None else None
        for child in conn.execute("SELECT * FROM teams WHERE parent_id = ?", (row["id"],)):
            if level not in ALLOWED_PARENTS[child["level"]]:
                raise InvalidInput(
                    "team.level_breaks_child",
                    hint="hint.team_levels",
                    where=Where(field="level"),
                    level=level,
                    child=child["name"],
                    child_level=child["level"],
                )
        for key in ("leader", "contact"):
            if key in changes:
                new[f"{key}_id"] = _volunteer(conn, changes[key], key)
        for key in ("unit", "base", "notes"):
            if key in changes:
                new[key] = _text(changes[key], key)
        if "office_phone" in changes:
            from volctl.identity import parse_phone

            raw = changes["office_phone"]
            new["office_phone"] = (
                parse_phone(raw, where=Where(field="office_phone"), field_code="office_phone")
                if compact(raw)
                else None
            )
        if "founded_on" in changes:
            founded = parse_date(
                changes["founded_on"], where=Where(field="founded_on"), allow_partial=False
            )
            new["founded_on"] = founded.value.isoformat() if founded else None
        diff = {k: (row[k], v) for k, v in new.items() if row[k] != v}
        if not diff:
            return row, {}
        conn.execute(
            f"UPDATE teams SET {', '.join(f'{k} = ?' for k in diff)}, updated_at = ? WHERE id = ?",
            (*[v for _o, v in diff.values()], audit.now_iso(), row["id"]),
        )
        audit.record(
            conn,
            "team.update",
            "teams",
            row["id"],
            team=row["name"],
            changes={k: {"old": o, "new": v} for k, (o, v) in diff.items()},
        )
        return get(conn, row["id"]), diff


def dissolve(
    conn: sqlite3.Connection,
    ref: object,
    reason: object,
    *,
    on: date | None = None,
    today: date | None = None,
) -> tuple[sqlite3.Row, int]:
    """Dissolve a team (撤销): its open memberships end on ``on``; the team and its history
    stay. A team with active sub-teams cannot be dissolved: move or dissolve them first."""
    today = today or date.today()
    day = _day(on, today, "dissolved_on")
    text = bounded(reason, "reason", missing="reason.missing_reason")
    with transaction(conn):
        team = find(conn, ref)
        if team["status"] != "active":
            raise Conflict("team.dissolved", team=team["name"])
        if team["founded_on"] and day < team["founded_on"]:
            raise InvalidInput(
                "reason.dissolved_before_founded",
                where=Where(field="dissolved_on"),
                on=day,
                team=team["name"],
                founded_on=team["founded_on"],
            )
        subteams = conn.execute(
            "SELECT name FROM teams WHERE parent_id = ? AND status = 'active' ORDER BY name",
            (team["id"],),
        ).fetchall()
        if subteams:
            raise Conflict(
                "team.has_subteams",
                team=team["name"],
                subteams=join_list(r[0] for r in subteams),
            )
        open_rows = conn.execute(
            "SELECT * FROM memberships WHERE team_id = ? AND left_on IS NULL", (team["id"],)
        ).fetchall()
        for membership in open_rows:
            close_membership(conn, membership, day, "dissolve")
        conn.execute(
            "UPDATE teams SET status = 'dissolved', dissolved_on = ?, status_reason = ?,"
            " updated_at = ? WHERE id = ?",
            (day, text, audit.now_iso(), team["id"]),
        )
        audit.record(
            conn,
            "team.dissolve",
            "teams",
            team["id"],
            team=team["name"],
            dissolved_on=day,
            reason=text,
            memberships_closed=len(open_rows),
        )
        return get(conn, team["id"]), len(open_rows)


def close_membership(conn: sqlite3.Connection, membership: sqlite3.Row, on: str, why: str) -> None:
    if on < membership["joined_on"]:
        raise InvalidInput(
            "team.leave_before_join",
            where=Where(field="left_on"),
            on=on,
            joined_on=membership["joined_on"],
        )
    conn.execute("UPDATE memberships SET left_on = ? WHERE id = ?", (on, membership["id"]))
    audit.record(
        conn,
        f"membership.{why}",
        "memberships",
        membership["id"],
        team_id=membership["team_id"],
        volunteer_id=membership["volunteer_id"],
        left_on=on,
    )


def _day(on: date | None, today: date, field: str) -> str:
    day = on or today
    if day > today:
        raise InvalidInput("reason.date_in_future", where=Where(field=field))
    return day.isoformat()


# ----------------------------------------------------------------------------- membership queries

_ON = "m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day)"
_DURING = "m.joined_on <= :last AND (m.left_on IS NULL OR m.left_on > :first)"


def members(conn: sqlite3.Connection, team_id: int, on: date) -> list[sqlite3.Row]:
    """The team's own members on ``on`` (not those of teams under it), leaders first."""
    return conn.execute(
        "SELECT m.*, v.volunteer_no, v.name, v.phone, v.status AS volunteer_status"
        f" FROM memberships m JOIN volunteers v ON v.id = m.volunteer_id"
        f" WHERE m.team_id = :team AND {_ON}"
        " ORDER BY CASE m.role WHEN '队长' THEN 0 WHEN '副队长' THEN 1 ELSE 2 END,"
        " v.volunteer_no",
        {"team": team_id, "day": on.isoformat()},
    ).fetchall()


def former_members(conn: sqlite3.Connection, team_id: int, on: date) -> list[sqlite3.Row]:
    """Memberships of the team that ended on or before ``on`` (history, newest first); one
    that ended the day it began (a role corrected, a join undone that day) held no day."""
    return conn.execute(
        "SELECT m.*, v.volunteer_no, v.name, v.phone, v.status AS volunteer_status"
        " FROM memberships m JOIN volunteers v ON v.id = m.volunteer_id"
        " WHERE m.team_id = ? AND m.left_on IS NOT NULL AND m.left_on <= ?"
        " AND m.left_on > m.joined_on"  # a membership ended the day it began held no day
        " ORDER BY m.left_on DESC, v.volunteer_no",
        (team_id, on.isoformat()),
    ).fetchall()


def members_under(conn: sqlite3.Connection, team_ref: object, on: date) -> list[sqlite3.Row]:
    """Distinct volunteers in team T or any team under it on ``on``.

    A volunteer in two sub-teams counts once. The year-end report asks for the same over a
    year: :func:`members_during`.
    """
    team = find(conn, team_ref)
    ids = descendants(conn, team["id"])
    return _distinct(conn, ids, _ON, {"day": on.isoformat()})


def members_during(
    conn: sqlite3.Connection, team_ref: object, first: date, last: date
) -> list[sqlite3.Row]:
    """Distinct volunteers who were in team T (or under it) on any day from first to last."""
    team = find(conn, team_ref)
    ids = descendants(conn, team["id"])
    return _distinct(conn, ids, _DURING, {"first": first.isoformat(), "last": last.isoformat()})


def _distinct(
    conn: sqlite3.Connection, team_ids: list[int], condition: str, params: dict[str, str]
) -> list[sqlite3.Row]:
    marks = ", ".join(f":t{i}" for i in range(len(team_ids)))
    binds = {**params, **{f"t{i}": tid for i, tid in enumerate(team_ids)}}
    return conn.execute(
        "SELECT DISTINCT v.* FROM memberships m JOIN volunteers v ON v.id = m.volunteer_id"
        f" WHERE m.team_id IN ({marks}) AND {condition} ORDER BY v.volunteer_no",
        binds,
    ).fetchall()


def counts(conn: sqlite3.Connection, on: date) -> dict[int, tuple[int, int]]:
    """For every team: (its own members, distinct members of it and all teams under it)."""
    rows = conn.execute(
        f"SELECT m.team_id, m.volunteer_id FROM memberships m WHERE {_ON}", {"day": on.isoformat()}
    ).fetchall()
    own: dict[int, set[int]] = {}
    for row in rows:
        own.setdefault(row["team_id"], set()).add(row["volunteer_id"])
    parents = {r[0]: r[1] for r in conn.execute("SELECT id, parent_id FROM teams")}
    total: dict[int, set[int]] = {tid: set() for tid in parents}
    for tid, people in own.items():
        node: int | None = tid
        seen: set[int] = set()
        while node is not None and node not in seen:
            seen.add(node)
            total.setdefault(node, set()).update(people)
            node = parents.get(node)
    return {tid: (len(own.get(tid, ())), len(total[tid])) for tid in parents}


# ----------------------------------------------------------------------------- output


def _person(no: str | None, name: str | None, phone: str | None, show_pii: bool) -> Any:
    if no is None:
        return None
    return {
        "volunteer_no": no,
        "name": name,
        "phone": display_phone(phone) if show_pii else mask_phone(phone),
    }


def public(
    row: sqlite3.Row, count: tuple[int, int] = (0, 0), *, show_pii: bool = False
) -> dict[str, Any]:
    """The documented JSON shape of a team."""
    return {
        "id": row["id"],
        "name": row["name"],
        "level": row["level"],
        "parent": row["parent_name"],
        "leader": _person(row["leader_no"], row["leader_name"], row["leader_phone"], show_pii),
        "contact": _person(row["contact_no"], row["contact_name"], row["contact_phone"], show_pii),
        "unit": row["unit"],
        "office_phone": display_phone(row["office_phone"]),
        "base": row["base"],
        "founded_on": row["founded_on"],
        "status": row["status"],
        "dissolved_on": row["dissolved_on"],
        "status_reason": free_text(row["status_reason"], show_pii),
        "notes": free_text(row["notes"], show_pii),
        "members": count[0],
        "members_total": count[1],
    }


def member_record(row: sqlite3.Row, *, show_pii: bool = False) -> dict[str, Any]:
    return {
        "volunteer_no": row["volunteer_no"],
        "name": row["name"],
        "role": row["role"],
        "joined_on": row["joined_on"],
        "left_on": row["left_on"],
        "phone": display_phone(row["phone"]) if show_pii else mask_phone(row["phone"]),
        "volunteer_status": row["volunteer_status"],
    }

"""Who is below the yearly service target (seed 004: at least 48 hours a year), by team.

The volunteers counted are those registered and not inactive at the end of the year (or today
while it runs), in a team's scope its members that day, each with their whole year's service
hours, whichever team they served with: the same people and hours as the summary's
``volunteers_registered`` and ``met_target``. A volunteer's team is the one they are in on that
day; a team's figures include the teams under it.

Beside the target, hours are rounded down and the hours short up (47 h 59 min is 47.9 h, 0.1 h
short, never 48.0 and 0.0); a total of hours short adds up the people's as shown.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from typing import Any

from volctl import settings
from volctl.errors import InvalidInput, Where
from volctl.reports.common import Basis, find_scope, hours_down, hours_up, phone, year_period

MAX_TARGET = 8784  # hours in a leap year


def _goal(conn: sqlite3.Connection, target: float | None) -> float:
    if target is None:
        value: float = settings.get(conn, "target_hours")
        return value
    if not 0 < target <= MAX_TARGET:
        raise InvalidInput("report.target_invalid", where=Where(field="target_hours"), value=target)
    return int(target) if float(target).is_integer() else target


def report(
    conn: sqlite3.Connection,
    *,
    year: int | None = None,
    target: float | None = None,
    team: str | None = None,
    show_pii: bool = False,
    today: date | None = None,
) -> dict[str, Any]:
    """``report target``: the year (default: this one, to today), the target (default: the
    ``target_hours`` setting), how many met it, and everyone below it with the hours short."""
    today = today or date.today()
    year = year if year is not None else today.year
    period = year_period(year, today)
    goal = _goal(conn, target)
    goal_minutes = round(goal * 60)
    basis = Basis(conn, period, find_scope(conn, team))
    tree = basis.tree
    order = {row["id"]: i for i, row in enumerate(tree.rows)}
    names = {tid: row["name"] for tid, row in tree.by_id.items()}
    # Everyone counted, with their year's service and the teams they are in on the day.
    people = basis.rows(
        "SELECT v.id, v.volunteer_no, v.name, v.phone, coalesce(p.services, 0),"
        " coalesce(p.minutes, 0), (SELECT group_concat(m.team_id) FROM memberships m"
        " WHERE m.volunteer_id = v.id AND m.joined_on <= :day"
        " AND (m.left_on IS NULL OR m.left_on > :day))"
        f" FROM volunteers v LEFT JOIN ({basis.person_sql}) p ON p.volunteer_id = v.id"
        f" WHERE {basis.registered_sql}"
    )
    counted: Counter[int | None] = Counter()
    met: Counter[int | None] = Counter()
    short: Counter[int | None] = Counter()
    teams_of: dict[str | None, tuple[list[int], set[int | None]]] = {}
    below = []
    for _vid, number, name, mobile, services, minutes, teams in people:
        if teams not in teams_of:  # a few distinct sets of teams: work each out once
            own = (
                sorted({int(t) for t in teams.split(",")}, key=lambda t: order.get(t, 0))
                if teams
                else []
            )
            targets: set[int | None] = set(tree.closure(own)) if own else {None}
            teams_of[teams] = (own, targets)
        own, targets = teams_of[teams]
        missing = max(goal_minutes - minutes, 0)
        for team_id in targets:
            counted[team_id] += 1
            met[team_id] += missing == 0
            short[team_id] += -(-missing // 6)  # tenths of an hour, each person's rounded up
        if missing:
            first = order.get(own[0], -1) if own else 1 << 30
            below.append((first, minutes, number, name, mobile, services, own))
    below.sort(key=lambda b: b[:3])
    listed = tree.existing(period, basis.scope)
    top = min((tree.depth[row["id"]] for row in listed), default=0)
    by_team = [
        {
            "team": row["name"],
            "level": row["level"],
            "depth": tree.depth[row["id"]] - top,
            "volunteers": counted[row["id"]],
            "met": met[row["id"]],
            "below": counted[row["id"]] - met[row["id"]],
            "hours_short": short[row["id"]] / 10,
        }
        for row in listed
    ]
    if counted[None]:
        by_team.append(
            {
                "team": None,
                "level": None,
                "depth": 0,
                "volunteers": counted[None],
                "met": met[None],
                "below": counted[None] - met[None],
                "hours_short": short[None] / 10,
            }
        )
    return {
        "year": year,
        "as_of": period.as_of.isoformat(),
        "team": basis.scope.team,
        "target_hours": goal,
        "volunteers": len(people),
        "met": len(people) - len(below),
        "below": len(below),
        "hours_short": sum(-((b[1] - goal_minutes) // 6) for b in below) / 10,
        "by_team": by_team,
        "below_target": [
            {
                "volunteer_no": number,
                "name": name,
                "phone": phone(mobile, show_pii),
                "team": "、".join(names[t] for t in own) or None,
                "participations": services,
                "hours": hours_down(minutes),
                "hours_short": hours_up(goal_minutes - minutes),
            }
            for _first, minutes, number, name, mobile, services, own in below
        ],
    }

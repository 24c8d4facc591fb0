"""Service hours over any period, broken down by month, team, category, theme or volunteer.

The breakdowns are shared with the year-end summary. Everywhere:

- ``participations`` are services with time (人次: one volunteer at one activity); zero-time
  records (leave, absence) are not service;
- ``hours`` are the minutes of those records at their latest correction, shown with one
  decimal;
- ``activities`` are activities marked held and dated in the period (by their own date);
  service is placed in a month by the day it was done;
- in a team's scope, service counts when the volunteer was a member of the team (or of a team
  under it) on the day they served, and activities when the team (or one under it)
  organised them.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from typing import Any

from volctl.errors import InvalidInput, Where
from volctl.reports.common import Basis, date_range, find_scope, hours, people

BY = ("month", "team", "category", "theme", "volunteer")
THEMES = ("关爱他人", "关爱社会", "关爱自然")


def _months(basis: Basis) -> list[str]:
    first, last = basis.period.first, basis.period.last
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_rows(basis: Basis, *, with_minutes: bool = False) -> list[dict[str, Any]]:
    """One row per month of the period, months without anything included (for charts);
    ``with_minutes``: each row also carries its exact ``minutes`` (for a printed form)."""
    activities = Counter(row["date"][:7] for row in basis.held_activities)
    services: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    for item in basis.service:
        services[item.day[:7]] += item.services
        minutes[item.day[:7]] += item.minutes
    rows: list[dict[str, Any]] = [
        {
            "month": month,
            "activities": activities[month],
            "participations": services[month],
            "hours": hours(minutes[month]),
        }
        for month in _months(basis)
    ]
    if with_minutes:
        for row in rows:
            row["minutes"] = minutes[row["month"]]
    return rows


def category_rows(basis: Basis, key: str = "category") -> list[dict[str, Any]]:
    """One row per activity category (or ``key="theme"``), busiest first; a category with
    neither an activity held nor an hour served (only absences, say) is left out.

    Themes always list the three 宗旨 (关爱他人, 关爱社会, 关爱自然), then activities with no
    theme (``null``) when there are any.
    """
    activities: Counter[str | None] = Counter(row[key] for row in basis.held_activities)
    services: Counter[str | None] = Counter()
    minutes: Counter[str | None] = Counter()
    for item in basis.service:
        value = basis.activity_meta[item.activity_id][key]
        services[value] += item.services
        minutes[value] += item.minutes
    names: list[str | None] = [
        name for name in {*activities, *services} if activities[name] or minutes[name]
    ]
    if key == "theme":
        names = [*THEMES, *([None] if None in names else [])]
    else:
        names.sort(key=lambda n: (-activities[n], -minutes[n], n is None, n or ""))
    return [
        {
            key: name,
            "activities": activities[name],
            "participations": services[name],
            "hours": hours(minutes[name]),
        }
        for name in names
    ]


def team_rows(basis: Basis) -> list[dict[str, Any]]:
    """One row per team that existed in the period, in hierarchy order; a team's figures
    include the teams under it (a volunteer in two sub-teams counts once in their parent).

    ``members``: distinct volunteers who were members at any time in the period. For the
    whole roster, a last row (``team`` null) holds the service of volunteers in no team and
    the activities no team organised, so the rows of the top teams and it add up.
    """
    tree = basis.tree
    listed = tree.existing(basis.period, basis.scope)
    members: Counter[int | None] = Counter()
    serving: Counter[int | None] = Counter()
    services: Counter[int | None] = Counter()
    minutes: Counter[int | None] = Counter()
    groups, movers, in_teams = basis.team_signatures()
    for teams, count, served, group_services, group_minutes in groups:
        for team_id in tree.closure(int(t) for t in str(teams).split(",")):
            members[team_id] += count
            serving[team_id] += served
            services[team_id] += group_services
            minutes[team_id] += group_minutes
    if movers:  # teams changed during the period: each record where it belongs
        held, records = basis.split_movers(movers)
        for rows in held.values():
            for team_id in tree.closure(m.team_id for m in rows):
                members[team_id] += 1
        served_in: dict[int | None, set[int]] = {}
        for vid, day, record_minutes in records:
            teams_then = [m.team_id for m in held[vid] if m.on(day)]
            targets: set[int | None] = set(tree.closure(teams_then)) if teams_then else {None}
            for target in targets:
                minutes[target] += record_minutes
                if record_minutes > 0:
                    services[target] += 1
                    served_in.setdefault(target, set()).add(vid)
        for target, people_there in served_in.items():
            serving[target] += len(people_there)
    everyone = _whole_service(basis)  # volunteers in no team at all: the rest
    serving[None] += everyone[0] - in_teams[0]
    services[None] += everyone[1] - in_teams[1]
    minutes[None] += everyone[2] - in_teams[2]
    activities: Counter[int | None] = Counter()
    for row in basis.held_activities:
        organisers: set[int | None] = (
            set(tree.closure([row["team_id"]])) if row["team_id"] is not None else {None}
        )
        for organiser in organisers:
            activities[organiser] += 1
    top = min((tree.depth[row["id"]] for row in listed), default=0)
    out: list[dict[str, Any]] = [
        {
            "team": row["name"],
            "level": row["level"],
            "parent": tree.by_id[row["parent_id"]]["name"] if row["parent_id"] else None,
            "depth": tree.depth[row["id"]] - top,
            "members": members[row["id"]],
            "activities": activities[row["id"]],
            "volunteers": serving[row["id"]],
            "participations": services[row["id"]],
            "hours": hours(minutes[row["id"]]),
        }
        for row in listed
    ]
    if basis.scope.whole and (activities[None] or serving[None] or minutes[None]):
        out.append(
            {
                "team": None,
                "level": None,
                "parent": None,
                "depth": 0,
                "members": None,
                "activities": activities[None],
                "volunteers": serving[None],
                "participations": services[None],
                "hours": hours(minutes[None]),
            }
        )
    return out


def _whole_service(basis: Basis) -> tuple[int, int, int]:
    """(serving, 人次, minutes) of the whole roster in the period, whatever the scope."""
    if basis.scope.whole:
        return basis.service_totals
    row = basis.rows(
        "SELECT count(*) FILTER (WHERE services > 0), coalesce(sum(services), 0),"
        f" coalesce(sum(minutes), 0) FROM ({basis.person_sql})"
    )[0]
    return int(row[0]), int(row[1]), int(row[2])


def volunteer_rows(basis: Basis, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per volunteer with a record in the scope, most hours first."""
    ranked = basis.top(limit)
    found = people(basis.conn, [vid for vid, _t in ranked])
    teams = basis.teams_of(vid for vid, _t in ranked)
    return [
        {
            "volunteer_no": found[vid]["volunteer_no"],
            "name": found[vid]["name"],
            "team": teams[vid],
            "participations": total.services,
            "hours": hours(total.minutes),
        }
        for vid, total in ranked
    ]


def totals(basis: Basis) -> dict[str, Any]:
    """The period's service in the scope: 人次, distinct people who served, hours."""
    serving, services, minutes = basis.service_totals
    return {"participations": services, "volunteers": serving, "hours": hours(minutes)}


def report(
    conn: sqlite3.Connection,
    by: str,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    team: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """``report hours --by …``: the period (default: this year to today), its totals, and one
    row per month, team, category, theme or volunteer."""
    if by not in BY:
        raise InvalidInput(
            "report.by_unknown", where=Where(field="by"), value=by, choices=", ".join(BY)
        )
    today = today or date.today()
    period = date_range(date_from, date_to, today)
    basis = Basis(conn, period, find_scope(conn, team))
    if by == "month":
        rows = month_rows(basis)
    elif by == "team":
        rows = team_rows(basis)
    elif by in ("category", "theme"):
        rows = category_rows(basis, by)
    else:
        rows = volunteer_rows(basis)
    return {
        "by": by,
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "team": basis.scope.team,
        **totals(basis),
        "rows": rows,
    }

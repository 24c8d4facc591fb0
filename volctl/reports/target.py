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
from collections.abc import Iterator
from datetime import date
from typing import Any

from volctl import settings
from volctl.errors import InvalidInput, Where
from volctl.reports.common import Basis, find_scope, hours_down, hours_up, phone, year_period

MAX_TARGET = 8784  # hours in a leap year
BATCH = 2000  # rows fetched from the database at a time


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
    ``target_hours`` setting), how many met it, and everyone below it with the hours short.

    ``below_target`` is a generator, read once while ``conn`` is open: the people below the
    target come from the database in their order as they are written, so a list of a hundred
    thousand needs no more memory than a list of ten. The figures above it are counted first,
    in one pass over the query that keeps only a counter per team."""
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
    people_sql = (
        "SELECT v.id, v.volunteer_no, v.name, v.phone, coalesce(p.services, 0) AS services,"
        " coalesce(p.minutes, 0) AS minutes, (SELECT group_concat(m.team_id) FROM memberships m"
        " WHERE m.volunteer_id = v.id AND m.joined_on <= :day"
        " AND (m.left_on IS NULL OR m.left_on > :day)) AS teams"
        f" FROM volunteers v LEFT JOIN ({basis.person_sql}) p ON p.volunteer_id = v.id"
        f" WHERE {basis.registered_sql}"
    )
    teams_of: dict[str | None, tuple[list[int], set[int | None], int]] = {}

    def teams_on_day(teams: str | None) -> tuple[list[int], set[int | None], int]:
        """A volunteer's teams in tree order, those and every team above them, and where the
        first of them comes in the tree (no team: last). Few distinct sets: each worked out
        once."""
        found = teams_of.get(teams)
        if found is None:
            own = (
                sorted({int(t) for t in teams.split(",")}, key=lambda t: order.get(t, 0))
                if teams
                else []
            )
            targets: set[int | None] = set(tree.closure(own)) if own else {None}
            first = order.get(own[0], -1) if own else 1 << 30
            found = teams_of[teams] = (own, targets, first)
        return found

    counted: Counter[int | None] = Counter()
    met: Counter[int | None] = Counter()
    short: Counter[int | None] = Counter()
    volunteers = below = below_tenths = 0
    cursor = conn.cursor()
    cursor.row_factory = None
    for minutes, teams in cursor.execute(
        f"SELECT minutes, teams FROM ({people_sql})", basis.params
    ):
        _own, targets, _first = teams_on_day(teams)
        missing = max(goal_minutes - minutes, 0)
        volunteers += 1
        tenths = -(-missing // 6)  # tenths of an hour, each person's rounded up
        if missing:
            below += 1
            below_tenths += tenths
        for team_id in targets:
            counted[team_id] += 1
            met[team_id] += missing == 0
            short[team_id] += tenths
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

    def below_target() -> Iterator[dict[str, Any]]:
        # Ordered by the first team's place in the tree, the hours, the number: the
        # database sorts (spilling to a temporary file when large), not a Python list.
        conn.create_function(
            "volctl_first_team", 1, lambda teams: teams_on_day(teams)[2], deterministic=True
        )
        rows = conn.cursor()
        rows.row_factory = None
        rows.execute(
            "SELECT volunteer_no, name, phone, services, minutes, teams"
            f" FROM ({people_sql}) WHERE minutes < :goal"
            " ORDER BY volctl_first_team(teams), minutes, volunteer_no",
            {**basis.params, "goal": goal_minutes},
        )
        for batch in iter(lambda: rows.fetchmany(BATCH), []):
            for number, name, mobile, services, minutes, teams in batch:
                own = teams_on_day(teams)[0]
                yield {
                    "volunteer_no": number,
                    "name": name,
                    "phone": phone(mobile, show_pii),
                    "team": "、".join(names[t] for t in own) or None,
                    "participations": services,
                    "hours": hours_down(minutes),
                    "hours_short": hours_up(goal_minutes - minutes),
                }

    return {
        "year": year,
        "as_of": period.as_of.isoformat(),
        "team": basis.scope.team,
        "target_hours": goal,
        "volunteers": volunteers,
        "met": volunteers - below,
        "below": below,
        "hours_short": below_tenths / 10,
        "by_team": by_team,
        "below_target": below_target(),
    }

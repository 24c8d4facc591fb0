"""The year-end summary (年终总结): the figures a community sends up (seed 003 shows the kind).

``summary(conn, year=…, team=…)`` returns one plain dict; its keys are documented in the
README ("Reports") and are an interface. Two kinds of figures, never mixed:

- **Service** (``volunteers_serving``, ``participations``, ``hours``, ``by_*``,
  ``top_volunteers``): service done in the scope. ``participations`` counts services (人次:
  one volunteer at one activity, with time), ``volunteers_serving`` distinct people. In a
  team's scope, service counts when the volunteer was a member of the team, or of a team
  under it, on the day they served: a volunteer who moved mid-year counts for each team for
  the months they were in it.
- **People** (``volunteers_registered``, ``participation_rate``, ``met_target``, ``stars``,
  ``stars_new``, ``dormant``): the volunteers registered and not inactive at the end of the
  year (or today while it runs), in a team's scope those who were its members that day, each
  judged on their whole record: a person meets the target, reaches a star or lies dormant as
  a person, whichever team they served with.

Every record counts once, at its latest correction; voided records and training time never
count as service.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from volctl import settings
from volctl.ledger.beneficiaries import served_by_group
from volctl.reports import hours as breakdown
from volctl.reports import stars
from volctl.reports.common import (
    FIRST_YEAR,
    Basis,
    Tree,
    find_scope,
    hours,
    hours_down,
    people,
    per_person,
    phone,
    rate,
    star_candidates,
    star_level,
    year_period,
)

# The figures compared with the year before (``previous_year`` and its ``change``).
HEADLINE = (
    "teams",
    "volunteers_registered",
    "volunteers_new",
    "volunteers_serving",
    "participation_rate",
    "participations",
    "activities",
    "hours",
    "hours_per_serving_volunteer",
    "met_target",
)
TOP = 10


def _target_minutes(target: float) -> int:
    return round(float(target) * 60)


def headline(basis: Basis, target: float) -> dict[str, Any]:
    """The scalar figures of one year (see the module's docstring for what each counts)."""
    serving, services, minutes = basis.service_totals
    registered, served, met = basis.population_counts(_target_minutes(target))
    return {
        "teams": len(basis.tree.existing(basis.period, basis.scope)),
        "volunteers_registered": registered,
        "volunteers_new": basis.registered_during(),
        "volunteers_serving": serving,
        "participation_rate": rate(served, registered),
        "participations": services,
        "activities": len(basis.held_activities),
        "hours": hours(minutes),
        "hours_per_serving_volunteer": per_person(minutes, serving),
        "met_target": met,
    }


def top_volunteers(
    basis: Basis, cumulative: dict[int, int], limits: list[int], top: int, show_pii: bool
) -> list[dict[str, Any]]:
    """The ``top`` volunteers by hours in the scope. Hours are shown rounded down (beside the
    star level, as everywhere a threshold is near), and the rank follows the hours shown:
    equal shown hours share a rank (1, 2, 2, 4), so 48.0 and 47.9 never share one and two
    48.0 never differ. ``minutes`` gives the exact time."""
    ranked = [(vid, t) for vid, t in basis.top(top) if t.minutes > 0]
    found = people(basis.conn, [vid for vid, _t in ranked])
    teams = basis.teams_of(vid for vid, _t in ranked)
    out: list[dict[str, Any]] = []
    for i, (vid, total) in enumerate(ranked):
        shown = hours_down(total.minutes)
        tied = bool(out) and out[-1]["hours"] == shown
        row = found[vid]
        so_far = _cumulative(basis, vid, cumulative)
        out.append(
            {
                "rank": out[-1]["rank"] if tied else i + 1,
                "volunteer_no": row["volunteer_no"],
                "name": row["name"],
                "phone": phone(row["phone"], show_pii),
                "team": teams[vid],
                "participations": total.services,
                "hours": shown,
                "minutes": total.minutes,
                "cumulative_hours": hours_down(so_far),
                "stars": star_level(so_far, limits),
            }
        )
    return out


def _cumulative(basis: Basis, volunteer_id: int, known: dict[int, int]) -> int:
    """All-time minutes to the year's end (known for star holders, else one lookup)."""
    if volunteer_id in known:
        return known[volunteer_id]
    row = basis.rows(
        "SELECT coalesce(sum(minutes), 0) FROM service_year_totals"
        " WHERE volunteer_id = :vid AND year <= :year",
        vid=volunteer_id,
    )
    return int(row[0][0])


def dormant(basis: Basis, show_pii: bool) -> list[dict[str, Any]]:
    """Registered at the year's end, no service (with time) at all during the year; with the
    day they last served before (``null``: never)."""
    rows = basis.rows(
        "SELECT v.volunteer_no, v.name, v.phone, v.registered_on,"
        " (SELECT max(c.service_date) FROM service_chains c WHERE c.volunteer_id = v.id"
        " AND c.voided = 0 AND c.minutes > 0 AND c.service_date <= :last),"
        f" {basis.TEAMS_SQL}"
        f" FROM volunteers v LEFT JOIN ({basis.person_sql}) p ON p.volunteer_id = v.id"
        f" WHERE {basis.registered_sql} AND coalesce(p.services, 0) = 0"
        " ORDER BY v.volunteer_no"
    )
    labels: dict[Any, str | None] = {}
    out = []
    for number, name, mobile, registered_on, last_service, teams in rows:
        if teams not in labels:
            labels[teams] = basis.team_label(teams)
        out.append(
            {
                "volunteer_no": number,
                "name": name,
                "phone": phone(mobile, show_pii),
                "team": labels[teams],
                "registered_on": registered_on,
                "last_service": last_service,
            }
        )
    return out


def trainings(basis: Basis) -> dict[str, Any]:
    """Training sessions held in the year and who attended (training is not service).

    In a team's scope: the sessions its members attended while members, and those members.
    """
    rows = basis.rows(
        "SELECT t.id, t.date, t.minutes, a.volunteer_id FROM trainings t"
        " LEFT JOIN training_attendance a ON a.training_id = t.id"
        " WHERE t.date BETWEEN :first AND :last"
    )
    members = basis.scope_members()
    sessions: dict[int, int] = {}
    trained: set[int] = set()
    attendances = 0
    for training_id, day, minutes, vid in rows:
        if basis.scope.whole:
            sessions[training_id] = minutes
        if vid is not None and (basis.scope.whole or any(m.on(day) for m in members.get(vid, []))):
            sessions[training_id] = minutes
            trained.add(vid)
            attendances += 1
    return {
        "held": len(sessions),
        "people_trained": len(trained),
        "attendances": attendances,
        "hours": hours(sum(sessions.values())),
    }


def commendations(basis: Basis, year: int) -> dict[str, Any]:
    """Commendations of the year; in a team's scope, those to its members (members during the
    year) and to its teams."""
    rows = basis.rows(
        "SELECT title, volunteer_id, team_id FROM commendations WHERE year = :y ORDER BY id",
        y=year,
    )
    members = basis.scope_members()
    titles: dict[str, int] = {}
    for title, vid, team_id in rows:
        if (
            basis.scope.whole
            or (vid is not None and vid in members)
            or (team_id is not None and basis.scope.has(team_id))
        ):
            titles[title] = titles.get(title, 0) + 1
    by_title = dict(sorted(titles.items(), key=lambda kv: (-kv[1], kv[0])))
    return {"given": sum(by_title.values()), "by_title": by_title}


def _change(now: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    change: dict[str, Any] = {}
    for key in HEADLINE:
        a, b = now[key], before[key]
        if a is None or b is None:
            change[key] = None
        elif isinstance(a, float) or isinstance(b, float):
            change[key] = round(a - b, 1)
        else:
            change[key] = a - b
    return change


def summary(
    conn: sqlite3.Connection,
    *,
    year: int,
    team: str | None = None,
    top: int = TOP,
    show_pii: bool = False,
    today: date | None = None,
    with_minutes: bool = False,
) -> dict[str, Any]:
    """The year-end summary of ``year`` for the roster, or for ``team`` and every team under
    it. Phones in ``top_volunteers`` and ``dormant`` are masked unless ``show_pii``.
    ``with_minutes`` (for the printed form, not the report's interface): ``minutes`` beside
    ``hours`` at the top and in each ``by_month`` row, so that a form can write exact hours."""
    today = today or date.today()
    period = year_period(year, today)
    scope = find_scope(conn, team)
    tree = Tree.load(conn)
    target = settings.get(conn, "target_hours")
    limits = stars.thresholds(conn)
    basis = Basis(conn, period, scope, tree=tree)
    figures = headline(basis, target)
    totals = star_candidates(basis, limits)
    unconfirmed = sum(
        1
        for row in basis.activities
        if row["status"] == "planned" and row["date"] < today.isoformat()
    )
    result: dict[str, Any] = {
        "year": year,
        "org": settings.get(conn, "org_name") or None,
        "team": scope.team,
        "as_of": period.as_of.isoformat(),
        "teams": figures["teams"],
        "volunteers_registered": figures["volunteers_registered"],
        "volunteers_new": figures["volunteers_new"],
        "volunteers_serving": figures["volunteers_serving"],
        "participation_rate": figures["participation_rate"],
        "participations": figures["participations"],
        "activities": figures["activities"],
        "hours": figures["hours"],
        "hours_per_serving_volunteer": figures["hours_per_serving_volunteer"],
        "target_hours": target,
        "met_target": figures["met_target"],
        "activities_unconfirmed": unconfirmed,
        "star_thresholds": list(limits),
        "stars": stars.level_counts(totals, limits),
        "stars_new": stars.count_by_level(stars.newly_reached_in(basis, totals, limits)),
        "by_month": breakdown.month_rows(basis, with_minutes=with_minutes),
        "by_category": breakdown.category_rows(basis, "category"),
        "by_theme": breakdown.category_rows(basis, "theme"),
        "by_team": breakdown.team_rows(basis),
        "beneficiaries": served_by_group(conn, period.first, period.last, team_ids=scope.team_ids),
        "top_volunteers": top_volunteers(basis, totals.cumulative, limits, top, show_pii),
        "dormant": dormant(basis, show_pii),
        "trainings": trainings(basis),
        "commendations": commendations(basis, year),
        "previous_year": None,
    }
    if with_minutes:
        result["minutes"] = basis.service_totals[2]
    result.update(
        by_community(conn, year) if team is None else {"by_community": [], "counted_twice": None}
    )
    if year - 1 >= FIRST_YEAR:
        before = Basis(conn, year_period(year - 1, today), scope, tree=tree)
        previous = headline(before, target)
        if (
            previous["volunteers_registered"]
            or previous["participations"]
            or previous["activities"]
        ):
            result["previous_year"] = {
                "year": year - 1,
                **previous,
                "change": _change(figures, previous),
            }
    return result


def by_community(conn: sqlite3.Connection, year: int) -> dict[str, Any]:
    """On a street or city roster merged from communities (``volctl merge``): each community's
    own figures, and the people counted in more than one (their sum minus the whole)."""
    from volctl.db import table_exists

    if (
        not table_exists(conn, "merge_sources")
        or not conn.execute("SELECT 1 FROM merge_sources LIMIT 1").fetchone()
    ):
        return {"by_community": [], "counted_twice": None}
    from volctl.merge import sources

    parts = sources.breakdown(conn, year=year)
    rows = [
        {
            "community": row["org_name"] or row["source"],
            "volunteers": row["volunteers"],
            "served": row["served"],
            "participations": row["services"],
            "hours": row["hours"],
            "activities": row["activities"],
        }
        for row in parts["sources"]
    ]
    return {"by_community": rows, "counted_twice": parts["counted_twice"]}

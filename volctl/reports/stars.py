"""Star ratings (星级志愿者) by cumulative recorded hours, and who newly reached a level.

A volunteer's level is how many of the roster's thresholds (``star_thresholds``, hours for one
to five stars; default 100, 300, 600, 1000, 1500) their service hours reach, counted from
their first record to the day asked, each record at its latest correction. Training time is
not service and never counts.

Levels are counted among the volunteers registered (and not inactive) at the end of the year,
or today while it is running. A volunteer **newly reached** a level in a year when their
cumulative hours were below its threshold at the end of the year before and at or above it at
the end of this one: the list a clerk puts forward for commendation. Someone who crossed two
thresholds in one year is listed once, at the higher level.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from volctl import settings
from volctl.reports.common import (
    Basis,
    YearTotals,
    find_scope,
    hours,
    hours_down,
    hours_up,
    people,
    star_candidates,
    star_level,
    year_period,
)

LEVELS = (1, 2, 3, 4, 5)


def thresholds(conn: sqlite3.Connection) -> list[int]:
    limits: list[int] = settings.get(conn, "star_thresholds")
    return limits


def next_level(minutes: int, limits: Sequence[int]) -> dict[str, Any] | None:
    """The next level up: its number, its threshold and the hours still to go (None at five)."""
    level = star_level(minutes, limits)
    if level >= len(limits):
        return None
    goal = limits[level]
    return {"level": level + 1, "hours": goal, "hours_to_go": hours_up(goal * 60 - minutes)}


def newly_reached_in(
    basis: Basis, totals: YearTotals, limits: Sequence[int]
) -> list[dict[str, Any]]:
    """The commendation list of ``basis``'s year (see the module's docstring)."""
    crossed = []
    for vid, minutes in totals.cumulative.items():
        now, before = star_level(minutes, limits), star_level(totals.before(vid), limits)
        if now > before:
            crossed.append((vid, before, now))
    found = people(basis.conn, [vid for vid, _b, _n in crossed])
    teams = basis.teams_of(vid for vid, _b, _n in crossed)
    rows = [
        {
            "volunteer_no": found[vid]["volunteer_no"],
            "name": found[vid]["name"],
            "team": teams[vid],
            "previous_level": before,
            "level": now,
            "hours_before": hours_down(totals.before(vid)),
            "hours": hours_down(totals.cumulative[vid]),
            "year_hours": hours(totals.this_year[vid]),
        }
        for vid, before, now in crossed
    ]
    rows.sort(key=lambda r: (-r["level"], -r["hours"], r["volunteer_no"]))
    return rows


def newly_reached(
    conn: sqlite3.Connection,
    year: int,
    *,
    team: str | None = None,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """Volunteers who crossed a star threshold during ``year``, highest level first:
    ``[{volunteer_no, name, team, previous_level, level, hours_before, hours, year_hours}]``
    (hours: cumulative at the end of the year before and of this one; year_hours: this
    year's). Counted among the volunteers registered at the year's end (in ``team`` and the
    teams under it). For ``volctl commend suggest`` and ``report stars``."""
    today = today or date.today()
    basis = Basis(conn, year_period(year, today), find_scope(conn, team))
    limits = thresholds(conn)
    return newly_reached_in(basis, star_candidates(basis, limits), limits)


def level_counts(totals: YearTotals, limits: Sequence[int]) -> dict[str, int]:
    """Level ("1" to "5") -> volunteers at exactly that level at the year's end."""
    counts = dict.fromkeys((str(level) for level in LEVELS), 0)
    for minutes in totals.cumulative.values():
        level = star_level(minutes, limits)
        if level:
            counts[str(level)] += 1
    return counts


def count_by_level(rows: list[dict[str, Any]]) -> dict[str, int]:
    counts = dict.fromkeys((str(level) for level in LEVELS), 0)
    for row in rows:
        counts[str(row["level"])] += 1
    return counts


def report(
    conn: sqlite3.Connection,
    *,
    year: int | None = None,
    team: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """``report stars``: levels at the end of the year (default: this year, to today), every
    starred volunteer, and who newly reached a level during the year."""
    today = today or date.today()
    year = year if year is not None else today.year
    period = year_period(year, today)
    basis = Basis(conn, period, find_scope(conn, team))
    limits = thresholds(conn)
    totals = star_candidates(basis, limits)
    new = newly_reached_in(basis, totals, limits)
    new_counts = count_by_level(new)
    counts = level_counts(totals, limits)
    found = people(conn, totals.cumulative)
    teams = basis.teams_of(totals.cumulative)
    volunteers = sorted(
        (
            {
                "volunteer_no": found[vid]["volunteer_no"],
                "name": found[vid]["name"],
                "team": teams[vid],
                "level": star_level(minutes, limits),
                "hours": hours_down(minutes),
                "year_hours": hours(totals.this_year.get(vid, 0)),
            }
            for vid, minutes in totals.cumulative.items()
            if star_level(minutes, limits)
        ),
        key=lambda r: (-r["level"], -r["hours"], r["volunteer_no"]),
    )
    return {
        "year": year,
        "as_of": period.as_of.isoformat(),
        "team": basis.scope.team,
        "thresholds": list(limits),
        "levels": [
            {
                "level": level,
                "hours": limits[level - 1],
                "volunteers": counts[str(level)],
                "new": new_counts[str(level)],
            }
            for level in LEVELS
        ],
        "volunteers": volunteers,
        "newly_reached": new,
    }

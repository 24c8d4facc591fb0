"""What every report shares: the period, the scope, who was registered, and which team
each hour of service belongs to.

- A **period** is a year (``year_period``) or any range of days (``date_range``); people are
  counted ``as_of`` its last day, or today while it is still running.
- A **scope** is the whole roster, or one team and every team under it (``find_scope``).
- **Registered on a day**: registered by that day and not inactive on it, from the status
  history (``volunteer_status_changes``), not from today's status; in a team's scope, a
  member of it (or of a team under it) that day.
- **Service belongs to the teams the volunteer was in on the day they served**: memberships
  are dated, so a volunteer who moved in July counts for the old team until June and for the
  new one after. In a team's scope a record counts when its volunteer was in the scope that
  day.

What counts is always the ledger's current state: each record at its latest correction, voided
ones left out, read from ``service_year_totals`` for whole years and ``service_chains``
otherwise, as ``records.totals`` reads them. The heavy lifting is SQL over those tables, so a
summary of 100,000 volunteers stays well under two seconds (``benchmarks/report_bench.py``);
Python only sees one row per volunteer where a list of people is the answer.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any, NamedTuple

from volctl.dates import FIRST_YEAR, check_period, check_year
from volctl.errors import InvalidInput, Where
from volctl.ledger.totals import Total
from volctl.masking import display_phone, mask_phone

# ----------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """Days from ``first`` to ``last`` (inclusive); ``as_of``: the day people are counted."""

    first: date
    last: date
    as_of: date

    @property
    def whole_year(self) -> int | None:
        """The year when the period is one whole calendar year, else None."""
        whole = (self.first.month, self.first.day, self.last.month, self.last.day) == (
            1,
            1,
            12,
            31,
        )
        return self.first.year if whole and self.first.year == self.last.year else None


def year_period(year: int, today: date) -> Period:
    """A calendar year; people counted on Dec 31, or today while the year is running."""
    check_year(year, today)
    first, last = date(year, 1, 1), date(year, 12, 31)
    return Period(first, last, min(last, today))


def date_range(first: date | None, last: date | None, today: date) -> Period:
    """From ``first`` (default: Jan 1 of ``last``'s year) to ``last`` (default: today)."""
    last = last or today
    first = first or date(last.year, 1, 1)
    check_period(first, last)
    if first.year < FIRST_YEAR:
        raise InvalidInput(
            "report.year_out_of_range",
            where=Where(field="date_from"),
            value=first.year,
            first=FIRST_YEAR,
            last=today.year,
        )
    return Period(first, last, min(last, today))


# ----------------------------------------------------------------------------- scope


@dataclass(frozen=True)
class Scope:
    """The whole roster (``team_ids`` None) or a team and everything under it."""

    team: str | None = None
    team_ids: frozenset[int] | None = None

    @property
    def whole(self) -> bool:
        return self.team_ids is None

    def has(self, team_id: int) -> bool:
        return self.team_ids is None or team_id in self.team_ids


def find_scope(conn: sqlite3.Connection, team: str | None) -> Scope:
    if team is None:
        return Scope()
    from volctl.roster import teams

    row = teams.find(conn, team)
    return Scope(row["name"], frozenset(teams.descendants(conn, row["id"])))


@dataclass
class Tree:
    """Every team in hierarchy order, with the chain of teams above each."""

    rows: list[sqlite3.Row]
    by_id: dict[int, sqlite3.Row]
    up: dict[int, tuple[int, ...]]  # team -> itself, its parent, …, the top
    depth: dict[int, int]
    started: dict[int, str]  # team -> the first day it existed (see ``existence``)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Tree:
        from volctl.roster import teams

        rows = teams.list_teams(conn)
        by_id = {row["id"]: row for row in rows}
        up: dict[int, tuple[int, ...]] = {}
        for row in rows:  # parents come before their children
            parent = row["parent_id"]
            up[row["id"]] = (row["id"], *(up.get(parent, ()) if parent is not None else ()))
        depth = {tid: len(chain) - 1 for tid, chain in up.items()}
        return cls(rows, by_id, up, depth, existence(conn))

    def closure(self, team_ids: Iterable[int]) -> set[int]:
        """The teams given and every team above them."""
        out: set[int] = set()
        for tid in team_ids:
            out.update(self.up.get(tid, (tid,)))
        return out

    def existing(self, period: Period, scope: Scope) -> list[sqlite3.Row]:
        """Teams in the scope that existed during the period: not founded after it, not
        dissolved before it (a team dissolved on the period's first day did not serve in it)."""
        first, last = period.first.isoformat(), period.last.isoformat()
        return [
            row
            for row in self.rows
            if scope.has(row["id"])
            and self.started.get(row["id"], "") <= last
            and (row["dissolved_on"] is None or row["dissolved_on"] > first)
        ]


def existence(conn: sqlite3.Connection) -> dict[int, str]:
    """The first day each team existed: its founding date (成立日期); without one, the first
    sign of it in the roster: the day it was entered, or an earlier first membership or
    activity (a team entered today with its members since January existed in January), or of
    a team under it. Never "always": a team created this year without a founding date did not
    exist last year."""
    rows = conn.execute(
        "SELECT t.id, t.parent_id, t.founded_on, min(substr(t.created_at, 1, 10),"
        " coalesce((SELECT min(m.joined_on) FROM memberships m WHERE m.team_id = t.id),"
        " '9999-12-31'),"
        " coalesce((SELECT min(a.date) FROM activities a WHERE a.team_id = t.id),"
        " '9999-12-31')) FROM teams t"
    ).fetchall()
    started = {tid: founded or first for tid, _parent, founded, first in rows}
    parents = {tid: parent for tid, parent, _founded, _first in rows}
    undated = {tid for tid, _parent, founded, _first in rows if founded is None}
    for tid in list(started):  # a team without a date existed when any team under it did
        day, node, seen = started[tid], parents.get(tid), {tid}
        while node is not None and node not in seen and node in undated:
            seen.add(node)
            started[node] = min(started[node], day)
            node = parents.get(node)
    return started


class Membership(NamedTuple):
    team_id: int
    joined_on: str
    left_on: str | None

    def on(self, day: str) -> bool:
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)


def _json(ids: Iterable[int]) -> str:
    return json.dumps(sorted(set(ids)))


def memberships(
    conn: sqlite3.Connection,
    period: Period,
    *,
    volunteer_ids: Iterable[int] | None = None,
    team_ids: Iterable[int] | None = None,
) -> dict[int, list[Membership]]:
    """Volunteer id -> their memberships that overlap the period (of the volunteers or teams
    given)."""
    sql = (
        "SELECT volunteer_id, team_id, joined_on, left_on FROM memberships"
        " WHERE joined_on <= ? AND (left_on IS NULL OR left_on > ?)"
    )
    params: list[Any] = [period.last.isoformat(), period.first.isoformat()]
    if volunteer_ids is not None:
        sql += " AND volunteer_id IN (SELECT value FROM json_each(?))"
        params.append(_json(volunteer_ids))
    if team_ids is not None:
        sql += " AND team_id IN (SELECT value FROM json_each(?))"
        params.append(_json(team_ids))
    out: dict[int, list[Membership]] = {}
    for volunteer_id, team_id, joined_on, left_on in _tuples(conn, sql, params):
        out.setdefault(volunteer_id, []).append(Membership(team_id, joined_on, left_on))
    return out


def _tuples(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[Any]:
    """Plain tuples: ``sqlite3.Row`` costs more than the query over every volunteer."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


# ----------------------------------------------------------------------------- SQL pieces

# Registered by :day and not inactive on it: not among the volunteers whose last status change
# on or before it (latest date, then latest entry) made them inactive. The status history is
# short, so SQLite computes that set once, not once per volunteer.
_REGISTERED = (
    "v.registered_on <= :day AND v.id NOT IN (SELECT s.volunteer_id"
    " FROM volunteer_status_changes s WHERE s.effective_on <= :day AND s.status = 'inactive'"
    " AND NOT EXISTS (SELECT 1 FROM volunteer_status_changes l"
    " WHERE l.volunteer_id = s.volunteer_id AND l.effective_on <= :day"
    " AND (l.effective_on > s.effective_on OR (l.effective_on = s.effective_on AND l.id > s.id))))"
)
# A member of a team in :teams on :day.
_MEMBER_ON_DAY = (
    " AND EXISTS (SELECT 1 FROM memberships m WHERE m.volunteer_id = v.id"
    " AND m.team_id IN (SELECT value FROM json_each(:teams))"
    " AND m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day))"
)
# A record whose volunteer was in a team of :teams on the day of service. The first test
# lets SQLite read only the scope's volunteers' records (through their index); the second
# checks the day.
_SERVED_IN_SCOPE = (
    " AND c.volunteer_id IN (SELECT volunteer_id FROM memberships"
    " WHERE team_id IN (SELECT value FROM json_each(:teams))"
    " AND joined_on <= :last AND (left_on IS NULL OR left_on > :first))"
    " AND EXISTS (SELECT 1 FROM memberships m WHERE m.volunteer_id = c.volunteer_id"
    " AND m.team_id IN (SELECT value FROM json_each(:teams))"
    " AND m.joined_on <= c.service_date AND (m.left_on IS NULL OR m.left_on > c.service_date))"
)
# Memberships overlapping the period.
_OVERLAP = "joined_on <= :last AND (left_on IS NULL OR left_on > :first)"


def star_level(minutes: int, thresholds: Sequence[int]) -> int:
    """0 to 5: how many thresholds (hours) the cumulative minutes reach."""
    return sum(1 for limit in thresholds if minutes >= limit * 60)


def rate(part: int, whole: int) -> float | None:
    """A percentage with one decimal, None when there is nothing to divide by."""
    if not whole:
        return None
    return float((Decimal(part * 100) / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def per_person(minutes: int, count: int) -> float | None:
    """Hours per person with one decimal (half up), None when nobody is counted."""
    if not count:
        return None
    exact = Decimal(minutes) / (60 * count)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def hours(minutes: int) -> float:
    """Minutes as hours with one decimal, half up: ``volctl.ledger.totals.hours`` in integer
    arithmetic (tenths = ⌊(minutes + 3) / 6⌋), for lists of a hundred thousand people."""
    return (minutes + 3) // 6 / 10 if minutes >= 0 else -((3 - minutes) // 6 / 10)


def hours_down(minutes: int) -> float:
    """Minutes as hours with one decimal, rounded down: what is shown beside a threshold (the
    yearly target, a star level), so that 47 h 59 min never reads as 48.0 next to "48 h"."""
    return minutes // 6 / 10 if minutes >= 0 else -hours_up(-minutes)


def hours_up(minutes: int) -> float:
    """Minutes as hours with one decimal, rounded up: what is still missing to a threshold
    (one minute short is 0.1 h short, never 0.0)."""
    return -(-minutes // 6) / 10 if minutes >= 0 else -hours_down(-minutes)


def phone(value: str | None, show_pii: bool) -> str | None:
    """A phone as shown (masked unless ``show_pii``); a mainland mobile without a detour
    through libphonenumber, which a list of every volunteer would feel."""
    if value and len(value) == 14 and value.startswith("+861") and value[3:].isdigit():
        national = value[3:]
        return national if show_pii else f"{national[:3]}****{national[-4:]}"
    return display_phone(value) if show_pii else mask_phone(value)


class DayActivity(NamedTuple):
    day: str
    activity_id: int
    services: int
    minutes: int


class Person(NamedTuple):
    """A volunteer registered on the period's ``as_of`` day, with their period's service."""

    volunteer_id: int
    services: int
    minutes: int


# ----------------------------------------------------------------------------- the basis


class Basis:
    """Everything a period's figures are computed from, each part read once when first asked.

    ``params`` are the named SQL parameters of the period and scope: ``:first``, ``:last``,
    ``:day`` (as of), ``:year`` (a whole year, else null) and ``:teams`` (the scope's team ids
    as JSON, or null).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        period: Period,
        scope: Scope,
        *,
        tree: Tree | None = None,
    ) -> None:
        self.conn = conn
        self.period = period
        self.scope = scope
        self.tree = tree if tree is not None else Tree.load(conn)
        self.params: dict[str, Any] = {
            "first": period.first.isoformat(),
            "last": period.last.isoformat(),
            "day": period.as_of.isoformat(),
            "year": period.whole_year,
            "teams": None if scope.whole else _json(scope.team_ids or ()),
        }
        self._counts: dict[int, tuple[int, int, int]] = {}

    def rows(self, sql: str, **extra: Any) -> list[Any]:
        return _tuples(self.conn, sql, {**self.params, **extra})

    # -- who ------------------------------------------------------------------------------

    @property
    def person_sql(self) -> str:
        """Rows ``(volunteer_id, minutes, services, records)``: each volunteer's whole service
        in the period (whole years from ``service_year_totals``, like ``records.totals``)."""
        if self.period.whole_year is not None:
            return (
                "SELECT volunteer_id, minutes, services, records FROM service_year_totals"
                " WHERE year = :year AND records > 0"
            )
        return (
            "SELECT volunteer_id, sum(minutes) AS minutes, sum(minutes > 0) AS services,"
            " count(*) AS records FROM service_chains"
            " WHERE voided = 0 AND service_date BETWEEN :first AND :last GROUP BY volunteer_id"
        )

    @property
    def scope_sql(self) -> str:
        """The same rows counting only the service done in the scope."""
        if self.scope.whole:
            return self.person_sql
        return (
            "SELECT c.volunteer_id, sum(c.minutes) AS minutes, sum(c.minutes > 0) AS services,"
            " count(*) AS records FROM service_chains c WHERE c.voided = 0"
            f" AND c.service_date BETWEEN :first AND :last{_SERVED_IN_SCOPE}"
            " GROUP BY c.volunteer_id"
        )

    @property
    def registered_sql(self) -> str:
        """A condition on volunteers ``v``: registered on ``as_of``, in the scope."""
        return _REGISTERED + ("" if self.scope.whole else _MEMBER_ON_DAY)

    @cached_property
    def population(self) -> list[Person]:
        """The people figures' population, each with their whole service in the period."""
        rows = self.rows(
            f"SELECT v.id, coalesce(p.services, 0), coalesce(p.minutes, 0) FROM volunteers v"
            f" LEFT JOIN ({self.person_sql}) p ON p.volunteer_id = v.id"
            f" WHERE {self.registered_sql}"
        )
        return [Person(*row) for row in rows]

    def population_counts(self, goal: int) -> tuple[int, int, int]:
        """(registered, of whom served, of whom reached ``goal`` minutes) for the people
        figures, counted in SQL."""
        if goal in self._counts:
            return self._counts[goal]
        row = self.rows(
            "SELECT count(*), count(*) FILTER (WHERE p.services > 0),"
            " count(*) FILTER (WHERE p.minutes >= :goal)"
            f" FROM volunteers v LEFT JOIN ({self.person_sql}) p ON p.volunteer_id = v.id"
            f" WHERE {self.registered_sql}",
            goal=goal,
        )[0]
        self._counts[goal] = (int(row[0]), int(row[1]), int(row[2]))
        return self._counts[goal]

    def registered_during(self) -> int:
        """Volunteers registered during the period (in a scope: members during it)."""
        sql = "SELECT count(*) FROM volunteers v WHERE v.registered_on BETWEEN :first AND :last"
        if not self.scope.whole:
            sql += (
                " AND EXISTS (SELECT 1 FROM memberships m WHERE m.volunteer_id = v.id"
                f" AND m.team_id IN (SELECT value FROM json_each(:teams)) AND m.{_OVERLAP})"
            )
        return int(self.rows(sql)[0][0])

    def cumulative(self, least: int) -> list[tuple[int, int, int]]:
        """``(volunteer_id, minutes to the year's end, minutes in the year)`` of the registered
        volunteers whose all-time service reaches ``least`` minutes by the end of the year."""
        year = self.period.whole_year
        assert year is not None, "stars are counted per calendar year"
        return self.rows(
            "SELECT y.volunteer_id, y.total, y.this FROM (SELECT volunteer_id,"
            " sum(minutes) AS total, sum(CASE WHEN year = :year THEN minutes ELSE 0 END) AS this"
            " FROM service_year_totals WHERE year <= :year GROUP BY volunteer_id"
            " HAVING sum(minutes) >= :least) y JOIN volunteers v ON v.id = y.volunteer_id"
            f" WHERE {self.registered_sql}",
            least=least,
        )

    # -- service ----------------------------------------------------------------------------

    @cached_property
    def service_totals(self) -> tuple[int, int, int]:
        """(volunteers who served, 人次, minutes) in the scope."""
        row = self.rows(
            "SELECT count(*) FILTER (WHERE services > 0), coalesce(sum(services), 0),"
            f" coalesce(sum(minutes), 0) FROM ({self.scope_sql})"
        )[0]
        return int(row[0]), int(row[1]), int(row[2])

    def top(self, limit: int | None = None) -> list[tuple[int, Total]]:
        """Volunteers with records in the scope, most minutes first (ties by number)."""
        sql = (
            f"SELECT s.volunteer_id, s.minutes, s.services, s.records FROM ({self.scope_sql}) s"
            " JOIN volunteers v ON v.id = s.volunteer_id ORDER BY s.minutes DESC, v.volunteer_no"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [(row[0], Total(row[1], row[2], row[3])) for row in self.rows(sql)]

    @cached_property
    def service(self) -> list[DayActivity]:
        """The period's service (人次 and minutes) per day and activity, in the scope: one walk
        of the ``service_chains_date_activity`` index."""
        extra = "" if self.scope.whole else _SERVED_IN_SCOPE
        rows = self.rows(
            "SELECT c.service_date, c.activity_id, sum(c.minutes > 0), sum(c.minutes)"
            " FROM service_chains c WHERE c.voided = 0"
            f" AND c.service_date BETWEEN :first AND :last{extra}"
            " GROUP BY c.service_date, c.activity_id"
        )
        return [DayActivity(*row) for row in rows]

    # -- activities -------------------------------------------------------------------------

    @cached_property
    def activities(self) -> list[sqlite3.Row]:
        """Activities dated in the period (any status), organised by a team of the scope."""
        sql = (
            "SELECT id, activity_no, title, date, category, theme, team_id, status"
            " FROM activities WHERE date BETWEEN :first AND :last"
        )
        if not self.scope.whole:
            sql += " AND team_id IN (SELECT value FROM json_each(:teams))"
        return self.conn.execute(sql + " ORDER BY date, activity_no", self.params).fetchall()

    @cached_property
    def held_activities(self) -> list[sqlite3.Row]:
        return [row for row in self.activities if row["status"] == "held"]

    @cached_property
    def activity_meta(self) -> dict[int, sqlite3.Row]:
        """Every activity the period's activities or service refer to, by id."""
        known = {row["id"]: row for row in self.activities}
        missing = {s.activity_id for s in self.service} - known.keys()
        if missing:
            rows = self.conn.execute(
                "SELECT id, activity_no, title, date, category, theme, team_id, status"
                " FROM activities WHERE id IN (SELECT value FROM json_each(?))",
                (_json(missing),),
            ).fetchall()
            known.update({row["id"]: row for row in rows})
        return known

    # -- teams ------------------------------------------------------------------------------

    def team_signatures(self) -> tuple[list[Any], list[int], tuple[int, int, int]]:
        """Volunteers grouped by the set of teams they were in during the period.

        Returns rows ``(teams, members, serving, services, minutes)`` for the groups whose
        teams did not change during the period (``teams``: comma-separated ids; service from
        the period totals), the ids of the volunteers whose teams changed (read record by
        record: ``split_movers``), and ``(serving, services, minutes)`` of everyone in a team
        (the rest of the period's service is that of volunteers in none).
        """
        rows = self.rows(
            "WITH held AS (SELECT DISTINCT volunteer_id, team_id,"
            " joined_on <= :first AND (left_on IS NULL OR left_on > :last) AS whole"
            f" FROM memberships WHERE {_OVERLAP}),"
            " sig AS (SELECT volunteer_id, group_concat(team_id) AS teams, min(whole) AS whole"
            " FROM held GROUP BY volunteer_id)"
            " SELECT sig.teams, sig.whole, count(*), count(p.volunteer_id) FILTER"
            " (WHERE p.services > 0), coalesce(sum(p.services), 0), coalesce(sum(p.minutes), 0),"
            " group_concat(sig.volunteer_id) FILTER (WHERE NOT sig.whole)"
            f" FROM sig LEFT JOIN ({self.person_sql}) p ON p.volunteer_id = sig.volunteer_id"
            " GROUP BY sig.teams, sig.whole"
        )
        groups = [(teams, *figures) for teams, whole, *figures, _movers in rows if whole]
        movers = [int(v) for *_row, ids in rows if ids for v in str(ids).split(",")]
        in_teams = (
            sum(row[3] for row in rows),
            sum(row[4] for row in rows),
            sum(row[5] for row in rows),
        )
        return groups, movers, in_teams

    def split_movers(self, movers: list[int]) -> tuple[dict[int, list[Membership]], list[Any]]:
        """The movers' memberships, and their records ``(volunteer_id, day, minutes)``."""
        held = memberships(self.conn, self.period, volunteer_ids=movers)
        records = self.rows(
            "SELECT volunteer_id, service_date, minutes FROM service_chains WHERE voided = 0"
            " AND volunteer_id IN (SELECT value FROM json_each(:movers))"
            " AND service_date BETWEEN :first AND :last",
            movers=_json(movers),
        )
        return held, records

    # The teams a volunteer ``v`` is in on :day, else the one they left last in the period.
    TEAMS_SQL = (
        "coalesce((SELECT group_concat(m.team_id) FROM memberships m WHERE m.volunteer_id = v.id"
        " AND m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day)),"
        " (SELECT m.team_id FROM memberships m WHERE m.volunteer_id = v.id"
        " AND m.joined_on <= :last AND m.left_on > :first"
        " ORDER BY m.left_on DESC, m.joined_on DESC LIMIT 1))"
    )

    def team_label(self, team_ids: str | int | None) -> str | None:
        """The names of the teams ``TEAMS_SQL`` gives (comma-separated ids), joined by 、."""
        if team_ids is None:
            return None
        names = sorted(
            {
                self.tree.by_id[int(tid)]["name"]
                for tid in str(team_ids).split(",")
                if int(tid) in self.tree.by_id
            }
        )
        return "、".join(names) or None

    def teams_of(self, volunteer_ids: Iterable[int]) -> dict[int, str | None]:
        """Each volunteer's teams on ``as_of``, else the one they were in last in the period."""
        rows = self.rows(
            f"SELECT v.id, {self.TEAMS_SQL} FROM volunteers v"
            " WHERE v.id IN (SELECT value FROM json_each(:ids))",
            ids=_json(volunteer_ids),
        )
        return {vid: self.team_label(teams) for vid, teams in rows}

    def scope_members(self) -> dict[int, list[Membership]]:
        """Memberships in the scope's teams overlapping the period (empty for the roster)."""
        if self.scope.whole:
            return {}
        return memberships(self.conn, self.period, team_ids=self.scope.team_ids or ())


def people(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, sqlite3.Row]:
    """Volunteer rows by id (number, name, phone, registration) for the ids given."""
    rows = conn.execute(
        "SELECT id, volunteer_no, name, phone, registered_on, status FROM volunteers"
        " WHERE id IN (SELECT value FROM json_each(?))",
        (_json(ids),),
    ).fetchall()
    return {row["id"]: row for row in rows}


@dataclass
class YearTotals:
    """Minutes to the end of a year and within it, for the volunteers counted for stars."""

    cumulative: dict[int, int]
    this_year: dict[int, int]

    def before(self, volunteer_id: int) -> int:
        """All-time minutes up to the end of the year before."""
        return self.cumulative.get(volunteer_id, 0) - self.this_year.get(volunteer_id, 0)


def star_candidates(basis: Basis, thresholds: Sequence[int]) -> YearTotals:
    """Registered volunteers (in the scope) who reach the first star by the year's end."""
    rows = basis.cumulative(min(thresholds) * 60)
    return YearTotals({vid: total for vid, total, _ in rows}, {vid: this for vid, _, this in rows})


__all__ = [
    "FIRST_YEAR",
    "Basis",
    "DayActivity",
    "Membership",
    "Period",
    "Person",
    "Scope",
    "Tree",
    "YearTotals",
    "check_year",
    "date_range",
    "find_scope",
    "hours",
    "memberships",
    "people",
    "per_person",
    "phone",
    "rate",
    "star_candidates",
    "star_level",
    "year_period",
]

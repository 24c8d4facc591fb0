"""Totals of the service ledger: minutes per volunteer per period, per year and all time.

What counts is each record at its latest correction, voided records left out. Whole years
and all time are read from ``service_year_totals`` (one row per volunteer and year, kept by
the ledger's triggers); any other period from ``service_chains`` through its covering index.
Either way a total over every volunteer is one query (``benchmarks/ledger_bench.py``).

Volunteers without a record in the period are absent from the results: use ``.get(id)``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple


def hours(minutes: int) -> float:
    """Minutes as hours with one decimal (half up): what every output shows."""
    return float((Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


class Total(NamedTuple):
    """A volunteer's service over a period: minutes, and services with time (人次).

    ``records`` also counts zero-time records (leave, absence). A named tuple: a total over
    every volunteer builds a hundred thousand of them.
    """

    minutes: int
    services: int
    records: int = 0

    @property
    def hours(self) -> float:
        return hours(self.minutes)


Day = date | str | None


def _iso(value: Day) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _period(year: int | None, date_from: Day, date_to: Day) -> tuple[str | None, str | None]:
    low, high = _iso(date_from), _iso(date_to)
    if year is not None:
        low = max(low or "", f"{year:04d}-01-01")
        high = min(high or "9999-12-31", f"{year:04d}-12-31")
    return low, high


def _whole_years(low: str | None, high: str | None) -> tuple[int, int] | None:
    """The years a period covers when it is made of whole calendar years, else None."""
    if low is not None and not low.endswith("-01-01"):
        return None
    if high is not None and not high.endswith("-12-31"):
        return None
    return (int(low[:4]) if low else 0, int(high[:4]) if high else 9999)


def _people(volunteer_ids: Iterable[int] | None) -> tuple[str, list[object]]:
    if volunteer_ids is None:
        return "", []
    ids = json.dumps(sorted(set(volunteer_ids)))
    return " AND volunteer_id IN (SELECT value FROM json_each(?))", [ids]


def totals(
    conn: sqlite3.Connection,
    *,
    year: int | None = None,
    date_from: Day = None,
    date_to: Day = None,
    volunteer_ids: Iterable[int] | None = None,
) -> dict[int, Total]:
    """Minutes, services (人次) and records per volunteer id over a period.

    ``year`` and ``date_from``/``date_to`` (inclusive, ISO strings or dates) narrow the period,
    ``volunteer_ids`` the people; no argument: all time, everyone.
    """
    low, high = _period(year, date_from, date_to)
    people, params = _people(volunteer_ids)
    years = _whole_years(low, high)
    if years is not None and years[0] == years[1]:  # one row per volunteer: no grouping
        sql = (
            "SELECT volunteer_id, minutes, services, records FROM service_year_totals"
            f" WHERE year = ? AND records > 0{people}"
        )
        rows = _tuples(conn, sql, [years[0], *params])
    elif years is not None:
        sql = (
            "SELECT volunteer_id, sum(minutes), sum(services), sum(records)"
            " FROM service_year_totals WHERE +year BETWEEN ? AND ? AND records > 0"
            f"{people} GROUP BY volunteer_id"  # +year: walk the key, already by volunteer
        )
        rows = _tuples(conn, sql, [*years, *params])
    else:
        sql = (
            "SELECT volunteer_id, sum(minutes), sum(minutes > 0), count(*) FROM service_chains"
            f" WHERE voided = 0 AND service_date BETWEEN ? AND ?{people} GROUP BY volunteer_id"
        )
        rows = _tuples(conn, sql, [low or "", high or "9999-12-31", *params])
    return {row[0]: Total(row[1], row[2], row[3]) for row in rows}


def _tuples(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[Any]:
    """Plain tuples: sqlite3.Row objects cost more than the query over every volunteer."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def yearly(
    conn: sqlite3.Connection, *, volunteer_ids: Iterable[int] | None = None
) -> dict[int, dict[int, int]]:
    """Minutes per volunteer id per year: ``{volunteer_id: {2024: 2880, 2025: 600}}``."""
    people, params = _people(volunteer_ids)
    sql = (
        "SELECT volunteer_id, year, minutes FROM service_year_totals"
        f" WHERE records > 0{people} ORDER BY volunteer_id, year"
    )
    result: dict[int, dict[int, int]] = {}
    for volunteer_id, year, minutes in _tuples(conn, sql, params):
        result.setdefault(volunteer_id, {})[year] = minutes
    return result


def cumulative(
    conn: sqlite3.Connection,
    *,
    until: Day = None,
    volunteer_ids: Iterable[int] | None = None,
) -> dict[int, int]:
    """All-time minutes per volunteer id, up to ``until`` (inclusive): what stars count."""
    return {
        volunteer_id: total.minutes
        for volunteer_id, total in totals(conn, date_to=until, volunteer_ids=volunteer_ids).items()
    }


def verify(conn: sqlite3.Connection) -> list[str]:
    """Check the derived tables against the history; an empty list when they agree.

    For ``volctl check``: each problem is one line naming the record or volunteer and year.
    """
    problems = []
    chains = conn.execute(
        "WITH latest AS (SELECT coalesce(corrects_id, id) AS record_id, max(id) AS latest_id"
        "  FROM service_records GROUP BY 1)"
        " SELECT l.record_id FROM latest l"
        " JOIN service_records r ON r.id = l.latest_id"
        " LEFT JOIN service_chains c ON c.record_id = l.record_id"
        " WHERE c.record_id IS NULL OR c.latest_id <> l.latest_id OR c.minutes <> r.minutes"
        "  OR c.service_date <> r.service_date OR c.voided <> (r.kind = 'void')"
        " ORDER BY 1"
    ).fetchall()
    problems += [f"service_chains: record {row[0]} does not follow its entries" for row in chains]
    years = conn.execute(
        "WITH expected AS ("
        "  SELECT volunteer_id, CAST(substr(service_date, 1, 4) AS INTEGER) AS year,"
        "  count(*) AS records, sum(minutes > 0) AS services, sum(minutes) AS minutes"
        "  FROM service_chains WHERE voided = 0 GROUP BY 1, 2),"
        " keys AS (SELECT volunteer_id, year FROM expected"
        "  UNION SELECT volunteer_id, year FROM service_year_totals WHERE records > 0)"
        " SELECT k.volunteer_id, k.year FROM keys k"
        " LEFT JOIN expected e ON e.volunteer_id = k.volunteer_id AND e.year = k.year"
        " LEFT JOIN service_year_totals t ON t.volunteer_id = k.volunteer_id AND t.year = k.year"
        " WHERE coalesce(e.records, 0) <> coalesce(t.records, 0)"
        "  OR coalesce(e.services, 0) <> coalesce(t.services, 0)"
        "  OR coalesce(e.minutes, 0) <> coalesce(t.minutes, 0)"
        " ORDER BY 1, 2"
    ).fetchall()
    problems += [f"service_year_totals: volunteer {v}, {y} does not add up" for v, y in years]
    return problems

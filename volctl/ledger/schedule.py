"""Schedules: a series of activities planned by a rule (``volctl.ledger.recurrence``) and the
holidays its dates meet.

Holidays: the bundled ``chinesecalendar`` package knows the State Council's public holidays
and make-up working days (调休上班) for the years it was released with; the roster's own
``holidays`` table, which the clerk fills in for a newer year (or to correct one), comes first.
A year that neither knows is reported, never guessed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import InvalidInput, Where
from volctl.ledger.recurrence import Rule, dates
from volctl.text import typed

# ----------------------------------------------------------------------------- holidays

# chinesecalendar's English holiday names -> the Chinese ones.
_HOLIDAY_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


@dataclass(frozen=True)
class DayFlag:
    kind: str  # 'holiday' (放假) or 'workday' (调休上班)
    name: str
    source: str  # 'roster' or 'chinesecalendar'

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "name": self.name, "source": self.source}


@dataclass
class HolidayCheck:
    flags: dict[date, DayFlag]
    uncovered_years: list[int]


def check_days(conn: sqlite3.Connection, days: Iterable[date]) -> HolidayCheck:
    """Which of ``days`` are public holidays or make-up working days, and which years we
    cannot tell about (neither the roster's table nor the bundled calendar covers them)."""
    days = sorted(set(days))
    own: dict[str, sqlite3.Row] = {}
    if days:
        marks = ",".join("?" * len(days))
        own = {
            row["day"]: row
            for row in conn.execute(
                f"SELECT * FROM holidays WHERE day IN ({marks})", [d.isoformat() for d in days]
            )
        }
    own_years = {
        int(row[0]) for row in conn.execute("SELECT DISTINCT substr(day, 1, 4) FROM holidays")
    }
    flags: dict[date, DayFlag] = {}
    uncovered: set[int] = set()
    package = _calendar()
    span = covered_years()
    for day in days:
        mine = own.get(day.isoformat())
        if mine is not None:
            flags[day] = DayFlag(mine["kind"], mine["name"], "roster")
            continue
        if package is None or span is None or not span[0] <= day.year <= span[1]:
            if day.year not in own_years:
                uncovered.add(day.year)
            continue
        on_holiday, name = package.get_holiday_detail(day)
        if name:
            zh = _HOLIDAY_ZH.get(name, name)
            flags[day] = DayFlag("holiday" if on_holiday else "workday", zh, "chinesecalendar")
    return HolidayCheck(flags, sorted(uncovered))


def _calendar() -> Any:
    """The holiday package, imported only here (and absent gracefully)."""
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - a declared dependency; degrade rather than fail
        return None
    return chinese_calendar


def covered_years() -> tuple[int, int] | None:
    """The range of years the bundled calendar knows."""
    package = _calendar()
    if package is None:
        return None
    years = [d.year for d in package.holidays] + [d.year for d in package.workdays]
    return (min(years), max(years)) if years else None


def list_holidays(conn: sqlite3.Connection, year: int) -> list[dict[str, Any]]:
    """The year's public holidays and make-up working days, from both sources."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    out: dict[date, dict[str, Any]] = {}
    package = _calendar()
    if package is not None:
        for table, kind in ((package.holidays, "holiday"), (package.workdays, "workday")):
            for day, name in table.items():
                if first <= day <= last and name:
                    english = str(getattr(name, "value", name))
                    zh = _HOLIDAY_ZH.get(english, english)
                    out[day] = {"date": day.isoformat(), "kind": kind, "name": zh}
                    out[day]["source"] = "chinesecalendar"
    for row in conn.execute(
        "SELECT * FROM holidays WHERE day BETWEEN ? AND ?", (first.isoformat(), last.isoformat())
    ):
        day = date.fromisoformat(row["day"])
        out[day] = {
            "date": row["day"],
            "kind": row["kind"],
            "name": row["name"],
            "source": "roster",
        }
    return [out[d] for d in sorted(out)]


def add_holiday(conn: sqlite3.Connection, day: date, name: object, kind: str) -> dict[str, Any]:
    """Record a public holiday (or a make-up working day) in the roster; replaces that day's."""
    text = typed(name)
    if not text:
        raise InvalidInput("schedule.holiday_name_missing", where=Where(field="holiday_name"))
    if kind not in ("holiday", "workday"):
        raise InvalidInput("schedule.holiday_kind", where=Where(field="kind"), value=kind)
    with transaction(conn):
        old = conn.execute("SELECT * FROM holidays WHERE day = ?", (day.isoformat(),)).fetchone()
        conn.execute(
            "INSERT INTO holidays (day, name, kind, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(day) DO UPDATE SET name = excluded.name, kind = excluded.kind",
            (day.isoformat(), text, kind, audit.now_iso()),
        )
        audit.record(
            conn,
            "holiday.set",
            "holidays",
            None,
            day=day.isoformat(),
            name=text,
            kind=kind,
            old=dict(old) if old is not None else None,
        )
    return {"date": day.isoformat(), "kind": kind, "name": text, "source": "roster"}


def remove_holiday(conn: sqlite3.Connection, day: date) -> dict[str, Any]:
    """Take a day the clerk entered out of the roster's table (the audit log keeps it)."""
    from volctl.errors import NotFound

    with transaction(conn):
        old = conn.execute("SELECT * FROM holidays WHERE day = ?", (day.isoformat(),)).fetchone()
        if old is None:
            raise NotFound("schedule.holiday_not_found", day=day.isoformat())
        conn.execute("DELETE FROM holidays WHERE day = ?", (day.isoformat(),))
        audit.record(conn, "holiday.remove", "holidays", None, old=dict(old))
    return {"date": old["day"], "kind": old["kind"], "name": old["name"], "source": "roster"}


# ----------------------------------------------------------------------------- series


def series_key(rule: Rule, title: str, team_id: int | None) -> str:
    """What makes a re-run "the same schedule": the rule, the title and the organising team."""
    return f"{rule.name}|{title}|{team_id or ''}"


def plan(
    conn: sqlite3.Connection, given: Any, rule: Rule, first: date, last: date
) -> dict[str, Any]:
    """The series a schedule would create: each date, whether it already exists (from an
    earlier run, or added by hand with the same title and team), and its holiday flag."""
    from dataclasses import replace

    from volctl.ledger import activities

    days = dates(rule, first, last)
    if not days:
        raise InvalidInput("schedule.no_dates", where=Where(field="rule"), first=first, last=last)
    values = activities.prepare(conn, replace(given, date=days[0].isoformat()))
    key = series_key(rule, values["title"], values["team_id"])
    existing: dict[str, sqlite3.Row] = {}
    for row in conn.execute(
        "SELECT * FROM activities WHERE series_key = ? OR (title = ? AND team_id IS ?) ORDER BY id",
        (key, values["title"], values["team_id"]),
    ):
        existing.setdefault(row["date"], row)
    holidays = check_days(conn, days)
    items = []
    for day in days:
        found = existing.get(day.isoformat())
        flag = holidays.flags.get(day)
        items.append(
            {
                "date": day.isoformat(),
                "weekday": day.isoweekday(),  # 1 = Monday … 7 = Sunday
                "activity_no": found["activity_no"] if found is not None else None,
                "state": "exists" if found is not None else "new",
                "holiday": flag.as_dict() if flag else None,
            }
        )
    return {
        "series_key": key,
        "rule": rule.name,
        "rrule": rule.rrule,
        "label": rule.preset.label if rule.preset else None,
        "title": values["title"],
        "from": first.isoformat(),
        "to": last.isoformat(),
        "dates": items,
        "new": sum(1 for i in items if i["state"] == "new"),
        "existing": sum(1 for i in items if i["state"] == "exists"),
        "uncovered_years": holidays.uncovered_years,
        "_values": values,
    }


def save(conn: sqlite3.Connection, planned: dict[str, Any]) -> dict[str, Any]:
    """Create the planned series' new dates in one transaction (existing ones are kept)."""
    from volctl.ledger import activities

    values = planned["_values"]
    with transaction(conn):
        for item in planned["dates"]:
            if item["state"] != "new":
                continue
            taken = conn.execute(
                "SELECT activity_no FROM activities WHERE series_key = ? AND date = ?",
                (planned["series_key"], item["date"]),
            ).fetchone()
            if taken is not None:  # created by another window since the preview
                item["activity_no"], item["state"] = taken[0], "exists"
                continue
            row = activities.insert(
                conn, {**values, "date": item["date"]}, series_key=planned["series_key"]
            )
            item["activity_no"], item["state"] = row["activity_no"], "created"
        audit.record(
            conn,
            "activity.schedule",
            "activities",
            None,
            series_key=planned["series_key"],
            rrule=planned["rrule"],
            created=[i["activity_no"] for i in planned["dates"] if i["state"] == "created"],
        )
    return public_plan(planned)


def public_plan(planned: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in planned.items() if not k.startswith("_")}

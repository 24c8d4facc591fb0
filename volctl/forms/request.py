"""What a form is asked for, and what the forms share: the period, the team, masking.

``FormRequest`` carries the options of ``volctl export form`` to a form's ``write``; each form
reads only the options its registry entry lists (``volctl.forms.registry``). The helpers here
answer the questions every form asks the same way:

- the period: ``--from``/``--to``, else ``--year`` (both: the days they share), else the
  current year; ``as_of`` is the day a roster is taken on: the period's last day, never after
  today;
- the team: ``--team`` (checked against the level a form is for), else the only active team of
  that level, else a refusal naming the candidates;
- personal data: identity numbers, mobiles, addresses and contacts masked unless ``show_pii``
  (which the registry sets for the official papers, unless ``mask``: see ``registry.write``).

Nothing here imports openpyxl: the registry lists forms without loading them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from volctl import settings
from volctl.dates import check_period
from volctl.errors import InvalidInput, Where
from volctl.masking import display_phone, mask_id_number, mask_phone
from volctl.text import mask_text

# The title of a team's leaders by the team's level (队长/副队长 in the roster).
LEADER_TITLES = {
    "大队": ("大队长", "副大队长"),
    "中队": ("中队长", "副中队长"),
    "分队": ("分队长", "副分队长"),
    "服务队": ("队长", "副队长"),
    "服务组": ("组长", "副组长"),
}


@dataclass(frozen=True)
class FormRequest:
    """The options a form is filled with (each form reads the ones it is registered for)."""

    team: str | None = None
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    on: date | None = None
    volunteers: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    rule: str | None = None
    with_subteams: bool = False
    blank_rows: int = 0
    show_pii: bool = False
    mask: bool = False  # --mask: an official paper's copy with numbers masked
    today: date = field(default_factory=date.today)

    # ------------------------------------------------------------------ the period

    def period(self) -> tuple[date, date]:
        """The days the form covers: the dates given, else the year, else this year."""
        check_period(self.date_from, self.date_to)
        year, first, last = self.year, self.date_from, self.date_to
        if year is not None:
            first = max(first, date(year, 1, 1)) if first else date(year, 1, 1)
            last = min(last, date(year, 12, 31)) if last else date(year, 12, 31)
        if first is None and last is None:
            return date(self.today.year, 1, 1), date(self.today.year, 12, 31)
        if first is None:
            assert last is not None
            first = date(last.year, 1, 1)
        if last is None:
            last = max(self.today, first)
        if last < first:
            raise InvalidInput(
                "export.period_empty",
                where=Where(field="date_to" if self.date_to else "year"),
                first=first.isoformat(),
                last=last.isoformat(),
            )
        return first, last

    def as_of(self) -> date:
        """The day a roster is taken on: ``--on``, else the end of the period asked for (never
        after today), else today."""
        if self.on is not None:
            if self.on > self.today:
                raise InvalidInput("reason.date_in_future", where=Where(field="on"))
            return self.on
        if self.year is None and self.date_to is None:
            return self.today
        return min(self.period()[1], self.today)

    # ------------------------------------------------------------------ personal data

    def phone(self, e164: str | None) -> str:
        return (display_phone(e164) if self.show_pii else mask_phone(e164)) or ""

    def id_number(self, number: str | None) -> str:
        return (number if self.show_pii else mask_id_number(number)) or ""

    def personal(self, text: str | None, keep: int = 1) -> str:
        """An address or a contact's name."""
        return (text if self.show_pii else mask_text(text, keep)) or ""


# ----------------------------------------------------------------------------- shared lookups


def org_name(conn: sqlite3.Connection) -> str:
    return str(settings.get(conn, "org_name") or "")


# Numbered empty rows on a roster form that lists nobody, so it can still be filled in by hand.
BLANK_WHEN_EMPTY = 5


def add_blank_rows(rows: list[list[Any]], request: FormRequest, width: int) -> int:
    """Append ``--blank`` numbered empty rows of ``width`` cells (``BLANK_WHEN_EMPTY`` when
    ``rows`` is empty and none were asked for); how many were added."""
    blank = request.blank_rows or (0 if rows else BLANK_WHEN_EMPTY)
    rows += [[n, *[""] * (width - 1)] for n in range(len(rows) + 1, len(rows) + blank + 1)]
    return blank


def filled_by(conn: sqlite3.Connection) -> str:
    """The left part of the line under the title: 填报单位（盖章）：{org}."""
    return f"填报单位（盖章）：{org_name(conn)}"


def team_for(conn: sqlite3.Connection, request: FormRequest, level: str | None = None) -> Any:
    """The team a form is for: ``--team`` (of ``level`` when given), else the only one."""
    from volctl.roster import teams

    if request.team is not None:
        row = teams.find(conn, request.team)
        if level is not None and row["level"] != level:
            raise InvalidInput(
                "export.team_level",
                hint="hint.export_team_level",
                where=Where(field="team"),
                team=row["name"],
                level=row["level"],
                wanted=level,
            )
        return row
    sql = "SELECT name FROM teams WHERE status = 'active'"
    params: list[str] = []
    if level is not None:
        sql += " AND level = ?"
        params.append(level)
    names = [r[0] for r in conn.execute(sql + " ORDER BY name", params)]
    if len(names) == 1:
        return teams.find(conn, names[0])
    if not names and level is not None:
        raise InvalidInput(
            "export.no_team", hint="hint.export_add_team", where=Where(field="team"), level=level
        )
    if not names:
        raise InvalidInput("export.no_teams", hint="hint.export_add_team")
    raise InvalidInput(
        "export.team_needed",
        hint="hint.export_team_needed",
        where=Where(field="team"),
        choices="、".join(names[:12]) + ("…" if len(names) > 12 else ""),
    )


def volunteers_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, sqlite3.Row]:
    """Full volunteer rows for many ids in one query."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {
        row["id"]: row
        for row in conn.execute(
            "SELECT * FROM volunteers WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        )
    }


def unit_and_position(volunteer: sqlite3.Row) -> str:
    """单位及职务: "市公安局 副局长"."""
    parts = [volunteer["employer"], volunteer["position"]]
    return " ".join(p for p in parts if p)


def birth_month(volunteer: sqlite3.Row) -> str:
    """出生年月 as papers write dates: 1958年3月."""
    born = volunteer["birth_date"]
    return f"{int(born[:4])}年{int(born[5:7])}月" if born else ""


# The columns the personnel rosters share, as (min width, max width, options) in Excel units.
PERSON_COLUMNS: dict[str, tuple[float, float, dict[str, bool]]] = {
    "序号": (5, 6, {"centred": True}),
    "姓名": (8, 14, {}),
    "性别": (5, 6, {"centred": True}),
    "出生年月": (10, 13, {"centred": True, "whole": True}),
    "政治面貌": (9, 14, {"centred": True}),
    "工作单位及职务": (16, 40, {}),
    "身份证号码": (12, 24, {"centred": True}),
    "手机": (10, 16, {"centred": True}),
}


def person_columns(*names: str, size: float) -> list[Any]:
    """The shared personnel columns ``names``, in that order, at ``size`` points."""
    from volctl.forms.layout.table import Column

    return [
        Column(name, *PERSON_COLUMNS[name][:2], size=size, **PERSON_COLUMNS[name][2])
        for name in names
    ]


def listed(value: str | None) -> str:
    """A stored JSON list (skills, intentions) as 书法、教育辅导."""
    return "、".join(json.loads(value or "[]"))


def result(
    path: object,
    title: str,
    rows: int | None,
    *,
    sheets: int = 1,
    blank_rows: int = 0,
    team: str | None = None,
    period: tuple[date, date] | None = None,
    as_of: date | None = None,
) -> dict[str, Any]:
    """What a form's ``write`` returns (``export form --format json`` adds ``form``); ``rows``
    is None for a form that is not a list (the year-end summary)."""
    return {
        "title": title,
        "path": str(path),
        "rows": rows,
        "blank_rows": blank_rows,
        "sheets": sheets,
        "team": team,
        "period": {"from": period[0].isoformat(), "to": period[1].isoformat()} if period else None,
        "as_of": as_of.isoformat() if as_of else None,
    }


@dataclass(frozen=True)
class Member:
    """One person on a team's roster form: the volunteer, their role and where they sit."""

    volunteer: sqlite3.Row
    role: str  # 队长 / 副队长 / 队员
    team: str
    level: str

    @property
    def title(self) -> str:
        """中队长, 副分队长, … for leaders; empty for members."""
        leader, deputy = LEADER_TITLES.get(self.level, ("队长", "副队长"))
        return {"队长": leader, "副队长": deputy}.get(self.role, "")


def team_members(
    conn: sqlite3.Connection, team: sqlite3.Row, on: date, *, with_subteams: bool
) -> list[Member]:
    """The team's members on ``on``, leaders first; with ``with_subteams`` then the members
    of every team under it, team by team in the tree's order. Each person once."""
    from volctl.roster import teams

    order = [team]
    if with_subteams:
        below = set(teams.descendants(conn, team["id"])) - {team["id"]}
        order += [row for row in teams.list_teams(conn) if row["id"] in below]
    found: list[tuple[sqlite3.Row, sqlite3.Row]] = []
    seen: set[int] = set()
    for unit in order:
        for membership in teams.members(conn, unit["id"], on):
            if membership["volunteer_id"] not in seen:
                seen.add(membership["volunteer_id"])
                found.append((unit, membership))
    people = volunteers_by_id(conn, seen)
    return [
        Member(people[m["volunteer_id"]], m["role"], unit["name"], unit["level"])
        for unit, m in found
    ]

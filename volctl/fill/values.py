"""The rows a template is filled with, computed the way the reports compute them.

One row per volunteer, per service record, per activity or per team (``fields.MODES``); each
row a dict of field -> value, only the fields the template's columns and ``--where`` need.
The figures come from the reports' own basis (``volctl.reports.common.Basis``), so a filled
template agrees with them:

- **people**: the volunteers registered and not inactive on the period's last day (or today
  while it runs), in ``--team``'s scope its members (and those of the teams under it) that
  day, as ``report target`` and the summary count them; ``--status all`` adds the inactive
  ones registered by then;
- **服务时长/服务次数**: the service done in the scope during the period, each record at its
  latest correction, as ``report hours --by volunteer`` shows it (hours with one decimal);
- **累计服务时长/星级**: all-time hours to the period's last day and the star level they reach
  (the roster's ``star_thresholds``), as ``report stars`` shows them (hours rounded down);
- **年龄**: on the period's last day (or today); **所属队伍**: the teams on that day;
- **培训**: the trainings attended in the period; **保险**: the policy covering that day;
  **表彰**: the commendations of the period's years;
- a team's **队员人数/服务人次/服务时长/活动次数**: ``report hours --by team``;
- an activity's **参加人数/服务人次/服务时长**: its records as they count now.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from volctl.fill import fields as F
from volctl.reports.common import Basis, hours, hours_down

Row = dict[str, Any]

# A record in the scope: its volunteer was in a team of :teams on the day of service.
_RECORD_IN_SCOPE = (
    " AND EXISTS (SELECT 1 FROM memberships m WHERE m.volunteer_id = e.volunteer_id"
    " AND m.team_id IN (SELECT value FROM json_each(:teams))"
    " AND m.joined_on <= e.service_date AND (m.left_on IS NULL OR m.left_on > e.service_date))"
)
_MEMBER_DURING = (
    " AND EXISTS (SELECT 1 FROM memberships m WHERE m.volunteer_id = v.id"
    " AND m.team_id IN (SELECT value FROM json_each(:teams))"
    " AND m.joined_on <= :last AND (m.left_on IS NULL OR m.left_on > :first))"
)
STAR_NAMES = ("", "一星", "二星", "三星", "四星", "五星")
ROLE_TITLES = {"队长": 0, "副队长": 1}


class Persons:
    """What the person fields print: phones and identity numbers in full, or masked (a copy
    with ``--mask``), dates as a form writes them."""

    def __init__(self, mask: bool, as_of: str) -> None:
        self.mask = mask
        self.as_of = as_of

    def values(self, v: sqlite3.Row | dict[str, Any], needed: Iterable[str]) -> Row:
        from volctl.dates import age_on
        from volctl.masking import display_phone, mask_id_number, mask_phone
        from volctl.roster.contact import contact_phone
        from volctl.text import mask_text

        out: Row = {}
        for name in needed:
            if name == "age":
                born = v["birth_date"]
                out[name] = age_on(_day(born), _day(self.as_of)) if born else None
            elif name == "id_number":
                out[name] = mask_id_number(v["id_number"]) if self.mask else v["id_number"]
            elif name == "phone":
                e164 = contact_phone(v)
                out[name] = (mask_phone(e164) if self.mask else display_phone(e164)) or ""
            elif name in ("office_phone", "emergency_phone", "guardian_phone"):
                shown = display_phone(v[name])
                out[name] = (
                    mask_text(shown, 3) if self.mask and name != "office_phone" else shown
                ) or ""
            elif name in ("address", "emergency_contact", "guardian_name"):
                keep = 6 if name == "address" else 1
                out[name] = (mask_text(v[name], keep) if self.mask else v[name]) or ""
            elif name in ("skills", "intentions"):
                out[name] = json.loads(v[name] or "[]")
            elif name == "employer_position":
                out[name] = " ".join(p for p in (v["employer"], v["position"]) if p)
            elif name == "status":
                out[name] = "在册" if v["status"] == "active" else "已停用"
            elif name in v.keys():  # noqa: SIM118 (sqlite3.Row has keys(), not __contains__)
                out[name] = v[name]
        return out


def _day(iso: str) -> Any:
    from datetime import date

    return date.fromisoformat(iso[:10])


# ----------------------------------------------------------------------------- volunteers


def volunteer_rows(basis: Basis, needed: set[str], status: str, mask: bool) -> Iterator[Row]:
    """One row per volunteer counted (see the module's docstring), by volunteer number."""
    conn = basis.conn
    if status == "active":
        who = basis.registered_sql
    else:
        who = "v.registered_on <= :day" + ("" if basis.scope.whole else _MEMBER_DURING)
    sql = (
        "SELECT v.*, coalesce(p.minutes, 0) AS _minutes, coalesce(p.services, 0) AS _services,"
        f" {basis.TEAMS_SQL} AS _teams FROM volunteers v"
        f" LEFT JOIN ({basis.scope_sql}) p ON p.volunteer_id = v.id"
        f" WHERE {who} ORDER BY v.volunteer_no"
    )
    extra = _Extras(basis, needed)
    persons = Persons(mask, basis.period.as_of.isoformat())
    person_fields = [n for n in needed if n in F.PERSON]
    cursor = conn.execute(sql, basis.params)
    for batch in iter(lambda: cursor.fetchmany(2000), []):
        extra.load([v["id"] for v in batch])
        for v in batch:
            row = persons.values(v, person_fields)
            row["_id"] = v["id"]
            team_ids = [int(t) for t in str(v["_teams"]).split(",")] if v["_teams"] else []
            row["team"] = sorted(
                {basis.tree.by_id[t]["name"] for t in team_ids if t in basis.tree.by_id}
            )
            row["_all_teams"] = sorted(
                {
                    basis.tree.by_id[t]["name"]
                    for t in basis.tree.closure(team_ids)
                    if t in basis.tree.by_id
                }
            )
            row["hours"] = hours(v["_minutes"])
            row["services"] = v["_services"]
            extra.fill(v["id"], row)
            yield row


class _Extras:
    """The per-volunteer values that need a query of their own, read a batch at a time and
    only when a column or ``--where`` asks for them."""

    def __init__(self, basis: Basis, needed: set[str]) -> None:
        self.basis = basis
        self.needed = needed
        self.data: dict[str, dict[int, Any]] = {}
        self.limits: list[int] = []
        if needed & {"star", "total_hours"}:
            from volctl.reports import stars

            self.limits = stars.thresholds(basis.conn)

    def load(self, ids: list[int]) -> None:
        b, wanted = self.basis, self.needed
        ids_json = json.dumps(ids)
        self.data = {}
        p = {**b.params, "ids": ids_json, "last_year": b.period.last.year}
        if wanted & {"star", "total_hours"}:
            # All-time minutes to the period's last day: whole years from the yearly totals,
            # the last year's days from the records (as records.totals reads them).
            rows = b.rows(
                "SELECT volunteer_id, sum(minutes) FROM ("
                " SELECT volunteer_id, minutes FROM service_year_totals"
                " WHERE year < :last_year AND volunteer_id IN (SELECT value FROM json_each(:ids))"
                " UNION ALL SELECT volunteer_id, minutes FROM service_chains WHERE voided = 0"
                " AND service_date BETWEEN printf('%04d-01-01', :last_year) AND :last"
                " AND volunteer_id IN (SELECT value FROM json_each(:ids))) GROUP BY volunteer_id",
                **p,
            )
            self.data["cumulative"] = dict(rows)
        if "role" in wanted:
            found: dict[int, tuple[int, str]] = {}
            for vid, role, level in b.rows(
                "SELECT m.volunteer_id, m.role, t.level FROM memberships m JOIN teams t"
                " ON t.id = m.team_id WHERE m.joined_on <= :day"
                " AND (m.left_on IS NULL OR m.left_on > :day)"
                " AND m.volunteer_id IN (SELECT value FROM json_each(:ids))",
                **p,
            ):
                rank = ROLE_TITLES.get(role, 2)
                if vid not in found or rank < found[vid][0]:
                    found[vid] = (rank, _role_title(role, level))
            self.data["role"] = {vid: title for vid, (_r, title) in found.items()}
        if wanted & {"training", "training_hours"}:
            titles: dict[int, list[str]] = {}
            minutes: dict[int, int] = {}
            for vid, title, spent in b.rows(
                "SELECT a.volunteer_id, t.title, t.minutes FROM training_attendance a"
                " JOIN trainings t ON t.id = a.training_id WHERE t.date BETWEEN :first AND :last"
                " AND a.volunteer_id IN (SELECT value FROM json_each(:ids))"
                " ORDER BY t.date, t.training_no",
                **p,
            ):
                titles.setdefault(vid, []).append(title)
                minutes[vid] = minutes.get(vid, 0) + spent
            self.data["training"] = titles
            self.data["training_minutes"] = minutes
        if "insurance" in wanted:
            cover: dict[int, str] = {}
            for vid, insurer, policy, start, end in b.rows(
                "SELECT volunteer_id, insurer, policy_no, start_on, end_on FROM insurance_policies"
                " WHERE start_on <= :day AND end_on >= :day"
                " AND volunteer_id IN (SELECT value FROM json_each(:ids)) ORDER BY end_on",
                **p,
            ):
                cover[vid] = f"{insurer} {policy}（{start}至{end}）"
            self.data["insurance"] = cover
        if "commendation" in wanted:
            awards: dict[int, list[str]] = {}
            for vid, year, title in b.rows(
                "SELECT volunteer_id, year, title FROM commendations"
                " WHERE volunteer_id IN (SELECT value FROM json_each(:ids))"
                " AND year BETWEEN :y0 AND :y1 ORDER BY year, awarded_on",
                **p,
                y0=b.period.first.year,
                y1=b.period.last.year,
            ):
                awards.setdefault(vid, []).append(f"{year}年{title}")
            self.data["commendation"] = awards

    def fill(self, vid: int, row: Row) -> None:
        from volctl.reports.common import star_level

        data = self.data
        if "cumulative" in data:
            total = data["cumulative"].get(vid, 0)
            row["total_hours"] = hours_down(total)
            row["star"] = star_level(total, self.limits)
        if "role" in data:
            row["role"] = data["role"].get(vid, "")
        if "training" in data:
            row["training"] = data["training"].get(vid, [])
            row["training_hours"] = hours(data["training_minutes"].get(vid, 0))
        if "insurance" in data:
            row["insurance"] = data["insurance"].get(vid, "")
        if "commendation" in data:
            row["commendation"] = data["commendation"].get(vid, [])


def _role_title(role: str, level: str) -> str:
    from volctl.forms.request import LEADER_TITLES

    leader, deputy = LEADER_TITLES.get(level, ("队长", "副队长"))
    return {"队长": leader, "副队长": deputy}.get(role, "队员")


# ----------------------------------------------------------------------------- records


_ATTENDANCE = {
    "present": "出勤",
    "late": "迟到",
    "early_leave": "早退",
    "leave": "请假",
    "absent": "缺勤",
}


def record_rows(basis: Basis, needed: set[str], status: str, mask: bool) -> Iterator[Row]:
    """One row per service record in the period (in the scope), each at its latest
    correction, voided ones left out: by date, activity, then as recorded."""
    conn = basis.conn
    scope = "" if basis.scope.whole else _RECORD_IN_SCOPE
    sql = (
        "SELECT e.record_id, e.volunteer_id, e.service_date, e.start_time, e.end_time,"
        " e.minutes, e.attendance, e.place, e.content, e.beneficiaries, e.leader, e.recorder,"
        " e.evaluation, a.activity_no, a.title, a.category, a.theme, a.team_id,"
        " a.place AS activity_place FROM service_effective e"
        " JOIN activities a ON a.id = e.activity_id"
        f" WHERE e.service_date BETWEEN :first AND :last{scope}"
        " ORDER BY e.service_date, a.activity_no, e.record_id"
    )
    persons = Persons(mask, basis.period.as_of.isoformat())
    person_fields = [n for n in needed if n in F.PERSON]
    cursor = conn.execute(sql, basis.params)
    for batch in iter(lambda: cursor.fetchmany(2000), []):
        people = _volunteers(conn, {r["volunteer_id"] for r in batch})
        for r in batch:
            v = people[r["volunteer_id"]]
            if status == "active" and v["status"] != "active":
                continue
            row = persons.values(v, person_fields)
            team = basis.tree.by_id.get(r["team_id"]) if r["team_id"] else None
            row.update(
                {
                    "_id": r["record_id"],
                    "service_date": r["service_date"],
                    "activity": r["title"],
                    "activity_no": r["activity_no"],
                    "start_time": r["start_time"] or "",
                    "end_time": r["end_time"] or "",
                    "hours": hours(r["minutes"]),
                    "attendance": _ATTENDANCE.get(r["attendance"], r["attendance"]),
                    "place": r["place"] or r["activity_place"] or "",
                    "content": r["content"] or "",
                    "category": r["category"],
                    "theme": r["theme"] or "",
                    "beneficiaries": r["beneficiaries"] or "",
                    "team_leader": r["leader"] or "",
                    "recorder": r["recorder"],
                    "evaluation": r["evaluation"] or "",
                    "team": [team["name"]] if team else [],
                    "_all_teams": _names(basis, [r["team_id"]] if r["team_id"] else []),
                }
            )
            yield row


def _volunteers(conn: sqlite3.Connection, ids: set[int]) -> dict[int, sqlite3.Row]:
    return {
        row["id"]: row
        for row in conn.execute(
            "SELECT * FROM volunteers WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(ids)),),
        )
    }


def _names(basis: Basis, team_ids: list[int]) -> list[str]:
    tree = basis.tree
    return sorted({tree.by_id[t]["name"] for t in tree.closure(team_ids) if t in tree.by_id})


# ----------------------------------------------------------------------------- activities


def activity_rows(basis: Basis, needed: set[str], status: str, mask: bool) -> Iterator[Row]:
    """One row per activity held in the period (organised by a team of the scope), by date:
    its people (参加人数), services (人次) and hours as its records count now."""
    activities = basis.held_activities if status == "active" else basis.activities
    ids = [a["id"] for a in activities]
    figures = {
        aid: (people, services, minutes)
        for aid, people, services, minutes in basis.rows(
            "SELECT activity_id, count(DISTINCT volunteer_id) FILTER (WHERE minutes > 0),"
            " sum(minutes > 0), sum(minutes) FROM service_chains WHERE voided = 0"
            " AND activity_id IN (SELECT value FROM json_each(:ids)) GROUP BY activity_id",
            ids=json.dumps(ids),
        )
    }
    details = {
        row["id"]: row
        for row in basis.conn.execute(
            "SELECT a.id, a.start_time, a.end_time, a.place, a.description, a.beneficiary_group,"
            " a.status, l.name AS leader FROM activities a LEFT JOIN volunteers l"
            " ON l.id = a.leader_id WHERE a.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    states = {"held": "已开展", "planned": "计划中", "cancelled": "已取消"}
    for a in activities:
        people, services, minutes = figures.get(a["id"], (0, 0, 0))
        d = details[a["id"]]
        team = basis.tree.by_id.get(a["team_id"]) if a["team_id"] else None
        yield {
            "_id": a["id"],
            "activity": a["title"],
            "activity_no": a["activity_no"],
            "service_date": a["date"],
            "start_time": d["start_time"] or "",
            "end_time": d["end_time"] or "",
            "place": d["place"] or "",
            "content": d["description"] or "",
            "category": a["category"],
            "theme": a["theme"] or "",
            "beneficiaries": d["beneficiary_group"] or "",
            "team": [team["name"]] if team else [],
            "_all_teams": _names(basis, [a["team_id"]] if a["team_id"] else []),
            "team_leader": d["leader"] or "",
            "members": people,
            "services": services,
            "hours": hours(minutes),
            "status": states.get(a["status"], a["status"]),
        }


# ----------------------------------------------------------------------------- teams


def team_rows(basis: Basis, needed: set[str], status: str, mask: bool) -> Iterator[Row]:
    """One row per team of the scope that existed in the period, in the tree's order, with
    ``report hours --by team``'s figures (a team's include the teams under it)."""
    from volctl.masking import display_phone, mask_phone
    from volctl.reports.hours import team_rows as figures
    from volctl.roster import teams

    by_name = {row["name"]: row for row in teams.list_teams(basis.conn)}
    for figure in figures(basis):
        if figure["team"] is None:
            continue
        t = by_name[figure["team"]]
        if status == "active" and t["status"] != "active":
            continue

        def phone(e164: str | None) -> str:
            return (mask_phone(e164) if mask else display_phone(e164)) or ""

        yield {
            "_id": t["id"],
            "team": [t["name"]],
            "_all_teams": _names(basis, [t["id"]]),
            "level": t["level"],
            "parent": t["parent_name"] or "",
            "employer": t["unit"] or "",
            "team_leader": t["leader_name"] or "",
            "leader_phone": phone(t["leader_phone"]),
            "team_contact": t["contact_name"] or "",
            "contact_phone": phone(t["contact_phone"]),
            "office_phone": display_phone(t["office_phone"]) or "",
            "founded_on": t["founded_on"] or "",
            "base": t["base"] or "",
            "members": figure["members"],
            "activities": figure["activities"],
            "services": figure["participations"],
            "hours": figure["hours"],
            "status": "在册" if t["status"] == "active" else "已撤销",
            "notes": t["notes"] or "",
        }


ROWS = {
    F.VOLUNTEER: volunteer_rows,
    F.RECORD: record_rows,
    F.ACTIVITY: activity_rows,
    F.TEAM: team_rows,
}

"""Yearly commendations (表彰): 优秀志愿者 for people, 先进集体 for teams (seeds 001, 002)."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from volctl import audit
from volctl.dates import check_year
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, Where
from volctl.roster import teams, volunteers
from volctl.text import NOTES_TEXT, SHORT_TEXT, bounded

COMMON_TITLES = ("优秀志愿者", "先进集体", "优秀志愿服务项目", "星级志愿者")


def add(
    conn: sqlite3.Connection,
    *,
    year: int,
    title: str,
    volunteer: str | None = None,
    team: str | None = None,
    awarded_on: date | None = None,
    awarded_by: str | None = None,
    notes: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    today = today or date.today()
    title_text = bounded(title, "commend_title", SHORT_TEXT, missing="reason.missing_commend_title")
    awarded_by = bounded(awarded_by, "awarded_by", SHORT_TEXT)
    notes = bounded(notes, "notes", NOTES_TEXT)
    if volunteer is None and team is None:
        raise InvalidInput("commend.no_recipient", hint="hint.commend_one_recipient")
    if volunteer is not None and team is not None:
        raise InvalidInput("commend.one_recipient", hint="hint.commend_one_recipient")
    check_year(year, today)
    on = awarded_on or today
    if on > today:
        raise InvalidInput("reason.date_in_future", where=Where(field="awarded_on"))
    if on < date(year, 1, 1):
        raise InvalidInput(
            "reason.awarded_before_year",
            where=Where(field="awarded_on"),
            on=on.isoformat(),
            year=year,
        )
    with transaction(conn):
        person = volunteers.find(conn, volunteer) if volunteer else None
        unit = teams.find(conn, team) if team else None
        try:
            cursor = conn.execute(
                "INSERT INTO commendations (year, title, volunteer_id, team_id, awarded_on,"
                " awarded_by, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    year,
                    title_text,
                    person["id"] if person else None,
                    unit["id"] if unit else None,
                    on.isoformat(),
                    awarded_by,
                    notes,
                    audit.now_iso(),
                ),
            )
        except sqlite3.IntegrityError:
            raise Conflict(
                "commend.exists",
                year=year,
                title=title_text,
                who=person["name"] if person else unit["name"] if unit else "",
            ) from None
        audit.record(
            conn,
            "commendation.add",
            "commendations",
            cursor.lastrowid,
            year=year,
            title=title_text,
            volunteer_no=person["volunteer_no"] if person else None,
            team=unit["name"] if unit else None,
        )
    return {
        "year": year,
        "title": title_text,
        "volunteer_no": person["volunteer_no"] if person else None,
        "name": person["name"] if person else None,
        "team": unit["name"] if unit else None,
        "awarded_on": on.isoformat(),
        "awarded_by": awarded_by,
    }


def list_commendations(
    conn: sqlite3.Connection, *, year: int | None = None, volunteer_id: int | None = None
) -> list[dict[str, Any]]:
    where, params = [], []
    if year is not None:
        where.append("c.year = ?")
        params.append(year)
    if volunteer_id is not None:
        where.append("c.volunteer_id = ?")
        params.append(volunteer_id)
    sql = (
        "SELECT c.*, v.volunteer_no, v.name, t.name AS team FROM commendations c"
        " LEFT JOIN volunteers v ON v.id = c.volunteer_id LEFT JOIN teams t ON t.id = c.team_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [
        {
            "year": r["year"],
            "title": r["title"],
            "volunteer_no": r["volunteer_no"],
            "name": r["name"],
            "team": r["team"],
            "awarded_on": r["awarded_on"],
            "awarded_by": r["awarded_by"],
            "notes": r["notes"],
        }
        for r in conn.execute(sql + " ORDER BY c.year, c.title, c.id", params)
    ]

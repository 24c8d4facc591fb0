"""Candidates for the year's commendations (``volctl commend suggest``), from the ledger.

The clerk decides; this only proposes, with the reasons from the record: a star level newly
reached (the common civil-affairs practice), the yearly target met among the most active
volunteers, activities led; and, for 先进集体, the unit teams with the most service per member.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from volctl.reports import stars, summary

UNIT_LEVELS = ("分队", "服务队", "服务组")
MIN_LED = 3  # activities led in the year that make a reason on their own


def suggest(
    conn: sqlite3.Connection, year: int, *, top: int = 10, today: date | None = None
) -> dict[str, Any]:
    data = summary.summary(conn, year=year, top=max(top, 1), today=today)
    target = float(data["target_hours"])
    people: dict[str, dict[str, Any]] = {}

    def candidate(number: str, name: str, team: str | None) -> dict[str, Any]:
        return people.setdefault(
            number,
            {
                "volunteer_no": number,
                "name": name,
                "team": team,
                "year_hours": 0.0,
                "level": 0,
                "reasons": [],
                "suggested_title": None,
                "already": [],
            },
        )

    for row in stars.newly_reached(conn, year, today=today):
        entry = candidate(row["volunteer_no"], row["name"], row["team"])
        entry["level"] = row["level"]
        entry["year_hours"] = row["year_hours"]
        entry["reasons"].append(
            {"code": "star_reached", "level": row["level"], "hours": row["hours"]}
        )
        entry["suggested_title"] = f"{row['level']}星志愿者"
    for row in data["top_volunteers"]:
        if row["minutes"] < round(target * 60):  # exact time: 47 h 59 min is below 48 h
            continue
        entry = candidate(row["volunteer_no"], row["name"], row["team"])
        entry["year_hours"] = row["hours"]
        entry["level"] = max(entry["level"], row["stars"])
        entry["reasons"].append({"code": "target_met", "hours": row["hours"], "rank": row["rank"]})
        entry["suggested_title"] = "优秀志愿者"
    led = conn.execute(
        "SELECT v.volunteer_no, v.name, count(*) AS led FROM activities a"
        " JOIN volunteers v ON v.id = a.leader_id WHERE a.status = 'held'"
        " AND a.date BETWEEN ? AND ? GROUP BY v.id HAVING count(*) >= ?",
        (f"{year}-01-01", f"{year}-12-31", MIN_LED),
    ).fetchall()
    for row in led:
        entry = candidate(row["volunteer_no"], row["name"], None)
        entry["reasons"].append({"code": "activities_led", "count": row["led"]})
        entry["suggested_title"] = entry["suggested_title"] or "优秀志愿者"
    awarded = conn.execute(
        "SELECT v.volunteer_no, c.title FROM commendations c JOIN volunteers v"
        " ON v.id = c.volunteer_id WHERE c.year = ?",
        (year,),
    ).fetchall()
    for number, title in awarded:
        if number in people:
            people[number]["already"].append(title)
    ranked = sorted(
        people.values(), key=lambda p: (-len(p["reasons"]), -p["year_hours"], p["volunteer_no"])
    )

    team_awards = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT t.name, group_concat(c.title, '、') FROM commendations c JOIN teams t"
            " ON t.id = c.team_id WHERE c.year = ? GROUP BY t.id",
            (year,),
        )
    }
    units = [t for t in data["by_team"] if t["level"] in UNIT_LEVELS and t["members"]]
    units.sort(key=lambda t: (-t["hours"] / t["members"], t["team"]))
    teams = [
        {
            "team": t["team"],
            "level": t["level"],
            "members": t["members"],
            "hours": t["hours"],
            "hours_per_member": round(t["hours"] / t["members"], 1),
            "participations": t["participations"],
            "suggested_title": "先进集体",
            "already": team_awards.get(t["team"], "").split("、")
            if t["team"] in team_awards
            else [],
        }
        for t in units[:3]
    ]
    return {
        "year": year,
        "target_hours": data["target_hours"],
        "volunteers": ranked[:top],
        "teams": teams,
    }

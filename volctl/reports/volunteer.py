"""One volunteer's record (志愿服务条例 art. 19): the basis of a service certificate.

Every service as it counts now (each record at its latest correction; voided ones left out;
leave and absence listed with zero time), totals per year with the running cumulative, the star
level those hours give and what the next level needs, the teams they belonged to, training
(never counted as service), commendations and insurance cover.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from volctl.ledger import records, training
from volctl.masking import free_text
from volctl.reports import stars
from volctl.reports.common import check_year, hours, hours_down, star_level
from volctl.roster import commendations, insurance, volunteers

# What the record shows about the person: what a certificate carries, and no more.
PERSON = (
    "volunteer_no",
    "name",
    "gender",
    "birth_date",
    "id_type",
    "id_number",
    "phone",
    "political_status",
    "education",
    "employer",
    "skills",
    "registered_on",
    "status",
    "status_changed_on",
)


def _services(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    categories = {
        row[0]: row[1]
        for row in conn.execute(
            "SELECT id, category FROM activities WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({r["activity_id"] for r in rows})),),
        )
    }
    return [
        {
            "record": row["record_id"],
            "date": row["service_date"],
            "activity_no": row["activity_no"],
            "activity": row["activity_title"],
            "category": categories.get(row["activity_id"]),
            "start": row["start_time"],
            "end": row["end_time"],
            "minutes": row["minutes"],
            "hours": hours(row["minutes"]),
            "attendance": row["attendance"],
            "place": free_text(row["place"]),
            "content": free_text(row["content"]),
            "beneficiaries": free_text(row["beneficiaries"]),
            "leader": row["leader"],
            "recorder": row["recorder"],
            "evaluation": free_text(row["evaluation"]),
        }
        for row in rows
    ]


def report(
    conn: sqlite3.Connection,
    ref: str,
    *,
    year: int | None = None,
    show_pii: bool = False,
    today: date | None = None,
) -> dict[str, Any]:
    """``report volunteer VOL [--year]``: the volunteer's whole record (services of ``year``
    only when given; the yearly totals, cumulative hours and star level always all-time)."""
    today = today or date.today()
    if year is not None:
        check_year(year, today)
    person = volunteers.find(conn, ref)
    vid = person["id"]
    shown = volunteers.public(person, show_pii=show_pii, today=today)
    filters = records.Filters(
        volunteer_id=vid,
        date_from=date(year, 1, 1) if year else None,
        date_to=date(year, 12, 31) if year else None,
    )
    rows = records.effective(conn, filters)
    by_year = []
    running = 0
    for y, count, services_with_time, minutes in conn.execute(
        "SELECT year, records, services, minutes FROM service_year_totals"
        " WHERE volunteer_id = ? AND records > 0 ORDER BY year",
        (vid,),
    ):
        running += minutes
        by_year.append(
            {
                "year": y,
                "records": count,
                "participations": services_with_time,
                "hours": hours(minutes),
                "cumulative_hours": hours_down(running),
            }
        )
    limits = stars.thresholds(conn)
    teams = [
        {
            "team": row["name"],
            "level": row["level"],
            "role": row["role"],
            "joined_on": row["joined_on"],
            "left_on": row["left_on"],
        }
        for row in conn.execute(
            "SELECT t.name, t.level, m.role, m.joined_on, m.left_on FROM memberships m"
            " JOIN teams t ON t.id = m.team_id WHERE m.volunteer_id = ?"
            " ORDER BY m.joined_on, m.id",
            (vid,),
        )
    ]
    return {
        "volunteer": {key: shown[key] for key in PERSON},
        "teams": teams,
        "year": year,
        "as_of": today.isoformat(),
        "participations": sum(1 for row in rows if row["minutes"] > 0),
        "hours": hours(sum(row["minutes"] for row in rows)),
        "cumulative_hours": hours_down(running),
        "stars": star_level(running, limits),
        "next_star": stars.next_level(running, limits),
        "by_year": by_year,
        "services": _services(conn, rows),
        "trainings": training.volunteer_trainings(conn, vid),
        "commendations": commendations.list_commendations(conn, volunteer_id=vid),
        "insurance": insurance.list_policies(conn, volunteer_id=vid, today=today),
    }

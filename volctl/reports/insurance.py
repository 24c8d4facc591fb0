"""Accident insurance that lapses soon (志愿服务条例 art. 17): who to renew before their next
activity. Built on ``volctl.roster.insurance.list_policies``: cover ending within the days
asked, for active volunteers, not already renewed by a policy that carries on after it."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from volctl.reports.common import Basis, Period, find_scope, memberships, phone
from volctl.roster import insurance


def expiring(
    conn: sqlite3.Connection,
    days: int,
    *,
    team: str | None = None,
    show_pii: bool = False,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """Policies ending from today to ``days`` days on, soonest first, with the volunteer's
    phone (masked unless ``show_pii``) and team: ``[{volunteer_no, name, phone, team,
    insurer, policy_no, start_on, end_on, days_left}]``."""
    today = today or date.today()
    insurance.check_days(days)
    policies = insurance.list_policies(conn, expiring_within=days, today=today)
    scope = find_scope(conn, team)
    basis = Basis(conn, Period(today, today, today), scope)
    found = {
        row["volunteer_no"]: row
        for row in conn.execute(
            "SELECT id, volunteer_no, phone FROM volunteers WHERE volunteer_no IN"
            " (SELECT value FROM json_each(?))",
            (json.dumps(sorted({p["volunteer_no"] for p in policies})),),
        )
    }
    if not scope.whole:
        held = memberships(conn, basis.period, team_ids=scope.team_ids or ())
        day = today.isoformat()
        members = {vid for vid, rows in held.items() if any(m.on(day) for m in rows)}
        policies = [p for p in policies if found[p["volunteer_no"]]["id"] in members]
    teams = basis.teams_of(found[p["volunteer_no"]]["id"] for p in policies)
    return [
        {
            "volunteer_no": p["volunteer_no"],
            "name": p["name"],
            "phone": phone(found[p["volunteer_no"]]["phone"], show_pii),
            "team": teams[found[p["volunteer_no"]]["id"]],
            "insurer": p["insurer"],
            "policy_no": p["policy_no"],
            "start_on": p["start_on"],
            "end_on": p["end_on"],
            "days_left": p["days_left"],
        }
        for p in policies
    ]

"""文明交通行为劝导志愿者名单 (001 附件3): the traffic-civility volunteers, sent up separately.

Seed 001 asks units to pick volunteers for 文明交通行为劝导 and report them on their own list.
The list holds the active volunteers who either

- have a service intention about traffic (any intention containing 交通, such as the built-in
  文明交通劝导), or
- served, in the period (``--from``/``--to``, ``--year``, default this year), on an activity whose
  category or title mentions 交通 (the built-in category 交通引导, an activity 文明交通劝导…),

within ``--team`` (and the teams under it) when given. Landscape A4 (rows are 1-based): 1 the
title; 2 填报单位（盖章） and 填报日期; 3 the header ``序号 | 姓名 | 性别 | 出生年月 | 政治面貌 |
工作单位及职务 | 身份证号码 | 手机 | 所属队伍 | 备注`` (repeated on every page); the volunteers by
number, 备注 saying why each is listed (a reason a line); ``--blank`` empty rows; a note of the
rule and period; ``填表人：… 联系电话：…``. The list is sent up to identify the volunteers
(seed 001: they report to the traffic police): identity numbers and mobiles in full unless
``--mask``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from volctl.forms.request import (
    FormRequest,
    add_blank_rows,
    birth_month,
    filled_by,
    person_columns,
    result,
    unit_and_position,
)
from volctl.roster.contact import contact_phone

TITLE = "文明交通行为劝导志愿者名单"
WORD = "交通"
FOOTER = "填表人：　　　　　　　　　　联系电话："

SIZE = 10.0  # eleven columns across landscape A4: each person on one line


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        *person_columns(
            "序号",
            "姓名",
            "性别",
            "出生年月",
            "政治面貌",
            "工作单位及职务",
            "身份证号码",
            "手机",
            size=SIZE,
        ),
        Column("所属队伍", 8, 28, size=SIZE),
        Column("备注", 12, 24, size=SIZE),
    ]


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms.layout import cn_date
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, open_table, styles
    from volctl.ledger.totals import hours

    first, last = request.period()
    on = request.as_of()
    team, people, team_names = volunteers(conn, request)
    rows: list[list[object]] = []
    for n, (person, intention, services, minutes) in enumerate(people, start=1):
        reasons = []
        if intention:
            reasons.append(f"意向：{intention}")
        if services:
            reasons.append(f"参加劝导{services}次，{hours(minutes):.1f}小时")
        rows.append(
            [
                n,
                person["name"],
                person["gender"] or "",
                birth_month(person),
                person["political_status"] or "",
                unit_and_position(person),
                request.id_number(person["id_number"]),
                request.phone(contact_phone(person)),
                "、".join(team_names.get(person["id"], [])),
                "\n".join(reasons),  # one reason a line
            ]
        )
    blank = add_blank_rows(rows, request, 10)

    scope = f"（{team['name']}及其下属队伍）" if team is not None else ""
    note = (
        f"注：名单为服务意向含“文明交通”的在册志愿者，以及{cn_date(first)}至"
        f"{cn_date(last)}参加文明交通劝导活动的在册志愿者{scope}。"
    )
    chosen = columns()
    with Paper(path, title=TITLE) as paper:
        sheet = open_table(
            paper,
            "劝导志愿者名单",
            chosen,
            rows,
            title=TITLE,
            stamp=filled_by(conn),
            dated=f"填报日期：{cn_date(request.today)}",
            landscape=True,
        )
        sheet.rows(rows, styles(chosen))
        sheet.line(note, min_height=24, keep_prev=1)
        close_table(sheet, FOOTER, keep=1)
    return result(
        path,
        TITLE,
        len(people),
        blank_rows=blank,
        team=team["name"] if team is not None else None,
        period=(first, last),
        as_of=on,
    )


Chosen = tuple[Any, list[tuple[sqlite3.Row, str, int, int]], dict[int, list[str]]]


def volunteers(conn: sqlite3.Connection, request: FormRequest) -> Chosen:
    """The team asked for (or None), the traffic-civility volunteers (within it) with why each
    is chosen, and each one's teams on the day: for the list and the registration form."""
    from volctl.forms.request import team_for

    first, last = request.period()
    on = request.as_of()
    team = team_for(conn, request) if request.team is not None else None
    people = _selected(conn, first.isoformat(), last.isoformat())
    if team is not None:
        from volctl.roster import teams

        inside = {row["id"] for row in teams.members_under(conn, team["name"], on)}
        people = [p for p in people if p[0]["id"] in inside]
    return team, people, _teams_of(conn, [p[0]["id"] for p in people], on)


def _selected(
    conn: sqlite3.Connection, first: str, last: str
) -> list[tuple[sqlite3.Row, str, int, int]]:
    """(volunteer, traffic intentions, services on traffic activities, their minutes)."""
    served = {
        row[0]: (row[1], row[2])
        for row in conn.execute(
            "SELECT e.volunteer_id, count(*), sum(e.minutes) FROM service_effective e"
            " JOIN activities a ON a.id = e.activity_id"
            " WHERE e.minutes > 0 AND e.service_date BETWEEN ? AND ?"
            " AND (instr(a.category, ?) > 0 OR instr(a.title, ?) > 0)"
            " GROUP BY e.volunteer_id",
            (first, last, WORD, WORD),
        )
    }
    chosen = []
    for person in conn.execute(
        "SELECT * FROM volunteers WHERE status = 'active' ORDER BY volunteer_no"
    ):
        intentions = [i for i in json.loads(person["intentions"]) if WORD in i]
        services, minutes = served.get(person["id"], (0, 0))
        if intentions or services:
            chosen.append((person, "、".join(intentions), services, minutes))
    return chosen


def _teams_of(conn: sqlite3.Connection, ids: list[int], on: Any) -> dict[int, list[str]]:
    day = on.isoformat()
    found: dict[int, list[str]] = {}
    for volunteer_id, name in conn.execute(
        "SELECT m.volunteer_id, t.name FROM memberships m JOIN teams t ON t.id = m.team_id"
        " WHERE m.volunteer_id IN (SELECT value FROM json_each(?))"
        " AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?) ORDER BY t.name",
        (json.dumps(ids), day, day),
    ):
        found.setdefault(volunteer_id, []).append(name)
    return found

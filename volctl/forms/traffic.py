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
number, 备注 saying why each is listed; ``--blank`` empty rows; a note of the rule and period;
``填表人：… 联系电话：…``.
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
    result,
    unit_and_position,
)
from volctl.roster.contact import contact_phone

TITLE = "文明交通行为劝导志愿者名单"
WORD = "交通"
HEADERS = (
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "政治面貌",
    "工作单位及职务",
    "身份证号码",
    "手机",
    "所属队伍",
    "备注",
)
MIN_WIDTHS = (6, 10, 6, 10, 12, 20, 21, 14, 14, 16)
MAX_WIDTHS = (6, 14, 6, 10, 14, 36, 22, 16, 28, 30)
# Row 1 the title, row 2 who fills it in and the date (page.form_sheet); then:
HEADER_ROW = 3
FOOTER = "填表人：　　　　　　　　　　联系电话："


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms import page
    from volctl.forms.request import team_for
    from volctl.ledger.totals import hours

    first, last = request.period()
    on = request.as_of()
    team = team_for(conn, request) if request.team is not None else None
    people = _selected(conn, first.isoformat(), last.isoformat())
    if team is not None:
        from volctl.roster import teams

        inside = {row["id"] for row in teams.members_under(conn, team["name"], on)}
        people = [p for p in people if p[0]["id"] in inside]
    team_names = _teams_of(conn, [p[0]["id"] for p in people], on)
    rows: list[list[object]] = []
    for n, (person, intention, services, minutes) in enumerate(people, start=1):
        reasons = []
        if intention:
            reasons.append(f"服务意向：{intention}")
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
                "；".join(reasons),
            ]
        )
    blank = add_blank_rows(rows, request, 10)

    wb, ws, widths = page.form_sheet(
        "劝导志愿者名单",
        TITLE,
        HEADERS,
        rows,
        stamp=filled_by(conn),
        filled_on=request.today,
        minimum=MIN_WIDTHS,
        maximum=MAX_WIDTHS,
        budget=page.LANDSCAPE_WIDTH,
    )
    columns = len(HEADERS)
    end = page.table(
        ws, HEADER_ROW, HEADERS, rows, widths, centred=(1, 3, 4, 5, 7, 8), min_height=26
    )
    scope = f"（{team['name']}及其下属队伍）" if team is not None else ""
    note = (
        f"注：名单为服务意向含“文明交通”的在册志愿者，以及{page.cn_date(first)}至"
        f"{page.cn_date(last)}参加文明交通劝导活动的在册志愿者{scope}。"
    )
    page.merged_line(ws, end, note, columns, height=24)
    page.wrap_line(ws, end, columns)
    footer_row = end + 2
    page.close_form(
        wb,
        ws,
        path,
        footer=FOOTER,
        footer_row=footer_row,
        columns=columns,
        header_row=HEADER_ROW,
        landscape=True,
        private=request.show_pii,
    )
    return result(
        path,
        TITLE,
        len(people),
        blank_rows=blank,
        team=team["name"] if team is not None else None,
        period=(first, last),
        as_of=on,
    )


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

"""表彰名单 (seed 002 二(五), 三(三); seed 001 六(二)): the year's commendations.

Seed 002 has the city commend advanced collectives and individuals each year (先进集体和个人,
优秀志愿者, 星级志愿者); seed 001 commends the units and people who stood out. The list holds
the commendations recorded (``volctl commend add``) for the year (``--year``, default this year),
individuals first, then collectives, by title: the honour, who (name and volunteer number, or
the team), their team or unit, who awarded it and when.

Portrait A4: the title ``{year}年度志愿服务表彰名单``, 填报单位（盖章） and 填报日期, the header
``序号 | 荣誉称号 | 姓名（集体） | 志愿者编号 | 所属队伍（单位） | 表彰单位 | 表彰日期 | 备注``
(repeated on every page), ``--blank`` numbered rows, then ``填表人：… 审核人：…``. A list meant
to be published: names and units only, no personal data.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.forms.request import FormRequest, add_blank_rows, filled_by, result

TITLE = "志愿服务表彰名单"
FOOTER = "填表人：　　　　　　　　　　审核人：　　　　　　　　　　联系电话："


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        Column("序号", 5, 6, centred=True),
        Column("荣誉称号", 9, 16),
        Column("姓名\n（集体）", 9, 22),
        Column("志愿者编号", 9, 10, centred=True),
        Column("所属队伍\n（单位）", 10, 24),
        Column("表彰单位", 8, 16),
        Column("表彰日期", 12, 15, centred=True, whole=True),
        Column("备注", 5, 12),
    ]


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms.layout import cn_date
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, open_table, styles

    year = request.year or request.today.year
    day = min(request.today.isoformat(), f"{year}-12-31")
    found = conn.execute(
        "SELECT c.*, v.name AS volunteer_name, v.volunteer_no, t.name AS team_name,"
        " (SELECT group_concat(tm.name, '、') FROM memberships m JOIN teams tm ON tm.id = m.team_id"
        "  WHERE m.volunteer_id = c.volunteer_id AND m.joined_on <= ?"
        "  AND (m.left_on IS NULL OR m.left_on > ?)) AS teams_of, v.employer"
        " FROM commendations c LEFT JOIN volunteers v ON v.id = c.volunteer_id"
        " LEFT JOIN teams t ON t.id = c.team_id WHERE c.year = ?"
        " ORDER BY c.volunteer_id IS NULL, c.title, v.volunteer_no, t.name",
        (day, day, year),
    ).fetchall()
    rows: list[list[object]] = []
    for n, c in enumerate(found, start=1):
        person = c["volunteer_id"] is not None
        rows.append(
            [
                n,
                c["title"],
                c["volunteer_name"] if person else c["team_name"],
                c["volunteer_no"] if person else "（集体）",
                (c["teams_of"] or c["employer"] or "") if person else "",
                c["awarded_by"] or "",
                cn_date(c["awarded_on"]),
                c["notes"] or "",
            ]
        )
    blank = add_blank_rows(rows, request, 8)
    chosen = columns()
    title = f"{year}年度{TITLE}"
    with Paper(path, title=title) as paper:
        sheet = open_table(
            paper,
            TITLE,
            chosen,
            rows,
            title=title,
            stamp=filled_by(conn),
            dated=f"填报日期：{cn_date(request.today)}",
        )
        sheet.rows(rows, styles(chosen))
        close_table(sheet, FOOTER)
    return result(path, title, len(found), blank_rows=blank)

"""志愿者队伍基本情况登记表 (001 附件2): a team's register, with its 负责人 and 联系人.

Seed 001 asks each unit to register its volunteer team (登记造册), name a responsible person and a
contact, and send the register up. Landscape A4 (rows are 1-based):

1. the title ``志愿者队伍基本情况登记表``;
2. ``填报单位（盖章）：{org}`` and ``填报日期：{today}``;
3–6. the team, as a bordered label/value grid: 队伍名称, 队伍层级, 所属单位; 负责人 and their
   phone, 服务基地; 联系人 and their phone, 队员人数; 成立日期, 办公电话, 上级队伍;
7. the header ``序号 | 姓名 | 性别 | 出生年月 | 政治面貌 | 文化程度 | 工作单位及职务 | 身份证号码 |
   手机 | 专业特长 | 备注`` (repeated on every printed page);
8. one row per member on the day (``--on``, the end of ``--year``, else today), leaders first;
   with ``--with-subteams`` the members of the teams under it follow, 备注 naming their team;
   then ``--blank`` numbered empty rows;
9. after a gap, ``负责人（签字）：… 填表人：… 联系电话：…``.

Identity numbers and mobiles (members', the responsible person's and the contact's) are masked
unless ``show_pii``; the team's office phone is printed as is.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.forms.request import (
    FormRequest,
    add_blank_rows,
    birth_month,
    filled_by,
    listed,
    result,
    team_for,
    team_members,
    unit_and_position,
)
from volctl.identity import display_phone
from volctl.roster.contact import contact_phone

TITLE = "志愿者队伍基本情况登记表"
HEADERS = (
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "政治面貌",
    "文化程度",
    "工作单位及职务",
    "身份证号码",
    "手机",
    "专业特长",
    "备注",
)
MIN_WIDTHS = (6, 10, 6, 10, 10, 10, 20, 21, 14, 12, 10)
MAX_WIDTHS = (6, 14, 6, 10, 14, 14, 36, 22, 16, 24, 22)
# Row 1 the title, row 2 who fills it in and the date (page.form_sheet); then:
GRID_ROW = 3
GRID_ROWS = 4
HEADER_ROW = GRID_ROW + GRID_ROWS
FOOTER = "负责人（签字）：　　　　　　　　　　填表人：　　　　　　　　　　联系电话："
# The grid's cells over the table's 11 columns: label, value, label, value, label, value.
SPANS = ((1, 2), (3, 5), (6, 6), (7, 7), (8, 8), (9, 11))


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms import page

    team = team_for(conn, request)
    on = request.as_of()
    members = team_members(conn, team, on, with_subteams=request.with_subteams)
    rows: list[list[object]] = []
    for n, member in enumerate(members, start=1):
        person = member.volunteer
        note = member.title if member.team == team["name"] else f"{member.team} {member.title}"
        rows.append(
            [
                n,
                person["name"],
                person["gender"] or "",
                birth_month(person),
                person["political_status"] or "",
                person["education"] or "",
                unit_and_position(person),
                request.id_number(person["id_number"]),
                request.phone(contact_phone(person)),
                listed(person["skills"]),
                note.strip(),
            ]
        )
    blank = add_blank_rows(rows, request, 11)

    wb, ws, widths = page.form_sheet(
        "队伍登记表",
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
    for offset, values in enumerate(_grid(team, len(members), request)):
        cells = [
            (first, last, text, i % 2 == 0)
            for i, ((first, last), text) in enumerate(zip(SPANS, values, strict=True))
        ]
        page.grid_row(ws, GRID_ROW + offset, cells, widths, min_height=28)
    end = page.table(
        ws, HEADER_ROW, HEADERS, rows, widths, centred=(1, 3, 4, 5, 6, 8, 9), min_height=26
    )
    footer_row = end + 1
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
        footer_height=36,
    )
    return result(path, TITLE, len(members), blank_rows=blank, team=team["name"], as_of=on)


def _grid(team: sqlite3.Row, count: int, request: FormRequest) -> list[tuple[str, ...]]:
    founded = team["founded_on"] or ""
    return [
        ("队伍名称", team["name"], "队伍层级", team["level"], "所属单位", team["unit"] or ""),
        (
            "负责人",
            team["leader_name"] or "",
            "联系电话",
            request.phone(team["leader_phone"]),
            "服务基地",
            team["base"] or "",
        ),
        (
            "联系人",
            team["contact_name"] or "",
            "联系电话",
            request.phone(team["contact_phone"]),
            "队员人数",
            f"{count} 人",
        ),
        (
            "成立日期",
            founded,
            "办公电话",
            display_phone(team["office_phone"]) or "",
            "上级队伍",
            team["parent_name"] or "",
        ),
    ]

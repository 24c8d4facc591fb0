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
9. after a gap, ``负责人（签字）：… 填表人：… 联系电话：…``, kept with the last rows.

The register identifies people to the level above: identity numbers and mobiles (members', the
responsible person's and the contact's) are printed in full unless ``--mask``; the team's office
phone is printed as is. Columns are balanced over the content (``volctl.forms.layout``).
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
    person_columns,
    result,
    team_for,
    team_members,
    unit_and_position,
)
from volctl.masking import display_phone
from volctl.roster.contact import contact_phone

TITLE = "志愿者队伍基本情况登记表"
FOOTER = "负责人（签字）：　　　　　　　　　　填表人：　　　　　　　　　　联系电话："
# The grid's cells over the table's 11 columns: label, value, label, value, label, value.
SPANS = ((1, 2), (3, 5), (6, 6), (7, 8), (9, 9), (10, 11))

SIZE = 10.0  # eleven columns across landscape A4: each person on one line


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        *person_columns("序号", "姓名", "性别", "出生年月", "政治面貌", size=SIZE),
        Column("文化程度", 9, 14, centred=True, size=SIZE),
        *person_columns("工作单位及职务", "身份证号码", "手机", size=SIZE),
        Column("专业特长", 10, 24, size=SIZE),
        Column("备注", 8, 22, size=SIZE),
    ]


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms.layout import HEAD, TEXT, Cell, cn_date
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, header, styles, widths

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
    chosen = columns()
    with Paper(path, title=TITLE) as paper:
        planned = widths(chosen, rows, landscape=True)
        sheet = paper.sheet("队伍登记表", planned, landscape=True)
        sheet.title(TITLE)
        sheet.two_part(filled_by(conn), f"填报日期：{cn_date(request.today)}")
        for values in _grid(team, len(members), request):
            cells = [
                Cell(text, span=last - first + 1, style=HEAD if i % 2 == 0 else TEXT)
                for i, ((first, last), text) in enumerate(zip(SPANS, values, strict=True))
            ]
            sheet.row(cells, TEXT, min_height=26, keep_next=True)
        header(sheet, chosen)
        sheet.rows(rows, styles(chosen))
        close_table(sheet, FOOTER)
    return result(path, TITLE, len(members), blank_rows=blank, team=team["name"], as_of=on)


def _grid(team: sqlite3.Row, count: int, request: FormRequest) -> list[tuple[str, ...]]:
    from volctl.forms.layout import cn_date

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
            cn_date(team["founded_on"]),
            "办公电话",
            display_phone(team["office_phone"]) or "",
            "上级队伍",
            team["parent_name"] or "",
        ),
    ]

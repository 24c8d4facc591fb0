"""The rosters of seed 004's annexes, one layout for three levels of the brigade.

平湖市社区志愿者服务大队 asks for three rosters (004 附件1–3): the 大队's deputies
(副大队长名册表, stamped by the city departments), each 中队's people (中队人员名册表, stamped
by the town or street) and each 分队's people (分队人员名册表, stamped by the village or
community). They share the original's columns ``序号 | 姓名 | 单位及职务 | 办公电话 | 手机`` and
its stamp line ("市级有关部门盖章："), under the title ``{team}{form}``; the team rosters add a
``备注`` column naming each leader's title (中队长, 副中队长) and, with ``--with-subteams``, the
team under it a member belongs to.

Layout (rows are 1-based): 1 the title; 2 the stamp line and 填报日期; 3 the header (repeated
on every printed page); the people, then ``--blank`` numbered empty rows (five when there is
nobody to list, so that the form can be filled in by hand); after a gap, ``填表人：… 联系电话：…``
(kept on the page of the last rows). Portrait A4, columns balanced over the content
(``volctl.forms.layout``). These rosters identify people to the level above: 手机 is printed in
full unless ``--mask``; 办公电话 is an office line and printed as is.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from volctl.forms.request import (
    FormRequest,
    Member,
    add_blank_rows,
    result,
    team_for,
    team_members,
    unit_and_position,
)
from volctl.masking import display_phone
from volctl.roster.contact import contact_phone

FOOTER = "填表人：　　　　　　　　　　联系电话："
# Row 1 the title, row 2 who fills it in and the date; then:
HEADER_ROW = 3


@dataclass(frozen=True)
class Layout:
    level: str  # the team level the form is for
    form: str  # appended to the team's name: 人员名册表
    stamp: str  # the stamp line as in the original
    deputies_only: bool = False  # 副大队长名册表: only the deputies, no 备注


def columns(deputies_only: bool) -> list[Any]:
    from volctl.forms.layout.table import Column

    found = [
        Column("序号", 5, 6, centred=True),
        Column("姓名", 8, 16),
        Column("单位及职务", 14, 44),
        Column("办公电话", 10, 18, centred=True),
        Column("手机", 10, 18, centred=True),
    ]
    return found if deputies_only else [*found, Column("备注", 8, 26)]


def write(
    conn: sqlite3.Connection, request: FormRequest, path: Path, layout: Layout
) -> dict[str, Any]:
    from volctl.forms import layout as paper_layout
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, open_table, styles

    team = team_for(conn, request, layout.level)
    on = request.as_of()
    members = team_members(conn, team, on, with_subteams=request.with_subteams)
    if layout.deputies_only:
        members = [m for m in members if m.role == "副队长" and m.team == team["name"]]
    chosen = columns(layout.deputies_only)
    rows = [_row(n, m, request, team["name"]) for n, m in enumerate(members, start=1)]
    blank = add_blank_rows(rows, request, 6)
    rows = [r[: len(chosen)] for r in rows]

    title = f"{team['name']}{layout.form}"
    with Paper(path, title=title) as paper:
        sheet = open_table(
            paper,
            layout.form,
            chosen,
            rows,
            title=title,
            stamp=layout.stamp,
            dated=f"填报日期：{paper_layout.cn_date(request.today)}",
        )
        sheet.rows(rows, styles(chosen))
        close_table(sheet, FOOTER)
    return result(path, title, len(members), blank_rows=blank, team=team["name"], as_of=on)


def _row(n: int, member: Member, request: FormRequest, team: str) -> list[object]:
    person = member.volunteer
    note = member.title
    if member.team != team:
        note = f"{member.team} {note}".strip()
    return [
        n,
        person["name"],
        unit_and_position(person),
        display_phone(person["office_phone"]) or "",
        request.phone(contact_phone(person)),
        note,
    ]

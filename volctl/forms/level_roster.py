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
nobody to list, so that the form can be filled in by hand); after a gap, ``填表人：… 联系电话：…``.
Portrait A4. 手机 is masked unless ``show_pii``; 办公电话 is an office line and printed as is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
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
from volctl.identity import display_phone
from volctl.roster.contact import contact_phone

HEADERS = ("序号", "姓名", "单位及职务", "办公电话", "手机")
MIN_WIDTHS = (6, 10, 26, 16, 15, 12)
MAX_WIDTHS = (6, 16, 44, 18, 18, 26)
# Row 1 the title, row 2 who fills it in and the date (page.form_sheet); then:
HEADER_ROW = 3
FOOTER = "填表人：　　　　　　　　　　联系电话："


@dataclass(frozen=True)
class Layout:
    level: str  # the team level the form is for
    form: str  # appended to the team's name: 人员名册表
    stamp: str  # the stamp line as in the original
    deputies_only: bool = False  # 副大队长名册表: only the deputies, no 备注


def write(
    conn: sqlite3.Connection, request: FormRequest, path: Path, layout: Layout
) -> dict[str, Any]:
    from volctl.forms import page

    team = team_for(conn, request, layout.level)
    on = request.as_of()
    members = team_members(conn, team, on, with_subteams=request.with_subteams)
    if layout.deputies_only:
        members = [m for m in members if m.role == "副队长" and m.team == team["name"]]
    headers: Sequence[str] = HEADERS if layout.deputies_only else (*HEADERS, "备注")
    rows = [_row(n, m, request, team["name"]) for n, m in enumerate(members, start=1)]
    blank = add_blank_rows(rows, request, len(headers))
    if layout.deputies_only:
        rows = [r[: len(headers)] for r in rows]

    title = f"{team['name']}{layout.form}"
    columns = len(headers)
    wb, ws, widths = page.form_sheet(
        layout.form,
        title,
        headers,
        rows,
        stamp=layout.stamp,
        filled_on=request.today,
        minimum=MIN_WIDTHS[:columns],
        maximum=MAX_WIDTHS[:columns],
    )
    end = page.table(ws, HEADER_ROW, headers, rows, widths, centred=(1, 4, 5), min_height=28)
    footer_row = end + 1
    page.close_form(
        wb,
        ws,
        path,
        footer=FOOTER,
        footer_row=footer_row,
        columns=columns,
        header_row=HEADER_ROW,
        private=request.show_pii,
    )
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

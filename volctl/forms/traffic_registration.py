"""文明交通行为劝导志愿者登记表 (seed 001 五(二)): what a unit carries to the traffic police.

Seed 001: besides sending the list of its traffic-civility volunteers (附件3, ``traffic``), each
unit's responsible person and contact report in person "持《文明交通行为劝导志愿者登记表》，通过
区文明办到区交警大队联系报到并适时参加业务培训". The registration form is that paper: the unit
(the team asked for, else the roster's organisation) with its responsible person and contact and
their phones, the number of volunteers, blank lines for the hours and crossings agreed on; then
the volunteers (chosen as for the list: a traffic service intention, or service on a traffic
activity in the period), each with what the police need to know them by and whether they have
had the 文明交通 training; last, room for the unit's opinion and seal, the 文明办's and the 交警
大队's.

Landscape A4. The form identifies the volunteers to the police: identity numbers and mobiles in
full unless ``--mask``.
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
    org_name,
    person_columns,
    result,
    unit_and_position,
)

TITLE = "文明交通行为劝导志愿者登记表"
TOPIC = "文明交通"
OPINION = "\n\n（盖章）\n年　　月　　日"

SIZE = 10.0  # eleven columns across landscape A4: each person on one line


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        *person_columns(
            "序号", "姓名", "性别", "出生年月", "政治面貌", "身份证号码", "手机", size=SIZE
        ),
        Column("工作单位及职务", 14, 36, size=SIZE),
        Column("文明交通\n培训", 9, 14, centred=True, size=SIZE, whole=True),
        Column("可参加\n劝导时间", 10, 22, size=SIZE),
        Column("备注", 6, 16, size=SIZE),
    ]


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms import traffic
    from volctl.forms.layout import HEAD, TEXT, Cell, Style, cn_date
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, header, styles, widths

    first, last = request.period()
    on = request.as_of()
    team, people, _teams = traffic.volunteers(conn, request)
    trained = _trained(conn, [p[0]["id"] for p in people])
    rows: list[list[object]] = []
    for n, (person, _intention, services, _minutes) in enumerate(people, start=1):
        rows.append(
            [
                n,
                person["name"],
                person["gender"] or "",
                birth_month(person),
                person["political_status"] or "",
                request.id_number(person["id_number"]),
                request.phone(person["phone"]),
                unit_and_position(person),
                trained.get(person["id"], "未参加"),
                person["availability"] or "",
                f"已参加劝导{services}次" if services else "",
            ]
        )
    blank = add_blank_rows(rows, request, 11)
    chosen = columns()
    unit = team["name"] if team is not None else org_name(conn)
    leader = team["leader_name"] if team is not None else ""
    contact = team["contact_name"] if team is not None else ""
    leader_phone = request.phone(team["leader_phone"]) if team is not None else ""
    contact_phone = request.phone(team["contact_phone"]) if team is not None else ""
    with Paper(path, title=TITLE) as paper:
        planned = widths(chosen, rows, landscape=True)
        sheet = paper.sheet("劝导志愿者登记表", planned, landscape=True)
        sheet.title(TITLE)
        sheet.two_part(filled_by(conn), f"填报日期：{cn_date(request.today)}")

        def grid(*cells: tuple[str, int, bool]) -> None:
            row = [Cell(text, span=n, style=HEAD if label else TEXT) for text, n, label in cells]
            sheet.row(row, TEXT, min_height=26, keep_next=True)

        grid(("报到单位", 2, True), (unit, 5, False), ("劝导志愿者", 2, True),
             (f"{len(people)} 人", 2, False))  # fmt: skip
        grid(("负责人", 2, True), (leader or "", 2, False), ("联系电话", 1, True),
             (leader_phone, 2, False), ("联络人", 1, True), (contact or "", 1, False),
             ("联系电话", 1, True), (contact_phone, 1, False))  # fmt: skip
        grid(("劝导时段", 2, True), ("", 5, False), ("劝导路口（地点）", 2, True), ("", 2, False))
        header(sheet, chosen)
        sheet.rows(rows, styles(chosen))
        note = (
            f"注：服务意向含“文明交通”的在册志愿者，及{cn_date(first)}至{cn_date(last)}"
            "参加过文明交通劝导活动的在册志愿者。"
        )
        sheet.line(note, Style(size=SIZE, border=False), keep_prev=1)
        opinion = Style(align="right")
        sheet.row(
            [
                Cell("单位意见", span=2, style=HEAD),
                Cell(OPINION, span=2, style=opinion),
                Cell("区文明办意见", span=2, style=HEAD),
                Cell(OPINION, span=2, style=opinion),
                Cell("交警大队\n意见", span=1, style=HEAD),
                Cell(OPINION, span=2, style=opinion),
            ],
            TEXT,
            min_height=72,
            keep_prev=1,
        )
        close_table(sheet, "填表人：　　　　　　　　　　联系电话：", keep=1)
    return result(
        path,
        TITLE,
        len(people),
        blank_rows=blank,
        team=team["name"] if team is not None else None,
        period=(first, last),
        as_of=on,
    )


def _trained(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """The day of each volunteer's latest 文明交通 training (2025年3月10日)."""
    import json

    from volctl.forms.layout import cn_date

    return {
        row[0]: cn_date(row[1])
        for row in conn.execute(
            "SELECT a.volunteer_id, max(t.date) FROM training_attendance a"
            " JOIN trainings t ON t.id = a.training_id"
            " WHERE t.topic = ? AND a.volunteer_id IN (SELECT value FROM json_each(?))"
            " GROUP BY a.volunteer_id",
            (TOPIC, json.dumps(ids)),
        )
    }

"""服务对象名册 (seed 002 三(四)): the register of the people the community serves.

Seed 002 asks each community to know whom it serves and to keep a register of them (明确服务
对象，建立服务对象名册); seed 003 names the groups (空巢老人, 留守儿童, 残障人士, 农民工,
困难职工…) and the pairing of volunteers with them (一助一, 多助一). The register lists the
beneficiaries on record on the day (``--on``, the end of ``--year``, else today), by group and
number: who they are, their needs, the family member to call, and the volunteers paired with
them that day.

Landscape A4: the title, 填报单位（盖章） and 填报日期, the header ``序号 | 编号 | 姓名 | 性别 |
出生年月 | 类别 | 联系电话 | 住址 | 服务需求 | 家属联系人 | 结对志愿者 | 帮扶方式 | 登记日期``
(repeated on every page), then ``--blank`` numbered rows and ``填表人：… 联系电话：…``. The register
stays in the community: phones, addresses and family contacts are masked unless
``--show-pii`` (a file with them in full is readable by its owner only).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.forms.request import FormRequest, add_blank_rows, filled_by, result

TITLE = "服务对象名册"
FOOTER = "填表人：　　　　　　　　　　联系电话："


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        Column("序号", 5, 6, centred=True),
        Column("编号", 8, 9, centred=True),
        Column("姓名", 7, 12),
        Column("性别", 5, 5, centred=True),
        Column("出生年月", 9, 11, centred=True, whole=True),
        Column("类别", 7, 12, centred=True),
        Column("联系电话", 10, 15, centred=True),
        Column("住址", 10, 24),
        Column("服务需求", 10, 26),
        Column("家属\n联系人", 9, 20),
        Column("结对\n志愿者", 9, 22),
        Column("帮扶\n方式", 6, 7, centred=True),
        Column("登记日期", 10, 14, centred=True, whole=True),
    ]


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms.layout import cn_date, cn_month
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, open_table, styles
    from volctl.roster.recipients import mode

    on = request.as_of()
    day = on.isoformat()
    paired: dict[int, list[str]] = {}
    for recipient_id, name in conn.execute(
        "SELECT p.recipient_id, v.name FROM pairings p JOIN volunteers v ON v.id = p.volunteer_id"
        " WHERE p.started_on <= ? AND (p.ended_on IS NULL OR p.ended_on > ?)"
        " ORDER BY p.started_on, v.volunteer_no",
        (day, day),
    ):
        paired.setdefault(recipient_id, []).append(name)
    people = conn.execute(
        "SELECT * FROM recipients WHERE registered_on <= ? AND status = 'active'"
        " ORDER BY group_name, recipient_no",
        (day,),
    ).fetchall()
    rows: list[list[object]] = []
    for n, person in enumerate(people, start=1):
        volunteers = paired.get(person["id"], [])
        family = request.personal(person["family_contact"])
        if person["family_phone"]:
            family = f"{family} {request.phone(person['family_phone'])}".strip()
        rows.append(
            [
                n,
                person["recipient_no"],
                person["name"],
                person["gender"] or "",
                cn_month(person["birth_date"]),
                person["group_name"],
                request.phone(person["phone"]),
                request.personal(person["address"], 6),
                person["needs"] or "",
                family,
                "、".join(volunteers),
                mode(len(volunteers)) or "",
                cn_date(person["registered_on"]),
            ]
        )
    blank = add_blank_rows(rows, request, 13)
    chosen = columns()
    with Paper(path, title=TITLE) as paper:
        sheet = open_table(
            paper,
            TITLE,
            chosen,
            rows,
            title=TITLE,
            stamp=filled_by(conn),
            dated=f"填报日期：{cn_date(request.today)}",
            info=[f"统计日期：{cn_date(on)}，在册服务对象 {len(people)} 人"],
            landscape=True,
        )
        sheet.rows(rows, styles(chosen))
        close_table(sheet, FOOTER)
    return result(path, TITLE, len(people), blank_rows=blank, as_of=on)

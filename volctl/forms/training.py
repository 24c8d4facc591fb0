"""志愿者培训记录 (seed 002 二(四), 三(二)): the training sessions of a period and who attended.

Seed 002 asks that volunteers be trained (志愿精神, 应急救护, 卫生保健, 环境保护, 法律常识,
文明交通, 文明礼仪, 防震减灾, 消防安全…), new recruits first (初次培训), and that it be on
record. The record lists the sessions of the period (``--from``/``--to``, ``--year``, default
this year) by date: what, which topic, how long, who taught it and where, how many attended and
who (by name), 备注 marking the initial training of new recruits. Training time is never service
time; the form says so.

Landscape A4: the title, 填报单位（盖章） and 填报日期, the period, the header ``序号 | 培训日期 |
培训名称 | 培训内容 | 学时（小时） | 授课人 | 培训地点 | 参训人数 | 参训人员 | 备注`` (repeated on
every page), ``--blank`` numbered rows, then ``填表人：… 审核人：…``. Names only: no personal
data.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.forms.request import FormRequest, add_blank_rows, filled_by, result

TITLE = "志愿者培训记录"
FOOTER = "填表人：　　　　　　　　　　审核人：　　　　　　　　　　联系电话："
NOTE = "注：培训时间另行记录，不计入志愿服务时长。"


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        Column("序号", 5, 6, centred=True),
        Column("培训日期", 13, 15, centred=True, whole=True),
        Column("培训名称", 12, 26),
        Column("培训内容", 8, 12, centred=True),
        Column("学时\n（小时）", 8.5, 9, centred=True),
        Column("授课人", 7, 12, centred=True),
        Column("培训地点", 9, 22),
        Column("参训\n人数", 6, 6, centred=True),
        Column("参训人员", 20, 60),
        Column("备注", 7, 14),
    ]


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms.layout import Hours, cn_date
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, open_table, styles

    first, last = request.period()
    names: dict[int, list[str]] = {}
    for training_id, name in conn.execute(
        "SELECT a.training_id, v.name FROM training_attendance a"
        " JOIN volunteers v ON v.id = a.volunteer_id JOIN trainings t ON t.id = a.training_id"
        " WHERE t.date BETWEEN ? AND ? ORDER BY v.volunteer_no",
        (first.isoformat(), last.isoformat()),
    ):
        names.setdefault(training_id, []).append(name)
    sessions = conn.execute(
        "SELECT * FROM trainings WHERE date BETWEEN ? AND ? ORDER BY date, training_no",
        (first.isoformat(), last.isoformat()),
    ).fetchall()
    rows: list[list[object]] = []
    for n, t in enumerate(sessions, start=1):
        attended = names.get(t["id"], [])
        notes = ["新志愿者初次培训" if t["initial"] else "", t["notes"] or ""]
        rows.append(
            [
                n,
                cn_date(t["date"]),
                t["title"],
                t["topic"],
                Hours(t["minutes"]),
                t["trainer"] or "",
                t["place"] or "",
                len(attended),
                "、".join(attended),
                "；".join(x for x in notes if x),
            ]
        )
    blank = add_blank_rows(rows, request, 10)
    chosen = columns()
    people = sum(len(v) for v in names.values())
    info = f"培训期间：{cn_date(first)}至{cn_date(last)}　　共 {len(sessions)} 次，{people} 人次"
    with Paper(path, title=TITLE) as paper:
        sheet = open_table(
            paper,
            TITLE,
            chosen,
            rows,
            title=TITLE,
            stamp=filled_by(conn),
            dated=f"填报日期：{cn_date(request.today)}",
            info=[info],
            landscape=True,
        )
        sheet.rows(rows, styles(chosen))
        sheet.line(NOTE, min_height=22, keep_prev=1)
        close_table(sheet, FOOTER, keep=1)
    return result(path, TITLE, len(sessions), blank_rows=blank, period=(first, last))

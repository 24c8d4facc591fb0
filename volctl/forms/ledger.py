"""志愿服务记录台账: the ledger of a period, one line per service record as it counts now.

Seed 002 asks that every volunteer's service be recorded after each activity (三(四)), seed 004
that every activity have its record (有记录); 志愿服务记录办法 says what a record holds. This is
that ledger on paper: each record at its latest correction, voided records left out, in date,
activity and volunteer order, for the period (``--from``/``--to``, ``--year``, default this
year), the activities of ``--team`` and the teams under it, or ``--volunteer``.

Landscape A4 in 小五 (9 pt), bound on the left: 1 the title ``志愿服务记录台账``; 2 填报单位（盖章）
and 填报日期; 3 the period and filters; 4 the header ``序号 | 日期 | 活动名称 | 服务地点 |
组织队伍 | 志愿者编号 | 姓名 | 服务时间 | 时长（小时） | 出勤 | 服务内容 | 服务对象 | 活动负责人 |
记录人 | 记录号 | 备注`` (repeated on every page); the records (时长 the exact minutes / 60
shown with one decimal, so that Excel's own sum of the cells is the 合计; 服务内容 what was done
(``listing.service_content``); 记录号 the number ``log-hours amend`` takes; 备注 the record's
notes and how often it was corrected). What an activity's records share (its date, title,
place, team, content, beneficiaries, leader, recorder) is merged down over them, so that long
names wrap within the block instead of making every row taller. Then a 合计 line (records,
people, 人次, hours, from the same minutes) and ``记录人：… 审核人：… 负责人（签字）：…``, kept with
the last rows.

The records are read and written one at a time: a year of a large team takes no more memory
than a month.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from volctl.errors import InvalidInput
from volctl.forms.request import FormRequest, filled_by, result

TITLE = "志愿服务记录台账"
SIZE = 9.0  # 小五: sixteen columns across landscape A4
FOOTER = "记录人：　　　　　　　　　　审核人：　　　　　　　　　　负责人（签字）："
ATTENDANCE = {
    "present": "出勤",
    "late": "迟到",
    "early_leave": "早退",
    "leave": "请假",
    "absent": "缺席",
}
MAX_ROWS = 1_048_000  # an Excel sheet's rows, less the title and the header
# Columns merged down over an activity's records where they agree (by index).
SHARED = (1, 2, 3, 4, 10, 11, 12, 13)
MAX_BLOCK = 40  # rows merged at most (an activity of hundreds is merged in blocks)


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        Column("序号", 4, 7, centred=True, size=SIZE),
        Column("日期", 10, 15, centred=True, size=SIZE, whole=True),
        Column("活动名称", 6, 14, size=SIZE),
        Column("服务\n地点", 5, 11, size=SIZE),
        Column("组织\n队伍", 5, 11, size=SIZE),
        Column("志愿者编号", 7, 10, centred=True, size=SIZE),
        Column("姓名", 5, 10, centred=True, size=SIZE),
        Column("服务时间", 9, 13, centred=True, size=SIZE),
        Column("时长\n（小时）", 7, 8, centred=True, size=SIZE),
        Column("出勤", 4, 6, centred=True, size=SIZE),
        Column("服务内容", 6, 14, size=SIZE),
        Column("服务\n对象", 5, 10, size=SIZE),
        Column("活动\n负责人", 5, 8, centred=True, size=SIZE),
        Column("记录人", 5, 8, centred=True, size=SIZE),
        Column("记录号", 5, 7, centred=True, size=SIZE),
        Column("备注", 7, 16, size=SIZE),
    ]


class _Totals:
    """The 合计, counted as the rows go by."""

    def __init__(self) -> None:
        self.records = self.services = self.minutes = 0
        self.people: set[int] = set()


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms.layout import Cell, Hours, Style, cn_date
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, sample, styles, widths
    from volctl.ledger import listing
    from volctl.roster import teams, volunteers

    first, last = request.period()
    chosen: dict[int, sqlite3.Row] = {}
    for ref in request.volunteers:
        person = volunteers.find(conn, ref)
        chosen.setdefault(person["id"], person)
    people = list(chosen.values())
    team = teams.find(conn, request.team) if request.team is not None else None
    filters = listing.Filters(date_from=first, date_to=last)
    inside = teams.descendants(conn, team["id"]) if team is not None else []
    ids = [p["id"] for p in people]
    found = _count(conn, first.isoformat(), last.isoformat(), inside, ids)
    if found > MAX_ROWS:
        raise InvalidInput(
            "export.too_many_rows", hint="hint.export_narrow_period", rows=found, limit=MAX_ROWS
        )
    totals = _Totals()
    records = listing.iter_effective(conn, filters, teams=inside, volunteers=ids)
    rows = _rows(conn, records, totals, cn_date, Hours, Cell)
    planned = columns()
    head, rows = sample(rows)
    flat = [[c.value if isinstance(c, Cell) else c for c in r] for r in head]
    # The largest numbers to come (序号 and 记录号 cannot wrap: Excel would print ####).
    (last_record,) = conn.execute("SELECT coalesce(max(id), 0) FROM service_records").fetchone()
    flat.append([found, *[""] * 13, last_record, ""])
    info = f"统计期间：{cn_date(first)}至{cn_date(last)}"
    if team is not None:
        info += f"　　组织队伍：{team['name']}及其下属队伍"
    if people:
        info += "　　志愿者：" + "、".join(f"{p['volunteer_no']} {p['name']}" for p in people)
    with Paper(path, title=TITLE) as paper:
        sheet = paper.sheet("服务记录台账", widths(planned, flat, landscape=True), landscape=True)
        sheet.title(TITLE)
        sheet.two_part(filled_by(conn), f"填报日期：{cn_date(request.today)}")
        sheet.line(info, min_height=22, keep_next=True)
        small_head = Style(size=SIZE, bold=True, align="center")
        sheet.row([c.header for c in planned], small_head, min_height=24, repeat=True,
                  keep_next=True)  # fmt: skip
        sheet.rows(rows, styles(planned))
        total = f"合计：{totals.records} 条记录，{len(totals.people)} 人，{totals.services} 人次"
        bold = Style(size=SIZE, bold=True, align="center")
        values = [Cell(total, span=8), Hours(totals.minutes), Cell("", span=7)]
        sheet.row(values, [bold, bold, bold], keep_prev=2)
        close_table(sheet, FOOTER, keep=1)
    return result(
        path,
        TITLE,
        totals.records,
        team=team["name"] if team is not None else None,
        period=(first, last),
    )


def _count(
    conn: sqlite3.Connection, first: str, last: str, inside: list[int], ids: list[int]
) -> int:
    import json

    # The rows of listing.iter_effective, counted from the chains alone: a chain that counts
    # holds its latest entry's date (the ledger's triggers keep it so), and its entries exist.
    sql = (
        "SELECT count(*) FROM service_chains c JOIN activities a ON a.id = c.activity_id"
        " WHERE c.voided = 0 AND c.service_date BETWEEN ? AND ?"
    )
    params: list[object] = [first, last]
    for column, chosen in (("a.team_id", inside), ("c.volunteer_id", ids)):
        if chosen:
            sql += f" AND {column} IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(chosen))
    return int(conn.execute(sql, params).fetchone()[0])


def _rows(
    conn: sqlite3.Connection,
    records: Any,
    totals: _Totals,
    cn_date: Any,
    hours: Any,
    cell: Any,
) -> Iterator[list[object]]:
    """The table's rows, an activity's records at a time (their shared cells merged down)."""
    from volctl.ledger.listing import service_content

    activity = {
        row[0]: (row[1] or "", row[2] or "")
        for row in conn.execute(
            "SELECT a.id, t.name, a.description FROM activities a"
            " LEFT JOIN teams t ON t.id = a.team_id"
        )
    }
    block: list[list[object]] = []
    key: tuple[str, int] | None = None
    for record in records:
        totals.records += 1
        if record["minutes"] > 0:
            totals.services += 1
            totals.people.add(record["volunteer_id"])
        totals.minutes += record["minutes"]
        team, description = activity.get(record["activity_id"], ("", ""))
        times = f"{record['start_time']}-{record['end_time']}" if record["start_time"] else ""
        notes = [record["notes"] or ""]
        if record["corrections"]:
            notes.append(f"更正{record['corrections']}次")
        row: list[object] = [
            totals.records,
            cn_date(record["service_date"]),
            record["activity_title"],
            record["place"] or "",
            team,
            record["volunteer_no"],
            record["name"],
            times,
            hours(record["minutes"]),
            ATTENDANCE.get(record["attendance"], record["attendance"]),
            service_content(record["content"], record["activity_title"], description),
            record["beneficiaries"] or "",
            record["leader"] or "",
            record["recorder"],
            record["record_id"],
            "；".join(x for x in notes if x),
        ]
        here = (record["service_date"], record["activity_id"])
        if here != key or len(block) >= MAX_BLOCK:
            yield from _merged(block, cell)
            block, key = [], here
        block.append(row)
    yield from _merged(block, cell)


def _merged(block: list[list[object]], cell: Any) -> Iterator[list[object]]:
    """An activity's rows with each shared column merged down over its runs of one value."""
    if len(block) > 1:
        for col in SHARED:
            start = 0
            for i in range(1, len(block) + 1):
                if i == len(block) or block[i][col] != block[start][col]:
                    if i - start > 1:
                        block[start][col] = cell(block[start][col], rows=i - start)
                        for j in range(start + 1, i):
                            block[j][col] = ""
                    start = i
    yield from block

"""志愿服务记录台账: the ledger of a period, one line per service record as it counts now.

Seed 002 asks that every volunteer's service be recorded after each activity (三(四)), seed 004
that every activity have its record (有记录); 志愿服务记录办法 says what a record holds. This is
that ledger on paper: each record at its latest correction, voided records left out, in date,
activity and volunteer order, for the period (``--from``/``--to``, ``--year``, default this
year), the activities of ``--team`` and the teams under it, or ``--volunteer``.

Landscape A4 (rows are 1-based): 1 the title ``志愿服务记录台账``; 2 填报单位（盖章） and 填报日期;
3 the period and filters; 4 the header ``序号 | 日期 | 活动名称 | 志愿者编号 | 姓名 | 服务时间 |
时长（小时） | 出勤 | 服务内容 | 服务对象 | 活动负责人 | 记录人 | 记录号 | 备注`` (repeated on every
page); the records (时长 the exact minutes / 60 shown with one decimal, so that Excel's own sum
of the cells is the 合计; 记录号 the number ``log-hours amend`` takes; 备注 the record's notes and
how often it was corrected); a 合计 line (records, people, 人次, hours, from the same minutes);
last ``记录人：… 审核人：… 负责人（签字）：…``.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from volctl.errors import InvalidInput
from volctl.forms.request import FormRequest, filled_by, result

TITLE = "志愿服务记录台账"
HEADERS = (
    "序号",
    "日期",
    "活动名称",
    "志愿者编号",
    "姓名",
    "服务时间",
    "时长\n（小时）",
    "出勤",
    "服务内容",
    "服务对象",
    "活动\n负责人",
    "记录人",
    "记录号",
    "备注",
)
MIN_WIDTHS = (7, 12, 16, 11, 9, 13, 9, 7, 16, 10, 9, 9, 8, 9)
MAX_WIDTHS = (8, 12, 30, 11, 13, 13, 9, 7, 36, 20, 13, 13, 9, 24)
# Row 1 the title, row 2 who fills it in and the date (page.form_sheet); then:
INFO_ROW, HEADER_ROW = 3, 4
FOOTER = "记录人：　　　　　　　　　　审核人：　　　　　　　　　　负责人（签字）："
ATTENDANCE = {
    "present": "出勤",
    "late": "迟到",
    "early_leave": "早退",
    "leave": "请假",
    "absent": "缺席",
}
MAX_ROWS = 1_048_000  # an Excel sheet's rows, less the title and the header


def _records(
    conn: sqlite3.Connection,
    first: date,
    last: date,
    team: sqlite3.Row | None,
    people: list[sqlite3.Row],
) -> list[sqlite3.Row]:
    """The records that count in the period, of the team's activities and/or the people: read
    through the ledger's indexes (per volunteer, per activity), not the whole period."""
    from volctl.ledger import records
    from volctl.roster import teams

    def effective(**only: int) -> list[sqlite3.Row]:
        return records.effective(conn, records.Filters(date_from=first, date_to=last, **only))

    if team is None and not people:
        return effective()
    organised: set[int] = set()
    if team is not None:
        inside = json.dumps(teams.descendants(conn, team["id"]))
        organised = {
            row[0]
            for row in conn.execute(
                "SELECT id FROM activities WHERE team_id IN (SELECT value FROM json_each(?))",
                (inside,),
            )
        }
    if people:
        found = [r for p in people for r in effective(volunteer_id=p["id"])]
        if team is not None:
            found = [r for r in found if r["activity_id"] in organised]
    else:
        found = [r for activity in sorted(organised) for r in effective(activity_id=activity)]
    # The ledger's own order (records.effective): date, activity, volunteer, record.
    found.sort(
        key=lambda r: (r["service_date"], r["activity_no"], r["volunteer_no"], r["record_id"])
    )
    return found


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms import page
    from volctl.roster import teams, volunteers

    first, last = request.period()
    chosen: dict[int, sqlite3.Row] = {}
    for ref in request.volunteers:
        person = volunteers.find(conn, ref)
        chosen.setdefault(person["id"], person)
    people = list(chosen.values())
    team = teams.find(conn, request.team) if request.team is not None else None
    found = _records(conn, first, last, team, people)
    if len(found) > MAX_ROWS:
        raise InvalidInput(
            "export.too_many_rows",
            hint="hint.export_narrow_period",
            rows=len(found),
            limit=MAX_ROWS,
        )
    rows: list[list[object]] = []
    for n, record in enumerate(found, start=1):
        times = f"{record['start_time']}-{record['end_time']}" if record["start_time"] else ""
        notes = [record["notes"] or ""]
        if record["corrections"]:
            notes.append(f"更正{record['corrections']}次")
        rows.append(
            [
                n,
                record["service_date"],
                record["activity_title"],
                record["volunteer_no"],
                record["name"],
                times,
                page.Hours(record["minutes"]),
                ATTENDANCE.get(record["attendance"], record["attendance"]),
                record["content"] or "",
                record["beneficiaries"] or "",
                record["leader"] or "",
                record["recorder"],
                record["record_id"],
                "；".join(x for x in notes if x),
            ]
        )
    minutes = sum(r["minutes"] for r in found)
    services = sum(1 for r in found if r["minutes"] > 0)
    serving = len({r["volunteer_id"] for r in found if r["minutes"] > 0})

    wb, ws, widths = page.form_sheet(
        "服务记录台账",
        TITLE,
        HEADERS,
        rows[:2000],  # the widths from a sample: a year's ledger has tens of thousands of rows
        stamp=filled_by(conn),
        filled_on=request.today,
        minimum=MIN_WIDTHS,
        maximum=MAX_WIDTHS,
        budget=page.LANDSCAPE_WIDTH,
    )
    columns = len(HEADERS)
    info = f"统计期间：{page.cn_date(first)}至{page.cn_date(last)}"
    if team is not None:
        info += f"　　组织队伍：{team['name']}及其下属队伍"
    if people:
        info += "　　志愿者：" + "、".join(f"{p['volunteer_no']} {p['name']}" for p in people)
    page.merged_line(ws, INFO_ROW, info, columns, height=24)
    page.wrap_line(ws, INFO_ROW, columns)
    end = page.table(
        ws, HEADER_ROW, HEADERS, rows, widths, centred=(1, 2, 4, 6, 7, 8, 13), min_height=24
    )
    total = f"合计：{len(found)} 条记录，{serving} 人，{services} 人次"
    values = [total, "", "", "", "", "", page.Hours(minutes), *[""] * 7]
    page.table_row(ws, end, values, height=26, centred=(7,))
    ws.merge_cells(start_row=end, start_column=1, end_row=end, end_column=6)
    ws.cell(row=end, column=1).font = page.body_font(bold=True)
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
    )
    return result(
        path,
        TITLE,
        len(found),
        team=team["name"] if team is not None else None,
        period=(first, last),
    )

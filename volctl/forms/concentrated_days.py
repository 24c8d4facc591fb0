"""集中活动日安排表 (001 附件5): the year's concentrated service days and what each team does.

Seed 001 makes the Saturday of each month's third week the concentrated service day and lists
the days in its annex 5. The days come from a schedule rule (``--rule``; by default the rule of
the roster's concentrated-day series that year, ``third-week-saturday`` or ``third-saturday``,
else ``third-saturday``); each day lists the activities planned or held on it (by every team, or
``--team`` and the teams under it), one row each, or one empty row to fill in by hand.

Landscape A4 (rows are 1-based): 1 the title ``{year}年志愿服务集中活动日安排表``;
2 填报单位（盖章） and 填报日期; 3 the rule and the number of days; 4 the header
``序号 | 日期 | 星期 | 活动主题 | 服务类别 | 组织队伍 | 活动地点 | 活动时间 | 负责人 | 备注``
(repeated on every page); the days, with 序号, 日期 and 星期 merged over a day's rows; 备注 says
held (已开展) or cancelled (已取消, why) and flags a public holiday or a make-up working day;
last ``填表人：… 联系电话：…``.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from volctl.forms.request import FormRequest, filled_by, result

WEEKDAYS = "一二三四五六日"
HEADERS = (
    "序号",
    "日期",
    "星期",
    "活动主题",
    "服务类别",
    "组织队伍",
    "活动地点",
    "活动时间",
    "负责人",
    "备注",
)
MIN_WIDTHS = (6, 16, 7, 12, 10, 12, 12, 13, 8, 10)
MAX_WIDTHS = (6, 16, 8, 32, 14, 30, 30, 13, 12, 30)
# Row 1 the title, row 2 who fills it in and the date (page.form_sheet); then:
INFO_ROW, HEADER_ROW = 3, 4
FOOTER = "填表人：　　　　　　　　　　联系电话："
MONTHLY_PRESETS = ("third-week-saturday", "third-saturday")


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms import page
    from volctl.ledger import activities, schedule

    year = request.year or request.today.year
    first, last = date(year, 1, 1), date(year, 12, 31)
    rule = _rule(conn, request, year)
    days = schedule.dates(rule, first, last)
    team = None
    if request.team is not None:
        from volctl.roster import teams

        team = teams.find(conn, request.team)
    by_day: dict[str, list[sqlite3.Row]] = {}
    for row in activities.list_activities(
        conn, first=first, last=last, team=team["name"] if team is not None else None
    ):
        by_day.setdefault(row["date"], []).append(row)
    flags = schedule.check_days(conn, days).flags

    rows: list[list[object]] = []
    spans: list[tuple[int, int]] = []  # (first data row index, rows) of each day
    listed = empty = 0
    for n, day in enumerate(days, start=1):
        flag = flags.get(day)
        holiday = ""
        if flag is not None:
            holiday = f"{flag.name}（{'放假' if flag.kind == 'holiday' else '调休上班'}）"
        items = by_day.get(day.isoformat(), [])
        listed += len(items)
        start = len(rows)
        head = [n, page.cn_date(day), f"星期{WEEKDAYS[day.weekday()]}"]
        if not items:
            empty += 1
            rows.append([*head, "", "", "", "", "", "", holiday])
        for item in items:
            times = f"{item['start_time']}-{item['end_time']}" if item["start_time"] else ""
            notes = [_status(item), holiday]
            rows.append(
                [
                    *head,
                    item["title"],
                    item["category"],
                    item["team_name"] or "",
                    item["place"] or "",
                    times,
                    item["leader_name"] or "",
                    "；".join(x for x in notes if x),
                ]
            )
        spans.append((start, len(rows) - start))

    title = f"{year}年志愿服务集中活动日安排表"
    wb, ws, widths = page.form_sheet(
        "集中活动日安排表",
        title,
        HEADERS,
        rows,
        stamp=filled_by(conn),
        filled_on=request.today,
        minimum=MIN_WIDTHS,
        maximum=MAX_WIDTHS,
        budget=page.LANDSCAPE_WIDTH,
    )
    columns = len(HEADERS)
    label = rule.preset.label if rule.preset is not None else rule.rrule
    info = f"集中活动日：{label}，全年共 {len(days)} 天"
    if team is not None:
        info += f"　　组织队伍：{team['name']}及其下属队伍"
    page.merged_line(ws, INFO_ROW, info, columns, height=24)
    end = page.table(ws, HEADER_ROW, HEADERS, rows, widths, centred=(1, 2, 3, 5, 8), min_height=26)
    for start, count in spans:
        if count > 1:
            top = HEADER_ROW + 1 + start
            for column in (1, 2, 3):
                ws.merge_cells(
                    start_row=top, start_column=column, end_row=top + count - 1, end_column=column
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
    )
    return result(
        path,
        title,
        listed,
        blank_rows=empty,
        team=team["name"] if team is not None else None,
        period=(first, last),
    )


def _rule(conn: sqlite3.Connection, request: FormRequest, year: int) -> Any:
    """``--rule``, else the monthly preset the roster's series use most that year."""
    from volctl.ledger import schedule

    if request.rule is not None:
        return schedule.resolve(request.rule)
    counts = {
        name: conn.execute(
            "SELECT count(*) FROM activities WHERE series_key LIKE ? AND date BETWEEN ? AND ?",
            (f"{name}|%", f"{year}-01-01", f"{year}-12-31"),
        ).fetchone()[0]
        for name in MONTHLY_PRESETS
    }
    best = max(MONTHLY_PRESETS, key=lambda name: counts[name])
    return schedule.resolve(best if counts[best] else "third-saturday")


def _status(activity: sqlite3.Row) -> str:
    if activity["status"] == "cancelled":
        reason = activity["status_reason"]
        return f"已取消（{reason}）" if reason else "已取消"
    return "已开展" if activity["status"] == "held" else ""

"""集中活动日安排表 (001 附件5): the year's concentrated service days and what each team does.

Seed 001 makes the Saturday of each month's third week the concentrated service day and lists
the days in its annex 5. The days come from a schedule rule (``--rule``; by default the rule of
the roster's concentrated-day series that year, ``third-week-saturday`` or ``third-saturday``,
else ``third-saturday``); each day lists the activities planned or held on it (by every team, or
``--team`` and the teams under it), one row each, or one empty row to fill in by hand.

Landscape A4 (rows are 1-based): 1 the title ``{year}年志愿服务集中活动日安排表``;
2 填报单位（盖章） and 填报日期; 3 the rule and the number of days; 4 the header
``序号 | 日期 | 星期 | 活动主题 | 服务类别 | 组织队伍 | 活动地点 | 活动时间 | 负责人 | 备注``
(repeated on every page); the days, with 序号, 日期 and 星期 merged over a day's rows (kept on
one page); 负责人 is the activity's leader, else its team's responsible person; 备注 says held
(已开展) or cancelled (已取消, why) and flags a public holiday or a make-up working day; last
``填表人：… 联系电话：…``.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from volctl.forms.request import FormRequest, filled_by, result

WEEKDAYS = "一二三四五六日"
FOOTER = "填表人：　　　　　　　　　　联系电话："
MONTHLY_PRESETS = ("third-week-saturday", "third-saturday")


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        Column("序号", 5, 6, centred=True),
        Column("日期", 14, 17, centred=True, whole=True),
        Column("星期", 7, 8, centred=True, whole=True),
        Column("活动主题", 12, 32),
        Column("服务类别", 9, 14, centred=True),
        Column("组织队伍", 12, 30),
        Column("活动地点", 12, 30),
        Column("活动时间", 12, 13, centred=True),
        Column("负责人", 8, 12, centred=True),
        Column("备注", 10, 30),
    ]


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms.layout import Cell, cn_date
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, open_table, styles
    from volctl.ledger import activities, recurrence, schedule

    year = request.year or request.today.year
    first, last = date(year, 1, 1), date(year, 12, 31)
    rule = _rule(conn, request, year)
    days = recurrence.dates(rule, first, last)
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
    leaders = _team_leaders(conn)

    rows: list[list[object]] = []
    listed = empty = 0
    for n, day in enumerate(days, start=1):
        flag = flags.get(day)
        holiday = ""
        if flag is not None:
            holiday = f"{flag.name}（{'放假' if flag.kind == 'holiday' else '调休上班'}）"
        items = by_day.get(day.isoformat(), [])
        listed += len(items)
        down = max(1, len(items))
        head: list[object] = [
            Cell(n, rows=down),
            Cell(cn_date(day), rows=down),
            Cell(f"星期{WEEKDAYS[day.weekday()]}", rows=down),
        ]
        if not items:
            empty += 1
            rows.append([*head, "", "", "", "", "", "", holiday])
        for k, item in enumerate(items):
            times = f"{item['start_time']}-{item['end_time']}" if item["start_time"] else ""
            notes = [_status(item), holiday]
            rows.append(
                [
                    *(head if k == 0 else ["", "", ""]),
                    item["title"],
                    item["category"],
                    item["team_name"] or "",
                    item["place"] or "",
                    times,
                    item["leader_name"] or leaders.get(item["team_id"], ""),
                    "；".join(x for x in notes if x),
                ]
            )

    title = f"{year}年志愿服务集中活动日安排表"
    label = rule.preset.label if rule.preset is not None else rule.rrule
    info = f"集中活动日：{label}，全年共 {len(days)} 天"
    if team is not None:
        info += f"　　组织队伍：{team['name']}及其下属队伍"
    chosen = columns()
    sample = [[c.value if isinstance(c, Cell) else c for c in r] for r in rows]
    with Paper(path, title=title) as paper:
        sheet = open_table(
            paper,
            "集中活动日安排表",
            chosen,
            sample,
            title=title,
            stamp=filled_by(conn),
            dated=f"填报日期：{cn_date(request.today)}",
            info=[info],
            landscape=True,
        )
        sheet.rows(rows, styles(chosen))
        close_table(sheet, FOOTER)
    return result(
        path,
        title,
        listed,
        blank_rows=empty,
        team=team["name"] if team is not None else None,
        period=(first, last),
    )


def _team_leaders(conn: sqlite3.Connection) -> dict[int, str]:
    """Each team's responsible person (负责人), for the activities without a leader of their
    own."""
    return {
        row[0]: row[1]
        for row in conn.execute(
            "SELECT t.id, v.name FROM teams t JOIN volunteers v ON v.id = t.leader_id"
        )
    }


def _rule(conn: sqlite3.Connection, request: FormRequest, year: int) -> Any:
    """``--rule``, else the monthly preset the roster's series use most that year."""

    from volctl.ledger import recurrence

    if request.rule is not None:
        return recurrence.resolve(request.rule)
    counts = {
        name: conn.execute(
            "SELECT count(*) FROM activities WHERE series_key LIKE ? AND date BETWEEN ? AND ?",
            (f"{name}|%", f"{year}-01-01", f"{year}-12-31"),
        ).fetchone()[0]
        for name in MONTHLY_PRESETS
    }
    best = max(MONTHLY_PRESETS, key=lambda name: counts[name])
    return recurrence.resolve(best if counts[best] else "third-saturday")


def _status(activity: sqlite3.Row) -> str:
    if activity["status"] == "cancelled":
        reason = activity["status_reason"]
        return f"已取消（{reason}）" if reason else "已取消"
    return "已开展" if activity["status"] == "held" else ""

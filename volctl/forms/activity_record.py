"""志愿服务活动记录 (seed 004, 002 三(四)): one activity on one page, with its summary.

Seed 004: "每次活动各地都要做到有记录、有总结"; seed 002 asks for a record of every activity held
(活动开展记录，包括图片和文字). The record is filled from the activity and its service records:
its number, title, date and time, place, category and theme, the team that organised it and
its leader; whom it served (the beneficiary group and the people counted with ``activity
serve``); who took part (by name, with those on leave or absent said apart), and the hours
served; what was done (the activity's description) and its results (活动总结, set with
``volctl activity update ACT --summary TEXT``); room to paste photos; the recorder's and the
reviewer's signatures.

Which activities: ``--activity`` (repeatable), else every activity held in the period
(``--from``/``--to``, ``--year``, default this year), organised by ``--team`` and the teams
under it when given. One sheet per activity, each numbering its own pages. Names only: no
personal data.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from volctl.errors import InvalidInput, Where
from volctl.forms.request import FormRequest, filled_by, result

TITLE = "志愿服务活动记录"
WIDTHS = (11.0, 16.0, 11.0, 16.0, 11.0, 15.5)  # label, value: three pairs across portrait A4
PHOTOS = "（粘贴活动照片）"
ABSENT = {"leave": "请假", "absent": "缺席"}


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms.layout.paper import Paper

    chosen = _chosen(conn, request)
    with Paper(path, title=TITLE, per_sheet_numbers=True) as paper:
        for activity in chosen:
            sheet = paper.sheet(_sheet_name(activity), WIDTHS)
            _sheet(sheet, conn, activity)
    period = request.period() if not request.activities else None
    return result(path, TITLE, len(chosen), sheets=len(chosen), period=period)


def _chosen(conn: sqlite3.Connection, request: FormRequest) -> list[sqlite3.Row]:
    from volctl.ledger import activities

    if request.activities:
        found: dict[int, sqlite3.Row] = {}
        for ref in request.activities:
            row = activities.find(conn, ref)
            found.setdefault(row["id"], activities.get(conn, row["id"]))
        return list(found.values())
    first, last = request.period()
    held = activities.list_activities(
        conn, first=first, last=last, team=request.team, status="held"
    )
    if not held:
        raise InvalidInput(
            "export.no_activities",
            hint="hint.export_activities",
            where=Where(field="year"),
            first=first.isoformat(),
            last=last.isoformat(),
        )
    return held


def _sheet_name(activity: sqlite3.Row) -> str:
    name = f"{activity['activity_no']} {activity['title']}"
    for bad in "[]:*?/\\'":
        name = name.replace(bad, "")
    return name[:31]


def _served(conn: sqlite3.Connection, activity: sqlite3.Row) -> str:
    """Whom the activity served: its beneficiary group, and the people counted by group."""
    counted = conn.execute(
        "SELECT group_name, sum(people) FROM activity_beneficiaries"
        " WHERE activity_id = ? AND withdrawn_at IS NULL GROUP BY group_name ORDER BY min(id)",
        (activity["id"],),
    ).fetchall()
    parts = [f"{group} {people} 人次" for group, people in counted]
    if activity["beneficiary_group"] and not any(
        activity["beneficiary_group"] == group for group, _ in counted
    ):
        parts.insert(0, activity["beneficiary_group"])
    return "；".join(parts)


def _sheet(sheet: Any, conn: sqlite3.Connection, act: sqlite3.Row) -> None:
    from volctl.forms.layout import HEAD, TEXT, Cell, Style, cn_date
    from volctl.ledger import listing
    from volctl.ledger.totals import hours

    records = listing.effective(conn, listing.Filters(activity_id=act["id"]))
    present = [r for r in records if r["minutes"] > 0]
    away = [
        f"{r['name']}（{ABSENT[r['attendance']]}）"
        for r in records
        if r["minutes"] == 0 and r["attendance"] in ABSENT
    ]
    minutes = sum(r["minutes"] for r in records)
    taking_part = f"共 {len(present)} 人：" + "、".join(r["name"] for r in present)
    if not present:
        taking_part = "（无服务记录）"
    if away:
        taking_part += "\n未参加：" + "、".join(away)
    recorders = sorted({r["recorder"] for r in records if r["recorder"]})
    times = f"{act['start_time']}-{act['end_time']}" if act["start_time"] else ""

    def label(text: str) -> Cell:
        return Cell(text, style=HEAD)

    def value(text: object, span: int = 1) -> Cell:
        return Cell(text if text is not None else "", span=span, style=TEXT)

    sheet.title(TITLE)
    sheet.two_part(filled_by(conn), f"填报日期：{cn_date(date.today())}")
    theme = act["theme"] or ""
    grid: list[tuple[list[Cell], float]] = [
        (
            [
                label("活动名称"),
                value(act["title"], 3),
                label("活动编号"),
                Cell(act["activity_no"], style=Style(align="center")),
            ],
            30,
        ),
        (
            [
                label("活动日期"),
                value(cn_date(act["date"])),
                label("活动时间"),
                value(times),
                label("服务类别"),
                value(act["category"]),
            ],
            30,
        ),
        ([label("活动地点"), value(act["place"], 3), label("活动主题"), value(theme)], 30),
        (
            [
                label("组织队伍"),
                value(act["team_name"], 3),
                label("活动负责人"),
                value(act["leader_name"]),
            ],
            30,
        ),
        ([label("服务对象"), value(_served(conn, act), 5)], 30),
        ([label("参加人员"), value(taking_part, 5)], 44),
        (
            [
                label("服务时长"),
                value(f"合计 {hours(minutes):.1f} 小时（{len(present)} 人次）", 5),
            ],
            30,
        ),
        ([label("活动内容"), value(act["description"], 5)], 60),
        ([label("活动成效\n与总结"), value(act["summary"], 5)], 120),
        (
            [label("活动照片"), Cell(PHOTOS, span=5, style=Style(align="center", valign="top"))],
            170,
        ),
    ]
    for cells, height in grid:
        sheet.row(cells, TEXT, min_height=height)
    sheet.gap(10, keep_prev=1)
    recorder = "、".join(recorders) or "　" * 5
    footer = f"记录人：{recorder}　　　　审核人：　　　　　　　　记录日期：　　年　　月　　日"
    sheet.line(footer, min_height=28, keep_prev=1)

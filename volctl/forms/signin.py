"""The activity sign-in sheet (签到表), pre-filled from the roster, ready for A4.

Its layout is an interface: ``log-hours import`` reads the filled-in sheet back, so keep it
exactly (rows are 1-based):

1. the title ``{活动名称} 签到表``, merged and centred;
2. ``活动编号：{activity_no}　日期：{date}　时间：{start}-{end}　地点：{place}　组织队伍：{team}``
   (ideographic spaces between the parts; an unknown part is left empty; the date written
   2025年3月15日);
3. the header ``序号 | 志愿者编号 | 姓名 | 手机 | 签到时间 | 签退时间 | 签名 | 备注``, repeated on
   every printed page;
4. one row per signed-up volunteer, in signup order (手机 masked as 138****5678 unless
   ``show_pii``), then blank rows for walk-ins (their 序号 filled in);
5. after the table, the line ``活动负责人：　　　　记录人：``.

Every cell but 序号 is text, so the numbers and times written on it come back as written.
Rows are tall enough to sign in (1 cm); the columns fit portrait A4 at full size.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.errors import Conflict
from volctl.masking import display_phone, mask_phone
from volctl.roster.contact import contact_phone

HEADERS = ("序号", "志愿者编号", "姓名", "手机", "签到时间", "签退时间", "签名", "备注")
TITLE_ROW, INFO_ROW, HEADER_ROW = 1, 2, 3
FOOTER_TEXT = "活动负责人：　　　　记录人："
SPACE = "\u3000"  # ideographic space
ROW_HEIGHT = 28.0  # room to sign


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        Column("序号", 5, 6, centred=True),
        Column("志愿者编号", 9, 12, centred=True),
        Column("姓名", 8, 20),
        Column("手机", 10, 16, centred=True),
        Column("签到时间", 9, 12, centred=True),
        Column("签退时间", 9, 12, centred=True),
        Column("签名", 10, 22),
        Column("备注", 6, 20),
    ]


def info_line(activity: sqlite3.Row | dict[str, Any]) -> str:
    from volctl.forms.layout import cn_date

    time = f"{activity['start_time']}-{activity['end_time']}" if activity["start_time"] else ""
    parts = (
        f"活动编号：{activity['activity_no']}",
        f"日期：{cn_date(activity['date'])}",
        f"时间：{time}",
        f"地点：{activity['place'] or ''}",
        f"组织队伍：{activity['team_name'] or ''}",
    )
    return SPACE.join(parts)


def write(
    conn: sqlite3.Connection,
    ref: str,
    path: Path,
    *,
    blank_rows: int = 5,
    show_pii: bool = False,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Write the sign-in sheet of activity ``ref`` to ``path`` (.xlsx). An existing file is
    refused unless ``overwrite`` (it may be a sheet already signed); with ``show_pii`` (phones
    in full) the file is readable by its owner only."""
    from volctl import files
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import close_table, header, styles, widths
    from volctl.ledger import activities, signups

    if not overwrite:
        files.check_target(path, overwrite=False)
    found = activities.find(conn, ref)
    activity = activities.get(conn, found["id"])
    if activity["status"] == "cancelled":
        raise Conflict(
            "activity.is_cancelled", activity_no=activity["activity_no"], title=activity["title"]
        )
    people = signups.roster_of(conn, activity["id"])
    rows: list[list[object]] = []
    for n, person in enumerate(people, start=1):
        phone = (display_phone if show_pii else mask_phone)(contact_phone(person))
        rows.append([n, person["volunteer_no"], person["name"], phone or "", "", "", "", ""])
    for n in range(len(people) + 1, len(people) + blank_rows + 1):
        rows.append([n, "", "", "", "", "", "", ""])
    chosen = columns()
    with Paper(path, overwrite=overwrite, title="签到表") as paper:
        sheet = paper.sheet("签到表", widths(chosen, rows))
        sheet.title(f"{activity['title']} 签到表")
        sheet.line(info_line(activity), min_height=22, keep_next=True)
        header(sheet, chosen)
        sheet.rows(rows, styles(chosen), min_height=ROW_HEIGHT)
        close_table(sheet, FOOTER_TEXT)
    return {
        "activity_no": activity["activity_no"],
        "path": str(path),
        "volunteers": len(people),
        "blank_rows": blank_rows,
    }

"""Factories for the ledger tests: activities and rosters on the real roster file, and
sign-in sheets filled in the way a clerk fills them.

Activities are written with SQL until the activity commands (issue 4) are merged; the
sign-in sheet follows the layout agreed with ``volctl activity sheet``: title rows, an
``活动编号：`` line, the header ``序号 | 志愿者编号 | 姓名 | 手机 | 签到时间 | 签退时间 | 签名 |
备注``, one row per volunteer, blank rows, and the ``活动负责人：… 记录人：…`` footer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, time
from pathlib import Path
from typing import Any

HEADER = ("序号", "志愿者编号", "姓名", "手机", "签到时间", "签退时间", "签名", "备注")


def connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


def volunteer_id(db: Path, volunteer_no: str) -> int:
    with connect(db) as conn:
        return int(
            conn.execute(
                "SELECT id FROM volunteers WHERE volunteer_no = ?", (volunteer_no,)
            ).fetchone()[0]
        )


def add_activity(
    db: Path,
    activity_no: str = "A20250315-01",
    *,
    title: str = "学雷锋便民服务",
    day: str | date = "2025-03-15",
    start: str | None = "09:00",
    end: str | None = "11:30",
    place: str | None = "东湖社区广场",
    category: str = "社区服务",
    status: str = "planned",
    leader: str | None = None,
    beneficiary_group: str | None = "社区居民",
) -> int:
    """Insert an activity as ``volctl activity add`` would; ``leader`` is a volunteer number."""
    conn = connect(db)
    leader_id = volunteer_id(db, leader) if leader else None
    cursor = conn.execute(
        "INSERT INTO activities (activity_no, title, date, start_time, end_time, place,"
        " category, beneficiary_group, leader_id, status, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00+08:00',"
        " '2025-01-01T00:00:00+08:00')",
        (
            activity_no,
            title,
            str(day),
            start,
            end,
            place,
            category,
            beneficiary_group,
            leader_id,
            status,
        ),
    )
    conn.commit()
    conn.close()
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def sign_up(db: Path, activity_no: str, *volunteer_nos: str, withdrawn: bool = False) -> None:
    """Put volunteers on an activity's roster as ``volctl activity signup`` would."""
    conn = connect(db)
    activity_id = conn.execute(
        "SELECT id FROM activities WHERE activity_no = ?", (activity_no,)
    ).fetchone()[0]
    for number in volunteer_nos:
        conn.execute(
            "INSERT INTO signups (activity_id, volunteer_id, signed_up_at, withdrawn_at)"
            " VALUES (?, ?, '2025-03-01T10:00:00+08:00', ?)",
            (
                activity_id,
                volunteer_id(db, number),
                "2025-03-10T10:00:00+08:00" if withdrawn else None,
            ),
        )
    conn.commit()
    conn.close()


def count(db: Path, table: str = "service_records") -> int:
    with connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def write_signin_sheet(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    activity_no: str | None = "A20250315-01",
    title: str = "学雷锋便民服务",
    header: Sequence[str] = HEADER,
    leader: str | None = "王秀英",
    recorder: str | None = "李红",
) -> Path:
    """A filled sign-in sheet (xlsx), ``rows`` in the order of ``header`` without 序号.

    Python ``time`` values become Excel time cells (h:mm), as when the clerk types 8:30 into
    a cell Excel recognises; strings stay text, as typed into a text cell.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "签到表"
    width = len(header)
    sheet.append([f"{title}　志愿服务签到表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].alignment = Alignment(horizontal="center")
    if activity_no is not None:
        sheet.append([f"活动编号：{activity_no}　　日期：2025年3月15日　　地点：东湖社区广场"])
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.append(list(header))
    has_seq = header[0] == "序号"
    for n, values in enumerate(rows, start=1):
        cells = ([n] if has_seq else []) + list(values)
        sheet.append(cells)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, time):
                cell.number_format = "h:mm"
    sheet.append([])
    sheet.append([len(rows) + 1])  # a numbered row left blank for a walk-in
    sheet.append([])
    footer = []
    if leader is not None:
        footer.append(f"活动负责人：{leader}")
    if recorder is not None:
        footer.append(f"记录人：{recorder}")
    sheet.append(["　　".join(footer) or "活动负责人：＿＿＿＿　记录人：＿＿＿＿"])
    book.save(path)
    return path


def fill_signin_sheet(
    path: Path, times: dict[str, tuple[Any, Any]], *, signed: bool = True
) -> None:
    """Fill in a printed sign-in sheet as a clerk does in Excel: find the 签到时间 and 签退时间
    columns under the header, type the times on each named person's row, sign, save."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    header_row, columns = 0, {}
    for row in sheet.iter_rows(max_row=30):
        found = {str(c.value).replace(" ", "").replace("　", ""): c.column for c in row if c.value}
        if "姓名" in found and ("签到时间" in found or "签到" in found):
            header_row, columns = row[0].row, found
            break
    assert header_row, "no sign-in header"
    sign_in = columns.get("签到时间") or columns["签到"]
    sign_out = columns.get("签退时间") or columns["签退"]
    for row in sheet.iter_rows(min_row=header_row + 1):
        name = next((c.value for c in row if c.column == columns["姓名"]), None)
        if name in times:
            arrived, left = times[name]
            for column, value in ((sign_in, arrived), (sign_out, left)):
                cell = sheet.cell(row=row[0].row, column=column, value=value)
                if isinstance(value, time):
                    cell.number_format = "h:mm"
            if signed and "签名" in columns:
                sheet.cell(row=row[0].row, column=columns["签名"], value=name)
    book.save(path)

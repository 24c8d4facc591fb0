"""志愿者服务登记表 (001 附件4): one sheet per volunteer, the form carried when reporting in.

Seed 001's units report to the community holding each volunteer's 志愿者服务登记表. The form is
a bordered label/value grid on one portrait A4 page, a box for a one-inch photo at the top right:
the registration (志愿服务条例 art. 7: identity, skills, contact), the teams, service intentions
and availability, the emergency contact or guardian, then the record 志愿服务条例 art. 19 asks an
organiser to keep: service hours (all time to the day, and in the year), training,
commendations and accident insurance (志愿服务条例 art. 17: insurer, policy number and cover,
latest first, each marked 在保 or 已到期 on the day, at most ``MAX_POLICIES`` lines); last,
the volunteer's undertaking with room to sign, and the community's opinion with room for its
seal.

Who: ``--volunteer`` (repeatable) and/or the members of ``--team`` (``--with-subteams``: and of
the teams under it) on the day (``--on``, the end of ``--year``, else today). Identity number,
mobile, address, emergency contact and guardian are masked unless ``show_pii``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from volctl.errors import InvalidInput
from volctl.forms.request import (
    FormRequest,
    birth_month,
    filled_by,
    listed,
    result,
    team_for,
    team_members,
)
from volctl.identity import display_phone

TITLE = "志愿者服务登记表"
# label | value | label | value | label | value | photo
WIDTHS = (12.0, 17.0, 11.0, 16.0, 11.0, 13.0, 13.0)
COLUMNS = len(WIDTHS)
PHOTO_ROWS = 4
UNDERTAKING = (
    "本人自愿注册成为志愿者，遵守志愿服务有关规定，服从组织安排，以上信息真实准确。\n\n"
    "本人签名：　　　　　　　　　　　　　　　　　　　年　　月　　日"
)
OPINION = "\n\n\n（盖章）　　　　\n年　　月　　日　　"
MAX_POLICIES = 3  # lines of the insurance row; older policies are counted on one more line
_SHEET_NAME = re.compile(r"[\[\]:*?/\\']")

Cell = tuple[int, int, object, bool]


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms import page
    from volctl.ledger import records

    people = _chosen(conn, request)
    on = request.as_of()
    year = request.year or on.year
    ids = [p["id"] for p in people]
    all_time = records.totals(conn, date_to=on, volunteer_ids=ids)
    in_year = records.totals(conn, year=year, date_to=on, volunteer_ids=ids)
    teams_of = _teams(conn, ids, on.isoformat())
    wb, first_sheet = page.new_workbook(TITLE)
    for n, person in enumerate(people):
        ws = first_sheet if n == 0 else wb.create_sheet()
        ws.title = _sheet_name(person, n)
        total = all_time.get(person["id"])
        this_year = in_year.get(person["id"])
        hours = (
            f"累计 {records.hours(total.minutes if total else 0):.1f} 小时"
            f"（截至{page.cn_date(on)}）；{year}年 "
            f"{records.hours(this_year.minutes if this_year else 0):.1f} 小时，"
            f"{this_year.services if this_year else 0} 次"
        )
        _sheet(ws, conn, request, person, teams_of.get(person["id"], []), hours, on)
    page.save(wb, path, private=request.show_pii)
    return result(path, TITLE, len(people), sheets=len(people), as_of=on)


def _chosen(conn: sqlite3.Connection, request: FormRequest) -> list[sqlite3.Row]:
    from volctl.roster import volunteers

    if not request.volunteers and request.team is None:
        raise InvalidInput("export.needs_volunteers", hint="hint.export_forms")
    chosen: dict[int, sqlite3.Row] = {}
    from volctl.roster.refs import expand

    for ref in expand(conn, request.volunteers):
        row = volunteers.find(conn, ref)
        chosen.setdefault(row["id"], row)
    if request.team is not None:
        team = team_for(conn, request)
        for member in team_members(
            conn, team, request.as_of(), with_subteams=request.with_subteams
        ):
            chosen.setdefault(member.volunteer["id"], member.volunteer)
    return list(chosen.values())


def _sheet_name(person: sqlite3.Row, n: int) -> str:
    name = _SHEET_NAME.sub("", f"{person['volunteer_no']} {person['name']}").strip()
    return name[:31] or f"登记表{n + 1}"


def _teams(conn: sqlite3.Connection, ids: list[int], day: str) -> dict[int, list[str]]:
    import json

    found: dict[int, list[str]] = {}
    for volunteer_id, name, role in conn.execute(
        "SELECT m.volunteer_id, t.name, m.role FROM memberships m JOIN teams t ON t.id = m.team_id"
        " WHERE m.volunteer_id IN (SELECT value FROM json_each(?))"
        " AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?) ORDER BY t.name",
        (json.dumps(ids), day, day),
    ):
        found.setdefault(volunteer_id, []).append(name if role == "队员" else f"{name}（{role}）")
    return found


def _insured(conn: sqlite3.Connection, volunteer_id: int, on: date) -> str:
    """The volunteer's accident insurance begun by ``on``, latest first: insurer, policy
    number, cover, and whether it covers them that day; older ones beyond ``MAX_POLICIES``
    counted on one more line."""
    day = on.isoformat()
    policies = conn.execute(
        "SELECT insurer, policy_no, start_on, end_on FROM insurance_policies"
        " WHERE volunteer_id = ? AND start_on <= ? ORDER BY end_on DESC, start_on DESC, id DESC",
        (volunteer_id, day),
    ).fetchall()
    lines = [
        f"{p['insurer']}　保单号 {p['policy_no']}　{p['start_on']}至{p['end_on']}"
        f"（{'在保' if p['end_on'] >= day else '已到期'}）"
        for p in policies[:MAX_POLICIES]
    ]
    if len(policies) > MAX_POLICIES:
        lines.append(f"另有较早保单 {len(policies) - MAX_POLICIES} 份")
    return "\n".join(lines)


def _sheet(
    ws: Any,
    conn: sqlite3.Connection,
    request: FormRequest,
    person: sqlite3.Row,
    teams: Sequence[str],
    hours: str,
    on: date,
) -> None:
    from openpyxl.styles import Alignment

    from volctl.forms import page
    from volctl.ledger.training import volunteer_trainings
    from volctl.roster.commendations import list_commendations

    page.set_widths(ws, WIDTHS)
    page.title(ws, 1, TITLE, COLUMNS)
    page.two_part_line(
        ws, 2, filled_by(conn), f"填表日期：{page.cn_date(request.today)}", COLUMNS, split=4
    )
    trainings = volunteer_trainings(conn, person["id"])
    commendations = list_commendations(conn, volunteer_id=person["id"])
    grid: list[list[Cell]] = [
        [
            (1, 1, "姓名", True),
            (2, 2, person["name"], False),
            (3, 3, "性别", True),
            (4, 4, person["gender"] or "", False),
            (5, 5, "出生年月", True),
            (6, 6, birth_month(person), False),
        ],
        [
            (1, 1, "民族", True),
            (2, 2, person["ethnicity"] or "", False),
            (3, 3, "政治面貌", True),
            (4, 4, person["political_status"] or "", False),
            (5, 5, "文化程度", True),
            (6, 6, person["education"] or "", False),
        ],
        [
            (1, 1, "志愿者编号", True),
            (2, 2, person["volunteer_no"], False),
            (3, 3, "注册日期", True),
            (4, 4, person["registered_on"], False),
            (5, 5, "证件类型", True),
            (6, 6, person["id_type"], False),
        ],
        [
            (1, 1, "证件号码", True),
            (2, 4, request.id_number(person["id_number"]), False),
            (5, 5, "手机", True),
            (6, 6, request.phone(person["phone"]), False),
        ],
        [
            (1, 1, "工作单位", True),
            (2, 4, person["employer"] or "", False),
            (5, 5, "职务", True),
            (6, 7, person["position"] or "", False),
        ],
        [
            (1, 1, "办公电话", True),
            (2, 2, display_phone(person["office_phone"]) or "", False),
            (3, 3, "住址", True),
            (4, 7, request.personal(person["address"], 6), False),
        ],
        [(1, 1, "所属队伍", True), (2, 7, "、".join(teams), False)],
        [(1, 1, "专业特长", True), (2, 7, listed(person["skills"]), False)],
        [(1, 1, "服务意向", True), (2, 7, listed(person["intentions"]), False)],
        [(1, 1, "可服务时间", True), (2, 7, person["availability"] or "", False)],
        [
            (1, 1, "紧急联系人", True),
            (2, 2, request.personal(person["emergency_contact"]), False),
            (3, 3, "联系电话", True),
            (4, 7, request.phone(person["emergency_phone"]), False),
        ],
    ]
    if person["guardian_name"] or person["guardian_phone"]:
        grid.append(
            [
                (1, 1, "监护人", True),
                (2, 2, request.personal(person["guardian_name"]), False),
                (3, 3, "监护人电话", True),
                (4, 4, request.phone(person["guardian_phone"]), False),
                (5, 5, "关系", True),
                (6, 7, person["guardian_relation"] or "", False),
            ]
        )
    trained = "\n".join(
        f"{t['date']}　{t['title']}（{t['topic']}，{t['hours']:.1f}小时）" for t in trainings
    )
    commended = "\n".join(
        f"{c['year']}年　{c['title']}" + (f"（{c['awarded_by']}）" if c["awarded_by"] else "")
        for c in commendations
    )
    grid += [
        [(1, 1, "服务时长", True), (2, 7, hours, False)],
        [(1, 1, "培训情况", True), (2, 7, trained or "无", False)],
        [(1, 1, "表彰情况", True), (2, 7, commended or "无", False)],
        [(1, 1, "保险情况", True), (2, 7, _insured(conn, person["id"], on) or "无", False)],
    ]
    first = 3
    for offset, cells in enumerate(grid):
        page.grid_row(ws, first + offset, cells, WIDTHS, min_height=33)
    # The photo box beside the first rows.
    ws.merge_cells(start_row=first, start_column=7, end_row=first + PHOTO_ROWS - 1, end_column=7)
    for row in range(first, first + PHOTO_ROWS):
        ws.cell(row=row, column=7).border = page.BORDER
    photo = ws.cell(row=first, column=7)
    page.write_text(photo, "照片\n（一寸）", font=page.body_font())
    photo.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = first + len(grid)
    page.grid_row(ws, row, [(1, 1, "本人承诺", True), (2, 7, UNDERTAKING, False)], WIDTHS)
    ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, 90)
    page.grid_row(ws, row + 1, [(1, 1, "社区（单位）\n意见", True), (2, 7, OPINION, False)], WIDTHS)
    ws.row_dimensions[row + 1].height = 110
    ws.cell(row=row + 1, column=2).alignment = Alignment(
        horizontal="right", vertical="center", wrap_text=True
    )
    page.finish(ws, columns=COLUMNS, last_row=row + 1, header_rows=None)
    ws.page_setup.fitToHeight = 1  # one volunteer, one page

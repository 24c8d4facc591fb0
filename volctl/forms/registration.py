"""志愿者服务登记表 (001 附件4): one sheet per volunteer, the form carried when reporting in.

Seed 001's units report to the community holding each volunteer's 志愿者服务登记表. The form is
a bordered label/value grid on portrait A4, a box for a one-inch photo at the top right: the
registration (志愿服务条例 art. 7: identity, skills, contact), the teams, service intentions,
area and availability, the emergency contact or guardian, then the record 志愿服务条例 art. 19
asks an organiser to keep: service hours (all time to the day, and the year asked with
``--year``, else each recent year served), training, commendations and accident insurance
(志愿服务条例 art. 17: insurer, policy number and cover, latest first, each marked 在保 or 已到期
on the day, at most ``MAX_POLICIES`` lines); last, the volunteer's undertaking with room to
sign (a minor's guardian signs too), and the community's opinion with room for its seal.

Who: ``--volunteer`` (repeatable) and/or the members of ``--team`` (``--with-subteams``: and of
the teams under it) on the day (``--on``, the end of ``--year``, else today). The form
identifies the volunteer to the community: identity number, mobile, address, emergency contact
and guardian are printed in full unless ``--mask``. Each volunteer's sheet numbers its own
pages (第 1 页 共 1 页): the forms are handed out one by one.
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
from volctl.masking import display_phone

TITLE = "志愿者服务登记表"
# label | value | label | value | photo: within portrait A4's width
WIDTHS = (11.0, 22.0, 11.0, 21.0, 14.0)
COLUMNS = len(WIDTHS)
PHOTO_ROWS = 4  # a one-inch photo (2.5 x 3.5 cm) beside the first rows
UNDERTAKING = "本人自愿注册成为志愿者，遵守志愿服务有关规定，服从组织安排，以上信息真实准确。"
SIGNED = "本人签名：　　　　　　　　　　　　　　　年　　月　　日"
GUARDIAN = (
    "本人系上述未成年志愿者的监护人，同意其注册并参加志愿服务。\n"
    "监护人签名：　　　　　　　　　　　　　年　　月　　日"
)
OPINION = "\n\n（盖章）　　　　\n年　　月　　日　　"
MAX_POLICIES = 3  # lines of the insurance row; older policies are counted on one more line
RECENT_YEARS = 3  # years of service shown when no --year is given
_SHEET_NAME = re.compile(r"[\[\]:*?/\\']")


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    from volctl.forms.layout.paper import Paper

    people = _chosen(conn, request)
    on = request.as_of()
    ids = [p["id"] for p in people]
    served = _service(conn, ids, on, request.year)
    teams_of = _teams(conn, ids, on.isoformat())
    with Paper(path, title=TITLE, per_sheet_numbers=True) as paper:
        for n, person in enumerate(people):
            sheet = paper.sheet(_sheet_name(person, n), WIDTHS)
            _sheet(sheet, conn, request, person, teams_of.get(person["id"], []), served, on)
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


def _service(
    conn: sqlite3.Connection, ids: list[int], on: date, year: int | None
) -> dict[int, str]:
    """Each volunteer's service as the form says it: all time to the day, then the year asked
    (``--year``), else the most recent years served (never a year with nothing in it)."""
    import json

    from volctl.forms.layout import cn_date
    from volctl.ledger import records

    all_time = records.totals(conn, date_to=on, volunteer_ids=ids)
    years: dict[int, list[tuple[int, int, int]]] = {}
    for volunteer_id, served_year, minutes, services in conn.execute(
        "SELECT volunteer_id, CAST(substr(service_date, 1, 4) AS INTEGER), sum(minutes),"
        " sum(minutes > 0) FROM service_effective"
        " WHERE volunteer_id IN (SELECT value FROM json_each(?)) AND service_date <= ?"
        " GROUP BY 1, 2 ORDER BY 1, 2 DESC",
        (json.dumps(ids), on.isoformat()),
    ):
        years.setdefault(volunteer_id, []).append((served_year, minutes, services))
    said = {}
    for volunteer_id in ids:
        total = all_time.get(volunteer_id)
        text = f"累计 {records.hours(total.minutes if total else 0):.1f} 小时（截至{cn_date(on)}）"
        found = years.get(volunteer_id, [])
        if year is not None:
            found = [y for y in found if y[0] == year] or [(year, 0, 0)]
        for served_year, minutes, services in found[:RECENT_YEARS]:
            text += f"；{served_year}年 {records.hours(minutes):.1f} 小时，{services} 次"
        if not found:
            text += "；暂无服务记录"
        said[volunteer_id] = text
    return said


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
    from volctl.forms.layout import cn_date

    day = on.isoformat()
    policies = conn.execute(
        "SELECT insurer, policy_no, start_on, end_on FROM insurance_policies"
        " WHERE volunteer_id = ? AND start_on <= ? ORDER BY end_on DESC, start_on DESC, id DESC",
        (volunteer_id, day),
    ).fetchall()
    lines = [
        f"{p['insurer']}　保单号 {p['policy_no']}　{cn_date(p['start_on'])}至{cn_date(p['end_on'])}"
        f"（{'在保' if p['end_on'] >= day else '已到期'}）"
        for p in policies[:MAX_POLICIES]
    ]
    if len(policies) > MAX_POLICIES:
        lines.append(f"另有较早保单 {len(policies) - MAX_POLICIES} 份")
    return "\n".join(lines)


def _minor(person: sqlite3.Row, on: date) -> bool:
    """Under 18 on the day (a guardian signs for them too)."""
    born = person["birth_date"]
    if not born:
        return bool(person["guardian_name"])
    birth = date.fromisoformat(born[:10])
    return (on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))) < 18


def _sheet(
    sheet: Any,
    conn: sqlite3.Connection,
    request: FormRequest,
    person: sqlite3.Row,
    teams: Sequence[str],
    served: dict[int, str],
    on: date,
) -> None:
    from volctl.forms.layout import HEAD, TEXT, Cell, Style, cn_date
    from volctl.ledger.training import volunteer_trainings
    from volctl.roster.commendations import list_commendations

    def label(text: str, span: int = 1) -> Cell:
        return Cell(text, span=span, style=HEAD)

    def value(text: object, span: int = 1) -> Cell:
        return Cell(text if text is not None else "", span=span, style=TEXT)

    phone = Style(align="center")
    sheet.title(TITLE)
    sheet.two_part(filled_by(conn), f"填报日期：{cn_date(request.today)}")
    trainings = volunteer_trainings(conn, person["id"])
    commendations = list_commendations(conn, volunteer_id=person["id"])
    photo = Cell("照片\n（一寸）", rows=PHOTO_ROWS, style=Style(align="center"))
    covered = Cell("", style=Style())
    grid: list[list[Cell]] = [
        [label("姓名"), value(person["name"]), label("性别"), value(person["gender"]), photo],
        [
            label("出生年月"),
            value(birth_month(person)),
            label("民族"),
            value(person["ethnicity"]),
            covered,
        ],
        [
            label("政治面貌"),
            value(person["political_status"]),
            label("文化程度"),
            value(person["education"]),
            covered,
        ],
        [
            label("志愿者编号"),
            value(person["volunteer_no"]),
            label("注册日期"),
            value(cn_date(person["registered_on"])),
            covered,
        ],
        [
            label("证件类型"),
            value(person["id_type"]),
            label("证件号码"),
            Cell(request.id_number(person["id_number"]), span=2, style=phone),
        ],
        [
            label("手机"),
            Cell(request.phone(person["phone"]), style=phone),
            label("办公电话"),
            Cell(display_phone(person["office_phone"]) or "", span=2, style=phone),
        ],
        [label("工作单位"), value(person["employer"]), label("职务"), value(person["position"], 2)],
        [label("住址"), value(request.personal(person["address"], 6), 4)],
        [label("所属队伍"), value("、".join(teams), 4)],
        [label("专业特长"), value(listed(person["skills"]), 4)],
        [label("服务意向"), value(listed(person["intentions"]), 4)],
        [
            label("服务区域"),
            value(person["area"]),
            label("可服务时间"),
            value(person["availability"], 2),
        ],
        [
            label("紧急联系人"),
            value(request.personal(person["emergency_contact"])),
            label("联系电话"),
            Cell(request.phone(person["emergency_phone"]), span=2, style=phone),
        ],
    ]
    minor = _minor(person, on)
    if minor or person["guardian_name"] or person["guardian_phone"]:
        guardian = request.personal(person["guardian_name"])
        if person["guardian_relation"]:
            guardian = f"{guardian}（{person['guardian_relation']}）"
        grid.append(
            [
                label("监护人"),
                value(guardian),
                label("监护人电话"),
                Cell(request.phone(person["guardian_phone"]), span=2, style=phone),
            ]
        )
    trained = "\n".join(
        f"{cn_date(t['date'])}　{t['title']}（{t['topic']}，{t['hours']:.1f}小时）"
        for t in trainings
    )
    commended = "\n".join(
        f"{c['year']}年　{c['title']}" + (f"（{c['awarded_by']}）" if c["awarded_by"] else "")
        for c in commendations
    )
    grid += [
        [label("服务时长"), value(served[person["id"]], 4)],
        [label("培训情况"), value(trained or "无", 4)],
        [label("表彰情况"), value(commended or "无", 4)],
        [label("保险情况"), value(_insured(conn, person["id"], on) or "无", 4)],
    ]
    for cells in grid:
        sheet.row(cells, TEXT, min_height=26)
    undertaking = f"{UNDERTAKING}\n\n{SIGNED}"
    if minor:
        undertaking += f"\n\n{GUARDIAN}"
    sheet.row([label("本人承诺"), value(undertaking, 4)], TEXT, min_height=80, keep_next=True)
    opinion = Cell(OPINION, span=4, style=Style(align="right"))
    sheet.row([label("社区\n（单位）\n意见"), opinion], TEXT, min_height=96)

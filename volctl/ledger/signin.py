"""Reading a filled sign-in sheet (签到表) and matching its rows to volunteers.

The sheet ``volctl activity sheet`` prints: title rows, a line with ``活动编号：A20250315-01``,
a header row ``序号 | 志愿者编号 | 姓名 | 手机 | 签到时间 | 签退时间 | 签名 | 备注`` (found by its
content; any column but 姓名 or 志愿者编号 may be missing), one row per volunteer, blank rows, and
a footer ``活动负责人：… 记录人：…``.

Each row is matched to a volunteer by 志愿者编号, else by 姓名 and 手机: a full phone must match
exactly; a masked one (138****5678) matches the name and the digits it shows, among the
activity's roster first, then all volunteers. A row that matches nobody, or several people, is
reported by row and never guessed. Times come as Excel times, datetimes or text (8:30, 08:30,
8点30, 8点半, 下午2点, 8.30) and are read by ``clock.parse_clock``. ``signin_import``
records the rows as hours.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from volctl.errors import Conflict, InvalidInput, VolctlError, Where
from volctl.identity import parse_phone
from volctl.masking import mask_phone
from volctl.roster.contact import contact_phone
from volctl.text import clean, compact

MAX_ROWS = 5000  # a sign-in sheet holds one activity's people; more is not a sign-in sheet

# Column -> header names as clerks write them (compared without spaces and brackets).
HEADERS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "序"),
    "volunteer_no": ("志愿者编号", "志愿者号", "编号", "志愿者证号", "志愿者证编号"),
    "name": ("姓名", "名字", "志愿者姓名", "志愿者"),
    "phone": ("手机", "手机号", "手机号码", "联系电话", "电话", "联系方式"),
    "sign_in": ("签到时间", "签到", "到达时间", "签到时刻"),
    "sign_out": ("签退时间", "签退", "离开时间", "签退时刻"),
    "signature": ("签名", "本人签名", "签字", "签名确认", "志愿者签名"),
    "remark": ("备注", "说明"),
}
_HEADER_INDEX = {alias: key for key, aliases in HEADERS.items() for alias in aliases}
_BRACKETS = re.compile(r"[(（][^)）]*[)）]")
_ACTIVITY_NO = re.compile(r"活动编号\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9\-_]*)")
_FOOTER_START = ("活动负责人", "负责人", "记录人", "填表人", "审核人")


@dataclass(frozen=True)
class SheetRow:
    """One data row as the sheet holds it; ``row`` is the spreadsheet's row number."""

    row: int
    volunteer_no: object = None
    name: object = None
    phone: object = None
    sign_in: object = None
    sign_out: object = None
    signature: object = None
    remark: object = None


@dataclass
class SignInSheet:
    file: str
    sheet: str | None
    header_row: int
    columns: list[str]
    activity_no: str | None = None
    leader: str | None = None
    recorder: str | None = None
    rows: list[SheetRow] = field(default_factory=list)


# ----------------------------------------------------------------------------- reading


def _header_key(value: object) -> str | None:
    text = _BRACKETS.sub("", compact(value)).rstrip(":：")
    return _HEADER_INDEX.get(text)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean(value))


def _cells(path: Path, sheet_name: str | None) -> tuple[str | None, list[list[Any]]]:
    """The grid of one sheet, first row first, as Python values (calamine or csv)."""
    where = Where(file=path.name)
    if not path.exists():
        raise InvalidInput("hours.signin.missing_file", where=where, path=str(path))
    from volctl.intake import guard, reader

    # The same checks as the sign-up import, by content and before calamine builds a sheet:
    # a tiny file can claim a grid of billions of cells (a spreadsheet bomb).
    limits = guard.Limits(max_rows=MAX_ROWS)
    kind = guard.sniff(path, limits)
    if kind == "csv":
        return None, _csv_cells(path)
    from python_calamine import CalamineWorkbook

    guard.check_workbook(path, kind, limits)  # .xls and .ods are read whole on opening
    try:
        with guard.native(path):
            workbook = CalamineWorkbook.from_path(str(path))
        names = workbook.sheet_names
        if sheet_name is not None:  # by name or by number, as the sign-up import reads it
            candidates = [reader.match_sheet(names, sheet_name, path)]
        else:
            candidates = list(names)
        first: tuple[str | None, list[list[Any]]] | None = None
        for name in candidates:
            guard.check_extent(path, guard.sheet_extent(path, kind, name, limits), limits, name)
            with guard.native(path):
                sheet = workbook.get_sheet_by_name(name)
                if sheet.total_height > MAX_ROWS:
                    raise InvalidInput("hours.signin.too_many_rows", where=where, limit=MAX_ROWS)
                grid = sheet.to_python(skip_empty_area=False)
            if _find_header(grid) is not None:
                return name, grid
            first = first or (name, grid)
        return first or (None, [])
    except VolctlError:
        raise
    except Exception as exc:  # calamine raises its own errors for damaged or foreign files
        raise InvalidInput(
            "hours.signin.unreadable", where=where, reason=str(exc).splitlines()[0][:200]
        ) from None


def _csv_cells(path: Path) -> list[list[Any]]:
    """A CSV as the sign-up import reads one: UTF-8 with or without BOM, UTF-16 (Excel's
    "Unicode text", tab-separated) or GB18030/GBK; comma, tab or semicolon."""
    from volctl.intake import reader

    encoding, delimiter, _lines = reader.csv_dialect(path)
    grid: list[list[Any]] = []
    for values in reader.csv_values(path, encoding, delimiter):
        if len(grid) >= MAX_ROWS:
            raise InvalidInput(
                "hours.signin.too_many_rows", where=Where(file=path.name), limit=MAX_ROWS
            )
        grid.append(values)
    return grid


def _find_header(grid: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    for index, cells in enumerate(grid[:50]):
        found: dict[str, int] = {}
        for column, value in enumerate(cells):
            key = _header_key(value)
            if key is not None and key not in found:
                found[key] = column
        if len(found) >= 2 and ("name" in found or "volunteer_no" in found):
            return index, found
    return None


def _footer_value(text: str, label: str) -> str | None:
    m = re.search(label + r"\s*[:：]\s*([^\s:：_＿]+)", text)
    if not m:
        return None
    value = m.group(1)
    if value.startswith(("活动负责人", "负责人", "记录人", "填表人", "审核人", "日期")):
        return None
    return value


def read(path: Path, *, sheet_name: str | None = None) -> SignInSheet:
    """Read a filled sign-in sheet; ``InvalidInput`` when it is not one."""
    name, grid = _cells(path, sheet_name)
    found = _find_header(grid)
    if found is None:
        raise InvalidInput(
            "hours.signin.no_header",
            where=Where(file=path.name),
            hint="hours.hint.signin_no_header",
        )
    header_index, columns = found
    sheet = SignInSheet(
        file=path.name, sheet=name, header_row=header_index + 1, columns=list(columns)
    )
    for cells in grid[:header_index]:
        for value in cells:
            m = _ACTIVITY_NO.search(clean(value))
            if m and sheet.activity_no is None:
                sheet.activity_no = m.group(1).upper()
    for index in range(header_index + 1, len(grid)):
        cells = grid[index]
        texts = [clean(v) for v in cells if not _blank(v)]
        joined = " ".join(texts)
        if texts and compact(texts[0]).startswith(_FOOTER_START):
            sheet.leader = _footer_value(joined, "活动负责人") or _footer_value(joined, "负责人")
            sheet.recorder = _footer_value(joined, "记录人")
            break

        def cell(key: str, cells: list[Any] = cells) -> object:
            column = columns.get(key)
            if column is None or column >= len(cells):
                return None
            value = cells[column]
            return None if _blank(value) else value

        row = SheetRow(
            row=index + 1,
            volunteer_no=cell("volunteer_no"),
            name=cell("name"),
            phone=cell("phone"),
            sign_in=cell("sign_in"),
            sign_out=cell("sign_out"),
            signature=cell("signature"),
            remark=cell("remark"),
        )
        content = (row.volunteer_no, row.name, row.phone, row.sign_in, row.sign_out, row.remark)
        if all(value is None for value in content):
            continue  # a blank row, or only its 序号 and an empty signature box
        sheet.rows.append(row)
    return sheet


# ----------------------------------------------------------------------------- matching


def phone_text(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return compact(raw)


def _candidates_text(rows: list[sqlite3.Row]) -> str:
    return "; ".join(
        f"{r['volunteer_no']} {r['name']} {mask_phone(r['phone']) or ''}".strip() for r in rows
    )


def _by_name(conn: sqlite3.Connection, name: str) -> list[sqlite3.Row]:
    rows = conn.execute(
        "SELECT * FROM volunteers WHERE name IN (?, ?) ORDER BY volunteer_no",
        (name, name.replace(" ", "")),
    ).fetchall()
    if not rows:  # a name stored as typed, in another width
        rows = conn.execute(
            "SELECT * FROM volunteers WHERE fold(name) IN (?, ?) ORDER BY volunteer_no",
            (name, name.replace(" ", "")),
        ).fetchall()
    return rows


def match(conn: sqlite3.Connection, row: SheetRow, roster: set[int], where: Where) -> sqlite3.Row:
    """The volunteer a row names, or a refusal: never a guess."""
    name = clean(row.name)
    number = compact(row.volunteer_no).upper()
    if number:
        found = conn.execute(
            "SELECT * FROM volunteers WHERE volunteer_no = ? COLLATE NOCASE", (number,)
        ).fetchone()
        if found is None:
            raise InvalidInput(
                "hours.reason.volunteer_unknown",
                where=replace_field(where, "volunteer_no"),
                ref=number,
            )
        if name and compact(name) != compact(found["name"]):
            raise Conflict(
                "hours.reason.name_mismatch",
                where=replace_field(where, "name"),
                name=name,
                volunteer_no=found["volunteer_no"],
                registered=found["name"],
            )
        return found
    if not name:
        raise InvalidInput("reason.missing_name", where=replace_field(where, "name"))
    people = _by_name(conn, name)
    written = phone_text(row.phone)
    if written:
        marks = [i for i, ch in enumerate(written) if ch in "*＊xX×"]
        if marks:
            head = re.sub(r"\D", "", written[: marks[0]])
            if written.startswith("+86") or (written.startswith("86") and len(head) > 3):
                head = head[2:]
            tail = re.sub(r"\D", "", written[marks[-1] + 1 :])
            if len(tail) < 4:
                raise InvalidInput(
                    "reason.phone_invalid", where=replace_field(where, "phone"), value=written
                )
            tail = tail[-4:]

            def fits(person: sqlite3.Row) -> bool:
                national = (contact_phone(person) or "").removeprefix("+86")
                return national.endswith(tail) and national.startswith(head)

        else:
            try:
                e164 = parse_phone(row.phone, where=replace_field(where, "phone"))
            except InvalidInput as exc:  # its message would show the number: mask it
                masked = InvalidInput(exc.key, where=exc.where)
                masked.params = {**exc.params, "value": mask_written_phone(written)}
                raise masked from None
            tail = e164[-4:]

            def fits(person: sqlite3.Row) -> bool:
                return bool(contact_phone(person) == e164)

        fitting = [p for p in people if fits(p)]
        on_roster = [p for p in fitting if p["id"] in roster]
        chosen = on_roster or fitting
        if len(chosen) == 1:
            return chosen[0]
        if len(chosen) > 1:
            raise Conflict(
                "hours.reason.volunteer_ambiguous",
                where=replace_field(where, "name"),
                hint="hours.hint.signin_ambiguous",
                ref=f"{name} ****{tail}",
                count=len(chosen),
                candidates=_candidates_text(chosen),
            )
        raise InvalidInput(
            "hours.reason.volunteer_unmatched",
            where=replace_field(where, "name"),
            hint="hours.hint.signin_unmatched",
            name=name,
            phone=f"****{tail}",
        )
    on_roster = [p for p in people if p["id"] in roster]
    if len(on_roster) == 1:
        return on_roster[0]
    if len(on_roster) > 1:
        raise Conflict(
            "hours.reason.volunteer_ambiguous",
            where=replace_field(where, "name"),
            hint="hours.hint.signin_ambiguous",
            ref=name,
            count=len(on_roster),
            candidates=_candidates_text(on_roster),
        )
    raise InvalidInput(
        "hours.reason.needs_phone",
        where=replace_field(where, "phone"),
        hint="hours.hint.signin_unmatched",
        name=name,
    )


def mask_written_phone(raw: object) -> str:
    """A phone as the sheet wrote it, masked: only the last four digits and the prefix stay."""
    text = phone_text(raw)
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if len(digits) <= 4:
        return text
    hide = set(digits[3:-4])
    return "".join("*" if i in hide else ch for i, ch in enumerate(text))


def replace_field(where: Where, field_name: str) -> Where:
    return Where(file=where.file, row=where.row, field=field_name)

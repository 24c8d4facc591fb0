"""A filled sign-in sheet (签到表) back in as service hours.

The sheet ``volctl activity sheet`` prints: title rows, a line with ``活动编号：A20250315-01``,
a header row ``序号 | 志愿者编号 | 姓名 | 手机 | 签到时间 | 签退时间 | 签名 | 备注`` (found by its
content; any column but 姓名 or 志愿者编号 may be missing), one row per volunteer, blank rows, and
a footer ``活动负责人：… 记录人：…``.

Each row is matched to a volunteer by 志愿者编号, else by 姓名 and 手机: a full phone must match
exactly; a masked one (138****5678) matches the name and the digits it shows, among the
activity's roster first, then all volunteers. A row that matches nobody, or several people, is
reported by row and never guessed. Times come as Excel times, datetimes or text (8:30, 08:30,
8点30, 8点半, 下午2点, 8.30). The import is one batch and one transaction; each row is
recorded or reported with a reason code.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, time
from pathlib import Path
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, VolctlError, Where
from volctl.identity import mask_phone, parse_phone
from volctl.ledger import activities, records
from volctl.text import clean, compact

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
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
# A 备注 saying how someone attended; checked in this order.
_REMARKS = (
    ("请假", "leave"),
    ("缺席", "absent"),
    ("缺勤", "absent"),
    ("未到", "absent"),
    ("早退", "early_leave"),
    ("迟到", "late"),
)


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
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return None, _csv_cells(path)
    if suffix not in SPREADSHEETS:
        raise InvalidInput(
            "hours.signin.not_a_spreadsheet",
            where=where,
            formats="xlsx, xls, ods, csv",
            suffix=suffix,
        )
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = workbook.sheet_names
        if sheet_name is not None:
            if sheet_name not in names:
                raise InvalidInput(
                    "hours.signin.no_such_sheet",
                    where=where,
                    sheet=sheet_name,
                    sheets="、".join(names),
                )
            candidates = [sheet_name]
        else:
            candidates = list(names)
        first: tuple[str | None, list[list[Any]]] | None = None
        for name in candidates:
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
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte sequence
        raise InvalidInput(
            "hours.signin.unreadable", where=Where(file=path.name), reason="encoding"
        )
    grid: list[list[Any]] = list(csv.reader(io.StringIO(text)))
    if len(grid) > MAX_ROWS:
        raise InvalidInput(
            "hours.signin.too_many_rows", where=Where(file=path.name), limit=MAX_ROWS
        )
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


def _phone_digits(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return compact(raw)


def _candidates_text(rows: list[sqlite3.Row]) -> str:
    return "; ".join(
        f"{r['volunteer_no']} {r['name']} {mask_phone(r['phone']) or ''}".strip() for r in rows
    )


def _by_name(conn: sqlite3.Connection, name: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT * FROM volunteers WHERE name IN (?, ?) ORDER BY volunteer_no",
        (name, name.replace(" ", "")),
    ).fetchall()


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
    phone_text = _phone_digits(row.phone)
    if phone_text:
        marks = [i for i, ch in enumerate(phone_text) if ch in "*＊xX×"]
        if marks:
            head = re.sub(r"\D", "", phone_text[: marks[0]])
            if phone_text.startswith("+86") or (phone_text.startswith("86") and len(head) > 3):
                head = head[2:]
            tail = re.sub(r"\D", "", phone_text[marks[-1] + 1 :])
            if len(tail) < 4:
                raise InvalidInput(
                    "reason.phone_invalid", where=replace_field(where, "phone"), value=phone_text
                )
            tail = tail[-4:]

            def fits(person: sqlite3.Row) -> bool:
                national = (person["phone"] or "").removeprefix("+86")
                return national.endswith(tail) and national.startswith(head)

        else:
            e164 = parse_phone(row.phone, where=replace_field(where, "phone"))
            tail = e164[-4:]

            def fits(person: sqlite3.Row) -> bool:
                return bool(person["phone"] == e164)

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


def replace_field(where: Where, field_name: str) -> Where:
    return Where(file=where.file, row=where.row, field=field_name)


# ----------------------------------------------------------------------------- importing


@dataclass
class RowResult:
    row: int
    name: str | None
    phone: object
    outcome: str  # recorded | rejected | skipped
    volunteer: sqlite3.Row | None = None
    record: sqlite3.Row | None = None
    error: VolctlError | None = None
    code: str | None = None


@dataclass
class ImportReport:
    file: str
    sha256: str
    activity: sqlite3.Row
    sheet: SignInSheet
    results: list[RowResult]
    batch: int | None
    dry_run: bool
    previous: sqlite3.Row | None = None

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def minutes(self) -> int:
        return sum(r.record["minutes"] for r in self.results if r.record is not None)

    @property
    def reasons(self) -> dict[str, int]:
        return dict(Counter(r.code for r in self.results if r.code is not None))


def reason_code(error: VolctlError) -> str:
    """The stable code of a refusal: ``reason.<code>`` keys give their code."""
    return error.key.removeprefix("hours.").removeprefix("reason.")


class _DryRun(Exception):
    pass


def _attendance_from_remark(remark: object) -> str | None:
    text = clean(remark)
    for word, attendance in _REMARKS:
        if word in text:
            return attendance
    return None


def _row_where(sheet: SignInSheet, row: int) -> records.Locate:
    names = {"service_start": "service_sign_in", "service_end": "service_sign_out"}

    def locate(field_name: str) -> Where:
        return Where(file=sheet.file, row=row, field=names.get(field_name, field_name))

    return locate


def _service(
    sheet: SignInSheet,
    row: SheetRow,
    activity: sqlite3.Row,
    *,
    hours: str | None,
    recorder: str | None,
    unsigned: str,
    has_times: bool,
    has_signature: bool,
) -> records.ServiceInput | None:
    """What the row says was served; None for a row nobody signed (skipped)."""
    where = _row_where(sheet, row.row)
    remark_status = _attendance_from_remark(row.remark)
    notes = clean(row.remark) if row.remark is not None and remark_status is None else None
    base = records.ServiceInput(
        notes=notes, leader=sheet.leader, recorder=recorder or sheet.recorder
    )
    start = records.parse_clock(row.sign_in, where=where("service_start"))
    end = records.parse_clock(row.sign_out, where=where("service_end"))
    if remark_status in records.ZERO_TIME:
        if start is not None or end is not None:
            raise InvalidInput(
                "hours.reason.zero_time_with_hours",
                where=where("service_start"),
                attendance=remark_status,
            )
        return _with(base, attendance=remark_status)
    if start is not None or end is not None:
        if start is None:
            raise InvalidInput("hours.reason.time_missing", where=where("service_start"))
        if end is None:
            raise InvalidInput("hours.reason.time_missing", where=where("service_end"))
        attendance = remark_status or _attendance_from_times(activity, start, end)
        return _with(base, start=start, end=end, attendance=attendance)
    signed = row.signature is not None or (not has_times and not has_signature)
    if signed or remark_status is not None:
        if hours is None:
            raise InvalidInput(
                "hours.reason.time_missing",
                where=where("service_start"),
                hint="hours.hint.signin_no_times",
            )
        return _with(base, hours=hours, attendance=remark_status)
    if unsigned == "absent":
        return _with(base, attendance="absent")
    return None


def _with(base: records.ServiceInput, **values: Any) -> records.ServiceInput:
    return replace(base, **values)


def _already_recorded(
    conn: sqlite3.Connection,
    volunteer: sqlite3.Row,
    activity: sqlite3.Row,
    given: records.ServiceInput,
) -> bool:
    """The row says what the ledger already holds for this person (a sheet imported again)."""
    existing = conn.execute(
        "SELECT * FROM service_effective WHERE volunteer_id = ? AND activity_id = ?",
        (volunteer["id"], activity["id"]),
    ).fetchone()
    if existing is None:
        return False
    if isinstance(given.start, time) and isinstance(given.end, time):
        return bool(
            existing["start_time"] == given.start.strftime("%H:%M")
            and existing["end_time"] == given.end.strftime("%H:%M")
        )
    if given.hours is not None:
        return bool(existing["minutes"] == records.parse_hours(given.hours))
    return bool(existing["attendance"] == given.attendance)


def _attendance_from_times(activity: sqlite3.Row, start: time, end: time) -> str:
    """After the scheduled start: late; before the scheduled end: early leave."""
    planned_start, planned_end = activity["start_time"], activity["end_time"]
    if planned_start and start.strftime("%H:%M") > planned_start:
        return "late"
    if planned_end and end.strftime("%H:%M") < planned_end:
        return "early_leave"
    return "present"


def _create_batch(conn: sqlite3.Connection, sheet: SignInSheet, digest: str, rows: int) -> int:
    cursor = conn.execute(
        "INSERT INTO import_batches (kind, file_name, file_sha256, sheet, imported_at, operator,"
        " rows) VALUES ('hours', ?, ?, ?, ?, ?, ?)",
        (sheet.file, digest, sheet.sheet, audit.now_iso(), audit.context().operator, rows),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def import_hours(
    conn: sqlite3.Connection,
    path: Path,
    *,
    activity_ref: str | None = None,
    hours: str | None = None,
    recorder: str | None = None,
    unsigned: str = "skip",
    sheet_name: str | None = None,
    dry_run: bool = False,
    today: date | None = None,
) -> ImportReport:
    """Record a filled sign-in sheet as one batch in one transaction, row by row.

    Rows that match nobody, several people, or break a ledger rule are reported with their
    reason code; the others are recorded. ``dry_run`` checks everything and writes nothing.
    ``hours`` is the duration of rows signed without times; ``unsigned='absent'`` records the
    roster's rows nobody signed as absent (by default they are skipped).
    """
    if hours is not None:
        records.parse_hours(hours, where=Where(field="service_hours"))
    sheet = read(path, sheet_name=sheet_name)
    ref = activity_ref or sheet.activity_no
    if ref is None:
        raise InvalidInput(
            "hours.signin.no_activity",
            where=Where(file=sheet.file),
            hint="hours.hint.signin_no_activity",
        )
    activity = activities.find(conn, ref)
    if sheet.activity_no and sheet.activity_no.upper() != str(activity["activity_no"]).upper():
        raise Conflict(
            "hours.signin.other_activity",
            where=Where(file=sheet.file),
            sheet_activity=sheet.activity_no,
            activity_no=activity["activity_no"],
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    previous = conn.execute(
        "SELECT id, imported_at FROM import_batches WHERE kind = 'hours' AND file_sha256 = ?"
        " ORDER BY id DESC LIMIT 1",
        (digest,),
    ).fetchone()
    roster = {r["id"] for r in records.signed_up(conn, activity["id"])}
    has_times = "sign_in" in sheet.columns or "sign_out" in sheet.columns
    has_signature = "signature" in sheet.columns
    report = ImportReport(
        file=sheet.file,
        sha256=digest,
        activity=activity,
        sheet=sheet,
        results=[],
        batch=None,
        dry_run=dry_run,
        previous=previous,
    )
    try:
        with transaction(conn):
            seen: dict[int, int] = {}
            for row in sheet.rows:
                result = RowResult(
                    row=row.row, name=clean(row.name) or None, phone=row.phone, outcome="rejected"
                )
                report.results.append(result)
                where = Where(file=sheet.file, row=row.row)
                try:
                    given = _service(
                        sheet,
                        row,
                        activity,
                        hours=hours,
                        recorder=recorder,
                        unsigned=unsigned,
                        has_times=has_times,
                        has_signature=has_signature,
                    )
                    if given is None:
                        result.outcome, result.code = "skipped", "not_signed_in"
                        continue
                    volunteer = match(conn, row, roster, where)
                    result.volunteer = volunteer
                    if volunteer["id"] in seen:
                        raise Conflict(
                            "hours.reason.duplicate_row",
                            where=where,
                            volunteer_no=volunteer["volunteer_no"],
                            name=volunteer["name"],
                            first=seen[volunteer["id"]],
                        )
                    seen[volunteer["id"]] = row.row
                    if _already_recorded(conn, volunteer, activity, given):
                        result.outcome, result.code = "skipped", "already_recorded"
                        continue
                    entry = records.prepare(
                        conn,
                        volunteer,
                        activity,
                        given,
                        today=today,
                        where=_row_where(sheet, row.row),
                    )
                    if report.batch is None:
                        report.batch = _create_batch(conn, sheet, digest, len(sheet.rows))
                    record_id = records.insert(conn, entry, batch_id=report.batch)
                    result.outcome = "recorded"
                    result.record = records.get(conn, record_id)
                except VolctlError as exc:
                    result.outcome, result.error, result.code = "rejected", exc, reason_code(exc)
            if report.batch is not None:
                conn.execute(
                    "UPDATE import_batches SET imported = ?, rejected = ? WHERE id = ?",
                    (report.count("recorded"), report.count("rejected"), report.batch),
                )
                audit.record(
                    conn,
                    "hours.import",
                    "import_batches",
                    report.batch,
                    file=sheet.file,
                    sha256=digest,
                    activity_no=activity["activity_no"],
                    rows=len(sheet.rows),
                    recorded=report.count("recorded"),
                    rejected=report.count("rejected"),
                    skipped=report.count("skipped"),
                )
                records.mark_held(conn, activity, today)
            if dry_run:
                raise _DryRun
    except _DryRun:
        report.batch = None
    return report


def public(report: ImportReport, *, show_pii: bool = False) -> dict[str, Any]:
    """The documented JSON shape of an import's report."""
    details = []
    dry = report.dry_run
    for r in report.results:
        volunteer, record = r.volunteer, r.record
        phone: object = r.phone
        if phone is not None and not show_pii:
            phone = _mask_sheet_phone(phone)
        details.append(
            {
                "row": r.row,
                "outcome": r.outcome,
                "volunteer_no": volunteer["volunteer_no"] if volunteer is not None else None,
                "name": volunteer["name"] if volunteer is not None else r.name,
                "phone": None if phone is None else str(phone),
                "record": record["record_id"] if record is not None and not dry else None,
                "date": record["service_date"] if record is not None else None,
                "start": record["start_time"] if record is not None else None,
                "end": record["end_time"] if record is not None else None,
                "minutes": record["minutes"] if record is not None else None,
                "hours": records.hours(record["minutes"]) if record is not None else None,
                "attendance": record["attendance"] if record is not None else None,
                "reason": r.code,
                "field": r.error.where.field if r.error and r.error.where else None,
                "message": _row_message(r.error) if r.error is not None else None,
                "hint": r.error.hint_text() if r.error is not None else None,
            }
        )
    return {
        "file": report.file,
        "sheet": report.sheet.sheet,
        "activity_no": report.activity["activity_no"],
        "activity": report.activity["title"],
        "rows": len(report.results),
        "recorded": report.count("recorded"),
        "rejected": report.count("rejected"),
        "skipped": report.count("skipped"),
        "minutes": report.minutes,
        "hours": records.hours(report.minutes),
        "reasons": report.reasons,
        "batch": report.batch,
        "dry_run": report.dry_run,
        "previous_batch": report.previous["id"] if report.previous is not None else None,
        "leader": report.sheet.leader,
        "recorder": report.sheet.recorder,
        "details": details,
    }


def _row_message(error: VolctlError) -> str:
    """The refusal without the file and row (the report gives them), with the field."""
    from volctl.errors import describe_where
    from volctl.i18n import t

    field_name = error.where.field if error.where is not None else None
    prefix = describe_where(Where(field=field_name)) if field_name else ""
    return prefix + t(error.key, **error.params)


def _mask_sheet_phone(raw: object) -> str:
    """A phone as the sheet wrote it, masked: only the last four digits and the prefix stay."""
    text = _phone_digits(raw)
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if len(digits) <= 4:
        return text
    hide = set(digits[3:-4])
    return "".join("*" if i in hide else ch for i, ch in enumerate(text))

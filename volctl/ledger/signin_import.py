"""A filled sign-in sheet (签到表) recorded as service hours: one batch, one transaction.

Each row of the sheet (``signin.read``) is matched to a volunteer (``signin.match``), turned
into a service (its times, or ``--hours``; a 备注 of 请假/缺席/迟到/早退; late or early leave
against the activity's times) and held to the ledger's rules (``rules.prepare``). A row that
breaks a rule is reported with its reason code and the others are recorded; a dry run checks
everything and writes nothing. A row that says what the ledger already holds (the same sheet
imported again) is skipped.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, time
from pathlib import Path
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, VolctlError, Where
from volctl.ledger import activities, records
from volctl.ledger.signin import SheetRow, SignInSheet, mask_written_phone, match, read
from volctl.text import clean, typed

# A 备注 saying how someone attended; checked in this order.
_REMARKS = (
    ("请假", "leave"),
    ("缺席", "absent"),
    ("缺勤", "absent"),
    ("未到", "absent"),
    ("早退", "early_leave"),
    ("迟到", "late"),
)


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
    existing: int | None = None  # the record already holding what a skipped row says


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
    return error.code or error.key.removeprefix("hours.").removeprefix("reason.")


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
    remark = typed(row.remark)
    notes = remark if remark and clean(remark) not in {word for word, _ in _REMARKS} else None
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
) -> int | None:
    """The record that already says what the row says (a sheet imported again), if any."""
    existing = conn.execute(
        "SELECT * FROM service_effective WHERE volunteer_id = ? AND activity_id = ?",
        (volunteer["id"], activity["id"]),
    ).fetchone()
    if existing is None:
        return None
    if isinstance(given.start, time) and isinstance(given.end, time):
        same = (existing["start_time"], existing["end_time"]) == (
            given.start.strftime("%H:%M"),
            given.end.strftime("%H:%M"),
        )
    elif given.hours is not None:
        same = existing["minutes"] == records.parse_hours(given.hours)
    else:
        same = existing["attendance"] == given.attendance
    return int(existing["record_id"]) if same else None


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
                    existing = _already_recorded(conn, volunteer, activity, given)
                    if existing is not None:
                        result.outcome, result.code = "skipped", "already_recorded"
                        result.existing = existing
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
                    record_id = records.insert(
                        conn,
                        entry,
                        batch_id=report.batch,
                        where=_row_where(sheet, row.row),
                        today=today,
                    )
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
            phone = mask_written_phone(phone)
        details.append(
            {
                "row": r.row,
                "outcome": r.outcome,
                "volunteer_no": volunteer["volunteer_no"] if volunteer is not None else None,
                "name": volunteer["name"] if volunteer is not None else r.name,
                "phone": None if phone is None else str(phone),
                "record": (record["record_id"] if record is not None and not dry else r.existing),
                "date": record["service_date"] if record is not None else None,
                "start": record["start_time"] if record is not None else None,
                "end": record["end_time"] if record is not None else None,
                "minutes": record["minutes"] if record is not None else None,
                "hours": records.hours(record["minutes"]) if record is not None else None,
                "attendance": record["attendance"] if record is not None else None,
                "reason": r.code,
                "field": r.error.where.field if r.error and r.error.where else None,
                "message": _row_message(r) if r.outcome != "recorded" else None,
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


def _row_message(result: RowResult) -> str:
    """Why a row was not recorded, without the file and row (the report gives them)."""
    from volctl.errors import describe_where
    from volctl.i18n import t

    error = result.error
    if error is None:
        return t(f"hours.skip.{result.code}", record=result.existing)
    field_name = error.where.field if error.where is not None else None
    prefix = describe_where(Where(field=field_name)) if field_name else ""
    return prefix + t(error.key, **error.params)

"""Service records (志愿服务记录): the rules, recording, corrections, what counts, totals.

A record holds what 志愿服务记录办法 asks for: the activity, date, place, content,
beneficiaries, service time (whole minutes), attendance, the activity leader and the recorder,
and the import batch it came with. Service time is actual service, not travel to and from it.

Records are never edited or deleted. ``amend`` appends a correcting entry that points at the
original; ``void`` appends a reversal. The latest entry of a chain is what counts
(``service_chains``, maintained by the database from the history); ``totals``, ``yearly`` and
``cumulative`` read it through covering indexes.

Every rule refuses with a ``reason.<code>`` key (the code is stable and documented in the
README; the sign-in sheet import reports it per row) and leaves the ledger unchanged.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from volctl import audit, settings
from volctl.dates import parse_date, parse_time
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, VolctlError, Where
from volctl.ledger import activities
from volctl.ledger.totals import Total, cumulative, hours, totals, verify, yearly
from volctl.roster import volunteers
from volctl.text import clean, compact

__all__ = [  # the totals live in volctl.ledger.totals; the reports reach them from here too
    "Total",
    "cumulative",
    "hours",
    "totals",
    "verify",
    "yearly",
]

ATTENDANCE = ("present", "late", "early_leave", "leave", "absent")
ZERO_TIME = frozenset({"leave", "absent"})  # recorded with zero minutes
MAX_MINUTES = 24 * 60
_ATTENDANCE_ALIASES = {
    "present": "present",
    "出勤": "present",
    "到": "present",
    "已到": "present",
    "late": "late",
    "迟到": "late",
    "early-leave": "early_leave",
    "early_leave": "early_leave",
    "早退": "early_leave",
    "leave": "leave",
    "请假": "leave",
    "absent": "absent",
    "缺席": "absent",
    "缺勤": "absent",
    "未到": "absent",
}
_MAX_TEXT = {"notes": 2000}
_DEFAULT_MAX_TEXT = 200

Locate = Callable[[str], Where]


def _option_where(field_name: str) -> Where:
    return Where(field=field_name)


# ----------------------------------------------------------------------------- values


def parse_hours(raw: object, *, where: Where | None = None) -> int:
    """Decimal hours as typed (2.5, 2, 1.75, 2小时, 2h) to whole minutes, above 0, at most 24 h."""
    text = compact(raw).lower()
    for suffix in ("小时", "hours", "hour", "hrs", "h"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidInput("hours.reason.hours_invalid", where=where, value=compact(raw)) from None
    if not value.is_finite():
        raise InvalidInput("hours.reason.hours_invalid", where=where, value=compact(raw))
    if value > 24:  # compared before any arithmetic: 1E+999999 is a valid Decimal
        raise InvalidInput("hours.reason.hours_over_24", where=where, value=compact(raw))
    minutes = int((value * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP)) if value > 0 else 0
    if minutes <= 0:
        raise InvalidInput("hours.reason.hours_not_positive", where=where, value=compact(raw))
    if minutes > MAX_MINUTES:
        raise InvalidInput("hours.reason.hours_over_24", where=where, value=compact(raw))
    return minutes


def parse_attendance(raw: object, *, where: Where | None = None) -> str:
    """present|late|early-leave|leave|absent, or 出勤/迟到/早退/请假/缺席."""
    text = clean(raw).lower()
    found = _ATTENDANCE_ALIASES.get(text)
    if found is None:
        raise InvalidInput(
            "hours.reason.attendance_unknown",
            where=where,
            value=clean(raw),
            choices="present, late, early-leave, leave, absent",
        )
    return found


_CN_TIME = re.compile(
    r"^(?P<part>上午|早上|早晨|中午|下午|晚上)?(?P<hour>\d{1,2})(?:[点时:：.](?P<minute>\d{1,2}|半)?分?)?$"
)


def parse_clock(raw: object, *, where: Where | None = None) -> time | None:
    """A time of day as typed or as a sheet holds it: an Excel time or datetime, a duration
    cell, a number (8.3 is 8.30 typed into a number cell), or text: everything
    ``volctl.dates.parse_time`` reads (08:30, 8:30, 8点30, 8时30分) and 8点半, 8点, 下午2点."""
    if raw is None:
        return None
    if isinstance(raw, timedelta):
        seconds = int(raw.total_seconds())
        if 0 <= seconds < 24 * 3600:
            return time(seconds // 3600, seconds % 3600 // 60)
        raise InvalidInput("reason.time_invalid", where=where, value=str(raw))
    if isinstance(raw, datetime | time):
        return parse_time(raw, where=where)
    if isinstance(raw, bool):
        raise InvalidInput("reason.time_invalid", where=where, value=str(raw))
    if isinstance(raw, int | float):
        if 0 <= raw < 1:
            return parse_time(float(raw), where=where)
        if 1 <= raw < 24:
            text = f"{raw:.2f}"
            hour, minute = (int(part) for part in text.split("."))
            if minute < 60:
                return time(hour, minute)
        raise InvalidInput("reason.time_invalid", where=where, value=f"{raw:g}")
    text = compact(raw).lstrip("'")
    if not text:
        return None
    m = _CN_TIME.match(text)
    if m:
        hour = int(m.group("hour"))
        minute_text = m.group("minute")
        minute = 30 if minute_text == "半" else int(minute_text or 0)
        if m.group("part") in ("下午", "晚上") and hour < 12:
            hour += 12
        if m.group("part") == "中午" and hour < 6:
            hour += 12
        if hour < 24 and minute < 60:
            return time(hour, minute)
        raise InvalidInput("reason.time_invalid", where=where, value=text)
    return parse_time(text, where=where)


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _minutes_between(start: str, end: str) -> int:
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return (h2 * 60 + m2) - (h1 * 60 + m1)


def _text(value: object, field_name: str, where: Locate) -> str | None:
    text = clean(value)
    if not text:
        return None
    limit = _MAX_TEXT.get(field_name, _DEFAULT_MAX_TEXT)
    if len(text) > limit:
        raise InvalidInput("reason.too_long", where=where(f"service_{field_name}"), limit=limit)
    return text


# ----------------------------------------------------------------------------- the rules


@dataclass
class ServiceInput:
    """One service as given: any field may be raw text, a number, a time or a date.

    Leave ``hours`` and ``start``/``end`` empty to use the activity's scheduled times.
    ``date``, ``place``, ``content`` and ``beneficiaries`` default to the activity's.
    """

    hours: object = None
    start: object = None
    end: object = None
    date: object = None
    attendance: object = None
    place: object = None
    content: object = None
    beneficiaries: object = None
    evaluation: object = None
    notes: object = None
    leader: object = None
    recorder: object = None


@dataclass(frozen=True)
class Entry:
    """A checked entry, ready to append to the ledger."""

    volunteer_id: int
    activity_id: int
    service_date: str
    start_time: str | None
    end_time: str | None
    minutes: int
    attendance: str
    place: str | None
    content: str | None
    beneficiaries: str | None
    leader: str | None
    recorder: str
    evaluation: str | None
    notes: str | None

    def same_service(self, row: sqlite3.Row) -> bool:
        """True when nothing but the recorder differs from a stored entry."""
        keys = (
            "service_date",
            "start_time",
            "end_time",
            "minutes",
            "attendance",
            "place",
            "content",
            "beneficiaries",
            "leader",
            "evaluation",
            "notes",
        )
        return all(getattr(self, key) == row[key] for key in keys)


@dataclass(frozen=True)
class Duration:
    start: str | None
    end: str | None
    minutes: int


def default_recorder(conn: sqlite3.Connection) -> str:
    """The roster's ``recorder`` setting, else the operator running the command."""
    return clean(settings.get(conn, "recorder")) or audit.context().operator


def activity_leader(conn: sqlite3.Connection, activity: sqlite3.Row) -> str | None:
    if activity["leader_id"] is None:
        return None
    row = conn.execute("SELECT name FROM volunteers WHERE id = ?", (activity["leader_id"],))
    found = row.fetchone()
    return found["name"] if found else None


def activity_beneficiaries(conn: sqlite3.Connection, activity: sqlite3.Row) -> str | None:
    """The activity's beneficiary group, else the groups it names as served."""
    if activity["beneficiary_group"]:
        return str(activity["beneficiary_group"])
    groups = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT group_name FROM activity_beneficiaries WHERE activity_id = ?"
            " ORDER BY id",
            (activity["id"],),
        )
    ]
    return "、".join(groups) or None


def _duration(
    given: ServiceInput,
    attendance: str,
    fallback: Duration | None,
    where: Locate,
    keep: Duration | None = None,
) -> Duration:
    has_hours = bool(compact(given.hours))
    has_start = given.start is not None and bool(compact(given.start))
    has_end = given.end is not None and bool(compact(given.end))
    if attendance in ZERO_TIME:
        if has_hours or has_start or has_end:
            raise InvalidInput(
                "hours.reason.zero_time_with_hours",
                where=where("service_hours" if has_hours else "service_start"),
                attendance=attendance,
            )
        return Duration(None, None, 0)
    if has_hours and (has_start or has_end):
        raise InvalidInput("hours.reason.hours_and_times", where=where("service_hours"))
    if has_hours:
        minutes = parse_hours(given.hours, where=where("service_hours"))
        if keep is not None and keep.minutes == minutes:
            return keep  # the same duration: the times on record still hold
        return Duration(None, None, minutes)
    if has_start or has_end:
        start = parse_clock(given.start, where=where("service_start")) if has_start else None
        end = parse_clock(given.end, where=where("service_end")) if has_end else None
        if start is None:
            raise InvalidInput("hours.reason.time_missing", where=where("service_start"))
        if end is None:
            raise InvalidInput("hours.reason.time_missing", where=where("service_end"))
        if end <= start:
            raise InvalidInput(
                "hours.reason.end_before_start",
                where=where("service_end"),
                start=_hhmm(start),
                end=_hhmm(end),
            )
        return Duration(_hhmm(start), _hhmm(end), _minutes_between(_hhmm(start), _hhmm(end)))
    if fallback is not None and fallback.minutes > 0:
        return fallback
    raise InvalidInput(
        "hours.reason.duration_missing",
        where=where("service_hours"),
        hint="hours.hint.duration_missing",
    )


def _scheduled(activity: sqlite3.Row) -> Duration | None:
    start, end = activity["start_time"], activity["end_time"]
    if not start or not end or end <= start:
        return None
    return Duration(start, end, _minutes_between(start, end))


def _inactive_since(conn: sqlite3.Connection, volunteer: sqlite3.Row, day: str) -> str | None:
    """When the volunteer was inactive on ``day``: the date of that deactivation, else None."""
    row = conn.execute(
        "SELECT status, effective_on FROM volunteer_status_changes"
        " WHERE volunteer_id = ? AND effective_on <= ? ORDER BY effective_on DESC, id DESC LIMIT 1",
        (volunteer["id"], day),
    ).fetchone()
    if row is not None:
        return str(row["effective_on"]) if row["status"] == "inactive" else None
    if volunteer["status"] == "inactive":
        later = conn.execute(
            "SELECT count(*) FROM volunteer_status_changes WHERE volunteer_id = ?",
            (volunteer["id"],),
        ).fetchone()[0]
        if not later:  # inactive without a recorded change: inactive all along
            return str(volunteer["registered_on"])
    return None


def _check_once(
    conn: sqlite3.Connection, volunteer: sqlite3.Row, activity: sqlite3.Row, exclude: int | None
) -> None:
    first = conn.execute(
        "SELECT record_id, service_date, minutes FROM service_chains"
        " WHERE volunteer_id = ? AND activity_id = ? AND voided = 0 AND record_id IS NOT ?",
        (volunteer["id"], activity["id"], exclude),
    ).fetchone()
    if first is not None:
        raise Conflict(
            "hours.reason.already_recorded",
            hint="hours.hint.already_recorded",
            volunteer_no=volunteer["volunteer_no"],
            name=volunteer["name"],
            activity_no=activity["activity_no"],
            record=first["record_id"],
            date=first["service_date"],
            hours=hours(first["minutes"]),
        )


def _check_day(
    conn: sqlite3.Connection,
    volunteer: sqlite3.Row,
    day: str,
    duration: Duration,
    exclude: int | None,
    where: Locate,
) -> None:
    """No two records of one volunteer overlap in time on a day, and together stay within 24 h."""
    others = conn.execute(
        "SELECT e.record_id, e.start_time, e.end_time, e.minutes, a.activity_no"
        " FROM service_effective e JOIN activities a ON a.id = e.activity_id"
        " WHERE e.volunteer_id = ? AND e.service_date = ? AND e.record_id IS NOT ?"
        " ORDER BY e.record_id",
        (volunteer["id"], day, exclude),
    ).fetchall()
    if duration.start and duration.end:
        for other in others:
            if (
                other["start_time"]
                and other["start_time"] < duration.end
                and duration.start < other["end_time"]
            ):
                raise Conflict(
                    "hours.reason.day_overlap",
                    where=where("service_start"),
                    volunteer_no=volunteer["volunteer_no"],
                    name=volunteer["name"],
                    record=other["record_id"],
                    activity_no=other["activity_no"],
                    start=other["start_time"],
                    end=other["end_time"],
                )
    total = sum(o["minutes"] for o in others) + duration.minutes
    if total > MAX_MINUTES:
        raise Conflict(
            "hours.reason.day_over_24h",
            where=where("service_hours"),
            volunteer_no=volunteer["volunteer_no"],
            name=volunteer["name"],
            date=day,
            hours=hours(total),
        )


def prepare(
    conn: sqlite3.Connection,
    volunteer: sqlite3.Row,
    activity: sqlite3.Row,
    given: ServiceInput,
    *,
    today: date | None = None,
    where: Locate = _option_where,
    replacing: sqlite3.Row | None = None,
) -> Entry:
    """Check one service against every rule; raise the first refusal.

    ``replacing`` is the entry an amendment replaces: its values are the defaults, and its
    chain is left out of the once-per-activity, overlap and 24-hour checks.
    """
    today = today or date.today()
    if activity["status"] == "cancelled":
        raise Conflict(
            "hours.reason.activity_cancelled",
            where=where("service_activity"),
            activity_no=activity["activity_no"],
            title=activity["title"],
        )
    base = replacing
    raw_attendance = given.attendance
    if raw_attendance is None or not clean(raw_attendance):
        attendance = base["attendance"] if base is not None else "present"
        if attendance in ZERO_TIME and (compact(given.hours) or given.start or given.end):
            attendance = "present"  # an absence amended to time served
    else:
        attendance = parse_attendance(raw_attendance, where=where("service_attendance"))
    kept = None
    if base is not None and base["minutes"] > 0:
        kept = Duration(base["start_time"], base["end_time"], base["minutes"])
    fallback = kept or _scheduled(activity)
    duration = _duration(given, attendance, fallback, where, keep=kept)

    raw_date = given.date
    if raw_date is not None and (not isinstance(raw_date, str) or clean(raw_date)):
        parsed = parse_date(given.date, where=where("service_date"), allow_partial=False)
        assert parsed is not None
        day = parsed.value
    elif base is not None:
        day = date.fromisoformat(base["service_date"])
    else:
        day = date.fromisoformat(activity["date"])
    if day > today:
        raise InvalidInput("reason.date_in_future", where=where("service_date"))
    if day.isoformat() < volunteer["registered_on"]:
        raise InvalidInput(
            "reason.before_registration",
            where=where("service_date"),
            registered_on=volunteer["registered_on"],
        )
    since = _inactive_since(conn, volunteer, day.isoformat())
    if since is not None:
        raise Conflict(
            "hours.reason.volunteer_inactive",
            hint="hours.hint.volunteer_inactive",
            volunteer_no=volunteer["volunteer_no"],
            name=volunteer["name"],
            since=since,
        )
    exclude = None
    if base is not None:
        exclude = base["corrects_id"] if base["corrects_id"] is not None else base["id"]
    _check_once(conn, volunteer, activity, exclude)
    _check_day(conn, volunteer, day.isoformat(), duration, exclude, where)

    def text(name: str, default: object) -> str | None:
        value = getattr(given, name)
        return _text(value, name, where) if clean(value) else _text(default, name, where)

    if base is not None:
        defaults: dict[str, object] = {
            k: base[k]
            for k in ("place", "content", "beneficiaries", "evaluation", "notes", "leader")
        }
    else:
        defaults = {
            "place": activity["place"],
            "content": activity["title"],
            "beneficiaries": activity_beneficiaries(conn, activity),
            "evaluation": None,
            "notes": None,
            "leader": activity_leader(conn, activity),
        }
    recorder = _text(given.recorder, "recorder", where) or default_recorder(conn)
    return Entry(
        volunteer_id=volunteer["id"],
        activity_id=activity["id"],
        service_date=day.isoformat(),
        start_time=duration.start,
        end_time=duration.end,
        minutes=duration.minutes,
        attendance=attendance,
        place=text("place", defaults["place"]),
        content=text("content", defaults["content"]),
        beneficiaries=text("beneficiaries", defaults["beneficiaries"]),
        leader=text("leader", defaults["leader"]),
        recorder=recorder,
        evaluation=text("evaluation", defaults["evaluation"]),
        notes=text("notes", defaults["notes"]),
    )


# ----------------------------------------------------------------------------- writing


def insert(
    conn: sqlite3.Connection,
    entry: Entry,
    *,
    kind: str = "original",
    corrects: int | None = None,
    reason: str | None = None,
    batch_id: int | None = None,
) -> int:
    """Append one entry with its audit record (the caller holds the transaction)."""
    cursor = conn.execute(
        "INSERT INTO service_records (volunteer_id, activity_id, service_date, start_time,"
        " end_time, minutes, attendance, place, content, beneficiaries, leader, recorder,"
        " evaluation, notes, batch_id, kind, corrects_id, reason, recorded_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.volunteer_id,
            entry.activity_id,
            entry.service_date,
            entry.start_time,
            entry.end_time,
            entry.minutes,
            entry.attendance,
            entry.place,
            entry.content,
            entry.beneficiaries,
            entry.leader,
            entry.recorder,
            entry.evaluation,
            entry.notes,
            batch_id,
            kind,
            corrects,
            reason,
            audit.now_iso(),
        ),
    )
    entry_id = cursor.lastrowid
    assert entry_id is not None
    audit.record(
        conn,
        {"original": "hours.add", "amend": "hours.amend", "void": "hours.void"}[kind],
        "service_records",
        entry_id,
        record=corrects or entry_id,
        volunteer_id=entry.volunteer_id,
        activity_id=entry.activity_id,
        date=entry.service_date,
        start=entry.start_time,
        end=entry.end_time,
        minutes=entry.minutes,
        attendance=entry.attendance,
        recorder=entry.recorder,
        reason=reason,
        batch=batch_id,
    )
    return entry_id


def mark_held(conn: sqlite3.Connection, activity: sqlite3.Row, today: date | None = None) -> bool:
    """A planned activity whose date has come is held once hours are recorded for it."""
    today = today or date.today()
    if activity["date"] > today.isoformat():
        return False
    cursor = conn.execute(
        "UPDATE activities SET status = 'held', updated_at = ? WHERE id = ? AND status = 'planned'",
        (audit.now_iso(), activity["id"]),
    )
    if cursor.rowcount:
        audit.record(
            conn,
            "activity.held",
            "activities",
            activity["id"],
            activity_no=activity["activity_no"],
            old="planned",
            new="held",
        )
        return True
    return False


def add(
    conn: sqlite3.Connection,
    volunteer_ref: str,
    activity_ref: str,
    given: ServiceInput,
    *,
    today: date | None = None,
) -> sqlite3.Row:
    """Record one volunteer's service on one activity, in one transaction."""
    with transaction(conn):
        volunteer = volunteers.find(conn, volunteer_ref)
        activity = activities.find(conn, activity_ref)
        entry = prepare(conn, volunteer, activity, given, today=today)
        record_id = insert(conn, entry)
        mark_held(conn, activity, today)
        return get(conn, record_id)


class Refused(Conflict):
    """Several refusals at once: nothing was recorded. The message lists every one."""

    def __init__(self, refusals: Sequence[tuple[str, VolctlError]], *, hint: str | None = None):
        super().__init__("hours.refused_all", hint=hint, count=len(refusals))
        self.refusals = list(refusals)
        codes = {type(error).exit_code for _who, error in refusals}
        self.exit_code = codes.pop() if len(codes) == 1 else Conflict.exit_code

    def message(self) -> str:
        from volctl.i18n import t

        lines = [super().message()]
        lines += [t("hours.refusal_line", who=who, message=err.message()) for who, err in self]
        return "\n".join(lines)

    def __iter__(self) -> Any:
        return iter(self.refusals)


def signed_up(conn: sqlite3.Connection, activity_id: int) -> list[sqlite3.Row]:
    """The activity's roster (报名名单): signed up and not withdrawn, by volunteer number."""
    return conn.execute(
        "SELECT v.* FROM volunteers v JOIN signups s ON s.volunteer_id = v.id"
        " WHERE s.activity_id = ? AND s.withdrawn_at IS NULL ORDER BY v.volunteer_no",
        (activity_id,),
    ).fetchall()


def add_roster(
    conn: sqlite3.Connection,
    activity_ref: str,
    given: ServiceInput,
    *,
    only: Iterable[str] = (),
    absent: Iterable[str] = (),
    leave: Iterable[str] = (),
    today: date | None = None,
) -> list[sqlite3.Row]:
    """Record everyone on an activity's roster at once: all of them, or none.

    ``only`` limits it to some of the roster; ``absent`` and ``leave`` name those recorded
    as absent or on leave (zero time). Every refusal is collected and reported together.
    """
    only, absent, leave = list(only), list(absent), list(leave)
    with transaction(conn):
        activity = activities.find(conn, activity_ref)
        roster = {row["id"]: row for row in signed_up(conn, activity["id"])}
        if not roster:
            raise NotFound(
                "hours.roster_empty",
                hint="hours.hint.roster_empty",
                activity_no=activity["activity_no"],
            )
        refusals: list[tuple[str, VolctlError]] = []

        def resolve(refs: Iterable[str]) -> list[int]:
            ids = []
            for ref in refs:
                try:
                    row = volunteers.find(conn, ref)
                except VolctlError as exc:
                    refusals.append((ref, exc))
                    continue
                if row["id"] not in roster:
                    refusals.append(
                        (
                            f"{row['volunteer_no']} {row['name']}",
                            InvalidInput(
                                "hours.reason.not_on_roster",
                                hint="hours.hint.not_on_roster",
                                activity_no=activity["activity_no"],
                            ),
                        )
                    )
                    continue
                ids.append(row["id"])
            return ids

        only_ids, absent_ids, leave_ids = resolve(only), resolve(absent), resolve(leave)
        both = set(absent_ids) & set(leave_ids)
        for volunteer_id in sorted(both):
            row = roster[volunteer_id]
            refusals.append(
                (
                    f"{row['volunteer_no']} {row['name']}",
                    InvalidInput("hours.reason.absent_and_leave"),
                )
            )
        chosen = set(only_ids) if only else set(roster)
        chosen |= set(absent_ids) | set(leave_ids)
        ids: list[int] = []
        for volunteer_id in sorted(chosen, key=lambda i: roster[i]["volunteer_no"]):
            volunteer = roster[volunteer_id]
            person = given
            if volunteer_id in absent_ids or volunteer_id in leave_ids:
                status = "absent" if volunteer_id in absent_ids else "leave"
                person = replace(given, attendance=status, hours=None, start=None, end=None)
            try:
                entry = prepare(conn, volunteer, activity, person, today=today)
                ids.append(insert(conn, entry))
            except VolctlError as exc:
                refusals.append((f"{volunteer['volunteer_no']} {volunteer['name']}", exc))
        if refusals:
            raise Refused(refusals, hint="hours.hint.refused_all")
        mark_held(conn, activity, today)
        return [get(conn, record_id) for record_id in ids]


# ----------------------------------------------------------------------------- corrections


def parse_record_ref(ref: str) -> int:
    """12, #12, R12 or R000012."""
    text = compact(ref).lstrip("#").upper().removeprefix("R")
    if not text.isdigit():
        raise NotFound("hours.record_not_found", hint="hours.hint.record_not_found", ref=clean(ref))
    return int(text)


def chain_of(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """The chain a record number (or any of its entries' numbers) belongs to."""
    entry_id = parse_record_ref(ref)
    row = conn.execute(
        "SELECT coalesce(corrects_id, id) FROM service_records WHERE id = ?", (entry_id,)
    ).fetchone()
    if row is None:
        raise NotFound("hours.record_not_found", hint="hours.hint.record_not_found", ref=clean(ref))
    chain: sqlite3.Row = conn.execute(
        "SELECT * FROM service_chains WHERE record_id = ?", (row[0],)
    ).fetchone()
    return chain


def _reason(reason: str) -> str:
    text = clean(reason)
    if not text:
        raise InvalidInput("reason.missing_reason", where=Where(field="reason"))
    if len(text) > _DEFAULT_MAX_TEXT:
        raise InvalidInput("reason.too_long", where=Where(field="reason"), limit=_DEFAULT_MAX_TEXT)
    return text


def _current(conn: sqlite3.Connection, ref: str) -> tuple[sqlite3.Row, sqlite3.Row]:
    chain = chain_of(conn, ref)
    if chain["voided"]:
        raise Conflict(
            "hours.reason.record_voided", hint="hours.hint.record_voided", record=chain["record_id"]
        )
    latest = conn.execute(
        "SELECT * FROM service_records WHERE id = ?", (chain["latest_id"],)
    ).fetchone()
    return chain, latest


def amend(
    conn: sqlite3.Connection,
    ref: str,
    given: ServiceInput,
    reason: str,
    *,
    today: date | None = None,
) -> sqlite3.Row:
    """Append a correcting entry to a record's chain; the original stays on record.

    What is not given is carried over from the entry that counts now. The same rules apply
    as to a new record, leaving the record being corrected out of the comparisons.
    """
    reason = _reason(reason)
    with transaction(conn):
        chain, latest = _current(conn, ref)
        volunteer = volunteers.get(conn, chain["volunteer_id"])
        activity = conn.execute(
            "SELECT * FROM activities WHERE id = ?", (chain["activity_id"],)
        ).fetchone()
        entry = prepare(conn, volunteer, activity, given, today=today, replacing=latest)
        if entry.same_service(latest):
            raise InvalidInput(
                "hours.reason.nothing_to_amend",
                hint="hours.hint.nothing_to_amend",
                record=chain["record_id"],
            )
        insert(conn, entry, kind="amend", corrects=chain["record_id"], reason=reason)
        return get(conn, chain["record_id"])


def void(
    conn: sqlite3.Connection,
    ref: str,
    reason: str,
    *,
    recorder: str | None = None,
) -> sqlite3.Row:
    """Append a reversal: the record stops counting; it and the reversal stay on record."""
    reason = _reason(reason)
    with transaction(conn):
        chain, latest = _current(conn, ref)
        entry = Entry(
            volunteer_id=latest["volunteer_id"],
            activity_id=latest["activity_id"],
            service_date=latest["service_date"],
            start_time=None,
            end_time=None,
            minutes=0,
            attendance=latest["attendance"],
            place=latest["place"],
            content=latest["content"],
            beneficiaries=latest["beneficiaries"],
            leader=latest["leader"],
            recorder=clean(recorder) or default_recorder(conn),
            evaluation=latest["evaluation"],
            notes=latest["notes"],
        )
        insert(conn, entry, kind="void", corrects=chain["record_id"], reason=reason)
        return history(conn, record_id=chain["record_id"])[-1]


# ----------------------------------------------------------------------------- reading

_EFFECTIVE = (
    "SELECT e.*, v.volunteer_no, v.name, a.activity_no, a.title AS activity_title"
    " FROM service_effective e"
    " JOIN volunteers v ON v.id = e.volunteer_id"
    " JOIN activities a ON a.id = e.activity_id"
)


@dataclass(frozen=True)
class Filters:
    volunteer_id: int | None = None
    activity_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    batch_id: int | None = None


def _where(filters: Filters, alias: str) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if filters.volunteer_id is not None:
        clauses.append(f"{alias}.volunteer_id = ?")
        params.append(filters.volunteer_id)
    if filters.activity_id is not None:
        clauses.append(f"{alias}.activity_id = ?")
        params.append(filters.activity_id)
    if filters.date_from is not None:
        clauses.append(f"{alias}.service_date >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to is not None:
        clauses.append(f"{alias}.service_date <= ?")
        params.append(filters.date_to.isoformat())
    if filters.batch_id is not None:
        clauses.append(
            f"{alias}.record_id IN (SELECT id FROM service_records WHERE batch_id = ?"
            " AND kind = 'original')"
        )
        params.append(filters.batch_id)
    return clauses, params


def get(conn: sqlite3.Connection, record_id: int) -> sqlite3.Row:
    """A record as it counts now (its chain's latest entry), by its record number."""
    row: sqlite3.Row = conn.execute(f"{_EFFECTIVE} WHERE e.record_id = ?", (record_id,)).fetchone()
    return row


def effective(conn: sqlite3.Connection, filters: Filters = Filters()) -> list[sqlite3.Row]:
    """The records that count (voided ones left out), by date, activity and volunteer."""
    clauses, params = _where(filters, "e")
    sql = _EFFECTIVE + (" WHERE " + " AND ".join(clauses) if clauses else "")
    sql += " ORDER BY e.service_date, a.activity_no, v.volunteer_no, e.record_id"
    return conn.execute(sql, params).fetchall()


def history(
    conn: sqlite3.Connection,
    filters: Filters = Filters(),
    *,
    record_id: int | None = None,
) -> list[sqlite3.Row]:
    """Every entry of the matching chains, voided ones included, each chain in order."""
    clauses, params = _where(replace(filters, volunteer_id=None), "c")
    if filters.volunteer_id is not None:  # through the history's index: voided chains too
        clauses.append(
            "c.record_id IN (SELECT id FROM service_records WHERE volunteer_id = ?"
            " AND kind = 'original')"
        )
        params.append(filters.volunteer_id)
    if record_id is not None:
        clauses.append("c.record_id = ?")
        params.append(record_id)
    chosen = "SELECT record_id, latest_id, voided FROM service_chains c"
    if clauses:
        chosen += " WHERE " + " AND ".join(clauses)
    columns = (
        "r.*, ch.record_id AS chain_id, ch.latest_id, ch.voided,"
        " v.volunteer_no, v.name, a.activity_no, a.title AS activity_title"
    )
    joins = " JOIN volunteers v ON v.id = r.volunteer_id JOIN activities a ON a.id = r.activity_id"
    sql = (
        f"WITH ch AS ({chosen})"
        f" SELECT {columns} FROM ch JOIN service_records r ON r.id = ch.record_id{joins}"
        f" UNION ALL"
        f" SELECT {columns} FROM ch JOIN service_records r ON r.corrects_id = ch.record_id{joins}"
        " ORDER BY chain_id, id"
    )
    rows = conn.execute(sql, params).fetchall()
    # Chains in the order of the effective list: by date, activity, volunteer.
    first = {}
    for row in rows:
        if row["chain_id"] == row["id"]:
            first[row["chain_id"]] = (row["service_date"], row["activity_no"], row["volunteer_no"])
    return sorted(rows, key=lambda r: (first.get(r["chain_id"], ("",) * 3), r["chain_id"], r["id"]))


# ----------------------------------------------------------------------------- output


def _common(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "volunteer_no": row["volunteer_no"],
        "name": row["name"],
        "activity_no": row["activity_no"],
        "activity": row["activity_title"],
        "date": row["service_date"],
        "start": row["start_time"],
        "end": row["end_time"],
        "minutes": row["minutes"],
        "hours": hours(row["minutes"]),
        "attendance": row["attendance"],
        "place": row["place"],
        "content": row["content"],
        "beneficiaries": row["beneficiaries"],
        "leader": row["leader"],
        "recorder": row["recorder"],
        "evaluation": row["evaluation"],
        "notes": row["notes"],
    }


def public(row: sqlite3.Row) -> dict[str, Any]:
    """The documented JSON shape of a record as it counts now."""
    return {
        "record": row["record_id"],
        "entry": row["latest_id"],
        **_common(row),
        "batch": row["batch_id"],
        "recorded_at": row["recorded_at"],
        "corrections": row["corrections"],
        "corrected_at": row["latest_recorded_at"] if row["corrections"] else None,
    }


def public_entry(row: sqlite3.Row) -> dict[str, Any]:
    """The documented JSON shape of one entry of a chain (``list --history``)."""
    return {
        "record": row["chain_id"],
        "entry": row["id"],
        "kind": row["kind"],
        "corrects": row["corrects_id"],
        "reason": row["reason"],
        "current": bool(row["id"] == row["latest_id"] and not row["voided"]),
        **_common(row),
        "batch": row["batch_id"],
        "recorded_at": row["recorded_at"],
    }

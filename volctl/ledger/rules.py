"""The rules a service record is held to, checked before anything is written.

``prepare`` takes what was given (options, or a sign-in sheet row) for one volunteer on one
activity and returns a checked ``Entry`` or raises the first refusal: duration above zero and
at most 24 h (zero for leave and absence), the end after the start, no date after today, not
before the volunteer registered, not while the volunteer was inactive, one record per
volunteer per activity, no overlap and at most 24 h a day per volunteer, nothing for a
cancelled activity. An amendment is held to the same rules, its own record left out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from volctl import audit, settings
from volctl.dates import check_not_too_early, parse_day
from volctl.errors import Conflict, InvalidInput, Where
from volctl.ledger.clock import MAX_MINUTES, ZERO_TIME, parse_attendance, parse_clock, parse_hours
from volctl.ledger.totals import hours
from volctl.text import bounded, clean, compact

_MAX_TEXT = {"notes": 2000}
MAX_TEXT_LENGTH = 200

Locate = Callable[[str], Where]


def _option_where(field_name: str) -> Where:
    return Where(field=field_name)


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _minutes_between(start: str, end: str) -> int:
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return (h2 * 60 + m2) - (h1 * 60 + m1)


def _text(value: object, field_name: str, where: Locate) -> str | None:
    limit = _MAX_TEXT.get(field_name, MAX_TEXT_LENGTH)
    return bounded(value, field_name, limit, where=where(f"service_{field_name}"))


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


def _window(
    start: str | None, end: str | None, activity_start: str | None, activity_end: str | None
) -> tuple[str, str, bool] | None:
    """The times a record took: its own, else its activity's (the flag says which), else None."""
    if start and end:
        return start, end, False
    if activity_start and activity_end and activity_start < activity_end:
        return activity_start, activity_end, True
    return None


def _check_day(
    conn: sqlite3.Connection,
    volunteer: sqlite3.Row,
    activity: sqlite3.Row,
    day: str,
    duration: Duration,
    exclude: int | None,
    where: Locate,
) -> None:
    """No two records of one volunteer overlap in time on a day, and together stay within 24 h.

    A record without times of its own (hours only) is taken to span its activity's times when
    it is dated on the activity's day; an activity without times, or a record on another day,
    gives it no window and it is held to the 24-hour total alone. Leave and absence (zero
    time) take no time.
    """
    others = conn.execute(
        "SELECT e.record_id, e.start_time, e.end_time, e.minutes, a.activity_no,"
        " CASE WHEN a.date = e.service_date THEN a.start_time END AS activity_start,"
        " CASE WHEN a.date = e.service_date THEN a.end_time END AS activity_end"
        " FROM service_effective e JOIN activities a ON a.id = e.activity_id"
        " WHERE e.volunteer_id = ? AND e.service_date = ? AND e.record_id IS NOT ?"
        " ORDER BY e.record_id",
        (volunteer["id"], day, exclude),
    ).fetchall()
    on_its_day = activity["date"] == day
    mine = None
    if duration.minutes > 0:
        mine = _window(
            duration.start,
            duration.end,
            activity["start_time"] if on_its_day else None,
            activity["end_time"] if on_its_day else None,
        )
    if mine is not None:
        start, end, assumed = mine
        for other in others:
            theirs = None
            if other["minutes"] > 0:
                theirs = _window(
                    other["start_time"],
                    other["end_time"],
                    other["activity_start"],
                    other["activity_end"],
                )
            if theirs is not None and theirs[0] < end and start < theirs[1]:
                hint = None
                if assumed or theirs[2]:
                    hint = "hours.hint.day_overlap_activity_times"
                raise Conflict(
                    "hours.reason.day_overlap",
                    where=where("service_start"),
                    hint=hint,
                    volunteer_no=volunteer["volunteer_no"],
                    name=volunteer["name"],
                    record=other["record_id"],
                    activity_no=other["activity_no"],
                    start=theirs[0],
                    end=theirs[1],
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


def _refuse_source_activity(conn: sqlite3.Connection, activity: sqlite3.Row, where: Locate) -> None:
    """A merged activity is its community's: that community records its hours (谁组织谁记录)."""
    owner = conn.execute(
        "SELECT s.label FROM source_rows o JOIN merge_sources s ON s.id = o.source_id"
        " WHERE o.kind = 'activities' AND o.row_id = ?",
        (activity["id"],),
    ).fetchone()
    if owner is not None:
        raise Conflict(
            "hours.reason.source_activity",
            hint="hours.hint.source_owned",
            where=where("service_activity"),
            activity_no=activity["activity_no"],
            source=owner[0],
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
    _refuse_source_activity(conn, activity, where)
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
        day = check_not_too_early(
            parse_day(given.date, where=where("service_date")), where("service_date")
        )
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
    _check_day(conn, volunteer, activity, day.isoformat(), duration, exclude, where)

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
            "content": activity["description"],
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

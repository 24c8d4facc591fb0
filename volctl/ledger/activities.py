"""Activities: planning, the roster of who signed up, cancellation, who was served.

An activity's number is ``A{YYYYMMDD}-{nn}``, ``nn`` counting that day's activities; it
never changes, even when the activity moves to another day, because it is printed on the
sign-in sheet that comes back filled in. Nothing is deleted: a cancelled activity keeps its
row and reason, a withdrawn signup or a beneficiary entered by mistake is marked, not removed.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from volctl import audit, codes
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, Where
from volctl.i18n import join_list
from volctl.identity import display_phone, free_text, mask_phone
from volctl.roster import code_lists
from volctl.text import bounded, clean, plain_whole

STATUSES = ("planned", "held", "cancelled")
MAX_TEXT = {"title": 100, "place": 100, "description": 2000}


# ----------------------------------------------------------------------------- lookup


def find(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """An activity by its number (A20250315-01), its id, or a unique title."""
    text = clean(ref)
    row = conn.execute(
        "SELECT * FROM activities WHERE activity_no = ? COLLATE NOCASE", (text,)
    ).fetchone()
    if row is None and text.isdigit():
        row = conn.execute("SELECT * FROM activities WHERE id = ?", (int(text),)).fetchone()
    if row is not None:
        return row
    rows = conn.execute(
        "SELECT * FROM activities WHERE title = ? ORDER BY date, id", (text,)
    ).fetchall()
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        candidates = "; ".join(f"{r['activity_no']} {r['date']} {r['title']}" for r in rows)
        raise Conflict(
            "activity.ambiguous",
            hint="hint.activity_ambiguous",
            ref=text,
            count=len(rows),
            candidates=candidates,
        )
    raise NotFound("activity.not_found", hint="hint.activity_not_found", ref=text)


_SELECT = (
    "SELECT a.*, t.name AS team_name, l.volunteer_no AS leader_no, l.name AS leader_name,"
    " l.phone AS leader_phone,"
    " (SELECT count(*) FROM signups s WHERE s.activity_id = a.id AND s.withdrawn_at IS NULL)"
    " AS signed_up"
    " FROM activities a LEFT JOIN teams t ON t.id = a.team_id"
    " LEFT JOIN volunteers l ON l.id = a.leader_id"
)


def get(conn: sqlite3.Connection, activity_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute(f"{_SELECT} WHERE a.id = ?", (activity_id,)).fetchone()
    return row


def list_activities(
    conn: sqlite3.Connection,
    *,
    first: date | None = None,
    last: date | None = None,
    team: str | None = None,
    category: str | None = None,
    status: str | None = None,
) -> list[sqlite3.Row]:
    """Activities in date order; ``team`` includes the teams under it."""
    from volctl.dates import check_period

    check_period(first, last, field="to")
    where: list[str] = []
    params: list[Any] = []
    if first is not None:
        where.append("a.date >= ?")
        params.append(first.isoformat())
    if last is not None:
        where.append("a.date <= ?")
        params.append(last.isoformat())
    if team is not None:
        from volctl.roster import teams

        ids = teams.descendants(conn, teams.find(conn, team)["id"])
        where.append(f"a.team_id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    if category is not None:
        where.append("a.category = ?")
        params.append(
            code_lists.check(conn, code_lists.CATEGORY, category, Where(field="category"))
        )
    if status is not None:
        if status not in STATUSES:
            raise InvalidInput(
                "reason.activity_status_unknown",
                where=Where(field="status"),
                value=status,
                choices=", ".join(STATUSES),
            )
        where.append("a.status = ?")
        params.append(status)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    return conn.execute(sql + " ORDER BY a.date, a.start_time, a.activity_no", params).fetchall()


# ----------------------------------------------------------------------------- input


@dataclass
class ActivityInput:
    """An activity as given on the command line: raw text, checked by ``prepare``."""

    title: object = None
    date: object = None
    start_time: object = None
    end_time: object = None
    place: object = None
    category: object = None
    theme: object = None
    team: object = None
    beneficiary_group: object = None
    capacity: object = None
    leader: object = None
    description: object = None
    needs_insurance: object = None


FIELDS = tuple(f.name for f in fields(ActivityInput))


def _text(raw: object, field: str) -> str | None:
    text = clean(raw)
    if not text:
        return None
    limit = MAX_TEXT.get(field, 100)
    if len(text) > limit:
        raise InvalidInput("reason.too_long", where=Where(field=field), limit=limit)
    return text


def prepare(
    conn: sqlite3.Connection, given: ActivityInput, *, check_leader: bool = True
) -> dict[str, Any]:
    """Check and normalise an activity's fields; ``InvalidInput`` names the wrong option."""
    from volctl.dates import check_not_too_early, parse_day, parse_time

    title = _text(given.title, "title")
    if not title:
        raise InvalidInput("reason.missing_title", where=Where(field="title"))
    day = check_not_too_early(parse_day(given.date, where=Where(field="date")), Where(field="date"))
    start = parse_time(given.start_time, where=Where(field="start_time"))
    end = parse_time(given.end_time, where=Where(field="end_time"))
    if (start is None) != (end is None):
        field = "end_time" if end is None else "start_time"
        raise InvalidInput("reason.times_need_both", where=Where(field=field))
    if start is not None and end is not None and end <= start:
        raise InvalidInput(
            "reason.end_before_start",
            where=Where(field="end_time"),
            start=start.strftime("%H:%M"),
            end=end.strftime("%H:%M"),
        )
    if not clean(given.category):
        raise InvalidInput("reason.missing_category", where=Where(field="category"))
    category = code_lists.check(conn, code_lists.CATEGORY, given.category, Where(field="category"))
    theme = clean(given.theme) or None
    if theme is not None and theme not in codes.THEMES:
        raise InvalidInput(
            "reason.theme_unknown",
            where=Where(field="theme"),
            value=theme,
            choices=join_list(codes.THEMES),
        )
    group = None
    if clean(given.beneficiary_group):
        group = code_lists.check(
            conn,
            code_lists.BENEFICIARY_GROUP,
            given.beneficiary_group,
            Where(field="beneficiary_group"),
        )
    return {
        "title": title,
        "date": day.isoformat(),
        "start_time": start.strftime("%H:%M") if start else None,
        "end_time": end.strftime("%H:%M") if end else None,
        "place": _text(given.place, "place"),
        "category": category,
        "theme": theme,
        "team_id": _team_id(conn, given.team),
        "beneficiary_group": group,
        "capacity": _capacity(given.capacity),
        "leader_id": _leader_id(conn, given.leader, check_leader),
        "description": _text(given.description, "description"),
        "needs_insurance": 1 if given.needs_insurance else 0,
    }


def _team_id(conn: sqlite3.Connection, raw: object) -> int | None:
    if not clean(raw):
        return None
    from volctl.roster import teams

    return int(teams.find(conn, raw)["id"])


def _leader_id(conn: sqlite3.Connection, raw: object, check_active: bool = True) -> int | None:
    if not clean(raw):
        return None
    from volctl.roster import volunteers

    row = volunteers.find(conn, str(raw))
    if check_active and row["status"] != "active":
        raise Conflict(
            "activity.leader_inactive",
            where=Where(field="leader"),
            volunteer_no=row["volunteer_no"],
            name=row["name"],
        )
    return int(row["id"])


def _capacity(raw: object) -> int | None:
    if raw is None or clean(raw) == "":
        return None
    value = plain_whole(clean(raw))  # not int(): it takes 1_000
    if value is None or value <= 0:
        raise InvalidInput("reason.capacity_invalid", where=Where(field="capacity"), value=raw)
    return value


def next_number(conn: sqlite3.Connection, day: str) -> str:
    """``A{YYYYMMDD}-{nn}``: the next free number for activities on ``day``."""
    prefix = "A" + day.replace("-", "") + "-"
    numbers = [
        int(row[0][len(prefix) :])
        for row in conn.execute(
            "SELECT activity_no FROM activities WHERE activity_no LIKE ?", (prefix + "%",)
        )
        if row[0][len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


# ----------------------------------------------------------------------------- writes


def insert(
    conn: sqlite3.Connection, values: dict[str, Any], *, series_key: str | None = None
) -> sqlite3.Row:
    """Store a prepared activity under a new number (caller holds the transaction)."""
    now = audit.now_iso()
    row = {
        **values,
        "activity_no": next_number(conn, values["date"]),
        "series_key": series_key,
        "created_at": now,
        "updated_at": now,
    }
    cursor = conn.execute(
        f"INSERT INTO activities ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
        tuple(row.values()),
    )
    assert cursor.lastrowid is not None
    audit.record(conn, "activity.add", "activities", cursor.lastrowid, **row)
    return get(conn, cursor.lastrowid)


def add(
    conn: sqlite3.Connection,
    given: ActivityInput,
    *,
    served: Sequence[str] = (),
    served_groups: Sequence[str] = (),
) -> sqlite3.Row:
    """Plan one activity (and, for one already held, who it served). One transaction."""
    values = prepare(conn, given)
    parsed_groups = [parse_group_count(text) for text in served_groups]
    with transaction(conn):
        row = insert(conn, values)
        if served or parsed_groups:
            _serve(conn, row, served, parsed_groups)
    return get(conn, row["id"])


def update(
    conn: sqlite3.Connection, ref: str, changes: dict[str, object]
) -> tuple[sqlite3.Row, dict[str, tuple[Any, Any]]]:
    """Correct an activity's details or mark it held; its number stays."""
    status = changes.pop("status", None)
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise InvalidInput("activity.unknown_fields", fields=", ".join(sorted(unknown)))
    with transaction(conn):
        row = find(conn, ref)
        if row["status"] == "cancelled":
            raise Conflict(
                "activity.is_cancelled", activity_no=row["activity_no"], title=row["title"]
            )
        merged = ActivityInput(**{**_as_input(conn, row), **changes})
        values = prepare(conn, merged, check_leader="leader" in changes)
        if status is not None:
            if status not in ("planned", "held"):
                raise InvalidInput(
                    "reason.activity_status_update",
                    hint="hint.activity_cancel",
                    where=Where(field="status"),
                    value=status,
                )
            values["status"] = status
        diff = {k: (row[k], v) for k, v in values.items() if row[k] != v}
        if not diff:
            return get(conn, row["id"]), {}
        conn.execute(
            f"UPDATE activities SET {', '.join(f'{k} = ?' for k in diff)}, updated_at = ?"
            " WHERE id = ?",
            (*[v for _o, v in diff.values()], audit.now_iso(), row["id"]),
        )
        audit.record(
            conn,
            "activity.update",
            "activities",
            row["id"],
            activity_no=row["activity_no"],
            changes={k: {"old": o, "new": v} for k, (o, v) in diff.items()},
        )
        return get(conn, row["id"]), diff


def _as_input(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, object]:
    def ref(table: str, column: str, value: int | None) -> str | None:
        if value is None:
            return None
        found = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (value,)).fetchone()
        return str(found[0])

    return {
        "title": row["title"],
        "date": row["date"],
        "start_time": row["start_time"],
        "end_time": row["end_time"],
        "place": row["place"],
        "category": row["category"],
        "theme": row["theme"],
        "team": ref("teams", "name", row["team_id"]),
        "beneficiary_group": row["beneficiary_group"],
        "capacity": row["capacity"],
        "leader": ref("volunteers", "volunteer_no", row["leader_id"]),
        "description": row["description"],
        "needs_insurance": bool(row["needs_insurance"]),
    }


def mark_held(conn: sqlite3.Connection, activity_id: int) -> None:
    """A planned activity that took place (the hours code calls this when it records one)."""
    with transaction(conn):
        row = conn.execute("SELECT * FROM activities WHERE id = ?", (activity_id,)).fetchone()
        if row is None or row["status"] != "planned":
            return
        conn.execute(
            "UPDATE activities SET status = 'held', updated_at = ? WHERE id = ?",
            (audit.now_iso(), activity_id),
        )
        audit.record(
            conn, "activity.held", "activities", activity_id, activity_no=row["activity_no"]
        )


def cancel(conn: sqlite3.Connection, ref: str, reason: object) -> sqlite3.Row:
    """Cancel a planned activity; the row, its roster and the reason stay on record."""
    text = bounded(reason, "reason", missing="reason.missing_reason")
    with transaction(conn):
        row = find(conn, ref)
        if row["status"] == "cancelled":
            raise Conflict(
                "activity.already_cancelled", activity_no=row["activity_no"], title=row["title"]
            )
        recorded = conn.execute(
            "SELECT count(*) FROM service_records WHERE activity_id = ?", (row["id"],)
        ).fetchone()[0]
        if recorded:
            raise Conflict(
                "activity.has_records",
                hint="hint.activity_has_records",
                activity_no=row["activity_no"],
                count=recorded,
            )
        conn.execute(
            "UPDATE activities SET status = 'cancelled', status_reason = ?, updated_at = ?"
            " WHERE id = ?",
            (text, audit.now_iso(), row["id"]),
        )
        audit.record(
            conn,
            "activity.cancel",
            "activities",
            row["id"],
            activity_no=row["activity_no"],
            old_status=row["status"],
            reason=text,
        )
        return get(conn, row["id"])


# ----------------------------------------------------------------------------- signups


def roster_of(conn: sqlite3.Connection, activity_id: int) -> list[sqlite3.Row]:
    """Who is signed up (not withdrawn), in signup order."""
    return conn.execute(
        "SELECT s.*, v.volunteer_no, v.name, v.phone, v.status AS volunteer_status"
        " FROM signups s JOIN volunteers v ON v.id = s.volunteer_id"
        " WHERE s.activity_id = ? AND s.withdrawn_at IS NULL ORDER BY s.id",
        (activity_id,),
    ).fetchall()


def _overlapping(
    conn: sqlite3.Connection, activity: sqlite3.Row, volunteer_id: int
) -> list[sqlite3.Row]:
    """The volunteer's other (not cancelled) activities that day whose times overlap; an
    activity without times takes the whole day."""
    rows = conn.execute(
        "SELECT a.* FROM signups s JOIN activities a ON a.id = s.activity_id"
        " WHERE s.volunteer_id = ? AND s.withdrawn_at IS NULL AND a.id <> ? AND a.date = ?"
        " AND a.status <> 'cancelled' ORDER BY a.start_time",
        (volunteer_id, activity["id"], activity["date"]),
    ).fetchall()
    start, end = activity["start_time"], activity["end_time"]
    return [
        other
        for other in rows
        if start is None
        or other["start_time"] is None
        or (other["start_time"] < end and start < other["end_time"])
    ]


def signup(
    conn: sqlite3.Connection, ref: str, vol_refs: Sequence[str], *, force: bool = False
) -> dict[str, Any]:
    """Put volunteers on an activity's roster. All or nothing.

    Refuses a cancelled activity, inactive volunteers, and going over capacity (unless
    ``force``: the signups beyond capacity are marked ``forced`` and audited). Volunteers
    booked on another activity at overlapping times that day are reported as warnings.
    """
    from volctl.roster import volunteers

    with transaction(conn):
        activity = get(conn, find(conn, ref)["id"])
        if activity["status"] == "cancelled":
            raise Conflict(
                "activity.is_cancelled",
                activity_no=activity["activity_no"],
                title=activity["title"],
            )
        people: dict[int, sqlite3.Row] = {}
        for vol in vol_refs:
            person = volunteers.find(conn, vol)
            people.setdefault(person["id"], person)
        if not people:
            raise InvalidInput("reason.no_volunteers", where=Where(field="volunteers"))
        already: list[sqlite3.Row] = []
        new: list[sqlite3.Row] = []
        for person in people.values():
            if person["status"] != "active":
                raise Conflict(
                    "activity.volunteer_inactive",
                    hint="hint.reactivate_first",
                    volunteer_no=person["volunteer_no"],
                    name=person["name"],
                )
            taken = conn.execute(
                "SELECT 1 FROM signups WHERE activity_id = ? AND volunteer_id = ?"
                " AND withdrawn_at IS NULL",
                (activity["id"], person["id"]),
            ).fetchone()
            (already if taken else new).append(person)
        current = activity["signed_up"]
        capacity = activity["capacity"]
        # Only those not yet on the roster take a place: signing up again someone already on a
        # full (or forced over-full) activity changes nothing and is said so.
        over = capacity is not None and bool(new) and current + len(new) > capacity
        if over and not force:
            raise Conflict(
                "activity.over_capacity_already" if already else "activity.over_capacity",
                hint="hint.activity_force",
                activity_no=activity["activity_no"],
                capacity=capacity,
                current=current,
                adding=len(new),
                already=join_list(f"{p['volunteer_no']} {p['name']}" for p in already),
            )
        added: list[dict[str, Any]] = []
        forced: list[dict[str, Any]] = []
        warnings: list[dict[str, Any]] = []
        now = audit.now_iso()
        for i, person in enumerate(new):
            is_forced = capacity is not None and current + i + 1 > capacity
            cursor = conn.execute(
                "INSERT INTO signups (activity_id, volunteer_id, signed_up_at, forced)"
                " VALUES (?, ?, ?, ?)",
                (activity["id"], person["id"], now, int(is_forced)),
            )
            audit.record(
                conn,
                "activity.signup",
                "signups",
                cursor.lastrowid,
                activity_no=activity["activity_no"],
                volunteer_no=person["volunteer_no"],
                forced=is_forced,
                capacity=capacity,
            )
            entry = {"volunteer_no": person["volunteer_no"], "name": person["name"]}
            added.append(entry)
            if is_forced:
                forced.append(entry)
            if activity["needs_insurance"] and not _insured(conn, person["id"], activity["date"]):
                warnings.append(
                    {
                        "code": "not_insured",
                        "volunteer_no": person["volunteer_no"],
                        "name": person["name"],
                        "activity_no": activity["activity_no"],
                        "title": activity["title"],
                        "date": activity["date"],
                        "time": _time_range(activity),
                    }
                )
            for other in _overlapping(conn, activity, person["id"]):
                warnings.append(
                    {
                        "code": "double_booked",
                        "volunteer_no": person["volunteer_no"],
                        "name": person["name"],
                        "activity_no": other["activity_no"],
                        "title": other["title"],
                        "date": other["date"],
                        "time": _time_range(other),
                    }
                )
        updated = get(conn, activity["id"])
    return {
        "activity_no": activity["activity_no"],
        "title": activity["title"],
        "added": added,
        "already": [{"volunteer_no": p["volunteer_no"], "name": p["name"]} for p in already],
        "forced": forced,
        "warnings": warnings,
        "signed_up": updated["signed_up"],
        "capacity": capacity,
    }


def _insured(conn: sqlite3.Connection, volunteer_id: int, day: str) -> bool:
    """Whether accident insurance covers the volunteer on the activity's day (条例 art. 17)."""
    from volctl.roster import insurance

    return insurance.covering(conn, volunteer_id, date.fromisoformat(day)) is not None


def _time_range(row: sqlite3.Row) -> str | None:
    if row["start_time"] is None:
        return None
    return f"{row['start_time']}-{row['end_time']}"


def withdraw(
    conn: sqlite3.Connection, ref: str, vol_refs: Sequence[str], reason: object
) -> list[dict[str, Any]]:
    """Take volunteers off the roster; the signup stays on record, marked withdrawn."""
    from volctl.roster import volunteers

    text = bounded(reason, "reason", missing="reason.missing_reason")
    out = []
    with transaction(conn):
        activity = find(conn, ref)
        for vol in dict.fromkeys(vol_refs):
            person = volunteers.find(conn, vol)
            signup_row = conn.execute(
                "SELECT * FROM signups WHERE activity_id = ? AND volunteer_id = ?"
                " AND withdrawn_at IS NULL",
                (activity["id"], person["id"]),
            ).fetchone()
            if signup_row is None:
                raise Conflict(
                    "activity.not_signed_up",
                    volunteer_no=person["volunteer_no"],
                    name=person["name"],
                    activity_no=activity["activity_no"],
                )
            conn.execute(
                "UPDATE signups SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?",
                (audit.now_iso(), text, signup_row["id"]),
            )
            audit.record(
                conn,
                "activity.withdraw",
                "signups",
                signup_row["id"],
                activity_no=activity["activity_no"],
                volunteer_no=person["volunteer_no"],
                reason=text,
            )
            out.append({"volunteer_no": person["volunteer_no"], "name": person["name"]})
    return out


# ----------------------------------------------------------------------------- beneficiaries

_GROUP_COUNT = re.compile(r"^(?P<group>.+?)\s*[:：×xX*]\s*(?P<people>\d+)\s*人?$")


MAX_GROUP_PEOPLE = 100_000  # more people than a community serves at one activity: a typo


def parse_group_count(text: str) -> tuple[str, int]:
    """``空巢老人:12`` (also ``空巢老人：12``, ``空巢老人×12人``) -> (group, people), the number
    of people from 1 to ``MAX_GROUP_PEOPLE``."""
    m = _GROUP_COUNT.match(clean(text))
    if not m:
        raise InvalidInput(
            "reason.served_group_format", where=Where(field="served_group"), value=text
        )
    people = int(m.group("people"))
    if not 1 <= people <= MAX_GROUP_PEOPLE:
        raise InvalidInput(
            "reason.served_group_count",
            where=Where(field="served_group"),
            value=text,
            low=1,
            high=MAX_GROUP_PEOPLE,
        )
    return m.group("group").strip(), people


def serve(
    conn: sqlite3.Connection,
    ref: str,
    recipients: Sequence[str] = (),
    groups: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Record who an activity served: named beneficiaries and/or a number of a group."""
    parsed = [parse_group_count(text) for text in groups]
    if not recipients and not parsed:
        raise InvalidInput("activity.serve_nothing", hint="hint.activity_serve")
    with transaction(conn):
        activity = find(conn, ref)
        if activity["status"] == "cancelled":
            raise Conflict(
                "activity.is_cancelled",
                activity_no=activity["activity_no"],
                title=activity["title"],
            )
        return _serve(conn, activity, recipients, parsed)


def _serve(
    conn: sqlite3.Connection,
    activity: sqlite3.Row,
    recipients: Iterable[str],
    groups: Iterable[tuple[str, int]],
) -> list[dict[str, Any]]:
    from volctl.roster import recipients as recipient_roster

    added = []
    now = audit.now_iso()
    for ref in recipients:
        person = recipient_roster.find(conn, ref)
        if conn.execute(
            "SELECT 1 FROM activity_beneficiaries WHERE activity_id = ? AND recipient_id = ?"
            " AND withdrawn_at IS NULL",
            (activity["id"], person["id"]),
        ).fetchone():
            continue
        cursor = conn.execute(
            "INSERT INTO activity_beneficiaries (activity_id, recipient_id, group_name, people,"
            " created_at) VALUES (?, ?, ?, 1, ?)",
            (activity["id"], person["id"], person["group_name"], now),
        )
        entry = {
            "id": cursor.lastrowid,
            "recipient_no": person["recipient_no"],
            "name": person["name"],
            "group": person["group_name"],
            "people": 1,
        }
        audit.record(
            conn,
            "activity.serve",
            "activity_beneficiaries",
            cursor.lastrowid,
            activity_no=activity["activity_no"],
            **entry,
        )
        added.append(entry)
    for group, people in groups:
        name = code_lists.check(
            conn, code_lists.BENEFICIARY_GROUP, group, Where(field="served_group")
        )
        cursor = conn.execute(
            "INSERT INTO activity_beneficiaries (activity_id, recipient_id, group_name, people,"
            " created_at) VALUES (?, NULL, ?, ?, ?)",
            (activity["id"], name, people, now),
        )
        entry = {"id": cursor.lastrowid, "recipient_no": None, "name": None, "group": name}
        entry["people"] = people
        audit.record(
            conn,
            "activity.serve",
            "activity_beneficiaries",
            cursor.lastrowid,
            activity_no=activity["activity_no"],
            **entry,
        )
        added.append(entry)
    return added


def unserve(conn: sqlite3.Connection, ref: str, entry_id: int, reason: object) -> dict[str, Any]:
    """Withdraw a beneficiary entry made by mistake; it stays on record, marked."""
    text = bounded(reason, "reason", missing="reason.missing_reason")
    with transaction(conn):
        activity = find(conn, ref)
        row = conn.execute(
            "SELECT * FROM activity_beneficiaries WHERE id = ? AND activity_id = ?"
            " AND withdrawn_at IS NULL",
            (entry_id, activity["id"]),
        ).fetchone()
        if row is None:
            raise NotFound(
                "activity.served_entry_not_found", id=entry_id, activity_no=activity["activity_no"]
            )
        conn.execute(
            "UPDATE activity_beneficiaries SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?",
            (audit.now_iso(), text, entry_id),
        )
        audit.record(
            conn,
            "activity.unserve",
            "activity_beneficiaries",
            entry_id,
            activity_no=activity["activity_no"],
            reason=text,
        )
        return {"id": entry_id, "group": row["group_name"], "people": row["people"]}


def served(conn: sqlite3.Connection, activity_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT b.*, r.recipient_no, r.name FROM activity_beneficiaries b"
        " LEFT JOIN recipients r ON r.id = b.recipient_id"
        " WHERE b.activity_id = ? AND b.withdrawn_at IS NULL ORDER BY b.id",
        (activity_id,),
    ).fetchall()
    return [
        {
            "id": r["id"],
            "recipient_no": r["recipient_no"],
            "name": r["name"],
            "group": r["group_name"],
            "people": r["people"],
        }
        for r in rows
    ]


def served_by_group(
    conn: sqlite3.Connection,
    first: date,
    last: date,
    *,
    team_ids: Iterable[int] | None = None,
) -> list[dict[str, Any]]:
    """Beneficiaries served from ``first`` to ``last`` by group (activities not cancelled).

    ``people`` adds up every entry (人次: a person visited at three activities counts three
    times); ``recipients`` counts distinct named beneficiaries; ``activities`` the activities.
    ``team_ids`` keeps the activities organised by those teams only.
    """
    teams = ""
    params: list[object] = [first.isoformat(), last.isoformat()]
    if team_ids is not None:
        teams = " AND a.team_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(set(team_ids))))
    rows = conn.execute(
        "SELECT b.group_name, sum(b.people) AS people, count(DISTINCT b.recipient_id)"
        " AS recipients, count(DISTINCT b.activity_id) AS activities"
        " FROM activity_beneficiaries b JOIN activities a ON a.id = b.activity_id"
        " WHERE b.withdrawn_at IS NULL AND a.status <> 'cancelled' AND a.date BETWEEN ? AND ?"
        f"{teams} GROUP BY b.group_name ORDER BY people DESC, b.group_name",
        params,
    ).fetchall()
    return [
        {
            "group": r["group_name"],
            "people": r["people"],
            "recipients": r["recipients"],
            "activities": r["activities"],
        }
        for r in rows
    ]


# ----------------------------------------------------------------------------- output


def public(row: sqlite3.Row, *, show_pii: bool = False) -> dict[str, Any]:
    """The documented JSON shape of an activity."""
    leader = None
    if row["leader_no"] is not None:
        phone = row["leader_phone"]
        leader = {
            "volunteer_no": row["leader_no"],
            "name": row["leader_name"],
            "phone": display_phone(phone) if show_pii else mask_phone(phone),
        }
    return {
        "activity_no": row["activity_no"],
        "title": row["title"],
        "date": row["date"],
        "start_time": row["start_time"],
        "end_time": row["end_time"],
        "place": free_text(row["place"], show_pii),
        "category": row["category"],
        "theme": row["theme"],
        "team": row["team_name"],
        "beneficiary_group": row["beneficiary_group"],
        "capacity": row["capacity"],
        "signed_up": row["signed_up"],
        "leader": leader,
        "status": row["status"],
        "status_reason": free_text(row["status_reason"], show_pii),
        "description": free_text(row["description"], show_pii),
        "needs_insurance": bool(row["needs_insurance"]),
        "series_key": row["series_key"],
    }


def signup_record(row: sqlite3.Row, *, show_pii: bool = False) -> dict[str, Any]:
    return {
        "volunteer_no": row["volunteer_no"],
        "name": row["name"],
        "phone": display_phone(row["phone"]) if show_pii else mask_phone(row["phone"]),
        "signed_up_at": row["signed_up_at"],
        "forced": bool(row["forced"]),
        "volunteer_status": row["volunteer_status"],
    }

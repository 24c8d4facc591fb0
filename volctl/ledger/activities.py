"""Activities: planning, the roster of who signed up, cancellation, who was served.

An activity's number is ``A{YYYYMMDD}-{nn}``, ``nn`` counting that day's activities; it
never changes, even when the activity moves to another day, because it is printed on the
sign-in sheet that comes back filled in. Nothing is deleted: a cancelled activity keeps its
row and reason, a withdrawn signup or a beneficiary entered by mistake is marked, not removed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, Where
from volctl.masking import display_phone, free_text, mask_phone
from volctl.roster import code_lists
from volctl.text import bounded, clean, plain_whole, typed

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
        "SELECT * FROM activities WHERE title IN (?, ?) ORDER BY date, id", (typed(ref), text)
    ).fetchall()
    if not rows:  # typed in another width: 集中服务日:邻里守望 for 集中服务日：邻里守望
        rows = conn.execute(
            "SELECT * FROM activities WHERE fold(title) = ? ORDER BY date, id", (text,)
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
        status = check_status(status)
        where.append("a.status = ?")
        params.append(status)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    return conn.execute(sql + " ORDER BY a.date, a.start_time, a.activity_no", params).fetchall()


def check_status(raw: object, field: str = "status") -> str:
    """An activity's status by its code or name (held, 已举办); an unknown one refused."""
    from volctl import values

    key = "reason.activity_status_unknown"
    found = values.parse("activity_status", raw, key, where=Where(field=field))
    if found is None:
        raise InvalidInput(key, where=Where(field=field), value="",
                           choices=values.choices("activity_status"))  # fmt: skip
    return found


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
    text = typed(raw)
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
    from volctl import values

    theme = values.parse("theme", clean(given.theme), "reason.theme_unknown",
                         where=Where(field="theme"))  # fmt: skip
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
    from volctl.ledger.beneficiaries import parse_group_count, serve_in

    parsed_groups = [parse_group_count(text) for text in served_groups]
    with transaction(conn):
        row = insert(conn, values)
        if served or parsed_groups:
            serve_in(conn, row, served, parsed_groups)
    return get(conn, row["id"])


def update(
    conn: sqlite3.Connection,
    ref: str,
    changes: dict[str, object],
    *,
    today: date | None = None,
) -> tuple[sqlite3.Row, dict[str, tuple[Any, Any]]]:
    """Correct an activity's details or mark it held; its number stays. An activity dated
    after today cannot be held (nor a held one moved after today)."""
    today = today or date.today()
    changes = dict(changes)
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
            status = check_status(status)
            if status not in ("planned", "held"):
                raise InvalidInput(
                    "reason.activity_status_update",
                    hint="hint.activity_cancel",
                    where=Where(field="status"),
                    value=status,
                )
            values["status"] = status
        if values.get("status", row["status"]) == "held" and values["date"] > today.isoformat():
            raise InvalidInput(
                "reason.held_in_future",
                hint="hint.held_in_future",
                where=Where(field="status" if status else "date"),
                activity_no=row["activity_no"],
                date=values["date"],
            )
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


def select(
    conn: sqlite3.Connection,
    refs: Sequence[str],
    *,
    past_planned: bool = False,
    today: date | None = None,
) -> list[str]:
    """The activities a command names, each once, in order: ``refs`` (several, or comma
    lists) and, with ``past_planned``, every activity dated before today still planned."""
    from volctl.roster.refs import words

    chosen = [find(conn, ref)["activity_no"] for ref in words(refs)]
    if past_planned:
        chosen += [row["activity_no"] for row in still_planned(conn, today=today)]
    if not chosen:
        raise InvalidInput(
            "activity.none_chosen" if not past_planned else "activity.none_past_planned",
            where=Where(field="activity_no"),
        )
    return list(dict.fromkeys(chosen))


def still_planned(conn: sqlite3.Connection, *, today: date | None = None) -> list[sqlite3.Row]:
    """Activities dated before today that are still planned: held or cancelled, they should
    say so (the reports count only held ones)."""
    today = today or date.today()
    return conn.execute(
        f"{_SELECT} WHERE a.status = 'planned' AND a.date < ? ORDER BY a.date, a.activity_no",
        (today.isoformat(),),
    ).fetchall()


def update_many(
    conn: sqlite3.Connection, refs: Sequence[str], changes: dict[str, object]
) -> list[tuple[sqlite3.Row, dict[str, tuple[Any, Any]]]]:
    """``update`` for several activities in one transaction: all of them, or none."""
    with transaction(conn):
        return [update(conn, ref, changes) for ref in refs]


def cancel_many(conn: sqlite3.Connection, refs: Sequence[str], reason: object) -> list[sqlite3.Row]:
    """``cancel`` for several activities in one transaction: all of them, or none."""
    with transaction(conn):
        return [cancel(conn, ref, reason) for ref in refs]


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


# ----------------------------------------------------------------------------- beneficiaries


def serve(
    conn: sqlite3.Connection,
    ref: str,
    recipients: Sequence[str] = (),
    groups: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Record who an activity served: named beneficiaries and/or a number of a group."""
    from volctl.ledger.beneficiaries import parse_group_count, serve_in

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
        return serve_in(conn, activity, recipients, parsed)


def unserve(conn: sqlite3.Connection, ref: str, entry_id: int, reason: object) -> dict[str, Any]:
    """Withdraw a beneficiary entry made by mistake; it stays on record, marked."""
    from volctl.ledger.beneficiaries import unserve_in

    text = bounded(reason, "reason", missing="reason.missing_reason")
    with transaction(conn):
        return unserve_in(conn, find(conn, ref), entry_id, text)


# ----------------------------------------------------------------------------- output


def series_rule(key: str | None) -> str | None:
    """The rule of the series an activity belongs to, as a clerk names it (每月第三个星期六,
    or the RRULE), from its ``series_key``; ``None`` outside a series."""
    if not key:
        return None
    from volctl.ledger.recurrence import rule_label

    rule = key.split("|", 1)[0]
    source, _, merged = rule.partition(":")  # a merged series: "<source>:<rule>|…"
    return rule_label(merged if source.isdigit() and merged else rule)


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
        "series": series_rule(row["series_key"]),
    }

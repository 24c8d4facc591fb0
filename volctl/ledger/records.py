"""Service records (志愿服务记录): the rules, recording, corrections; the ledger's entry point.

A record holds what 志愿服务记录办法 asks for: the activity, date, place, content,
beneficiaries, service time (whole minutes), attendance, the activity leader and the recorder,
and the import batch it came with. Service time is actual service, not travel to and from it.

Records are never edited or deleted. ``amend`` appends a correcting entry that points at the
original; ``void`` appends a reversal. The latest entry of a chain is what counts
(``service_chains``, kept by the database from the history).

Every rule refuses with a ``hours.reason.<code>`` (or shared ``reason.<code>``) key; the code is
stable and documented in the README, and the sign-in sheet import reports it per row.

Neighbours, all reachable from here: ``clock`` (hours, times, attendance as typed),
``listing`` (the records that count, chains, JSON shapes), ``totals`` (minutes per volunteer
per period, year and all time: ``records.totals``, ``records.yearly``, ``records.cumulative``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, VolctlError
from volctl.ledger import activities
from volctl.ledger.clock import (
    ATTENDANCE,
    MAX_MINUTES,
    ZERO_TIME,
    parse_attendance,
    parse_clock,
    parse_hours,
)
from volctl.ledger.listing import (
    Filters,
    effective,
    get,
    history,
    public,
    public_entry,
)
from volctl.ledger.rules import (
    MAX_TEXT_LENGTH,
    Duration,
    Entry,
    Locate,
    ServiceInput,
    default_recorder,
    prepare,
)
from volctl.ledger.totals import Total, cumulative, hours, totals, verify, yearly
from volctl.roster import volunteers
from volctl.text import bounded, clean, compact, typed

# What this module offers, its neighbours' included: the ledger is reached from here.
__all__ = [
    "ATTENDANCE",
    "MAX_MINUTES",
    "ZERO_TIME",
    "Duration",
    "Entry",
    "Filters",
    "Locate",
    "Refused",
    "RosterResult",
    "ServiceInput",
    "Total",
    "add",
    "add_roster",
    "amend",
    "chain_of",
    "cumulative",
    "default_recorder",
    "effective",
    "get",
    "history",
    "hours",
    "insert",
    "mark_held",
    "parse_attendance",
    "parse_clock",
    "parse_hours",
    "prepare",
    "public",
    "public_entry",
    "signed_up",
    "totals",
    "verify",
    "void",
    "yearly",
]


# ----------------------------------------------------------------------------- writing


def insert(
    conn: sqlite3.Connection,
    entry: Entry,
    *,
    kind: str = "original",
    corrects: int | None = None,
    reason: str | None = None,
    batch_id: int | None = None,
    where: Locate | None = None,
    today: date | None = None,
    checked: bool = True,
) -> int:
    """Append one entry with its audit record (the caller holds the transaction). The entry
    passes the roster's rules for a stored record first (``volctl.validation``, the rules a
    merge and ``check`` apply), ``where`` naming the field (a sign-in sheet's cell)."""
    from volctl.validation import refuse

    values = {
        "volunteer_id": entry.volunteer_id,
        "activity_id": entry.activity_id,
        "service_date": entry.service_date,
        "start_time": entry.start_time,
        "end_time": entry.end_time,
        "minutes": entry.minutes,
        "attendance": entry.attendance,
        "place": entry.place,
        "content": entry.content,
        "beneficiaries": entry.beneficiaries,
        "leader": entry.leader,
        "recorder": entry.recorder,
        "evaluation": entry.evaluation,
        "notes": entry.notes,
        "batch_id": batch_id,
        "kind": kind,
        "corrects_id": corrects,
        "reason": reason,
        "recorded_at": audit.now_iso(),
    }
    if checked:
        refuse("service_records", values, where=where, today=today)
    cursor = conn.execute(
        f"INSERT INTO service_records ({', '.join(values)})"
        f" VALUES ({', '.join('?' for _ in values)})",
        tuple(values.values()),
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
        record_id = insert(conn, entry, today=today)
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


@dataclass(frozen=True)
class RosterResult:
    """What ``add_roster`` recorded, and whom it left as already recorded (with the record)."""

    records: list[sqlite3.Row]
    already: list[tuple[sqlite3.Row, int]]


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
) -> RosterResult:
    """Record everyone on an activity's roster at once: all of them, or none.

    ``only`` limits it to some of the roster; ``absent`` and ``leave`` name those recorded
    as absent or on leave (zero time). Every refusal is collected and reported together.
    Someone the roster brings in who already has a record for the activity (recorded on their
    own, say, with their own times) is left as recorded; naming them is refused.
    """
    from volctl.roster.refs import expand

    with transaction(conn):
        only, absent, leave = expand(conn, only), expand(conn, absent), expand(conn, leave)
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
        named = set(only_ids) | set(absent_ids) | set(leave_ids)
        chosen = named if only else set(roster) | named
        recorded = {
            row["volunteer_id"]: row["record_id"]
            for row in conn.execute(
                "SELECT volunteer_id, record_id FROM service_chains"
                " WHERE activity_id = ? AND voided = 0",
                (activity["id"],),
            )
        }
        already = [(roster[v], recorded[v]) for v in sorted(chosen - named) if v in recorded]
        chosen -= {volunteer["id"] for volunteer, _record in already}
        ids: list[int] = []
        for volunteer_id in sorted(chosen, key=lambda i: roster[i]["volunteer_no"]):
            volunteer = roster[volunteer_id]
            person = given
            if volunteer_id in absent_ids or volunteer_id in leave_ids:
                status = "absent" if volunteer_id in absent_ids else "leave"
                person = replace(given, attendance=status, hours=None, start=None, end=None)
            try:
                entry = prepare(conn, volunteer, activity, person, today=today)
                ids.append(insert(conn, entry, today=today))
            except VolctlError as exc:
                refusals.append((f"{volunteer['volunteer_no']} {volunteer['name']}", exc))
        if refusals:
            raise Refused(refusals, hint="hours.hint.refused_all")
        if ids:
            mark_held(conn, activity, today)
        already.sort(key=lambda pair: pair[0]["volunteer_no"])
        return RosterResult([get(conn, record_id) for record_id in ids], already)


# ----------------------------------------------------------------------------- corrections


def parse_record_ref(ref: str) -> int:
    """12, #12, R12 or R000012."""
    text = compact(ref).lstrip("#").upper().removeprefix("R")
    if not text.isdigit() or len(text) > 18:  # beyond any SQLite integer: no such record
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
    text = bounded(reason, "reason", MAX_TEXT_LENGTH, missing="reason.missing_reason")
    assert text is not None
    return text


def _current(conn: sqlite3.Connection, ref: str) -> tuple[sqlite3.Row, sqlite3.Row]:
    chain = chain_of(conn, ref)
    from volctl.merge.sources import owner_of_record

    owner = owner_of_record(conn, chain["record_id"])
    if owner is not None:  # a community's record merged here is corrected by the community
        raise Conflict(
            "hours.reason.source_record",
            hint="hours.hint.source_owned",
            record=chain["record_id"],
            source=owner,
        )
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
        insert(conn, entry, kind="amend", corrects=chain["record_id"], reason=reason, today=today)
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
            recorder=typed(recorder) or default_recorder(conn),
            evaluation=latest["evaluation"],
            notes=latest["notes"],
        )
        # A void repeats the entry it reverses as stored: a record holding a value the rules
        # refuse (old data) can always be voided.
        insert(conn, entry, kind="void", corrects=chain["record_id"], reason=reason, checked=False)
        return history(conn, record_id=chain["record_id"])[-1]

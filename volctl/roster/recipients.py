"""Beneficiaries (服务对象名册, seed 002) and pairings (结对帮扶: 一助一, 多助一, seed 000).

A beneficiary is a resident the community serves: an empty-nest elder, a left-behind child,
a person with a disability… Their identity number, phone, address and family contact are
personal data, masked like volunteers'. A pairing links one volunteer to one beneficiary from
a date; several volunteers on one beneficiary make a 多助一. Ending a pairing dates it; the
row stays.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from volctl import audit, values
from volctl.dates import age_on, parse_date
from volctl.db import next_counter, transaction
from volctl.errors import Conflict, InvalidInput, NotFound, Where
from volctl.identity import parse_id_number, parse_phone
from volctl.masking import display_phone, free_text, mask_id_number, mask_phone
from volctl.roster import code_lists
from volctl.roster.refs import expand
from volctl.text import NOTES_TEXT, TEXT, bounded, clean, compact, mask_text

STATUSES = ("active", "inactive", "all")
PREFIX = "R"


@dataclass
class RecipientInput:
    name: object = None
    group: object = None
    gender: object = None
    birth_date: object = None
    id_number: object = None
    phone: object = None
    address: object = None
    needs: object = None
    family_contact: object = None
    family_phone: object = None
    registered_on: object = None
    notes: object = None


FIELDS = tuple(f.name for f in fields(RecipientInput))


def _text(raw: object, field: str, limit: int = TEXT) -> str | None:
    return bounded(raw, field, limit)


def prepare(
    conn: sqlite3.Connection, given: RecipientInput, *, today: date | None = None
) -> dict[str, Any]:

    today = today or date.today()
    name = _text(given.name, "name", 50)
    if not name:
        raise InvalidInput("reason.missing_name", where=Where(field="name"))
    if not clean(given.group):
        raise InvalidInput("reason.missing_group", where=Where(field="group"))
    group = code_lists.check(conn, code_lists.BENEFICIARY_GROUP, given.group, Where(field="group"))
    gender = values.gender(given.gender, Where(field="gender"))
    birth = parse_date(given.birth_date, where=Where(field="birth_date"), allow_partial=False)
    born = birth.value if birth else None
    number = None
    if compact(given.id_number):
        ident = parse_id_number(given.id_number, today=today, where=Where(field="id_number"))
        number = ident.number
        if gender and ident.gender and gender != ident.gender:
            raise InvalidInput(
                "reason.id_gender_mismatch",
                where=Where(field="gender"),
                given=gender,
                derived=ident.gender,
            )
        if born and ident.birth_date and born != ident.birth_date:
            raise InvalidInput(
                "reason.id_birth_date_mismatch",
                where=Where(field="birth_date"),
                given=born.isoformat(),
                derived=ident.birth_date.isoformat(),
            )
        gender = gender or ident.gender
        born = born or ident.birth_date
    if born and born > today:
        raise InvalidInput("reason.date_in_future", where=Where(field="birth_date"))
    registered = parse_date(
        given.registered_on, where=Where(field="registered_on"), allow_partial=False
    )
    registered_on = registered.value if registered else today
    if registered_on > today:
        raise InvalidInput("reason.registered_in_future", where=Where(field="registered_on"))

    def phone(raw: object, field: str) -> str | None:
        if not compact(raw):
            return None
        return parse_phone(raw, where=Where(field=field), field_code=field)

    return {
        "name": name,
        "group_name": group,
        "gender": gender,
        "birth_date": born.isoformat() if born else None,
        "id_number": number,
        "phone": phone(given.phone, "phone"),
        "address": _text(given.address, "address"),
        "needs": _text(given.needs, "needs", 500),
        "family_contact": _text(given.family_contact, "family_contact", 50),
        "family_phone": phone(given.family_phone, "family_phone"),
        "registered_on": registered_on.isoformat(),
        "notes": _text(given.notes, "notes", 2000),
    }


def add(
    conn: sqlite3.Connection, given: RecipientInput, *, today: date | None = None
) -> sqlite3.Row:
    values = prepare(conn, given, today=today)
    with transaction(conn):
        if values["id_number"]:
            other = conn.execute(
                "SELECT recipient_no, name FROM recipients WHERE id_number = ?",
                (values["id_number"],),
            ).fetchone()
            if other is not None:
                raise Conflict(
                    "recipient.duplicate", recipient_no=other["recipient_no"], name=other["name"]
                )
        now = audit.now_iso()
        row = {
            **values,
            "recipient_no": f"{PREFIX}{next_counter(conn, 'recipient_no'):06d}",
            "created_at": now,
            "updated_at": now,
        }
        cursor = conn.execute(
            f"INSERT INTO recipients ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
            tuple(row.values()),
        )
        assert cursor.lastrowid is not None
        audit.record(
            conn,
            "recipient.add",
            "recipients",
            cursor.lastrowid,
            recipient_no=row["recipient_no"],
            name=row["name"],
            group=row["group_name"],
        )
        return get(conn, cursor.lastrowid)


def get(conn: sqlite3.Connection, recipient_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute(
        "SELECT * FROM recipients WHERE id = ?", (recipient_id,)
    ).fetchone()
    return row


def find(conn: sqlite3.Connection, ref: object) -> sqlite3.Row:
    """A beneficiary by number (R000001), identity number, phone or unique name."""
    text = clean(ref)
    row = conn.execute(
        "SELECT * FROM recipients WHERE recipient_no = ? COLLATE NOCASE", (text,)
    ).fetchone()
    if row is not None:
        return row
    number = compact(text).upper()
    if len(number) >= 8 and number.isalnum():
        row = conn.execute("SELECT * FROM recipients WHERE id_number = ?", (number,)).fetchone()
        if row is not None:
            return row
    rows = conn.execute(
        "SELECT * FROM recipients WHERE fold(name) = ? ORDER BY id", (text,)
    ).fetchall()
    if not rows and sum(ch.isdigit() for ch in text) >= 7:
        try:
            phone = parse_phone(text)
        except InvalidInput:
            phone = None
        if phone:
            rows = conn.execute("SELECT * FROM recipients WHERE phone = ?", (phone,)).fetchall()
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        candidates = "; ".join(f"{r['recipient_no']} {r['name']} {r['group_name']}" for r in rows)
        raise Conflict(
            "recipient.ambiguous",
            hint="hint.recipient_ambiguous",
            ref=text,
            count=len(rows),
            candidates=candidates,
        )
    raise NotFound("recipient.not_found", hint="hint.recipient_not_found", ref=text)


def list_recipients(
    conn: sqlite3.Connection,
    *,
    status: str = "active",
    group: str | None = None,
    search: str | None = None,
) -> list[sqlite3.Row]:
    where: list[str] = []
    params: list[str] = []
    if status not in STATUSES:
        raise InvalidInput(
            "reason.status_unknown",
            where=Where(field="status"),
            value=status,
            choices=", ".join(STATUSES),
        )
    if status != "all":
        where.append("status = ?")
        params.append(status)
    if group:
        where.append("group_name = ?")
        params.append(
            code_lists.check(conn, code_lists.BENEFICIARY_GROUP, group, Where(field="group"))
        )
    if search:
        like = f"%{clean(search)}%"
        where.append("(name LIKE ? OR recipient_no LIKE ? OR needs LIKE ? OR notes LIKE ?)")
        params.extend([like] * 4)
    sql = "SELECT * FROM recipients" + (" WHERE " + " AND ".join(where) if where else "")
    return conn.execute(sql + " ORDER BY recipient_no", params).fetchall()


def update(
    conn: sqlite3.Connection, ref: object, changes: dict[str, object]
) -> tuple[sqlite3.Row, dict[str, tuple[Any, Any]]]:
    """Correct a beneficiary's details; the old values stay in the audit log."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise InvalidInput("recipient.unknown_fields", fields=", ".join(sorted(unknown)))
    with transaction(conn):
        row = find(conn, ref)
        current = {name: row[name] for name in FIELDS if name != "group"}
        current["group"] = row["group_name"]
        values = prepare(conn, RecipientInput(**{**current, **changes}))
        diff = {k: (row[k], v) for k, v in values.items() if row[k] != v}
        if not diff:
            return row, {}
        conn.execute(
            f"UPDATE recipients SET {', '.join(f'{k} = ?' for k in diff)}, updated_at = ?"
            " WHERE id = ?",
            (*[v for _o, v in diff.values()], audit.now_iso(), row["id"]),
        )
        audit.record(
            conn,
            "recipient.update",
            "recipients",
            row["id"],
            recipient_no=row["recipient_no"],
            changes={k: {"old": o, "new": v} for k, (o, v) in diff.items()},
        )
        return get(conn, row["id"]), diff


def set_status(
    conn: sqlite3.Connection, ref: object, status: str, reason: object, *, end_pairings_on: date
) -> tuple[sqlite3.Row, list[str]]:
    """Take a beneficiary off (moved away, passed away…) or back on the register.

    Going inactive ends their open pairings that day; the rows stay, dated.
    """
    text = bounded(reason, "reason", missing="reason.missing_reason")
    ended: list[str] = []
    with transaction(conn):
        row = find(conn, ref)
        if row["status"] == status:
            raise Conflict(
                f"recipient.already_{status}", recipient_no=row["recipient_no"], name=row["name"]
            )
        conn.execute(
            "UPDATE recipients SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?",
            (status, text, audit.now_iso(), row["id"]),
        )
        audit.record(
            conn,
            f"recipient.{'deactivate' if status == 'inactive' else 'reactivate'}",
            "recipients",
            row["id"],
            recipient_no=row["recipient_no"],
            reason=text,
        )
        if status == "inactive":
            for pair in open_pairings(conn, row["id"]):
                _end(conn, pair, end_pairings_on)
                ended.append(pair["volunteer_no"])
        return get(conn, row["id"]), ended


# ----------------------------------------------------------------------------- pairings


def open_pairings(conn: sqlite3.Connection, recipient_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT p.*, v.volunteer_no, v.name, v.phone FROM pairings p"
        " JOIN volunteers v ON v.id = p.volunteer_id"
        " WHERE p.recipient_id = ? AND p.ended_on IS NULL ORDER BY p.started_on, p.id",
        (recipient_id,),
    ).fetchall()


def mode(count: int) -> str | None:
    """一助一 for one volunteer, 多助一 for several, None for none."""
    if count == 0:
        return None
    return "一助一" if count == 1 else "多助一"


def pair(
    conn: sqlite3.Connection,
    ref: object,
    vol_refs: Sequence[str],
    *,
    since: date | None = None,
    notes: object = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Pair volunteers with a beneficiary from ``since`` (all or nothing)."""
    from volctl.roster import volunteers

    today = today or date.today()
    day = since or today
    if day > today:
        raise InvalidInput("reason.date_in_future", where=Where(field="started_on"))
    remark = bounded(notes, "notes", NOTES_TEXT)
    with transaction(conn):
        person = find(conn, ref)
        if person["status"] != "active":
            raise Conflict(
                "recipient.inactive", recipient_no=person["recipient_no"], name=person["name"]
            )
        if day.isoformat() < person["registered_on"]:
            raise InvalidInput(
                "reason.pairing_before_recipient_registered",
                where=Where(field="started_on"),
                since=day.isoformat(),
                recipient_no=person["recipient_no"],
                name=person["name"],
                registered_on=person["registered_on"],
            )
        added = []
        for vol in dict.fromkeys(expand(conn, vol_refs)):
            helper = volunteers.find(conn, vol)
            if helper["status"] != "active":
                raise Conflict(
                    "recipient.volunteer_inactive",
                    hint="hint.reactivate_first",
                    volunteer_no=helper["volunteer_no"],
                    name=helper["name"],
                )
            if day.isoformat() < helper["registered_on"]:
                raise InvalidInput(
                    "reason.pairing_before_volunteer_registered",
                    where=Where(field="started_on"),
                    since=day.isoformat(),
                    volunteer_no=helper["volunteer_no"],
                    name=helper["name"],
                    registered_on=helper["registered_on"],
                )
            existing = conn.execute(
                "SELECT started_on FROM pairings WHERE recipient_id = ? AND volunteer_id = ?"
                " AND ended_on IS NULL",
                (person["id"], helper["id"]),
            ).fetchone()
            if existing is not None:
                raise Conflict(
                    "recipient.already_paired",
                    volunteer_no=helper["volunteer_no"],
                    name=helper["name"],
                    recipient=person["name"],
                    since=existing[0],
                )
            cursor = conn.execute(
                "INSERT INTO pairings (recipient_id, volunteer_id, started_on, notes, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (person["id"], helper["id"], day.isoformat(), remark, audit.now_iso()),
            )
            audit.record(
                conn,
                "pairing.start",
                "pairings",
                cursor.lastrowid,
                recipient_no=person["recipient_no"],
                volunteer_no=helper["volunteer_no"],
                started_on=day.isoformat(),
            )
            added.append({"volunteer_no": helper["volunteer_no"], "name": helper["name"]})
        if not added:
            raise InvalidInput("reason.no_volunteers", where=Where(field="volunteers"))
        helpers = open_pairings(conn, person["id"])
    return {
        "recipient_no": person["recipient_no"],
        "name": person["name"],
        "since": day.isoformat(),
        "added": added,
        "pairing": mode(len(helpers)),
        "volunteers": [h["volunteer_no"] for h in helpers],
    }


def _end(conn: sqlite3.Connection, pairing: sqlite3.Row, on: date) -> None:
    if on.isoformat() < pairing["started_on"]:
        raise InvalidInput(
            "recipient.end_before_start",
            where=Where(field="ended_on"),
            on=on.isoformat(),
            since=pairing["started_on"],
        )
    conn.execute("UPDATE pairings SET ended_on = ? WHERE id = ?", (on.isoformat(), pairing["id"]))
    audit.record(conn, "pairing.end", "pairings", pairing["id"], ended_on=on.isoformat())


def unpair(
    conn: sqlite3.Connection,
    ref: object,
    vol_refs: Sequence[str],
    *,
    on: date | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """End pairings on ``on`` (the rows stay, dated)."""
    from volctl.roster import volunteers

    today = today or date.today()
    day = on or today
    if day > today:
        raise InvalidInput("reason.date_in_future", where=Where(field="ended_on"))
    with transaction(conn):
        person = find(conn, ref)
        ended = []
        for vol in dict.fromkeys(expand(conn, vol_refs)):
            helper = volunteers.find(conn, vol)
            pairing = conn.execute(
                "SELECT * FROM pairings WHERE recipient_id = ? AND volunteer_id = ?"
                " AND ended_on IS NULL",
                (person["id"], helper["id"]),
            ).fetchone()
            if pairing is None:
                raise Conflict(
                    "recipient.not_paired",
                    volunteer_no=helper["volunteer_no"],
                    name=helper["name"],
                    recipient=person["name"],
                )
            _end(conn, pairing, day)
            ended.append({"volunteer_no": helper["volunteer_no"], "name": helper["name"]})
        helpers = open_pairings(conn, person["id"])
    return {
        "recipient_no": person["recipient_no"],
        "name": person["name"],
        "ended_on": day.isoformat(),
        "ended": ended,
        "pairing": mode(len(helpers)),
        "volunteers": [h["volunteer_no"] for h in helpers],
    }


def pairings(
    conn: sqlite3.Connection, *, volunteer: str | None = None, include_ended: bool = False
) -> list[sqlite3.Row]:
    """Every pairing (open ones unless ``include_ended``), optionally one volunteer's."""
    from volctl.roster import volunteers

    where, params = [], []
    if not include_ended:
        where.append("p.ended_on IS NULL")
    if volunteer is not None:
        where.append("p.volunteer_id = ?")
        params.append(volunteers.find(conn, volunteer)["id"])
    sql = (
        "SELECT p.*, r.recipient_no, r.name AS recipient_name, r.group_name,"
        " v.volunteer_no, v.name AS volunteer_name, v.phone AS volunteer_phone,"
        " (SELECT count(*) FROM pairings q WHERE q.recipient_id = p.recipient_id"
        "  AND q.ended_on IS NULL) AS open_count"
        " FROM pairings p JOIN recipients r ON r.id = p.recipient_id"
        " JOIN volunteers v ON v.id = p.volunteer_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    return conn.execute(sql + " ORDER BY r.recipient_no, p.started_on, p.id", params).fetchall()


def pairing_record(row: sqlite3.Row, *, show_pii: bool = False) -> dict[str, Any]:
    phone = row["volunteer_phone"]
    return {
        "recipient_no": row["recipient_no"],
        "recipient": row["recipient_name"],
        "group": row["group_name"],
        "volunteer_no": row["volunteer_no"],
        "volunteer": row["volunteer_name"],
        "volunteer_phone": display_phone(phone) if show_pii else mask_phone(phone),
        "started_on": row["started_on"],
        "ended_on": row["ended_on"],
        "pairing": mode(row["open_count"]) if row["ended_on"] is None else None,
        "notes": free_text(row["notes"], show_pii),
    }


# ----------------------------------------------------------------------------- output


def public(
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    *,
    show_pii: bool = False,
    today: date | None = None,
) -> dict[str, Any]:
    """The documented JSON shape of a beneficiary; personal data masked unless ``show_pii``."""
    today = today or date.today()

    def phone(value: str | None) -> str | None:
        return display_phone(value) if show_pii else mask_phone(value)

    helpers = open_pairings(conn, row["id"])
    born = date.fromisoformat(row["birth_date"]) if row["birth_date"] else None
    return {
        "recipient_no": row["recipient_no"],
        "name": row["name"],
        "group": row["group_name"],
        "gender": row["gender"],
        "birth_date": row["birth_date"],
        "age": age_on(born, today) if born else None,
        "id_number": row["id_number"] if show_pii else mask_id_number(row["id_number"]),
        "phone": phone(row["phone"]),
        "address": row["address"] if show_pii else mask_text(row["address"], 6),
        "needs": row["needs"],
        "family_contact": row["family_contact"] if show_pii else mask_text(row["family_contact"]),
        "family_phone": phone(row["family_phone"]),
        "registered_on": row["registered_on"],
        "status": row["status"],
        "status_reason": free_text(row["status_reason"], show_pii)
        if row["status"] == "inactive"
        else None,
        "notes": free_text(row["notes"], show_pii),
        "pairing": mode(len(helpers)),
        "volunteers": [
            {
                "volunteer_no": h["volunteer_no"],
                "name": h["name"],
                "phone": phone(h["phone"]),
                "since": h["started_on"],
            }
            for h in helpers
        ],
    }

"""What a merged roster can say about its sources (the communities merged into it).

- ``list_sources``: each source with what it brought (people, activities, records, hours).
- ``breakdown``: per source, the figures of its own year-end summary, their sum, the combined
  figures, and how many people the sum counts twice: the per-community breakdown and street
  totals of ``report summary``.
- ``overlaps``: the people counted in two or more sources.
- ``conflicts`` and ``resolve``: personal details on which a source disagrees with this roster.
- ``origin``: where a volunteer, activity, record, team, training or beneficiary came from.

A source's records are those on its activities (every copied record is on one); its volunteers
are those it links (``present``: still in its latest bundle).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any, Literal

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, Where
from volctl.ledger.totals import hours
from volctl.masking import mask_id_number
from volctl.text import clean, typed

# A source's current records and the source they came from, through the activity they are on.
_SOURCE_CHAINS = (
    "SELECT r.source_id, c.volunteer_id, c.minutes, c.activity_id FROM service_chains c"
    " JOIN source_rows r ON r.kind = 'activities' AND r.row_id = c.activity_id"
    " WHERE c.voided = 0 AND c.service_date BETWEEN ? AND ?"
)


def _period(year: int | None) -> tuple[str, str]:
    return (f"{year:04d}-01-01", f"{year:04d}-12-31") if year else ("", "9999-12-31")


def _figures() -> dict[str, Any]:
    return {
        "volunteers": 0,
        "served": 0,
        "records": 0,
        "services": 0,
        "minutes": 0,
        "hours": 0.0,
        "activities": 0,
    }


def breakdown(conn: sqlite3.Connection, *, year: int | None = None) -> dict[str, Any]:
    """Per source: its registered (active) volunteers, the people who served (service with
    time in the period), records, services (人次), minutes and activities held or planned
    (not cancelled) in the period; then the sum over the sources, the figures of the merged
    roster as a whole (each person once), and ``counted_twice``: sum minus whole."""
    low, high = _period(year)
    per: dict[int, dict[str, Any]] = {}
    names: dict[int, tuple[str, str, str | None]] = {}
    for row in conn.execute("SELECT id, label, org_name, region_code FROM merge_sources"):
        per[row[0]] = _figures()
        names[row[0]] = (row[1], row[2], row[3])
    served: dict[int, set[int]] = {sid: set() for sid in per}
    everyone_served: set[int] = set()
    cursor = conn.cursor()
    cursor.row_factory = None
    for source_id, volunteer_id, minutes, _activity in cursor.execute(_SOURCE_CHAINS, (low, high)):
        figures = per[source_id]
        figures["records"] += 1
        if minutes > 0:
            figures["services"] += 1
            figures["minutes"] += minutes
            served[source_id].add(volunteer_id)
            everyone_served.add(volunteer_id)
    registered: dict[int, set[int]] = {sid: set() for sid in per}
    for source_id, volunteer_id in cursor.execute(
        "SELECT source_id, volunteer_id FROM source_volunteers WHERE present = 1"
        " AND status = 'active'"
    ):
        registered[source_id].add(volunteer_id)
    for source_id, count in cursor.execute(
        "SELECT r.source_id, count(*) FROM activities a JOIN source_rows r"
        " ON r.kind = 'activities' AND r.row_id = a.id WHERE a.status <> 'cancelled'"
        " AND a.date BETWEEN ? AND ? GROUP BY r.source_id",
        (low, high),
    ):
        per[source_id]["activities"] = count
    rows = []
    total = _figures()
    for source_id, figures in per.items():
        figures["volunteers"] = len(registered[source_id])
        figures["served"] = len(served[source_id])
        figures["hours"] = hours(figures["minutes"])
        label, org, region = names[source_id]
        rows.append({"source": label, "org_name": org, "region_code": region, **figures})
        for key in ("volunteers", "served", "records", "services", "minutes", "activities"):
            total[key] += figures[key]
    total["hours"] = hours(total["minutes"])
    whole = dict(total)
    whole["volunteers"] = len(set().union(*registered.values())) if registered else 0
    whole["served"] = len(everyone_served)
    rows.sort(key=lambda r: r["source"])
    return {
        "year": year,
        "sources": rows,
        "sum_of_sources": total,
        "merged": whole,
        "counted_twice": {
            "volunteers": total["volunteers"] - whole["volunteers"],
            "served": total["served"] - whole["served"],
        },
    }


def list_sources(conn: sqlite3.Connection, *, year: int | None = None) -> list[dict[str, Any]]:
    """Every source with its latest bundle and what it brought (records and hours within
    ``year`` when given)."""
    figures = {row["source"]: row for row in breakdown(conn, year=year)["sources"]}
    open_conflicts = dict(
        conn.execute(
            "SELECT source_id, count(*) FROM merge_conflicts WHERE status = 'open'"
            " GROUP BY source_id"
        ).fetchall()
    )
    out = []
    for row in conn.execute(
        "SELECT s.*, t.name AS parent FROM merge_sources s LEFT JOIN teams t"
        " ON t.id = s.parent_team_id ORDER BY s.label"
    ):
        numbers = figures[row["label"]]
        out.append(
            {
                "source": row["label"],
                "org_name": row["org_name"],
                "region_code": row["region_code"],
                "parent": row["parent"],
                "exported_at": row["exported_at"],
                "first_merged_at": row["first_merged_at"],
                "last_merged_at": row["last_merged_at"],
                "content_hash": row["content_hash"],
                "signature": row["signature"],
                "signed_by": row["signed_by"],
                "with_beneficiaries": bool(row["with_beneficiaries"]),
                **{
                    k: numbers[k]
                    for k in (
                        "volunteers",
                        "served",
                        "activities",
                        "records",
                        "services",
                        "minutes",
                        "hours",
                    )
                },
                "conflicts": open_conflicts.get(row["id"], 0),
            }
        )
    return out


def find_source(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """A source by its label, organisation name or number."""
    text = clean(ref)
    row = conn.execute(
        "SELECT * FROM merge_sources WHERE fold(label) = ? OR roster_uid = ? OR id = ?",
        (text, text, int(text) if text.isdigit() else -1),
    ).fetchone()
    if row is None:
        rows = conn.execute(
            "SELECT * FROM merge_sources WHERE fold(org_name) = ?", (text,)
        ).fetchall()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        raise NotFound("source.not_found", hint="hint.source_not_found", ref=text)
    return row


def runs(conn: sqlite3.Connection, source_id: int) -> list[dict[str, Any]]:
    import json

    return [
        {
            "run": row["id"],
            "merged_at": row["merged_at"],
            "operator": row["operator"],
            "file": row["file_name"],
            "content_hash": row["content_hash"],
            "exported_at": row["exported_at"],
            "outcome": row["outcome"],
            "changes": json.loads(row["summary"]),
            "signature": row["signature"],
            "signed_by": row["signed_by"],
            "signer_fingerprint": row["signer_fingerprint"],
            "encrypted": None if row["encrypted"] is None else bool(row["encrypted"]),
        }
        for row in conn.execute(
            "SELECT * FROM merge_runs WHERE source_id = ? ORDER BY id", (source_id,)
        )
    ]


# ----------------------------------------------------------------------------- overlaps

Basis = Literal["registered", "served"]


def overlaps(
    conn: sqlite3.Connection,
    *,
    year: int | None = None,
    basis: Basis = "registered",
    show_pii: bool = False,
) -> list[dict[str, Any]]:
    """The people counted in two or more sources.

    ``registered``: active in the latest bundles of two or more sources (each community's
    count of its volunteers includes them). ``served``: with service time in two or more
    sources within ``year`` (or ever). Each person lists every source with their number there,
    status, and records, services and minutes in the period there.
    """
    if basis not in ("registered", "served"):
        raise InvalidInput("source.basis_unknown", where=Where(field="basis"), value=basis)
    low, high = _period(year)
    cursor = conn.cursor()
    cursor.row_factory = None
    links: dict[int, dict[int, tuple[str, str]]] = {}
    for volunteer_id, source_id, source_no, status in cursor.execute(
        "SELECT volunteer_id, source_id, source_no, status FROM source_volunteers WHERE present = 1"
    ):
        links.setdefault(volunteer_id, {})[source_id] = (source_no, status)
    if basis == "registered":
        chosen = {
            vid: sorted(sid for sid, (_no, status) in by_source.items() if status == "active")
            for vid, by_source in links.items()
        }
        work = _work(conn, low, high, [vid for vid, sids in chosen.items() if len(sids) >= 2])
    else:
        work = _work(conn, low, high, None)
        served: dict[int, set[int]] = {}
        for (vid, sid), numbers in work.items():
            if numbers[1]:
                served.setdefault(vid, set()).add(sid)
        chosen = {vid: sorted(sids) for vid, sids in served.items()}
    labels = dict(cursor.execute("SELECT id, label FROM merge_sources").fetchall())
    people = [vid for vid, sids in chosen.items() if len(sids) >= 2]
    out = []
    for vid in people:
        person = conn.execute(
            "SELECT volunteer_no, name, id_type, id_number, status FROM volunteers WHERE id = ?",
            (vid,),
        ).fetchone()
        entries = []
        for sid in sorted(set(chosen[vid]) | set(links.get(vid, {})), key=lambda s: labels[s]):
            source_no, status = links.get(vid, {}).get(sid, (None, None))
            records, services, minutes = work.get((vid, sid), [0, 0, 0])
            entries.append(
                {
                    "source": labels[sid],
                    "source_no": source_no,
                    "status": status,
                    "counted": sid in chosen[vid],
                    "records": records,
                    "services": services,
                    "minutes": minutes,
                    "hours": hours(minutes),
                }
            )
        out.append(
            {
                "volunteer_no": person["volunteer_no"],
                "name": person["name"],
                "id_type": person["id_type"],
                "id_number": person["id_number"]
                if show_pii
                else mask_id_number(person["id_number"]),
                "status": person["status"],
                "counted_in": len(chosen[vid]),
                "sources": entries,
            }
        )
    out.sort(key=lambda p: p["volunteer_no"])
    return out


def _work(
    conn: sqlite3.Connection, low: str, high: str, people: list[int] | None
) -> dict[tuple[int, int], list[int]]:
    """(volunteer, source) -> [records, services, minutes] in the period (of ``people`` only,
    when given: found through the ledger's index by volunteer)."""
    import json

    sql, params = _SOURCE_CHAINS, [low, high]
    if people is not None:
        sql += " AND c.volunteer_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(people))
    work: dict[tuple[int, int], list[int]] = {}
    cursor = conn.cursor()
    cursor.row_factory = None
    for source_id, volunteer_id, minutes, _activity in cursor.execute(sql, params):
        numbers = work.setdefault((volunteer_id, source_id), [0, 0, 0])
        numbers[0] += 1
        numbers[1] += minutes > 0
        numbers[2] += minutes
    return work


def counted_twice(conn: sqlite3.Connection) -> int:
    """How many people are active in two or more sources (``overlaps`` lists them)."""
    return int(
        conn.execute(
            "SELECT count(*) FROM (SELECT volunteer_id FROM source_volunteers WHERE present = 1"
            " AND status = 'active' GROUP BY volunteer_id HAVING count(*) >= 2)"
        ).fetchone()[0]
    )


# ----------------------------------------------------------------------------- conflicts

STATUSES = ("open", "kept_roster", "took_source", "settled")


def _show(field: str, value: object, show_pii: bool) -> object:
    if show_pii or value is None:
        return value
    return audit.mask_detail({field: value})[field]  # type: ignore[index]


def conflicts(
    conn: sqlite3.Connection,
    *,
    source: str | None = None,
    include_resolved: bool = False,
    ids: Iterable[int] | None = None,
    show_pii: bool = False,
) -> list[dict[str, Any]]:
    """Conflicts in personal details, oldest first (open ones only unless asked)."""
    where, params = [], []
    if not include_resolved:
        where.append("c.status = 'open'")
    if source is not None:
        where.append("c.source_id = ?")
        params.append(find_source(conn, source)["id"])
    if ids is not None:
        chosen = list(ids)
        where.append(f"c.id IN ({', '.join('?' for _ in chosen)})")
        params.extend(chosen)
    sql = (
        "SELECT c.*, s.label, v.volunteer_no, v.name AS volunteer_name, r.merged_at,"
        " (SELECT source_no FROM source_volunteers l WHERE l.source_id = c.source_id"
        "  AND l.volunteer_id = c.volunteer_id) AS source_no"
        " FROM merge_conflicts c JOIN merge_sources s ON s.id = c.source_id"
        " JOIN volunteers v ON v.id = c.volunteer_id JOIN merge_runs r ON r.id = c.found_run_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    out = []
    for row in conn.execute(sql + " ORDER BY c.id", params):
        current = conn.execute(
            f"SELECT {row['field']} FROM volunteers WHERE id = ?", (row["volunteer_id"],)
        ).fetchone()[0]
        out.append(
            {
                "id": row["id"],
                "source": row["label"],
                "volunteer_no": row["volunteer_no"],
                "name": row["volunteer_name"],
                "source_no": row["source_no"],
                "field": row["field"],
                "roster_value": _show(row["field"], row["roster_value"], show_pii),
                "source_value": _show(row["field"], row["source_value"], show_pii),
                "current_value": _show(row["field"], current, show_pii),
                "status": row["status"],
                "found_at": row["merged_at"],
                "resolved_at": row["resolved_at"],
                "resolved_by": row["resolved_by"],
                "note": row["note"],
            }
        )
    return out


def resolve(
    conn: sqlite3.Connection, conflict_ids: Iterable[int], keep: str, note: str | None = None
) -> list[dict[str, Any]]:
    """Settle open conflicts: keep this roster's value, or take the source's (the volunteer
    is corrected, the old value going to the audit log). All or nothing."""
    from volctl.roster import volunteers

    if keep not in ("roster", "source"):
        raise InvalidInput("source.keep_unknown", where=Where(field="keep"), value=keep)
    chosen = list(dict.fromkeys(conflict_ids))
    if not chosen:
        raise InvalidInput("source.no_conflicts_given", where=Where(field="conflict"))
    with transaction(conn):
        for conflict_id in chosen:
            row = conn.execute(
                "SELECT c.*, s.label FROM merge_conflicts c JOIN merge_sources s"
                " ON s.id = c.source_id WHERE c.id = ?",
                (conflict_id,),
            ).fetchone()
            if row is None:
                raise NotFound("source.conflict_not_found", id=conflict_id)
            if row["status"] != "open":
                raise Conflict("source.conflict_closed", id=conflict_id, status=row["status"])
            status = "kept_roster"
            if keep == "source":
                person = volunteers.get(conn, row["volunteer_id"])
                if person[row["field"]] != row["source_value"]:
                    volunteers.apply_corrections(
                        conn,
                        person,
                        {row["field"]: (person[row["field"]], row["source_value"])},
                        source=row["label"],
                        conflict=conflict_id,
                    )
                status = "took_source"
            else:
                # What is kept is this roster's value now (the clerk may have edited it since).
                current = conn.execute(
                    f"SELECT {row['field']} FROM volunteers WHERE id = ?", (row["volunteer_id"],)
                ).fetchone()[0]
                conn.execute(
                    "UPDATE merge_conflicts SET roster_value = ? WHERE id = ?",
                    (current, conflict_id),
                )
            conn.execute(
                "UPDATE merge_conflicts SET status = ?, resolved_at = ?, resolved_by = ?,"
                " note = ? WHERE id = ?",
                (
                    status,
                    audit.now_iso(),
                    audit.context().operator,
                    typed(note) or None,
                    conflict_id,
                ),
            )
            audit.record(
                conn,
                "merge.conflict_resolve",
                "merge_conflicts",
                conflict_id,
                source=row["label"],
                volunteer_id=row["volunteer_id"],
                field=row["field"],
                kept=keep,
                note=typed(note) or None,
            )
    return conflicts(conn, ids=chosen, include_resolved=True)


# ----------------------------------------------------------------------------- origin


def origin(conn: sqlite3.Connection, ref: str) -> dict[str, Any]:
    """Where a row of this roster came from: a record (``#12``), an activity or training
    number, a beneficiary number, a volunteer (number, identity number, phone, name) or a team."""
    import re

    text = clean(ref)
    if re.fullmatch(r"#\d+|\d{1,9}", text):  # longer digits: an identity number or phone
        return _record_origin(conn, int(text.lstrip("#")), text)
    for kind, table, column in (
        ("activities", "activities", "activity_no"),
        ("trainings", "trainings", "training_no"),
        ("recipients", "recipients", "recipient_no"),
    ):
        row = conn.execute(
            f"SELECT id, {column} FROM {table} WHERE {column} = ? COLLATE NOCASE", (text,)
        ).fetchone()
        if row is not None:
            return _row_origin(conn, kind, row[0], row[1])
    team = conn.execute("SELECT id, name FROM teams WHERE fold(name) = ?", (text,)).fetchone()
    if team is not None:
        return _row_origin(conn, "teams", team[0], team[1])
    for pattern, key in (
        (r"A\d{8}-\d+", "activity.not_found"),
        (r"T\d{8}-\d+", "training.not_found"),
        (r"R\d+", "recipient.not_found"),
    ):
        if re.fullmatch(pattern, text, re.IGNORECASE):
            raise NotFound(key, hint="hint.origin_ref", ref=text)
    from volctl.roster import volunteers

    try:
        person = volunteers.find(conn, text)
    except NotFound as exc:
        if exc.key != "volunteer.not_found":
            raise
        raise NotFound("source.origin_not_found", hint="hint.origin_ref", ref=text) from None
    origins = [
        {
            "source": row["label"],
            "source_no": row["source_no"],
            "status": row["status"],
            "present": bool(row["present"]),
            "merged_at": row["merged_at"],
        }
        for row in conn.execute(
            "SELECT s.label, l.source_no, l.status, l.present, r.merged_at"
            " FROM source_volunteers l JOIN merge_sources s ON s.id = l.source_id"
            " JOIN merge_runs r ON r.id = l.run_id WHERE l.volunteer_id = ? ORDER BY s.label",
            (person["id"],),
        )
    ]
    return {
        "kind": "volunteer",
        "ref": person["volunteer_no"],
        "name": person["name"],
        "origins": origins,
    }


def _row_origin(conn: sqlite3.Connection, kind: str, row_id: int, ref: str) -> dict[str, Any]:
    origins = [
        {
            "source": row["label"],
            "source_no": row["source_no"],
            "source_row": row["source_row"],
            "folded": row["kind"] == "teams.folded",
            "merged_at": row["merged_at"],
        }
        for row in conn.execute(
            "SELECT s.label, o.source_no, o.source_row, o.kind, r.merged_at FROM source_rows o"
            " JOIN merge_sources s ON s.id = o.source_id JOIN merge_runs r ON r.id = o.run_id"
            " WHERE o.kind IN (?, ?) AND o.row_id = ? ORDER BY s.label",
            (kind, f"{kind}.folded", row_id),
        )
    ]
    return {
        "kind": kind.rstrip("s") if kind != "activities" else "activity",
        "ref": ref,
        "name": None,
        "origins": origins,
    }


def _record_origin(conn: sqlite3.Connection, entry_id: int, ref: str) -> dict[str, Any]:
    row = conn.execute(
        "SELECT s.label, o.source_row, o.current, r.merged_at, e.kind FROM service_records e"
        " LEFT JOIN source_records o ON o.entry_id = e.id"
        " LEFT JOIN merge_sources s ON s.id = o.source_id LEFT JOIN merge_runs r ON r.id = o.run_id"
        " WHERE e.id = ?",
        (entry_id,),
    ).fetchone()
    if row is None:
        raise NotFound("hours.record_not_found", hint="hours.hint.record_not_found", ref=ref)
    origins = []
    if row["label"] is not None:
        origins.append(
            {
                "source": row["label"],
                "source_no": row["source_row"],
                "current": bool(row["current"]),
                "merged_at": row["merged_at"],
            }
        )
    return {"kind": "record", "ref": f"#{entry_id}", "name": row["kind"], "origins": origins}


def owner_of_record(conn: sqlite3.Connection, entry_id: int) -> str | None:
    """The source a ledger entry here belongs to (its copies are corrected at the source)."""
    row = conn.execute(
        "SELECT s.label FROM source_records o JOIN merge_sources s ON s.id = o.source_id"
        " WHERE o.entry_id = ?",
        (entry_id,),
    ).fetchone()
    return None if row is None else str(row[0])


def beneficiary_counts(conn: sqlite3.Connection) -> dict[str, dict[str, dict[str, int]]]:
    """Per source, the beneficiaries it registered, by group (sent as counts in every bundle)."""
    import json

    return {
        row["label"]: json.loads(row["counts"]).get("beneficiaries", {})
        for row in conn.execute("SELECT label, counts FROM merge_sources ORDER BY label")
    }

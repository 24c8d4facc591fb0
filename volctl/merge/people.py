"""Volunteers from a source: matched by identity document, never overwritten behind the clerk.

A source volunteer is this roster's volunteer with the same document type and number (one
person serving in two communities is one volunteer here, linked to both); otherwise a new
volunteer with a number of this roster. Each link keeps the source's volunteer number and what
the source said about the person last.

Details are reconciled field by field:

- the source agrees, or knows less (an empty value): nothing to do;
- this roster has nothing there: the source's value fills the gap;
- the person came from this source alone, and this roster still holds what the source said
  last time: the source corrected its own record, and the correction is followed;
- skills and service intentions: the lists are combined;
- area, availability and notes differ naturally between communities: this roster's stay;
- anything else the source says anew (the first time it is merged, or a value it changed
  since): a conflict, listed for the clerk (``volctl source conflicts``), never overwritten.
  A value the source merely repeats raises nothing new: this roster's differs because the
  clerk edited it or settled a conflict. Once the clerk keeps this roster's value, the same
  difference is not raised again; a new one is.

The registration date is the earliest any source gives. The status follows the sources: a
volunteer is active while active in at least one of them, and a merge changes the status
only when what the sources say changes, so a status the clerk set here stays.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from volctl import audit, settings
from volctl.db import next_counter
from volctl.merge import content
from volctl.merge.context import SourceContext

CONFLICT_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "ethnicity",
    "phone",
    "office_phone",
    "political_status",
    "education",
    "employer",
    "position",
    "address",
    "emergency_contact",
    "emergency_phone",
    "guardian_name",
    "guardian_phone",
    "guardian_relation",
    "guardian_consent_on",
)
FREE_FIELDS = ("area", "availability", "notes")
LIST_FIELDS = ("skills", "intentions")
DETAIL_FIELDS = (*CONFLICT_FIELDS, *FREE_FIELDS, *LIST_FIELDS, "registered_on")
REQUIRED = ("id", "volunteer_no", "name", "id_type", "id_number", "registered_on", "status")
OPTIONAL = tuple(c for c in content.VOLUNTEER_COLUMNS if c not in REQUIRED)
MISSING = object()

_INSERT_COLUMNS = (
    "id",
    "volunteer_no",
    "name",
    "id_type",
    "id_number",
    *(c for c in DETAIL_FIELDS if c != "name"),
    "status",
    "created_at",
    "updated_at",
)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == "[]"


def _snapshot(row: dict[str, Any]) -> str:
    return json.dumps({f: row[f] for f in DETAIL_FIELDS}, ensure_ascii=False)


def _check(ctx: SourceContext, row: dict[str, Any], number: int) -> None:
    for name in ("name", "id_type", "id_number", "registered_on", "volunteer_no"):
        if not isinstance(row[name], str) or not row[name].strip():
            raise ctx.invalid("volunteers", number, name)
    if not isinstance(row["id"], int) or row["status"] not in ("active", "inactive"):
        raise ctx.invalid("volunteers", number, "id/status")
    for name in LIST_FIELDS:
        value = row[name] or "[]"
        try:
            items = json.loads(value) if isinstance(value, str) else None
        except ValueError:
            items = None
        if not isinstance(items, list):
            raise ctx.invalid("volunteers", number, name)
        row[name] = json.dumps([str(i) for i in items], ensure_ascii=False)


def merge(ctx: SourceContext) -> dict[str, int]:
    """Link or add every volunteer of the source; return the counts for the report."""
    conn = ctx.conn
    links = {
        row["source_row"]: row
        for row in conn.execute(
            "SELECT * FROM source_volunteers WHERE source_id = ?", (ctx.source_id,)
        )
    }
    identities = ctx.state.identities
    counts = {"added": 0, "linked": 0, "updated": 0, "unchanged": 0, "removed": 0, "conflicts": 0}
    fresh: list[dict[str, Any]] = []
    link_rows: list[tuple[Any, ...]] = []
    seen: set[int] = set()
    numbers: dict[str, tuple[str, int]] = {}  # identity number -> (document type, row)
    for number, row in enumerate(ctx.dicts("volunteers", REQUIRED, OPTIONAL), start=2):
        _check(ctx, row, number)
        seen.add(row["id"])
        ctx.registered[row["id"]] = row["registered_on"]
        key = (row["id_type"], row["id_number"])
        link = links.get(row["id"])
        _one_person_per_number(ctx, row, number, numbers, link)
        target = identities.get(key)
        old: dict[str, Any] | None = None
        created = False
        if link is not None:
            linked = link["volunteer_id"]
            created = bool(link["created"])
            if target is None and created and not _others(conn, linked, ctx.source_id):
                # The source corrected this person's document: it is still the same person.
                _follow_identity(ctx, linked, row, key)
                target = linked
            if target == linked:
                old = json.loads(link["details"])
            else:
                created = False
        if target is None:
            fresh.append(row)
            continue
        _remember_status(ctx, target)
        changed, conflicts = _reconcile(ctx, target, row, old, follow=created)
        counts["conflicts"] += conflicts
        if link is None or link["volunteer_id"] != target:
            counts["linked"] += 1
        elif changed:
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
        ctx.volunteers[row["id"]] = target
        link_rows.append(
            (
                ctx.source_id,
                row["id"],
                row["volunteer_no"],
                target,
                row["status"],
                int(created),
                _snapshot(row),
                ctx.run_id,
            )
        )
    counts["added"] = _add(ctx, fresh, link_rows)
    conn.executemany(
        "INSERT INTO source_volunteers (source_id, source_row, source_no, volunteer_id, status,"
        " present, created, details, run_id) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)"
        " ON CONFLICT (source_id, source_row) DO UPDATE SET source_no = excluded.source_no,"
        " volunteer_id = excluded.volunteer_id, status = excluded.status, present = 1,"
        " created = excluded.created, details = excluded.details, run_id = excluded.run_id",
        link_rows,
    )
    gone = [link for source_row, link in links.items() if source_row not in seen]
    for link in gone:
        if link["present"]:
            _remember_status(ctx, link["volunteer_id"])
            conn.execute(
                "UPDATE source_volunteers SET present = 0, run_id = ? WHERE source_id = ?"
                " AND source_row = ?",
                (ctx.run_id, ctx.source_id, link["source_row"]),
            )
            audit.record(
                conn,
                "merge.volunteer_unlink",
                "volunteers",
                link["volunteer_id"],
                source=ctx.label,
                source_no=link["source_no"],
            )
            counts["removed"] += 1
    return counts


def _one_person_per_number(
    ctx: SourceContext,
    row: dict[str, Any],
    number: int,
    numbers: dict[str, tuple[str, int]],
    link: sqlite3.Row | None,
) -> None:
    """One identity number is one person: refuse a second row of the source with the same
    number, and a number this roster holds under another document type for someone else
    (``check`` would report both as the same number registered twice)."""
    from volctl.validation import Refusal

    kind, id_number = row["id_type"], row["id_number"]
    if id_number in numbers:
        first = {"row": numbers[id_number][1]}
        raise ctx.refused("volunteers", number, Refusal("id_number", "reason.id_repeated", first))
    numbers[id_number] = (kind, number)
    other = ctx.state.typed.get(id_number)
    if other is not None and other != kind:
        holder = ctx.state.identities.get((other, id_number))
        if link is None or holder != link["volunteer_id"]:  # not the source correcting a type
            params = {"kind": other}
            refusal = Refusal("id_type", "reason.number_other_type", params)
            raise ctx.refused("volunteers", number, refusal)


def _others(conn: sqlite3.Connection, volunteer_id: int, source_id: int) -> bool:
    """Whether another source (present) is linked to this volunteer."""
    return (
        conn.execute(
            "SELECT 1 FROM source_volunteers WHERE volunteer_id = ? AND source_id <> ?"
            " AND present = 1",
            (volunteer_id, source_id),
        ).fetchone()
        is not None
    )


def _follow_identity(
    ctx: SourceContext, volunteer_id: int, row: dict[str, Any], key: tuple[str, str]
) -> None:
    conn = ctx.conn
    old = conn.execute(
        "SELECT volunteer_no, id_type, id_number FROM volunteers WHERE id = ?", (volunteer_id,)
    ).fetchone()
    conn.execute(
        "UPDATE volunteers SET id_type = ?, id_number = ?, updated_at = ? WHERE id = ?",
        (*key, audit.now_iso(), volunteer_id),
    )
    identities = ctx.state.identities
    identities.pop((old["id_type"], old["id_number"]), None)
    identities[key] = volunteer_id
    ctx.state.typed.pop(old["id_number"], None)
    ctx.state.typed[key[1]] = key[0]
    audit.record(
        conn,
        "merge.volunteer_update",
        "volunteers",
        volunteer_id,
        volunteer_no=old["volunteer_no"],
        source=ctx.label,
        changes={
            "id_type": {"old": old["id_type"], "new": key[0]},
            "id_number": {"old": old["id_number"], "new": key[1]},
        },
    )


def _reconcile(
    ctx: SourceContext,
    volunteer_id: int,
    row: dict[str, Any],
    old: dict[str, Any] | None,
    *,
    follow: bool,
) -> tuple[bool, int]:
    """Bring one source's details of a person in; return (changed, open conflicts)."""
    conn = ctx.conn
    current = conn.execute("SELECT * FROM volunteers WHERE id = ?", (volunteer_id,)).fetchone()
    follow = follow and old is not None and not _others(conn, volunteer_id, ctx.source_id)
    changes: dict[str, tuple[Any, Any]] = {}
    conflicts = 0
    for name in (*CONFLICT_FIELDS, *FREE_FIELDS):
        here, there = current[name], row[name]
        before = old.get(name, MISSING) if old is not None else MISSING
        if there == here:
            _settle(ctx, volunteer_id, name)
            continue
        if follow and before == here:
            changes[name] = (here, there)
            _settle(ctx, volunteer_id, name)
        elif _empty(there):
            continue
        elif _empty(here):
            changes[name] = (here, there)
        elif name in CONFLICT_FIELDS and before != there:
            # Only what the source says anew: a value it merely repeats was seen already (and
            # this roster's differs by the clerk's edit or decision, or an open conflict).
            conflicts += _conflict(ctx, volunteer_id, name, here, there)
    for name in LIST_FIELDS:
        here_list, there_list = json.loads(current[name]), json.loads(row[name])
        before = old.get(name, MISSING) if old is not None else MISSING
        if follow and before == current[name]:
            wanted = there_list
        else:
            wanted = list(dict.fromkeys([*here_list, *there_list]))
        if wanted != here_list:
            changes[name] = (current[name], json.dumps(wanted, ensure_ascii=False))
    if row["registered_on"] < current["registered_on"]:
        changes["registered_on"] = (current["registered_on"], row["registered_on"])
    if changes:
        assignments = ", ".join(f"{name} = ?" for name in changes)
        conn.execute(
            f"UPDATE volunteers SET {assignments}, updated_at = ? WHERE id = ?",
            (*[new for _old, new in changes.values()], audit.now_iso(), volunteer_id),
        )
        audit.record(
            conn,
            "merge.volunteer_update",
            "volunteers",
            volunteer_id,
            volunteer_no=current["volunteer_no"],
            source=ctx.label,
            changes={k: {"old": o, "new": n} for k, (o, n) in changes.items()},
        )
    return bool(changes), conflicts


def _conflict(ctx: SourceContext, volunteer_id: int, name: str, here: Any, there: Any) -> int:
    """Record (or keep) an open conflict; 1 when one is open afterwards, 0 when the clerk has
    already kept this roster's value against this very difference."""
    conn = ctx.conn
    key = (ctx.source_id, volunteer_id, name)
    row = conn.execute(
        "SELECT id, source_value, roster_value FROM merge_conflicts WHERE source_id = ?"
        " AND volunteer_id = ? AND field = ? AND status = 'open'",
        key,
    ).fetchone()
    if row is not None:
        if (row["source_value"], row["roster_value"]) != (there, here):
            conn.execute(
                "UPDATE merge_conflicts SET source_value = ?, roster_value = ?, found_run_id = ?"
                " WHERE id = ?",
                (there, here, ctx.run_id, row["id"]),
            )
            audit.record(
                conn,
                "merge.conflict",
                "merge_conflicts",
                row["id"],
                source=ctx.label,
                volunteer_id=volunteer_id,
                field=name,
                **{name: {"old": row["source_value"], "new": there}},
            )
        return 1
    kept = conn.execute(
        "SELECT 1 FROM merge_conflicts WHERE source_id = ? AND volunteer_id = ? AND field = ?"
        " AND status = 'kept_roster' AND source_value IS ? AND roster_value IS ?",
        (*key, there, here),
    ).fetchone()
    if kept is not None:
        return 0
    cursor = conn.execute(
        "INSERT INTO merge_conflicts (source_id, volunteer_id, field, roster_value, source_value,"
        " found_run_id) VALUES (?, ?, ?, ?, ?, ?)",
        (*key, here, there, ctx.run_id),
    )
    audit.record(
        conn,
        "merge.conflict",
        "merge_conflicts",
        cursor.lastrowid,
        source=ctx.label,
        volunteer_id=volunteer_id,
        field=name,
        **{name: {"old": here, "new": there}},
    )
    return 1


def _settle(ctx: SourceContext, volunteer_id: int, name: str) -> None:
    """The source and this roster agree now: an open conflict between them is settled."""
    conn = ctx.conn
    row = conn.execute(
        "SELECT id FROM merge_conflicts WHERE source_id = ? AND volunteer_id = ? AND field = ?"
        " AND status = 'open'",
        (ctx.source_id, volunteer_id, name),
    ).fetchone()
    if row is None:
        return
    conn.execute(
        "UPDATE merge_conflicts SET status = 'settled', resolved_at = ?, resolved_by = ?"
        " WHERE id = ?",
        (audit.now_iso(), audit.context().operator, row["id"]),
    )
    audit.record(
        conn, "merge.conflict_settled", "merge_conflicts", row["id"], source=ctx.label, field=name
    )


def _add(ctx: SourceContext, fresh: list[dict[str, Any]], link_rows: list[tuple[Any, ...]]) -> int:
    """New people: this roster's numbers, in one statement (a city merge adds 100,000)."""
    if not fresh:
        return 0
    conn = ctx.conn
    prefix = settings.get(conn, "volunteer_no_prefix")
    first_no = next_counter(conn, "volunteer_no", len(fresh))
    first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM volunteers").fetchone()[0]
    now = audit.now_iso()
    rows, entries = [], []
    identities = ctx.state.identities
    for offset, row in enumerate(fresh):
        vid, number = first_id + offset, f"{prefix}{first_no + offset:06d}"
        rows.append(
            (
                vid,
                number,
                row["name"],
                row["id_type"],
                row["id_number"],
                *(row[c] for c in DETAIL_FIELDS if c != "name"),
                row["status"],
                now,
                now,
            )
        )
        identities[(row["id_type"], row["id_number"])] = vid
        ctx.state.typed[row["id_number"]] = row["id_type"]
        ctx.volunteers[row["id"]] = vid
        link_rows.append(
            (
                ctx.source_id,
                row["id"],
                row["volunteer_no"],
                vid,
                row["status"],
                1,
                _snapshot(row),
                ctx.run_id,
            )
        )
        entries.append(
            (vid, {"volunteer_no": number, "source": ctx.label, "source_no": row["volunteer_no"]})
        )
    marks = ", ".join("?" for _ in _INSERT_COLUMNS)
    conn.executemany(
        f"INSERT INTO volunteers ({', '.join(_INSERT_COLUMNS)}) VALUES ({marks})", rows
    )
    audit.record_many(conn, "merge.volunteer_add", "volunteers", entries)
    inactive = [
        (row, vid)
        for row, (vid, *_rest) in zip(fresh, rows, strict=True)
        if row["status"] == "inactive"
    ]
    if inactive:
        reasons = _source_status_reasons(ctx)
        conn.executemany(
            "INSERT INTO volunteer_status_changes (volunteer_id, status, reason, effective_on,"
            " recorded_at) VALUES (?, 'inactive', ?, ?, ?)",
            [
                (
                    vid,
                    f"合并：{ctx.label}名册中已停用"
                    + (f"（{reasons[row['id']][0]}）" if row["id"] in reasons else ""),
                    reasons[row["id"]][1] if row["id"] in reasons else row["registered_on"],
                    now,
                )
                for row, vid in inactive
            ],
        )
    return len(fresh)


def _source_status_reasons(ctx: SourceContext) -> dict[int, tuple[str, str]]:
    """The source's latest status change per volunteer: (reason, effective date)."""
    latest: dict[int, tuple[str, str]] = {}
    for row in ctx.dicts(
        "status_changes", ("id", "volunteer_id", "status", "reason", "effective_on")
    ):
        latest[row["volunteer_id"]] = (str(row["reason"]), str(row["effective_on"]))
    return latest


# ----------------------------------------------------------------------------- status


def _desired(conn: sqlite3.Connection, volunteer_id: int) -> str | None:
    """What the sources say together: active in any of them, else inactive (None: no source)."""
    statuses = {
        row[0]
        for row in conn.execute(
            "SELECT status FROM source_volunteers WHERE volunteer_id = ? AND present = 1",
            (volunteer_id,),
        )
    }
    if not statuses:
        return None
    return "active" if "active" in statuses else "inactive"


def _remember_status(ctx: SourceContext, volunteer_id: int) -> None:
    if volunteer_id not in ctx.status_before:
        ctx.status_before[volunteer_id] = _desired(ctx.conn, volunteer_id)


def settle_status(ctx: SourceContext) -> int:
    """After a source's volunteers are in: change the status of those for whom what the
    sources say together has changed. Returns how many changed."""
    conn = ctx.conn
    changed = 0
    now = audit.now_iso()
    for volunteer_id, before in ctx.status_before.items():
        after = _desired(conn, volunteer_id)
        if after is None or after == before:
            continue
        row = conn.execute(
            "SELECT volunteer_no, status FROM volunteers WHERE id = ?", (volunteer_id,)
        ).fetchone()
        if row["status"] == after:
            continue
        reason = (
            f"合并：在{ctx.label}的名册中在册"
            if after == "active"
            else f"合并：在所有来源名册中均已停用（{ctx.label}）"
        )
        conn.execute(
            "INSERT INTO volunteer_status_changes (volunteer_id, status, reason, effective_on,"
            " recorded_at) VALUES (?, ?, ?, ?, ?)",
            (volunteer_id, after, reason, ctx.state.today.isoformat(), now),
        )
        conn.execute(
            "UPDATE volunteers SET status = ?, updated_at = ? WHERE id = ?",
            (after, now, volunteer_id),
        )
        audit.record(
            conn,
            "merge.volunteer_status",
            "volunteers",
            volunteer_id,
            volunteer_no=row["volunteer_no"],
            source=ctx.label,
            old=row["status"],
            new=after,
            reason=reason,
        )
        changed += 1
    return changed

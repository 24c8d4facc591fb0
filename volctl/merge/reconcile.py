"""The details of a person already here, reconciled with what a source says, field by field:

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

The registration date is the earliest any source gives.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from volctl import audit
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
MISSING = object()


def _empty(value: object) -> bool:
    return value is None or value == "" or value == "[]"


def others(conn: sqlite3.Connection, volunteer_id: int, source_id: int) -> bool:
    """Whether another source (present) is linked to this volunteer."""
    return (
        conn.execute(
            "SELECT 1 FROM source_volunteers WHERE volunteer_id = ? AND source_id <> ?"
            " AND present = 1",
            (volunteer_id, source_id),
        ).fetchone()
        is not None
    )


def reconcile(
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
    follow = follow and old is not None and not others(conn, volunteer_id, ctx.source_id)
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

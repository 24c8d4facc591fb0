"""Import batches: one per file read in; listed, and undone exactly.

Undoing a batch removes the volunteers it added and restores the values its
``--on-duplicate update`` rows overwrote (read back from the audit log, where the import wrote
them), and nothing else. It never loses later work, so it refuses, changing nothing:

- when one of the volunteers it added has been used since: any row of any table with a foreign
  key to ``volunteers`` (found with ``PRAGMA foreign_key_list``, so tables added by later
  schema steps are covered without changing this code): service records, sign-ups, teams…;
- when a later batch, still in force, updated a volunteer it added, or a value it would
  restore: that batch is named, to be undone first (batches come off newest first);
- when a volunteer it added has been corrected since (``register update``, a merge);
- when a value it would restore has been changed again since.

A later change to other fields of a volunteer it updated is kept: restoring its own fields
loses nothing. Changes of batches undone since, and their undoing, cancel out. The batch stays
on record, marked undone with the time and reason; what was removed goes to the audit log, so
the undo is itself on record.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from volctl import audit
from volctl.dates import clock
from volctl.db import transaction
from volctl.errors import Conflict, NotFound
from volctl.i18n import aside, catalogue, join_items, join_list, join_some, more, t
from volctl.masking import free_text
from volctl.text import bounded, clean

KIND = "volunteers"
EXAMPLES = 5  # volunteers named in a refusal; the rest are counted


def create(conn: sqlite3.Connection, *, file_name: str, sha256: str, sheet: str | None) -> int:
    cursor = conn.execute(
        "INSERT INTO import_batches (kind, file_name, file_sha256, sheet, imported_at, operator)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (KIND, file_name, sha256, sheet, audit.now_iso(), audit.context().operator),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def finish(
    conn: sqlite3.Connection, batch_id: int, counts: dict[str, int], reasons: dict[str, int]
) -> None:
    conn.execute(
        "UPDATE import_batches SET rows = ?, imported = ?, duplicates = ?, updated = ?,"
        " rejected = ? WHERE id = ?",
        (
            counts["rows"],
            counts["imported"],
            counts["duplicates"],
            counts["updated"],
            counts["rejected"],
            batch_id,
        ),
    )
    batch = conn.execute("SELECT * FROM import_batches WHERE id = ?", (batch_id,)).fetchone()
    audit.record(
        conn,
        "import.batch",
        "import_batches",
        batch_id,
        file=batch["file_name"],
        sha256=batch["file_sha256"],
        sheet=batch["sheet"],
        reasons=reasons,
        **counts,
    )


def previous(conn: sqlite3.Connection, sha256: str) -> list[dict[str, Any]]:
    """Earlier batches (not undone) of a file with this content."""
    return [
        {"batch": row["id"], "file": row["file_name"], "imported_at": row["imported_at"]}
        for row in conn.execute(
            "SELECT id, file_name, imported_at FROM import_batches"
            " WHERE kind = ? AND file_sha256 = ? AND undone_at IS NULL ORDER BY id",
            (KIND, sha256),
        )
    ]


def public(row: sqlite3.Row, remaining: int) -> dict[str, Any]:
    """The documented JSON shape of a batch (``register imports``)."""
    return {
        "batch": row["id"],
        "file": row["file_name"],
        "sheet": row["sheet"],
        "sha256": row["file_sha256"],
        "imported_at": row["imported_at"],
        "operator": row["operator"],
        "rows": row["rows"],
        "imported": row["imported"],
        "duplicates": row["duplicates"],
        "updated": row["updated"],
        "rejected": row["rejected"],
        "remaining": remaining,
        "status": "undone" if row["undone_at"] else "active",
        "undone_at": row["undone_at"],
        "undo_reason": free_text(row["undo_reason"]),
    }


def list_batches(conn: sqlite3.Connection, *, include_undone: bool = True) -> list[dict[str, Any]]:
    remaining = dict(
        conn.execute(
            "SELECT import_batch_id, count(*) FROM volunteers"
            " WHERE import_batch_id IS NOT NULL GROUP BY import_batch_id"
        ).fetchall()
    )
    sql = "SELECT * FROM import_batches WHERE kind = ?"
    if not include_undone:
        sql += " AND undone_at IS NULL"
    return [
        public(row, remaining.get(row["id"], 0))
        for row in conn.execute(sql + " ORDER BY id", (KIND,))
    ]


def find(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """A batch by its number (3 or #3) or by the name of its file (if only one is active)."""
    text = clean(ref).lstrip("#")
    if text.isdigit():
        row = conn.execute(
            "SELECT * FROM import_batches WHERE id = ? AND kind = ?", (int(text), KIND)
        ).fetchone()
        if row is not None:
            return row
    name = text.replace("\\", "/").rsplit("/", 1)[-1]
    rows = conn.execute(
        "SELECT * FROM import_batches WHERE kind = ? AND file_name = ? AND undone_at IS NULL"
        " ORDER BY id",
        (KIND, name),
    ).fetchall()
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        raise Conflict(
            "intake.batch_ambiguous",
            hint="hint.batch_ambiguous",
            ref=text,
            batches=", ".join(str(r["id"]) for r in rows),
        )
    raise NotFound("intake.batch_not_found", hint="hint.batch_not_found", ref=text)


def references(conn: sqlite3.Connection, batch_id: int) -> dict[int, list[str]]:
    """Volunteers added by the batch that some other row points at: id -> tables."""
    uses: dict[int, list[str]] = defaultdict(list)
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    for table in tables:
        for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
            if fk["table"].lower() != "volunteers":
                continue
            column, target = fk["from"], fk["to"] or "id"
            sql = (
                f'SELECT DISTINCT v.id FROM "{table}" x JOIN volunteers v'
                f' ON x."{column}" = v."{target}" WHERE v.import_batch_id = ?'
            )
            params: tuple[Any, ...] = (batch_id,)
            if table == "volunteers":  # one volunteer pointing at another
                sql += " AND x.import_batch_id IS NOT ?"
                params = (batch_id, batch_id)
            for (volunteer_id,) in conn.execute(sql, params):
                if table not in uses[volunteer_id]:
                    uses[volunteer_id].append(table)
    return dict(uses)


def _table_label(table: str) -> str:
    key = f"intake.used_in.{table}"
    return t(key) if key in catalogue() else table


def _batch_updates(conn: sqlite3.Connection, batch_id: int) -> list[tuple[int, dict[str, Any]]]:
    """The corrections a batch's --on-duplicate update rows made: (volunteer id, changes)."""
    found = []
    for entity_id, detail in conn.execute(
        "SELECT entity_id, detail FROM audit_log WHERE action = 'volunteer.update'"
        " AND entity = 'volunteers' AND json_extract(detail, '$.batch') = ? ORDER BY id",
        (batch_id,),
    ):
        found.append((entity_id, json.loads(detail)["changes"]))
    return found


@dataclass(frozen=True)
class _LaterChange:
    """A change to a volunteer made after a batch, as the audit log records it."""

    volunteer_id: int
    batch: int | None  # the later import batch (still in force) that made it; None: not a batch
    fields: frozenset[str]  # the fields it changed, when the entry lists them


def _later_changes(
    conn: sqlite3.Connection, batch_id: int, volunteer_ids: set[int]
) -> list[_LaterChange]:
    """What was done to these volunteers after the batch: updates by later batches still in
    force, and every other change (``register update``, a merge…). A batch undone since and
    its undoing cancel out and are left out, as are the batch's own entries."""
    if not volunteer_ids:
        return []
    (marker,) = conn.execute(  # the batch's own closing entry: what follows came later
        "SELECT coalesce(max(id), 0) FROM audit_log WHERE entity = 'import_batches'"
        " AND entity_id = ? AND action = 'import.batch'",
        (batch_id,),
    ).fetchone()
    undone = {
        row[0] for row in conn.execute("SELECT id FROM import_batches WHERE undone_at IS NOT NULL")
    }
    found = []
    for volunteer_id, action, detail in conn.execute(
        "SELECT entity_id, action, detail FROM audit_log WHERE id > ? AND entity = 'volunteers'"
        " ORDER BY id",
        (marker,),
    ):
        if volunteer_id not in volunteer_ids:
            continue
        entry = json.loads(detail)
        if entry.get("batch") == batch_id or entry.get("undo_of_batch") is not None:
            continue  # the batch's own entries; the undoing of another batch
        by = entry.get("batch") if action == "volunteer.update" else None
        if by in undone:
            continue  # reverted since, by that batch's undo
        changes = entry.get("changes")
        fields = frozenset(changes) if isinstance(changes, dict) else frozenset()
        found.append(_LaterChange(volunteer_id, by, fields))
    return found


def _person(row: sqlite3.Row, fields: Iterable[str]) -> str:
    """A volunteer in a refusal: number, name and the fields concerned."""
    labels = join_list(t(f"field.{k}") for k in fields if f"field.{k}" in catalogue())
    return aside(f"{row['volunteer_no']} {row['name']}", labels)


def _refuse_later_work(
    conn: sqlite3.Connection,
    batch_id: int,
    added: dict[int, sqlite3.Row],
    updated: dict[int, set[str]],
) -> None:
    """Refuse an undo that would discard what was done to these volunteers since the batch:
    a later batch's updates (name it: undo it first), or corrections made by hand."""
    later = _later_changes(conn, batch_id, set(added) | set(updated))
    by_batch: dict[int, set[str]] = defaultdict(set)
    batches: set[int] = set()
    by_hand: dict[int, set[str]] = defaultdict(set)
    for change in later:
        vid = change.volunteer_id
        if change.batch is not None:
            # Removing a volunteer it added discards every later update of them; restoring
            # a field discards a later update of that field only.
            lost = change.fields if vid in added else change.fields & updated.get(vid, set())
            if vid in added or lost:
                by_batch[vid] |= lost
                batches.add(change.batch)
        elif vid in added:
            by_hand[vid] |= change.fields

    def row(volunteer_id: int) -> sqlite3.Row:
        return conn.execute("SELECT * FROM volunteers WHERE id = ?", (volunteer_id,)).fetchone()

    def examples(found: dict[int, set[str]]) -> str:
        shown = join_items(
            _person(row(vid), sorted(fields)) for vid, fields in list(found.items())[:EXAMPLES]
        )
        return more(shown, min(len(found), EXAMPLES), len(found))

    if by_batch:
        later_batches = sorted(batches)
        raise Conflict(
            "intake.undo_later_batch",
            hint="hint.undo_later_batch",
            batch=batch_id,
            later=join_list(later_batches),
            latest=later_batches[-1],
            count=len(by_batch),
            examples=examples(by_batch),
        )
    if by_hand:
        raise Conflict(
            "intake.undo_edited_since",
            hint="hint.undo_edited_since",
            batch=batch_id,
            count=len(by_hand),
            examples=examples(by_hand),
        )


def undo(
    conn: sqlite3.Connection, ref: str, *, reason: str | None = None, dry_run: bool = False
) -> dict[str, Any]:
    """Remove what a batch added and restore what it overwrote (one transaction)."""
    reason = bounded(reason, "reason")
    with transaction(conn):
        batch = find(conn, ref)
        batch_id = batch["id"]
        if batch["undone_at"]:
            raise Conflict(
                "intake.batch_already_undone",
                batch=batch_id,
                file=batch["file_name"],
                undone_at=clock(batch["undone_at"]),
            )
        added = conn.execute(
            "SELECT * FROM volunteers WHERE import_batch_id = ? ORDER BY id", (batch_id,)
        ).fetchall()
        by_id = {row["id"]: row for row in added}
        uses = references(conn, batch_id)
        if uses:
            examples = join_some(
                (
                    aside(
                        f"{by_id[vid]['volunteer_no']} {by_id[vid]['name']}",
                        join_list(_table_label(x) for x in tables),
                    )
                    for vid, tables in uses.items()
                ),
                EXAMPLES,
                long=True,
            )
            raise Conflict(
                "intake.undo_in_use",
                hint="hint.undo_in_use",
                batch=batch_id,
                count=len(uses),
                examples=examples,
            )
        updates = _batch_updates(conn, batch_id)
        updated: dict[int, set[str]] = defaultdict(set)
        for volunteer_id, changes in updates:
            updated[volunteer_id] |= set(changes)
        _refuse_later_work(conn, batch_id, by_id, updated)
        restores = []
        changed_since = []
        for volunteer_id, changes in reversed(updates):
            current = conn.execute(
                "SELECT * FROM volunteers WHERE id = ?", (volunteer_id,)
            ).fetchone()
            if current is None:
                continue  # removed since by the undo of the batch that added them
            moved = [k for k, change in changes.items() if current[k] != change["new"]]
            if moved:
                changed_since.append(_person(current, moved))
            restores.append((current, changes))
        if changed_since:
            raise Conflict(
                "intake.undo_changed_since",
                hint="hint.undo_changed_since",
                batch=batch_id,
                count=len(changed_since),
                examples=join_some(changed_since, EXAMPLES, long=True),
            )
        undone_at = audit.now_iso()
        outcome = {
            "batch": batch_id,
            "file": batch["file_name"],
            "removed": len(added),
            "restored": len(restores),
            "removed_volunteers": [
                {"volunteer_no": row["volunteer_no"], "name": row["name"]} for row in added
            ],
            "restored_volunteers": [
                {"volunteer_no": row["volunteer_no"], "name": row["name"], "fields": sorted(ch)}
                for row, ch in restores
            ],
            "undone_at": None if dry_run else undone_at,
            "reason": free_text(reason),
            "dry_run": dry_run,
        }
        if dry_run:
            return outcome
        audit.record_many(
            conn,
            "volunteer.remove",
            "volunteers",
            [(row["id"], {**dict(row), "undo_of_batch": batch_id}) for row in added],
        )
        conn.execute("DELETE FROM volunteers WHERE import_batch_id = ?", (batch_id,))
        for row, changes in restores:
            assignments = ", ".join(f"{k} = ?" for k in changes)
            conn.execute(
                f"UPDATE volunteers SET {assignments}, updated_at = ? WHERE id = ?",
                (*[change["old"] for change in changes.values()], undone_at, row["id"]),
            )
            audit.record(
                conn,
                "volunteer.update",
                "volunteers",
                row["id"],
                volunteer_no=row["volunteer_no"],
                changes={k: {"old": c["new"], "new": c["old"]} for k, c in changes.items()},
                undo_of_batch=batch_id,
            )
        conn.execute(
            "UPDATE import_batches SET undone_at = ?, undo_reason = ? WHERE id = ?",
            (undone_at, reason, batch_id),
        )
        audit.record(
            conn,
            "import.undo",
            "import_batches",
            batch_id,
            file=batch["file_name"],
            reason=reason,
            removed=[row["volunteer_no"] for row in added],
            restored=[row["volunteer_no"] for row, _ch in restores],
        )
    return outcome

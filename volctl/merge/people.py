"""Volunteers from a source: matched by identity document, never overwritten behind the clerk.

A source volunteer is this roster's volunteer with the same document type and number (one
person serving in two communities is one volunteer here, linked to both); otherwise a new
volunteer with a number of this roster. Each link keeps the source's volunteer number and what
the source said about the person last. The details of a person already here are reconciled
with the source's field by field (``volctl.merge.reconcile``); a status follows the sources
(``volctl.merge.status``).

New people are added in one statement (a city merge adds 100,000).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from volctl import audit, settings
from volctl.db import next_counter
from volctl.merge import content
from volctl.merge.context import SourceContext
from volctl.merge.reconcile import CONFLICT_FIELDS, FREE_FIELDS, LIST_FIELDS, others, reconcile
from volctl.merge.status import remember_status

DETAIL_FIELDS = (*CONFLICT_FIELDS, *FREE_FIELDS, *LIST_FIELDS, "registered_on")
REQUIRED = ("id", "volunteer_no", "name", "id_type", "id_number", "registered_on", "status")
OPTIONAL = tuple(c for c in content.VOLUNTEER_COLUMNS if c not in REQUIRED)

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


# What ``json.dumps(value, ensure_ascii=False)`` writes: its encoder, made once.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _snapshot(row: dict[str, Any]) -> str:
    return _ENCODE({f: row[f] for f in DETAIL_FIELDS})


def _check(ctx: SourceContext, row: dict[str, Any], number: int, lists: dict[str, str]) -> None:
    """Refuse a row without what a volunteer needs; skills and intentions as this roster writes
    them (``lists``: the texts of lists seen in this source, as written here)."""
    for name in ("name", "id_type", "id_number", "registered_on", "volunteer_no"):
        if not isinstance(row[name], str) or not row[name].strip():
            raise ctx.invalid("volunteers", number, name)
    if not isinstance(row["id"], int) or row["status"] not in ("active", "inactive"):
        raise ctx.invalid("volunteers", number, "id/status")
    for name in LIST_FIELDS:
        value = row[name] or "[]"
        written = lists.get(value) if isinstance(value, str) else None
        if written is None:
            written = canonical_list(value)
            if written is None:
                raise ctx.invalid("volunteers", number, name)
            lists[value] = written
        row[name] = written


def canonical_list(value: object) -> str | None:
    """A list of skills or intentions (JSON text) as this roster writes it; None: not one."""
    try:
        items = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        items = None
    if not isinstance(items, list):
        return None
    return _ENCODE([str(i) for i in items])


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
    lists: dict[str, str] = {}
    for number, row in enumerate(ctx.dicts("volunteers", REQUIRED, OPTIONAL), start=2):
        _check(ctx, row, number, lists)
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
            if target is None and created and not others(conn, linked, ctx.source_id):
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
        remember_status(ctx, target)
        changed, conflicts = reconcile(ctx, target, row, old, follow=created)
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
            remember_status(ctx, link["volunteer_id"])
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

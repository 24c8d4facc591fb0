"""The other rows of a source, copied as they are, their references mapped to this roster's:
memberships, trainings and attendance, insurance, commendations, beneficiaries, pairings and
the people each activity served.

They are the source's contribution: on its next bundle each copy is compared with the source's
row and changed to match (audited, old and new values); a copy the source no longer has is
removed (the audit log keeps it), unless other rows here point at it (a beneficiary is then
marked inactive). A row already on record here (the same person's open membership of a team
two communities share, the same policy or title) is skipped and counted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from volctl import audit
from volctl.merge import batch
from volctl.merge.context import SourceContext
from volctl.merge.structure import Counts, mapped, new_counts, own, owned_rows, update_row


@dataclass(frozen=True)
class Copy:
    """A kind of row copied as it is, its references mapped to this roster's rows."""

    kind: str  # the table here
    part: str  # the part of the bundle
    required: tuple[str, ...]
    optional: tuple[str, ...]
    columns: tuple[str, ...]  # written here (and compared on the next merge)
    convert: Callable[[SourceContext, dict[str, Any]], dict[str, Any] | None]
    number: str | None = None  # the source's number of the row, kept with it
    stamp: str = "created_at"  # the creation time column here
    mapping: str | None = None  # keep source id -> row id in this attribute of the context


def _membership(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    team, person = mapped(ctx.teams, row["team_id"]), mapped(ctx.volunteers, row["volunteer_id"])
    if team is None or person is None:
        return None
    return {
        "team_id": team,
        "volunteer_id": person,
        "role": row["role"],
        "joined_on": row["joined_on"],
        "left_on": row["left_on"],
    }


def _training(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    ctx.state.ensure_code("training_topic", row["topic"])
    return {
        k: row[k]
        for k in ("title", "date", "topic", "minutes", "trainer", "place", "initial", "notes")
    }


def _attendance(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    training = mapped(ctx.trainings, row["training_id"])
    person = mapped(ctx.volunteers, row["volunteer_id"])
    if training is None or person is None:
        return None
    return {"training_id": training, "volunteer_id": person}


def _insurance(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    person = mapped(ctx.volunteers, row["volunteer_id"])
    if person is None:
        return None
    return {
        "volunteer_id": person,
        **{k: row[k] for k in ("insurer", "policy_no", "start_on", "end_on", "notes")},
    }


def _commendation(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    person = mapped(ctx.volunteers, row["volunteer_id"])
    team = mapped(ctx.teams, row["team_id"])
    if person is None and team is None:
        return None
    return {
        "volunteer_id": person,
        "team_id": team if person is None else None,
        **{k: row[k] for k in ("year", "title", "awarded_on", "awarded_by", "notes")},
    }


RECIPIENT_DETAILS = (
    "name",
    "gender",
    "birth_date",
    "id_number",
    "phone",
    "address",
    "needs",
    "family_contact",
    "family_phone",
    "status_reason",
    "notes",
)


def _recipient(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    ctx.state.ensure_code("beneficiary_group", row["group_name"])
    values = {k: row[k] for k in ("group_name", "status", "registered_on")}
    if row["name"] is not None:  # the source sent who they are (--with-beneficiaries)
        values.update({k: row[k] for k in RECIPIENT_DETAILS})
    return values


def _pairing(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    recipient = mapped(ctx.recipients, row["recipient_id"])
    person = mapped(ctx.volunteers, row["volunteer_id"])
    if recipient is None or person is None:
        return None
    return {
        "recipient_id": recipient,
        "volunteer_id": person,
        **{k: row[k] for k in ("started_on", "ended_on", "notes")},
    }


def _served(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    activity = mapped(ctx.activities, row["activity_id"])
    if activity is None:
        return None
    ctx.state.ensure_code("beneficiary_group", row["group_name"])
    return {
        "activity_id": activity,
        "recipient_id": mapped(ctx.recipients, row["recipient_id"]),
        **{k: row[k] for k in ("group_name", "people", "withdrawn_at", "withdrawn_reason")},
    }


COPIES: tuple[Copy, ...] = (
    Copy(
        "memberships",
        "memberships",
        ("id", "team_id", "volunteer_id", "role", "joined_on"),
        ("left_on",),
        ("team_id", "volunteer_id", "role", "joined_on", "left_on"),
        _membership,
    ),
    Copy(
        "trainings",
        "trainings",
        ("id", "training_no", "title", "date", "topic"),
        ("minutes", "trainer", "place", "initial", "notes"),
        ("title", "date", "topic", "minutes", "trainer", "place", "initial", "notes"),
        _training,
        number="training_no",
        mapping="trainings",
    ),
    Copy(
        "training_attendance",
        "training_attendance",
        ("id", "training_id", "volunteer_id"),
        (),
        ("training_id", "volunteer_id"),
        _attendance,
        stamp="recorded_at",
    ),
    Copy(
        "insurance_policies",
        "insurance",
        ("id", "volunteer_id", "insurer", "policy_no", "start_on", "end_on"),
        ("notes",),
        ("volunteer_id", "insurer", "policy_no", "start_on", "end_on", "notes"),
        _insurance,
    ),
    Copy(
        "commendations",
        "commendations",
        ("id", "year", "title", "awarded_on"),
        ("volunteer_id", "team_id", "awarded_by", "notes"),
        ("volunteer_id", "team_id", "year", "title", "awarded_on", "awarded_by", "notes"),
        _commendation,
    ),
    Copy(
        "recipients",
        "recipients",
        ("id", "recipient_no", "group_name", "status", "registered_on"),
        RECIPIENT_DETAILS,
        ("group_name", "status", "registered_on", *RECIPIENT_DETAILS),
        _recipient,
        number="recipient_no",
        mapping="recipients",
    ),
    Copy(
        "pairings",
        "pairings",
        ("id", "recipient_id", "volunteer_id", "started_on"),
        ("ended_on", "notes"),
        ("recipient_id", "volunteer_id", "started_on", "ended_on", "notes"),
        _pairing,
    ),
    Copy(
        "activity_beneficiaries",
        "served",
        ("id", "activity_id", "group_name", "people"),
        ("recipient_id", "withdrawn_at", "withdrawn_reason"),
        ("activity_id", "recipient_id", "group_name", "people", "withdrawn_at", "withdrawn_reason"),
        _served,
    ),
)


def copy_rows(ctx: SourceContext, spec: Copy) -> tuple[Counts, list[int]]:
    """Bring one kind of row in; return the counts and the rows here that the source no longer
    has (removed by ``remove`` once everything that points at them is gone too)."""
    conn = ctx.conn
    counts = new_counts()
    owned = owned_rows(ctx, spec.kind)
    target = getattr(ctx, spec.mapping) if spec.mapping else None
    seen: set[int] = set()
    added: list[tuple[int, str | None, int]] = []
    # New rows of a kind not numbered here wait to be inserted a run at a time, written before
    # any row here is changed: each meets this roster as it would have alone.
    waiting = _Waiting(ctx, spec, counts, seen, added)
    for number, row in enumerate(ctx.dicts(spec.part, spec.required, spec.optional), start=2):
        if not isinstance(row["id"], int):
            raise ctx.invalid(spec.part, number, "id")
        values = spec.convert(ctx, row)
        if values is None:
            counts["skipped"] += 1
            continue
        if spec.kind == "recipients":
            values = _recipient_here(ctx, row, values, owned)
        seen.add(row["id"])
        source_no = row[spec.number] if spec.number else None
        if row["id"] in owned:
            row_id = owned[row["id"]][0]
            current = conn.execute(f"SELECT * FROM {spec.kind} WHERE id = ?", (row_id,)).fetchone()
            changes = {k: (current[k], v) for k, v in values.items() if current[k] != v}
            if changes:
                waiting.flush()
                try:
                    with _savepoint(conn):
                        update_row(ctx, spec.kind, row_id, changes)
                    counts["updated"] += 1
                except sqlite3.IntegrityError:
                    counts["skipped"] += 1
            else:
                counts["unchanged"] += 1
        elif spec.number is None:
            waiting.add(values, row)
            continue
        else:
            row_id_new = _insert(ctx, spec, values, row)
            if row_id_new is None:  # already on record here (the same person, policy, title…)
                counts["skipped"] += 1
                seen.discard(row["id"])
                continue
            row_id = row_id_new
            added.append((row["id"], source_no, row_id))
            counts["added"] += 1
        if target is not None:
            target[row["id"]] = row_id
    waiting.flush()
    own(ctx, spec.kind, added)
    if added:
        audit.record(
            conn,
            "merge.copy",
            spec.kind,
            None,
            source=ctx.label,
            added=len(added),
            first=added[0][2],
            last=added[-1][2],
        )
    gone = [source_row for source_row in owned if source_row not in seen]
    counts["removed"] = len(gone)
    return counts, [owned[r][0] for r in gone]


class _Waiting:
    """New rows of a kind not numbered here (so kept in no map of the context), inserted a run
    at a time (``batch.insert``), or one at a time by ``_insert`` when the run cannot go at
    once."""

    def __init__(
        self,
        ctx: SourceContext,
        spec: Copy,
        counts: Counts,
        seen: set[int],
        added: list[tuple[int, str | None, int]],
    ) -> None:
        self.ctx, self.spec, self.counts, self.seen, self.added = ctx, spec, counts, seen, added
        self.rows: list[tuple[dict[str, Any], dict[str, Any]]] = []
        self.columns: tuple[str, ...] | None = None

    def add(self, values: dict[str, Any], row: dict[str, Any]) -> None:
        assert self.spec.mapping is None and self.spec.number is None
        columns = tuple(values)
        if columns != self.columns:
            self.flush()
            self.columns = columns
        self.rows.append((values, row))

    def flush(self) -> None:
        rows, spec = self.rows, self.spec
        if not rows:
            return
        assert self.columns is not None
        now = audit.now_iso()
        ids = batch.insert(
            self.ctx.conn,
            spec.kind,
            (*self.columns, spec.stamp),
            [(*values.values(), now) for values, _row in rows],
            lambda i: _insert(self.ctx, spec, *rows[i]),
        )
        for (_values, row), row_id in zip(rows, ids, strict=True):
            if row_id is None:  # already on record here (the same person, policy, title…)
                self.counts["skipped"] += 1
                self.seen.discard(row["id"])
                continue
            self.added.append((row["id"], None, row_id))
            self.counts["added"] += 1
        rows.clear()


def _recipient_here(
    ctx: SourceContext, row: dict[str, Any], values: dict[str, Any], owned: dict[int, Any]
) -> dict[str, Any]:
    """A beneficiary sent as a number only is shown here as the source and its number."""
    if "name" not in values and row["id"] not in owned:
        values = {**values, "name": f"{ctx.label} {row['recipient_no']}"}
    return values


class _savepoint:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("SAVEPOINT volctl_merge_row")

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is not None:
            self.conn.execute("ROLLBACK TO volctl_merge_row")
        self.conn.execute("RELEASE volctl_merge_row")


def _insert(
    ctx: SourceContext, spec: Copy, values: dict[str, Any], row: dict[str, Any]
) -> int | None:
    conn = ctx.conn
    now = audit.now_iso()
    record = dict(values)
    record[spec.stamp] = now
    if spec.kind == "trainings":
        record["training_no"] = ctx.state.next_number("trainings", "training_no", "T", row["date"])
        record["updated_at"] = now
    elif spec.kind == "recipients":
        from volctl.db import next_counter
        from volctl.roster.recipients import PREFIX

        record["recipient_no"] = f"{PREFIX}{next_counter(conn, 'recipient_no'):06d}"
        record["updated_at"] = now
    try:  # one statement: refused, it leaves nothing behind (no savepoint needed)
        cursor = conn.execute(
            f"INSERT INTO {spec.kind} ({', '.join(record)})"
            f" VALUES ({', '.join('?' for _ in record)})",
            tuple(record.values()),
        )
    except sqlite3.IntegrityError:
        if spec.kind in ("trainings", "recipients", "activity_beneficiaries"):
            raise  # nothing here could already hold it: the row itself is wrong
        return None
    return cursor.lastrowid


def remove(ctx: SourceContext, kind: str, row_ids: list[int]) -> None:
    """Remove copies the source no longer has (each kept in the audit log). One that other rows
    here still point at stays; a beneficiary is then marked inactive."""
    conn = ctx.conn
    removed = []
    for row_id in row_ids:
        current = conn.execute(f"SELECT * FROM {kind} WHERE id = ?", (row_id,)).fetchone()
        if current is None:
            removed.append(row_id)
            continue
        try:
            with _savepoint(conn):
                conn.execute(f"DELETE FROM {kind} WHERE id = ?", (row_id,))
        except sqlite3.IntegrityError:
            if kind == "recipients" and current["status"] == "active":
                reason = f"合并：{ctx.label}的名册中已无此人"
                update_row(
                    ctx,
                    kind,
                    row_id,
                    {
                        "status": ("active", "inactive"),
                        "status_reason": (current["status_reason"], reason),
                    },
                )
            continue
        removed.append(row_id)
        audit.record(conn, "merge.remove", kind, row_id, source=ctx.label, row=dict(current))
    conn.executemany(
        "DELETE FROM source_rows WHERE source_id = ? AND kind = ? AND row_id = ?",
        [(ctx.source_id, kind, row_id) for row_id in removed],
    )

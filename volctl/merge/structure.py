"""Teams, activities and the other rows of a source: placed under the parent team, numbered
here, and replaced as the source's own contribution when its next bundle arrives.

Teams. The source's teams go under the parent team (``--parent``), keeping their tree. A
source team at the top of its tree with the same name and level as a team of this roster's own
(not one another source brought) is that team (both communities' copy of "当湖街道中队" are
the street's own); a team whose level is not
below the team it would sit under (the community's copy of the street's 中队, when merging
under that 中队) is folded into it: its sub-teams and members go there. A team name already
used here is qualified with the source: ``助老服务队（东湖社区）``.

Rows a source brought are the source's: when its next bundle arrives, each is compared with
the source's row and changed to match, audited; a row the source no longer has is removed
(memberships, trainings, insurance, commendations, pairings, beneficiaries served: copies,
their removal in the audit log) or closed where other rows point at it (a team is dissolved,
an activity cancelled). Correct them at the source and send a new bundle.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from volctl import audit
from volctl.merge.context import SourceContext
from volctl.roster.teams import ALLOWED_PARENTS, RANK

Counts = dict[str, int]


def _counts() -> Counts:
    return {"added": 0, "updated": 0, "unchanged": 0, "removed": 0, "skipped": 0}


def _mapped(table: dict[int, int], key: object) -> int | None:
    return table.get(key) if isinstance(key, int) else None


def _owned(ctx: SourceContext, kind: str) -> dict[int, tuple[int, str | None]]:
    """This source's rows of one kind here: source row id -> (row id here, source number)."""
    return {
        row[0]: (row[1], row[2])
        for row in ctx.conn.execute(
            "SELECT source_row, row_id, source_no FROM source_rows WHERE source_id = ?"
            " AND kind = ?",
            (ctx.source_id, kind),
        )
    }


def _own(ctx: SourceContext, kind: str, rows: list[tuple[int, str | None, int]]) -> None:
    """Record (or move) where source rows landed: (source row, source number, row here)."""
    ctx.conn.executemany(
        "INSERT INTO source_rows (source_id, kind, source_row, source_no, row_id, run_id)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, kind, source_row) DO UPDATE SET"
        " source_no = excluded.source_no, row_id = excluded.row_id, run_id = excluded.run_id",
        [(ctx.source_id, kind, r, no, here, ctx.run_id) for r, no, here in rows],
    )


def _disown(ctx: SourceContext, kind: str, source_rows: list[int]) -> None:
    ctx.conn.executemany(
        "DELETE FROM source_rows WHERE source_id = ? AND kind = ? AND source_row = ?",
        [(ctx.source_id, kind, r) for r in source_rows],
    )


def _update(
    ctx: SourceContext, table: str, row_id: int, changes: dict[str, tuple[Any, Any]], **detail: Any
) -> None:
    stamp = (
        ", updated_at = ?" if table in ("teams", "activities", "trainings", "recipients") else ""
    )
    assignments = ", ".join(f"{name} = ?" for name in changes) + stamp
    values = [new for _old, new in changes.values()] + ([audit.now_iso()] if stamp else [])
    ctx.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*values, row_id))
    audit.record(
        ctx.conn,
        "merge.update",
        table,
        row_id,
        source=ctx.label,
        **detail,
        changes={k: {"old": o, "new": n} for k, (o, n) in changes.items()},
    )


# ----------------------------------------------------------------------------- code lists


def code_lists(ctx: SourceContext) -> int:
    added = 0
    for row in ctx.dicts("code_lists", ("list", "value")):
        if isinstance(row["list"], str) and ctx.state.ensure_code(row["list"], row["value"]):
            added += 1
            audit.record(
                ctx.conn,
                "code_list.add",
                "code_lists",
                None,
                list=row["list"],
                value=row["value"],
                source=ctx.label,
            )
    return added


# ----------------------------------------------------------------------------- teams

TEAM_COLUMNS = (
    "level",
    "parent_id",
    "leader_id",
    "contact_id",
    "unit",
    "office_phone",
    "base",
    "founded_on",
    "status",
    "dissolved_on",
    "status_reason",
    "notes",
)


def _tree_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parents before children (a team moved under a newer one has a larger id)."""
    ids = {row["id"] for row in rows}
    children: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        parent = row["parent_id"] if row["parent_id"] in ids else None
        children.setdefault(parent, []).append(row)
    out: list[dict[str, Any]] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        row = stack.pop()
        out.append(row)
        stack.extend(reversed(children.get(row["id"], [])))
    return out


def _free_name(conn: sqlite3.Connection, name: str, label: str, mine: int | None) -> str:
    def taken(candidate: str) -> bool:
        row = conn.execute("SELECT id FROM teams WHERE name = ?", (candidate,)).fetchone()
        return row is not None and row[0] != mine

    if not taken(name):
        return name
    candidate = f"{name}（{label}）"
    number = 2
    while taken(candidate):
        candidate = f"{name}（{label}）{number}"
        number += 1
    return candidate


def teams(ctx: SourceContext) -> Counts:
    conn = ctx.conn
    counts = {**_counts(), "folded": 0, "dissolved": 0}
    owned = _owned(ctx, "teams")
    rows = list(ctx.dicts("teams", ("id", "name", "level", "parent_id"), TEAM_COLUMNS[1:]))
    for number, row in enumerate(rows, start=2):
        if not isinstance(row["name"], str) or row["level"] not in RANK:
            raise ctx.invalid("teams", number, "name/level")
    levels = {r[0]: r[1] for r in conn.execute("SELECT id, level FROM teams")}
    seen: set[int] = set()
    folded: list[tuple[int, str | None, int]] = []
    for row in _tree_order(rows):
        seen.add(row["id"])
        parent_here = _mapped(ctx.teams, row["parent_id"]) if row["parent_id"] else ctx.parent_id
        if row["id"] not in owned:
            target = _fold_target(conn, ctx, row, parent_here, levels)
            if target is not None:
                ctx.teams[row["id"]] = target
                folded.append((row["id"], row["name"], target))
                counts["folded"] += 1
                continue
        values = {
            "level": row["level"],
            "parent_id": parent_here,
            "leader_id": _mapped(ctx.volunteers, row["leader_id"]),
            "contact_id": _mapped(ctx.volunteers, row["contact_id"]),
            **{name: row[name] for name in TEAM_COLUMNS[4:]},
        }
        if row["id"] in owned:
            team_id, old_name = owned[row["id"]]
            current = conn.execute("SELECT * FROM teams WHERE id = ?", (team_id,)).fetchone()
            if current is None:
                raise ctx.invalid("teams", None, f"team {team_id}")
            if values["parent_id"] is not None and not _fits(
                row["level"], levels.get(values["parent_id"])
            ):
                values["parent_id"] = current["parent_id"]
            if old_name != row["name"]:
                values["name"] = _free_name(conn, row["name"], ctx.label, team_id)
            changes = {k: (current[k], v) for k, v in values.items() if current[k] != v}
            if changes:
                _update(ctx, "teams", team_id, changes, team=current["name"])
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        else:
            name = _free_name(conn, row["name"], ctx.label, None)
            now = audit.now_iso()
            record = {"name": name, **values, "created_at": now, "updated_at": now}
            cursor = conn.execute(
                f"INSERT INTO teams ({', '.join(record)})"
                f" VALUES ({', '.join('?' for _ in record)})",
                tuple(record.values()),
            )
            assert cursor.lastrowid is not None
            team_id = cursor.lastrowid
            audit.record(
                conn,
                "merge.team_add",
                "teams",
                team_id,
                team=name,
                source=ctx.label,
                source_name=row["name"],
            )
            counts["added"] += 1
        levels[team_id] = row["level"]
        ctx.teams[row["id"]] = team_id
        _own(ctx, "teams", [(row["id"], row["name"], team_id)])
    _own(ctx, "teams.folded", folded)
    _disown(ctx, "teams.folded", [r for r in _owned(ctx, "teams.folded") if r not in seen])
    for source_row, (team_id, _name) in owned.items():
        if source_row in seen:
            continue
        team = conn.execute("SELECT status, name FROM teams WHERE id = ?", (team_id,)).fetchone()
        if team["status"] == "active":
            reason = f"合并：{ctx.label}的名册中已无此队伍"
            conn.execute(
                "UPDATE teams SET status = 'dissolved', dissolved_on = ?, status_reason = ?,"
                " updated_at = ? WHERE id = ?",
                (ctx.state.today.isoformat(), reason, audit.now_iso(), team_id),
            )
            audit.record(
                conn,
                "merge.team_dissolve",
                "teams",
                team_id,
                team=team["name"],
                source=ctx.label,
                reason=reason,
            )
            counts["dissolved"] += 1
    return counts


def _fits(level: str, parent_level: str | None) -> bool:
    if parent_level is None:
        return None in ALLOWED_PARENTS[level]
    return RANK[level] > RANK[parent_level] and parent_level in ALLOWED_PARENTS[level]


def _fold_target(
    conn: sqlite3.Connection,
    ctx: SourceContext,
    row: dict[str, Any],
    parent_here: int | None,
    levels: dict[int, str],
) -> int | None:
    """The team here that this source team is (or folds into), or None: it is a team of its own."""
    if row["parent_id"] is None or row["parent_id"] not in ctx.teams:
        # Only a team of this roster's own: two communities' teams are never one team.
        same = conn.execute(
            "SELECT id FROM teams WHERE name = ? AND level = ? AND id NOT IN"
            " (SELECT row_id FROM source_rows WHERE kind = 'teams')",
            (row["name"], row["level"]),
        ).fetchone()
        if same is not None:
            return int(same[0])
    if parent_here is not None and not _fits(row["level"], levels.get(parent_here)):
        return parent_here
    return None


# ----------------------------------------------------------------------------- activities

ACTIVITY_COLUMNS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "place",
    "category",
    "theme",
    "team_id",
    "beneficiary_group",
    "capacity",
    "leader_id",
    "status",
    "status_reason",
    "description",
    "needs_insurance",
    "series_key",
)


def activities(ctx: SourceContext) -> Counts:
    """Activities keep the source's details and get a number of this roster (the source's own
    number stays in ``source_rows``)."""
    conn = ctx.conn
    counts = {**_counts(), "cancelled": 0}
    owned = _owned(ctx, "activities")
    added: list[tuple[int, str | None, int]] = []
    seen: set[int] = set()
    entries: list[tuple[int, dict[str, object]]] = []
    required = ("id", "activity_no", "title", "date", "category", "status")
    for number, row in enumerate(ctx.dicts("activities", required, ACTIVITY_COLUMNS), start=2):
        if not isinstance(row["id"], int) or not isinstance(row["date"], str):
            raise ctx.invalid("activities", number, "id/date")
        seen.add(row["id"])
        ctx.state.ensure_code("category", row["category"])
        ctx.state.ensure_code("beneficiary_group", row["beneficiary_group"])
        values = {name: row[name] for name in ACTIVITY_COLUMNS}
        values["team_id"] = _mapped(ctx.teams, row["team_id"])
        values["leader_id"] = _mapped(ctx.volunteers, row["leader_id"])
        if row["series_key"] is not None:
            values["series_key"] = f"{ctx.source_id}:{row['series_key']}"
        if row["id"] in owned:
            activity_id = owned[row["id"]][0]
            current = conn.execute(
                "SELECT * FROM activities WHERE id = ?", (activity_id,)
            ).fetchone()
            changes = {k: (current[k], v) for k, v in values.items() if current[k] != v}
            if changes:
                _update(ctx, "activities", activity_id, changes, activity_no=current["activity_no"])
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        else:
            now = audit.now_iso()
            no = ctx.state.next_number("activities", "activity_no", "A", row["date"])
            record = {"activity_no": no, **values, "created_at": now, "updated_at": now}
            cursor = conn.execute(
                f"INSERT INTO activities ({', '.join(record)})"
                f" VALUES ({', '.join('?' for _ in record)})",
                tuple(record.values()),
            )
            assert cursor.lastrowid is not None
            activity_id = cursor.lastrowid
            entries.append(
                (
                    activity_id,
                    {"activity_no": no, "source": ctx.label, "source_no": row["activity_no"]},
                )
            )
            added.append((row["id"], row["activity_no"], activity_id))
            counts["added"] += 1
        ctx.activities[row["id"]] = activity_id
    audit.record_many(conn, "merge.activity_add", "activities", entries)
    _own(ctx, "activities", added)
    for source_row, (activity_id, _no) in owned.items():
        if source_row in seen:
            continue
        current = conn.execute(
            "SELECT activity_no, status FROM activities WHERE id = ?", (activity_id,)
        ).fetchone()
        if current["status"] != "cancelled":
            reason = f"合并：{ctx.label}的名册中已无此活动"
            _update(
                ctx,
                "activities",
                activity_id,
                {"status": (current["status"], "cancelled"), "status_reason": (None, reason)},
                activity_no=current["activity_no"],
            )
            counts["cancelled"] += 1
    return counts


# ----------------------------------------------------------------------------- copies


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
    team, person = _mapped(ctx.teams, row["team_id"]), _mapped(ctx.volunteers, row["volunteer_id"])
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
    training = _mapped(ctx.trainings, row["training_id"])
    person = _mapped(ctx.volunteers, row["volunteer_id"])
    if training is None or person is None:
        return None
    return {"training_id": training, "volunteer_id": person}


def _insurance(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    person = _mapped(ctx.volunteers, row["volunteer_id"])
    if person is None:
        return None
    return {
        "volunteer_id": person,
        **{k: row[k] for k in ("insurer", "policy_no", "start_on", "end_on", "notes")},
    }


def _commendation(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    person = _mapped(ctx.volunteers, row["volunteer_id"])
    team = _mapped(ctx.teams, row["team_id"])
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
    recipient = _mapped(ctx.recipients, row["recipient_id"])
    person = _mapped(ctx.volunteers, row["volunteer_id"])
    if recipient is None or person is None:
        return None
    return {
        "recipient_id": recipient,
        "volunteer_id": person,
        **{k: row[k] for k in ("started_on", "ended_on", "notes")},
    }


def _served(ctx: SourceContext, row: dict[str, Any]) -> dict[str, Any] | None:
    activity = _mapped(ctx.activities, row["activity_id"])
    if activity is None:
        return None
    ctx.state.ensure_code("beneficiary_group", row["group_name"])
    return {
        "activity_id": activity,
        "recipient_id": _mapped(ctx.recipients, row["recipient_id"]),
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
    counts = _counts()
    owned = _owned(ctx, spec.kind)
    target = getattr(ctx, spec.mapping) if spec.mapping else None
    seen: set[int] = set()
    added: list[tuple[int, str | None, int]] = []
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
                try:
                    with _savepoint(conn):
                        _update(ctx, spec.kind, row_id, changes)
                    counts["updated"] += 1
                except sqlite3.IntegrityError:
                    counts["skipped"] += 1
            else:
                counts["unchanged"] += 1
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
    _own(ctx, spec.kind, added)
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
    try:
        with _savepoint(conn):
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
                _update(
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

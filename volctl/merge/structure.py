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
from typing import Any

from volctl import audit
from volctl.merge import batch
from volctl.merge.content import ACTIVITY_COLUMNS, TEAM_COLUMNS
from volctl.merge.context import SourceContext
from volctl.roster.teams import ALLOWED_PARENTS, RANK

Counts = dict[str, int]


def new_counts() -> Counts:
    return {"added": 0, "updated": 0, "unchanged": 0, "removed": 0, "skipped": 0}


def mapped(table: dict[int, int], key: object) -> int | None:
    return table.get(key) if isinstance(key, int) else None


def owned_rows(ctx: SourceContext, kind: str) -> dict[int, tuple[int, str | None]]:
    """This source's rows of one kind here: source row id -> (row id here, source number)."""
    return {
        row[0]: (row[1], row[2])
        for row in ctx.conn.execute(
            "SELECT source_row, row_id, source_no FROM source_rows WHERE source_id = ?"
            " AND kind = ?",
            (ctx.source_id, kind),
        )
    }


def own(ctx: SourceContext, kind: str, rows: list[tuple[int, str | None, int]]) -> None:
    """Record (or move) where source rows landed: (source row, source number, row here)."""
    ctx.conn.executemany(
        "INSERT INTO source_rows (source_id, kind, source_row, source_no, row_id, run_id)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, kind, source_row) DO UPDATE SET"
        " source_no = excluded.source_no, row_id = excluded.row_id, run_id = excluded.run_id",
        [(ctx.source_id, kind, r, no, here, ctx.run_id) for r, no, here in rows],
    )


def disown(ctx: SourceContext, kind: str, source_rows: list[int]) -> None:
    ctx.conn.executemany(
        "DELETE FROM source_rows WHERE source_id = ? AND kind = ? AND source_row = ?",
        [(ctx.source_id, kind, r) for r in source_rows],
    )


def update_row(
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


def _tree_order(ctx: SourceContext, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parents before children (a team moved under a newer one has a larger id), each team
    once: time and memory linear in the number of teams. A parent the source did not send,
    or teams that are each other's parents, refuse the source (naming the first such row)."""
    from volctl.validation import Refusal

    line = {row["id"]: number for number, row in enumerate(rows, start=2)}
    children: dict[Any, list[dict[str, Any]]] = {}
    for number, row in enumerate(rows, start=2):
        parent = row["parent_id"]
        if parent is not None and parent not in line:
            params = {"value": parent, "part": "teams.jsonl"}
            raise ctx.refused("teams", number, Refusal("parent_id", "reason.unknown_row", params))
        children.setdefault(parent, []).append(row)
    out: list[dict[str, Any]] = []
    stack = list(reversed(children.pop(None, [])))
    while stack:
        row = stack.pop()
        out.append(row)
        stack.extend(reversed(children.pop(row["id"], [])))
    if len(out) < len(rows):  # what is left hangs in a loop of parents
        number = min(line[row["id"]] for kids in children.values() for row in kids)
        raise ctx.refused("teams", number, Refusal("parent_id", "reason.teams_loop"))
    return out


def _free_name(conn: sqlite3.Connection, name: str, label: str, mine: int | None) -> str:
    def taken(candidate: str) -> bool:
        row = conn.execute(
            "SELECT id FROM teams WHERE fold(name) = fold(?)", (candidate,)
        ).fetchone()
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
    counts = {**new_counts(), "folded": 0, "dissolved": 0}
    owned = owned_rows(ctx, "teams")
    rows = list(ctx.dicts("teams", ("id", "name", "level", "parent_id"), TEAM_COLUMNS[1:]))
    for number, row in enumerate(rows, start=2):
        if not isinstance(row["name"], str) or row["level"] not in RANK:
            raise ctx.invalid("teams", number, "name/level")
    levels = {r[0]: r[1] for r in conn.execute("SELECT id, level FROM teams")}
    seen: set[int] = set()
    folded: list[tuple[int, str | None, int]] = []
    for row in _tree_order(ctx, rows):
        seen.add(row["id"])
        parent_here = mapped(ctx.teams, row["parent_id"]) if row["parent_id"] else ctx.parent_id
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
            "leader_id": mapped(ctx.volunteers, row["leader_id"]),
            "contact_id": mapped(ctx.volunteers, row["contact_id"]),
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
                update_row(ctx, "teams", team_id, changes, team=current["name"])
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
        own(ctx, "teams", [(row["id"], row["name"], team_id)])
    own(ctx, "teams.folded", folded)
    disown(ctx, "teams.folded", [r for r in owned_rows(ctx, "teams.folded") if r not in seen])
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
            "SELECT id FROM teams WHERE fold(name) = fold(?) AND level = ? AND id NOT IN"
            " (SELECT row_id FROM source_rows WHERE kind = 'teams')",
            (row["name"], row["level"]),
        ).fetchone()
        if same is not None:
            return int(same[0])
    if parent_here is not None and not _fits(row["level"], levels.get(parent_here)):
        return parent_here
    return None


# ----------------------------------------------------------------------------- activities


def activities(ctx: SourceContext) -> Counts:
    """Activities keep the source's details and get a number of this roster (the source's own
    number stays in ``source_rows``)."""
    conn = ctx.conn
    counts = {**new_counts(), "cancelled": 0}
    owned = owned_rows(ctx, "activities")
    added: list[tuple[int, str | None, int]] = []
    seen: set[int] = set()
    entries: list[tuple[int, dict[str, object]]] = []
    # New activities, inserted a run at a time (before any activity here is changed).
    waiting: list[tuple[dict[str, Any], dict[str, Any]]] = []
    required = ("id", "activity_no", "title", "date", "category", "status")
    for number, row in enumerate(ctx.dicts("activities", required, ACTIVITY_COLUMNS), start=2):
        if not isinstance(row["id"], int) or not isinstance(row["date"], str):
            raise ctx.invalid("activities", number, "id/date")
        seen.add(row["id"])
        ctx.state.ensure_code("category", row["category"])
        ctx.state.ensure_code("beneficiary_group", row["beneficiary_group"])
        values = {name: row[name] for name in ACTIVITY_COLUMNS}
        values["team_id"] = mapped(ctx.teams, row["team_id"])
        values["leader_id"] = mapped(ctx.volunteers, row["leader_id"])
        if row["series_key"] is not None:
            values["series_key"] = f"{ctx.source_id}:{row['series_key']}"
        if row["id"] in owned:
            activity_id = owned[row["id"]][0]
            current = conn.execute(
                "SELECT * FROM activities WHERE id = ?", (activity_id,)
            ).fetchone()
            changes = {k: (current[k], v) for k, v in values.items() if current[k] != v}
            if changes:
                _add_activities(ctx, waiting, added, entries)
                update_row(
                    ctx, "activities", activity_id, changes, activity_no=current["activity_no"]
                )
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        else:
            no = ctx.state.next_number("activities", "activity_no", "A", row["date"])
            waiting.append((row, {"activity_no": no, **values}))
            counts["added"] += 1
            continue
        ctx.activities[row["id"]] = activity_id
    _add_activities(ctx, waiting, added, entries)
    audit.record_many(conn, "merge.activity_add", "activities", entries)
    own(ctx, "activities", added)
    for source_row, (activity_id, _no) in owned.items():
        if source_row in seen:
            continue
        current = conn.execute(
            "SELECT activity_no, status FROM activities WHERE id = ?", (activity_id,)
        ).fetchone()
        if current["status"] != "cancelled":
            reason = f"合并：{ctx.label}的名册中已无此活动"
            update_row(
                ctx,
                "activities",
                activity_id,
                {"status": (current["status"], "cancelled"), "status_reason": (None, reason)},
                activity_no=current["activity_no"],
            )
            counts["cancelled"] += 1
    return counts


def _add_activities(
    ctx: SourceContext,
    waiting: list[tuple[dict[str, Any], dict[str, Any]]],
    added: list[tuple[int, str | None, int]],
    entries: list[tuple[int, dict[str, object]]],
) -> None:
    """Insert the waiting new activities (source row, values here) at once, or one at a time
    when they cannot go at once (``batch``)."""
    if not waiting:
        return
    conn = ctx.conn
    now = audit.now_iso()
    columns = (*waiting[0][1], "created_at", "updated_at")

    def one(n: int) -> int:
        record = {**waiting[n][1], "created_at": now, "updated_at": now}
        cursor = conn.execute(
            f"INSERT INTO activities ({', '.join(record)})"
            f" VALUES ({', '.join('?' for _ in record)})",
            tuple(record.values()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    rows = [(*values.values(), now, now) for _row, values in waiting]
    ids = batch.insert(conn, "activities", columns, rows, one)
    for (row, values), activity_id in zip(waiting, ids, strict=True):
        assert activity_id is not None
        no = values["activity_no"]
        entries.append(
            (activity_id, {"activity_no": no, "source": ctx.label, "source_no": row["activity_no"]})
        )
        added.append((row["id"], row["activity_no"], activity_id))
        ctx.activities[row["id"]] = activity_id
    waiting.clear()

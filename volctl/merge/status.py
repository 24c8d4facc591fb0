"""A volunteer's status follows the sources: active while active in at least one of them.

A merge changes the status only when what the sources say together changes, so a status the
clerk set here stays.
"""

from __future__ import annotations

import sqlite3

from volctl import audit
from volctl.merge.context import SourceContext


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


def remember_status(ctx: SourceContext, volunteer_id: int) -> None:
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

"""An activity's summary (活动总结): what it achieved, recorded after it was held.

Seed 004: every activity has its record and its summary (有记录、有总结). The summary is free
text (a paragraph or two) the activity record (活动记录) prints; ``set_summary`` stores it (an
empty text clears it) in one transaction with its audit entry, the old text kept there. A
cancelled activity has nothing to sum up and is refused.
"""

from __future__ import annotations

import sqlite3

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict
from volctl.text import NOTES_TEXT, bounded


def set_summary(conn: sqlite3.Connection, ref: str, text: object) -> tuple[sqlite3.Row, bool]:
    """Set the summary of activity ``ref``; the activity and whether anything changed."""
    from volctl.ledger import activities

    summary = bounded(text, "summary", NOTES_TEXT)
    with transaction(conn):
        row = activities.find(conn, ref)
        if row["status"] == "cancelled":
            raise Conflict(
                "activity.is_cancelled", activity_no=row["activity_no"], title=row["title"]
            )
        if row["summary"] == summary:
            return activities.get(conn, row["id"]), False
        conn.execute(
            "UPDATE activities SET summary = ?, updated_at = ? WHERE id = ?",
            (summary, audit.now_iso(), row["id"]),
        )
        audit.record(
            conn,
            "activity.summary",
            "activities",
            row["id"],
            activity_no=row["activity_no"],
            changes={"summary": {"old": row["summary"], "new": summary}},
        )
        return activities.get(conn, row["id"]), True

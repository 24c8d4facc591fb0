"""The audit log: every change, when, by whom, through which command.

The CLI sets the context once per command (``set_context``); the domain calls ``record``
inside the same transaction as the change it describes, so a change and its audit entry
are written together or not at all.
"""

from __future__ import annotations

import contextvars
import getpass
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AuditContext:
    command: str
    operator: str


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return "unknown"


_context: contextvars.ContextVar[AuditContext | None] = contextvars.ContextVar(
    "volctl_audit", default=None
)


def set_context(command: str, operator: str | None = None) -> None:
    _context.set(AuditContext(command=command, operator=operator or _os_user()))


def context() -> AuditContext:
    return _context.get() or AuditContext(command="(api)", operator=_os_user())


def now_iso() -> str:
    """Local time with its UTC offset, to the second: what a clerk reads back."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def record(
    conn: sqlite3.Connection,
    action: str,
    entity: str | None = None,
    entity_id: int | None = None,
    **detail: object,
) -> None:
    ctx = context()
    conn.execute(
        "INSERT INTO audit_log (at, operator, command, action, entity, entity_id, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            now_iso(),
            ctx.operator,
            ctx.command,
            action,
            entity,
            entity_id,
            json.dumps(detail, ensure_ascii=False, default=str),
        ),
    )


def record_many(
    conn: sqlite3.Connection,
    action: str,
    entity: str,
    entries: list[tuple[int, dict[str, object]]],
) -> None:
    """Many entries of one kind at once (an import of thousands of rows): (entity_id, detail)."""
    ctx = context()
    at = now_iso()
    encode = json.JSONEncoder(ensure_ascii=False, default=str).encode  # as json.dumps, once
    conn.executemany(
        "INSERT INTO audit_log (at, operator, command, action, entity, entity_id, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                at,
                ctx.operator,
                ctx.command,
                action,
                entity,
                entity_id,
                encode(detail),
            )
            for entity_id, detail in entries
        ],
    )

"""The audit log: every change, when, by whom, through which command.

The CLI sets the context once per command (``set_context``); the domain calls ``record``
inside the same transaction as the change it describes, so a change and its audit entry
are written together or not at all.
"""

import contextvars
import os
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from typing import NamedTuple


class AuditContext(NamedTuple):  # not a dataclass: compiled at import, every command
    command: str
    operator: str


def _os_user() -> str:
    # What getpass.getuser() reads, without importing getpass (and termios) each time.
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if os.environ.get(name):
            return os.environ[name]
    try:  # then the account's name, as getpass.getuser() does
        import pwd

        return pwd.getpwuid(os.getuid())[0]
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
    import json  # here: a command that changes nothing has no use for it (~1 ms to import)

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
    entries: list[tuple[int, dict[str, object]]] | list[tuple[int, str]],
) -> None:
    """Many entries of one kind at once (an import of thousands of rows): (entity_id, detail),
    the detail a dict or already its JSON text. What every entry shares (the time, operator,
    command, action and entity) is written into the statement once, not bound per entry."""
    import json

    from volctl.sqltext import literal

    ctx = context()
    shared = (now_iso(), ctx.operator, ctx.command, action, entity)
    written = [literal(value) for value in shared]
    marks = ", ".join(["?" if text is None else text for text in written] + ["?", "?"])
    bound = tuple(value for value, text in zip(shared, written, strict=True) if text is None)
    encode = json.JSONEncoder(ensure_ascii=False, default=str).encode  # as json.dumps, once
    conn.executemany(
        "INSERT INTO audit_log (at, operator, command, action, entity, entity_id, detail)"
        f" VALUES ({marks})",
        [
            (*bound, entity_id, detail if isinstance(detail, str) else encode(detail))
            for entity_id, detail in entries
        ],
    )


# ----------------------------------------------------------------------------- reading

# Keys whose values are personal data, wherever they appear in an entry's detail.
PII_KEYS = frozenset(
    {
        "id_number",
        "phone",
        "guardian_phone",
        "emergency_phone",
        "family_phone",
        "address",
        "guardian_name",
        "emergency_contact",
        "family_contact",
    }
)


def _mask_value(key: str, value: object) -> object:
    from volctl.masking import mask_id_number, mask_phone
    from volctl.text import mask_text

    if not isinstance(value, str) or not value:
        return value
    if key == "id_number":
        return mask_id_number(value)
    if key.endswith("phone"):
        return mask_phone(value) if value.startswith("+") else mask_text(value, 3)
    return mask_text(value, 6 if key == "address" else 1)


def mask_detail(value: object, key: str = "") -> object:
    """The detail with personal data masked: by key, and any identity number or phone by shape."""
    if isinstance(value, dict):
        return {k: mask_detail(v, k if k in PII_KEYS else key) for k, v in value.items()}
    if isinstance(value, list):
        return [mask_detail(v, key) for v in value]
    if key in PII_KEYS:
        return _mask_value(key, value)
    if isinstance(value, str):
        from volctl.masking import mask_in_text

        value = mask_in_text(value)
    return value


def entries(
    conn: sqlite3.Connection,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    action: str | None = None,
    show_pii: bool = False,
) -> list[dict[str, object]]:
    """Audit entries, oldest first, within dates (inclusive) and for an action prefix."""
    from volctl.dates import check_period

    check_period(date_from, date_to)
    where, params = [], []
    if date_from is not None:
        where.append("substr(at, 1, 10) >= ?")
        params.append(date_from.isoformat())
    if date_to is not None:
        where.append("substr(at, 1, 10) <= ?")
        params.append(date_to.isoformat())
    if action:
        where.append("action LIKE ?")
        params.append(f"{action}%")
    sql = "SELECT * FROM audit_log" + (" WHERE " + " AND ".join(where) if where else "")
    import json

    result = []
    for row in conn.execute(sql + " ORDER BY id", params):
        detail = json.loads(row["detail"])
        result.append(
            {
                "id": row["id"],
                "at": row["at"],
                "operator": row["operator"],
                "command": row["command"],
                "action": row["action"],
                "entity": row["entity"],
                "entity_id": row["entity_id"],
                "detail": detail if show_pii else mask_detail(detail),
            }
        )
    return result


def summarise(
    detail: object,
    limit: int = 120,
    label: Callable[[str], str] = str,
    comma: str = ", ",
    empty: str = "",
) -> str:
    """One line for a table: key=value pairs, nested old/new shown as old→new; ``label`` names
    a key in the clerk's language, ``empty`` stands for an empty old or new value."""
    if not isinstance(detail, dict):
        return str(detail)[:limit]

    def shown(value: object) -> object:
        return empty if value is None or value == "" else value

    parts = []
    for key, value in detail.items():
        if value is None:
            continue
        if isinstance(value, dict) and {"old", "new"} <= set(value):
            parts.append(f"{label(key)}: {shown(value['old'])}→{shown(value['new'])}")
        elif isinstance(value, dict):
            parts.append(f"{label(key)}: {summarise(value, limit, label, comma, empty)}")
        else:
            parts.append(f"{label(key)}={value}")
    text = comma.join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"

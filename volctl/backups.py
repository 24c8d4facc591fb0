"""Where the roster's backups went: each backup recorded (encrypted or not, on removable media
or not), and the reminder ``volctl status`` gives when the last one on a stick was readable by
whoever finds the stick.

A backup is "removable" when it was written under a mount point of removable media
(``/media``, ``/mnt``, ``/run/media``, macOS's ``/Volumes``) or on another device than the
roster file (a USB stick, a second disk, a network share, a memory card): it left the disk
that full-disk encryption and the computer's login protect.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
from pathlib import Path
from typing import Any

from volctl import audit
from volctl.db import is_read_only, transaction

MEDIA_ROOTS: tuple[str, ...] = ("/media", "/mnt", "/run/media", "/Volumes")


def _device(path: Path) -> int | None:
    """The device of ``path``, or of its nearest existing folder."""
    for candidate in (path, *path.parents):
        try:
            return os.stat(candidate).st_dev
        except OSError:
            continue
    return None


def is_removable(dest: Path, roster: Path) -> bool:
    """Whether a backup at ``dest`` left the roster's disk (see the module's docstring)."""
    target = dest.absolute()
    for root in MEDIA_ROOTS:
        base = Path(root)
        if target == base or base in target.parents:
            return True
    mine, theirs = _device(roster.absolute().parent), _device(target.parent)
    return mine is not None and theirs is not None and mine != theirs


def record(
    conn: sqlite3.Connection, dest: Path, roster: Path, *, encrypted: bool
) -> dict[str, Any]:
    """Record a backup just written (nothing is recorded on a read-only roster: it is still
    backed up, only not remembered). Returns ``{"encrypted", "removable"}``."""
    removable = is_removable(dest, roster)
    if not is_read_only(conn):
        with transaction(conn):
            size = dest.stat().st_size
            cursor = conn.execute(
                "INSERT INTO backups (made_at, made_by, path, bytes, encrypted, removable)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    audit.now_iso(),
                    audit.context().operator,
                    str(dest.absolute()),
                    size,
                    int(encrypted),
                    int(removable),
                ),
            )
            audit.record(
                conn,
                "backup.write",
                "backups",
                cursor.lastrowid,
                file=str(dest.absolute()),
                encrypted=encrypted,
                removable=removable,
            )
    return {"encrypted": encrypted, "removable": removable}


def last(conn: sqlite3.Connection, *, removable: bool | None = None) -> dict[str, Any] | None:
    """The last backup recorded (``removable``: the last one on removable media, or not)."""
    where = "" if removable is None else f" WHERE removable = {int(removable)}"
    row = conn.execute(f"SELECT * FROM backups{where} ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    return {
        "made_at": row["made_at"],
        "made_by": row["made_by"],
        "path": row["path"],
        "bytes": row["bytes"],
        "encrypted": bool(row["encrypted"]),
        "removable": bool(row["removable"]),
    }


def unencrypted_on_removable_media(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """For ``volctl status``: the last backup written to removable media, when it was NOT
    encrypted (anyone who finds that stick reads every person on the roster); None when the
    last such backup was encrypted, or there was none.

    Returns ``{"made_at", "path", "bytes", "message": key, "params": {...}, "command"}``:
    ``t(message, **params)`` is the item's sentence in the clerk's language and ``command``
    the command that puts it right.
    """
    from volctl.dates import clock

    found = last(conn, removable=True)
    if found is None or found["encrypted"]:
        return None
    return {
        "made_at": found["made_at"],
        "path": found["path"],
        "bytes": found["bytes"],
        "message": "backups.removable_unencrypted",
        "params": {"path": found["path"], "at": clock(found["made_at"])},
        "command": "volctl backup --encrypt " + shlex.quote(found["path"] + ".age"),
    }

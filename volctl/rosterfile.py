"""What is at a roster's path, read without changing it: a roster, an empty file, another
program's database, something that is not a database; how to read it on read-only media; and
whether its folder and its disk can take changes. Connections, migrations and transactions
are ``volctl.db``'s.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any, Literal, NamedTuple

from volctl.errors import RosterError, file_error
from volctl.schema import APPLICATION_ID

SQLITE_HEADER = b"SQLite format 3\x00"
FileKind = Literal["missing", "empty", "roster", "foreign", "not_sqlite", "corrupt"]


class FileState(NamedTuple):
    kind: FileKind
    version: int = 0


def inspect_file(path: Path) -> FileState:
    """What is at ``path``, read without changing it. Only a regular file can be a roster: a
    device (/dev/null), a pipe or a socket is refused before it is opened (a pipe would hang)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return FileState("missing")  # a dangling symbolic link too: its target will be made
    except OSError as exc:
        raise file_error(exc, path, "roster.cannot_read", error=RosterError) from None
    if stat.S_ISDIR(mode):
        raise RosterError("roster.is_directory", path=str(path))
    if not stat.S_ISREG(mode):
        raise RosterError("roster.not_regular", hint="hint.roster_choose_other", path=str(path))
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise file_error(exc, path, "roster.cannot_read", error=RosterError) from None
    if not header:
        return FileState("empty")
    if header != SQLITE_HEADER:
        return FileState("not_sqlite")
    try:
        conn = connect_read_only(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            # Counting the objects reads the whole schema (~0.6 ms on a roster): only an
            # unmarked file needs it, to tell an empty database from a foreign one.
            objects = (
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if app_id == 0
                else None
            )
        finally:
            conn.close()
    except sqlite3.OperationalError:
        # SQLite could not open it at all: on read-only media, changes still in its -wal file
        # cannot be read without the -shm index beside it.
        if read_only_folder(path):
            raise RosterError(
                "roster.cannot_open", hint="hint.roster_wal_read_only", path=str(path)
            ) from None
        if disk_full(path):
            raise RosterError("roster.disk_full", path=str(path)) from None
        raise RosterError("roster.cannot_open", path=str(path)) from None
    except sqlite3.DatabaseError:
        return FileState("corrupt")
    if app_id == APPLICATION_ID:
        return FileState("roster", version)
    if app_id == 0 and objects == 0:
        return FileState("empty")
    return FileState("foreign")


def writable(path: Path) -> bool:
    """Whether changes to the roster can be saved: the file itself, and its folder, where
    SQLite keeps the -wal and -shm files of a WAL database."""
    return os.access(path, os.W_OK) and not read_only_folder(path)


def connect_read_only(path: Path, **kwargs: Any) -> sqlite3.Connection:
    """Open ``path`` for reading without writing a byte, even on read-only media.

    A WAL roster is read through its -shm index (https://sqlite.org/wal.html, "Read-Only
    Databases"): SQLite creates it in a folder it can write to, or uses one already there
    read-only. In a folder that cannot be written with neither, the roster file is complete
    by itself when no -wal file holds changes: ``immutable=1`` reads it without -shm and
    without locks (no volctl can write there either). With changes waiting in a -wal file,
    the error stands: reading the file alone would show an older roster.
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, **kwargs)
    try:
        # Reads the file's header through the -wal and -shm files, without parsing the schema.
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if not read_only_folder(path) or wal_holds_changes(path):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, **kwargs)


def wal_holds_changes(path: Path) -> bool:
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def read_only_folder(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY) or not os.access(
            path.parent, os.W_OK
        )
    except OSError:
        return False


def disk_full(path: Path) -> bool:
    try:
        stats = os.statvfs(path.parent)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024

"""The roster file: where it is, opening it safely, migrations, transactions.

This is the only module that knows the file. ``open_roster`` refuses anything that is not a
volctl roster (or is a newer one) before writing a single byte to it, then turns on foreign
keys, WAL and a busy timeout, and upgrades an older roster after taking a backup.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple

from volctl.errors import RosterError, Where, file_error
from volctl.rosterfile import (
    FileState,
    connect_read_only,
    disk_full,
    inspect_file,
    read_only_folder,
    writable,
)
from volctl.schema import APPLICATION_ID, LATEST, MIGRATION_SET, STEPS, Step, run_script, steps

ENV_DB = "VOLCTL_DB"
ENV_BUSY = "VOLCTL_BUSY_TIMEOUT"
DEFAULT_FILE = "roster.db"
DEFAULT_BUSY_SECONDS = 60.0

Notify = Callable[[str, dict[str, object]], None]


# NamedTuples, not dataclasses: a dataclass is compiled at import, on every command (~0.3 ms).
class Location(NamedTuple):
    path: Path
    source: Literal["option", "env", "default"]


def locate(
    option: Path | None, default_dir: Path, environ: Mapping[str, str] | None = None
) -> Location:
    """``--db``, else ``$VOLCTL_DB``, else ``roster.db`` in the user's app directory."""
    environ = os.environ if environ is None else environ
    if option is not None:
        return Location(Path(option).expanduser(), "option")
    if environ.get(ENV_DB):
        return Location(Path(environ[ENV_DB]).expanduser(), "env")
    return Location(default_dir / DEFAULT_FILE, "default")


class Roster(sqlite3.Connection):
    """A connection to a roster file; ``read_only`` when it was opened for reading only."""

    read_only: bool = False
    path: Path | None = None


def _refuse(state: FileState, path: Path) -> None:
    if state.kind == "not_sqlite":
        raise RosterError("roster.not_sqlite", hint="hint.roster_choose_other", path=str(path))
    if state.kind == "foreign":
        raise RosterError("roster.foreign", hint="hint.roster_choose_other", path=str(path))
    if state.kind == "corrupt":
        raise RosterError("roster.corrupt", hint="hint.roster_corrupt", path=str(path))
    if state.kind == "roster" and state.version > LATEST:
        raise RosterError(
            "roster.newer",
            hint="hint.roster_upgrade_volctl",
            path=str(path),
            version=state.version,
            supported=LATEST,
        )


def busy_seconds() -> float:
    try:
        return float(os.environ.get(ENV_BUSY, DEFAULT_BUSY_SECONDS))
    except ValueError:
        return DEFAULT_BUSY_SECONDS


def _connect(path: Path, *, read_only: bool = False) -> Roster:
    options: dict[str, Any] = {
        "isolation_level": None,
        "timeout": busy_seconds(),
        "factory": Roster,
    }
    if read_only:
        conn = connect_read_only(path, **options)
    else:
        conn = sqlite3.connect(str(path), **options)
    assert isinstance(conn, Roster)
    conn.read_only = read_only
    conn.path = path
    conn.row_factory = sqlite3.Row
    register_functions(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_seconds() * 1000)}")
    return conn


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions volctl's queries use: ``fold(text)``, the form stored texts are compared
    in (``volctl.text.fold``: 「（教师）」 and 「(教师)」 alike)."""
    from volctl.text import fold

    conn.create_function("fold", 1, fold, deterministic=True)


def is_read_only(conn: sqlite3.Connection) -> bool:
    """Whether ``conn`` is a roster opened for reading only (its file or folder is read-only)."""
    return isinstance(conn, Roster) and conn.read_only


def refuse_read_only(conn: sqlite3.Connection) -> None:
    """Refuse a change to a roster opened for reading only, before anything is done."""
    if isinstance(conn, Roster) and conn.read_only:
        raise RosterError("roster.readonly", path=str(conn.path or ""))


def create_file(path: Path, *, exclusive: bool = False) -> bool:
    """Create an empty file readable and writable by its owner only (0600); whether it was
    created (False: it was already there; ``exclusive``: that raises ``FileExistsError``).
    Through a symbolic link whose target does not exist yet, the target is created so: SQLite
    then opens the link and finds the file, instead of creating it with the usual mode."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if not target.parent.exists():
        raise RosterError("roster.no_folder", path=str(path), folder=str(target.parent))
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        if exclusive:
            raise
        return False
    except OSError as exc:
        raise file_error(exc, path, "roster.cannot_create", error=RosterError) from None
    os.close(fd)
    return True


def _owner_only(path: Path) -> None:
    """An empty file being made a roster becomes readable by its owner only, as a new one is."""
    try:
        os.chmod(path, 0o600)
    except OSError as exc:
        raise file_error(exc, path, "roster.cannot_create", error=RosterError) from None


def open_roster(
    path: Path,
    *,
    create: bool = False,
    notify: Notify | None = None,
    inspected: FileState | None = None,
) -> sqlite3.Connection:
    """Open (with ``create``: initialise) the roster at ``path``, migrated to the latest schema.
    ``inspected``: what ``inspect_file(path)`` returned just before, if the caller asked
    (``info`` does, to report the file's state): the same checks follow from it."""
    state = inspect_file(path) if inspected is None else inspected
    _refuse(state, path)
    if state.kind == "missing":
        if not create:
            raise RosterError("roster.missing", hint="hint.roster_init", path=str(path))
        create_file(path)
    elif state.kind == "empty":
        if not create:
            raise RosterError("roster.not_initialised", hint="hint.roster_init", path=str(path))
        _owner_only(path)
    elif not writable(path):
        return _open_read_only(path, state, notify)
    try:
        conn = _connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        if state.version < LATEST:
            _check_known_steps(conn, path)
            if state.version > 0:
                backup = backup_before_migration(conn, path, state.version)
                if notify:
                    notify("roster.backup_before_migration", {"backup": str(backup)})
            migrate(conn)
            if state.version > 0 and notify:
                notify("roster.migrated", {"old": state.version, "new": LATEST})
        else:
            _check_known_steps(conn, path)
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, path) from None
    return conn


def _open_read_only(path: Path, state: FileState, notify: Notify | None) -> sqlite3.Connection:
    """A roster on read-only media or in a read-only folder: every reading command works on
    it; a change is refused by ``transaction`` (and by SQLite) with ``roster.readonly``."""
    if state.version < LATEST:
        raise RosterError("roster.readonly", hint="hint.roster_readonly_upgrade", path=str(path))
    try:
        conn = _connect(path, read_only=True)
        _check_known_steps(conn, path)
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, path) from None
    if notify:
        notify("roster.opened_read_only", {"path": str(path)})
    return conn


def _check_known_steps(conn: sqlite3.Connection, path: Path) -> None:
    """A roster holding a step this volctl does not know was made by a newer volctl."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return
    applied = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
        )
    }
    unknown = applied - set(STEPS)
    if unknown and len(applied) > LATEST:
        raise RosterError(
            "roster.newer",
            hint="hint.roster_upgrade_volctl",
            path=str(path),
            version=len(applied),
            supported=LATEST,
        )
    if unknown:  # as many steps or fewer, some of them not ours: not "newer", just other
        raise RosterError(
            "roster.unknown_steps",
            hint="hint.roster_upgrade_volctl",
            path=str(path),
            steps=", ".join(sorted(unknown)),
        )


def migrate(conn: sqlite3.Connection, *, stop_before: str | None = None) -> None:
    """Apply the pending steps, each in one transaction with its record and the new user_version."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for number, step in enumerate(steps(), start=1):

        def apply(db: Database, step: Step = step, number: int = number) -> None:
            run_script(db.conn, step.sql)
            if step.after is not None:
                step.after(db.conn)
            db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.conn.execute(f"PRAGMA user_version = {number}")

        migrations(name=step.name)(apply)
    migrations.apply(
        Database(conn, recursive_triggers=False, execute_plugins=False), stop_before=stop_before
    )


def backup_to(
    conn: sqlite3.Connection,
    dest: Path,
    *,
    exclusive: bool = False,
    verify: Callable[[Path], None] | None = None,
) -> Path:
    """A consistent copy of the open roster (SQLite's online backup), created 0600.

    The copy is made under a temporary name and renamed into place once complete (and, with
    ``verify``, once that check of the copy passed), so a full disk or a kill leaves nothing
    at ``dest``. ``exclusive``: never replace a file that is already there."""
    from volctl import files

    with files.replacing(dest, overwrite=not exclusive, where=Where(field="backup_file")) as tmp:
        target = sqlite3.connect(str(tmp))
        try:
            conn.backup(target)
            # A backup is one self-contained file: no -wal/-shm beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        if verify is not None:
            verify(tmp)
    return dest


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    return backup_to(conn, dest)


_savepoints = itertools.count(1)


@contextlib.contextmanager
def transaction(
    conn: sqlite3.Connection, *, on_wait: Callable[[], None] | None = None
) -> Iterator[sqlite3.Connection]:
    """One write transaction (``BEGIN IMMEDIATE``); nested calls become savepoints.

    If another volctl holds the roster, ``on_wait`` is called once and we wait up to the busy
    timeout instead of failing at once.
    """
    refuse_read_only(conn)
    if conn.in_transaction:
        name = f"volctl_sp{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    _begin_immediate(conn, on_wait or _wait_hook)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    with saving():
        conn.execute("COMMIT")


# Whether the running command has saved a change to the roster: what Ctrl-C must report.
_saved = False


@contextlib.contextmanager
def saving() -> Iterator[None]:
    """Around the one step that saves changes (a COMMIT, a restore's copy): Ctrl-C is held
    back until it is recorded that the change was saved, so an interruption never says
    "unchanged" about a roster that was changed."""
    global _saved
    main = threading.current_thread() is threading.main_thread()
    held = main and hasattr(signal, "pthread_sigmask")
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if held else None
    try:
        yield
        _saved = True
    finally:
        if before is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)


def changes_saved() -> bool:
    """Whether a change was saved since ``forget_saved`` (the start of the command)."""
    return _saved


def forget_saved() -> None:
    global _saved
    _saved = False


_wait_hook: Callable[[], None] | None = None


def set_wait_hook(hook: Callable[[], None] | None) -> None:
    """What to do when the roster is busy (the CLI prints a notice)."""
    global _wait_hook
    _wait_hook = hook


def _begin_immediate(conn: sqlite3.Connection, on_wait: Callable[[], None] | None) -> None:
    full = int(busy_seconds() * 1000)
    conn.execute("PRAGMA busy_timeout = 200")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {full}")
    if on_wait:
        on_wait()
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise RosterError(
                "roster.busy", hint="hint.roster_busy", seconds=int(full / 1000)
            ) from None
        raise


def next_counter(conn: sqlite3.Connection, name: str, count: int = 1) -> int:
    """The next number of a per-roster sequence (volunteer numbers, certificate numbers).

    With ``count`` > 1, reserves that many consecutive numbers and returns the first.
    """
    conn.execute(
        "INSERT INTO counters (name, value) VALUES (?, ?)"
        " ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
        (name, count),
    )
    last = int(conn.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()[0])
    return last - count + 1


def translate_sqlite_error(exc: sqlite3.Error, path: Path | None = None) -> RosterError:
    """Turn what SQLite says into a message a clerk can act on."""
    text = str(exc).lower()
    where = str(path) if path else ""
    if "locked" in text or "busy" in text:
        return RosterError("roster.busy", hint="hint.roster_busy", seconds=int(busy_seconds()))
    if "readonly" in text or "read-only" in text:
        return RosterError("roster.readonly", path=where)
    if "disk is full" in text:
        return RosterError("roster.disk_full", path=where)
    # Writing beside the roster (its -wal, -shm or -journal file) failed.
    if "unable to open" in text or "disk i/o error" in text:
        if path and read_only_folder(path):
            return RosterError("roster.readonly", path=where)
        if path and disk_full(path):
            return RosterError("roster.disk_full", path=where)
    if "unable to open" in text:
        return RosterError("roster.cannot_open", path=where)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return RosterError("roster.corrupt", hint="hint.roster_corrupt", path=where)
    return RosterError("roster.sqlite_error", path=where, reason=str(exc))


def table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        is not None
    )

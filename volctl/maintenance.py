"""Backups, restores and integrity: keeping years of a community's service safe.

Backups use SQLite's online backup API, so they are consistent even while another volctl is
writing. A restore checks the backup first, keeps a copy of the roster it replaces, and
copies the backup in through the same API, so open readers and the WAL stay coherent.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from volctl import audit
from volctl.db import (
    backup_to,
    connect_read_only,
    disk_full,
    inspect_file,
    refuse_read_only,
    transaction,
)
from volctl.errors import InvalidInput, RosterError, Where
from volctl.i18n import t
from volctl.schema import LATEST


@dataclass(frozen=True)
class Integrity:
    ok: bool
    problems: list[str]
    foreign_key_problems: int


def integrity(conn: sqlite3.Connection) -> Integrity:
    """SQLite's own integrity check and the foreign-key check."""
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    problems = [] if rows == ["ok"] else rows
    fk = len(conn.execute("PRAGMA foreign_key_check").fetchall())
    return Integrity(ok=not problems and fk == 0, problems=problems, foreign_key_problems=fk)


def default_backup_path(roster: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return roster.with_name(f"{roster.stem}-{stamp}.backup.db")


def backup(conn: sqlite3.Connection, dest: Path) -> dict[str, object]:
    """A consistent copy of the open roster at ``dest`` (never over an existing file)."""
    if dest.exists():
        raise InvalidInput("backup.exists", where=Where(field="backup_file"), path=str(dest))
    if not dest.parent.is_dir():
        raise InvalidInput(
            "output.no_folder", where=Where(field="backup_file"), folder=str(dest.parent)
        )
    found: dict[str, int] = {}

    def verify(copy_path: Path) -> None:
        """A copy that fails its check is no backup: it never reaches ``dest``."""
        copy = sqlite3.connect(f"{copy_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            checked = integrity(copy)
            found["volunteers"] = copy.execute("SELECT count(*) FROM volunteers").fetchone()[0]
        finally:
            copy.close()
        if not checked.ok:
            raise RosterError("backup.copy_damaged", path=str(dest))

    try:
        backup_to(conn, dest, exclusive=True, verify=verify)
    except sqlite3.Error as exc:
        raise _backup_failed(exc, dest) from None
    volunteers = found["volunteers"]
    return {
        "path": str(dest.resolve()),
        "bytes": dest.stat().st_size,
        "volunteers": volunteers,
        "integrity": "ok",
    }


def _backup_failed(exc: sqlite3.Error, dest: Path) -> RosterError:
    """The backup could not be written (its file is gone again): say where, and why."""
    from volctl.i18n import t

    text = str(exc).lower()
    full = "full" in text or disk_full(dest)
    reason = t("os.disk_full") if full else str(exc)
    return RosterError("backup.failed", path=str(dest), reason=reason)


def check_backup(path: Path) -> sqlite3.Connection:
    """Open a backup read-only after checking it is a sound volctl roster this volctl can read."""
    state = inspect_file(path)
    if state.kind == "missing":
        raise InvalidInput("restore.missing", where=Where(field="backup_file"), path=str(path))
    if state.kind != "roster":
        raise RosterError(
            "restore.not_roster",
            path=str(path),
            kind=state.kind,
            reason=t(f"info.state_{state.kind}"),
        )
    if state.version > LATEST:
        raise RosterError(
            "roster.newer",
            hint="hint.roster_upgrade_volctl",
            path=str(path),
            version=state.version,
            supported=LATEST,
        )
    source = connect_read_only(path)  # a backup on a read-only stick or disc too
    checked = integrity(source)
    if not checked.ok:
        source.close()
        raise RosterError(
            "restore.damaged",
            path=str(path),
            problems="; ".join(checked.problems[:3]) or "foreign keys",
        )
    return source


def restore(
    source: sqlite3.Connection, source_path: Path, roster: sqlite3.Connection, roster_path: Path
) -> dict[str, object]:
    """Replace the roster's content with the backup's, keeping the replaced roster beside it."""
    refuse_read_only(roster)
    refused = _refused_values(source)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = roster_path.with_name(f"{roster_path.stem}-replaced-{stamp}.db")
    backup_to(roster, kept)
    source.backup(roster)
    with transaction(roster):
        audit.record(
            roster, "roster.restore", None, None, source=str(source_path), replaced_copy=str(kept)
        )
    volunteers = roster.execute("SELECT count(*) FROM volunteers").fetchone()[0]
    return {
        "restored_from": str(source_path.resolve()),
        "replaced_copy": str(kept.resolve()),
        "volunteers": volunteers,
        "invalid_values": refused,
    }


def _refused_values(source: sqlite3.Connection) -> list[dict[str, str]]:
    """Every value of the backup the roster's rules refuse (``volctl.validation``, the rules of
    ``register add``, the imports and ``merge``), as ``check`` will name them.

    Such a backup is restored all the same, and the values listed: a backup is the clerk's own
    history, often the only copy of it (made by an older volctl that let these values in), so
    refusing it could lose everything it holds; restored, each value is named by ``check`` and
    corrected with the command that edits its record, and a command that meets one names it
    instead of failing."""
    from volctl.validation import described, scan

    return [{**described(found), "column": found.refusal.field} for found in scan(source)]

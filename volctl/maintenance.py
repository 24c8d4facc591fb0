"""Backups, restores and integrity: keeping years of a community's service safe.

Backups use SQLite's online backup API, so they are consistent even while another volctl is
writing. A restore checks the backup first, keeps a copy of the roster it replaces, and
copies the backup in through the same API, so open readers and the WAL stay coherent.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from volctl import audit
from volctl.db import backup_to, refuse_read_only, saving, transaction
from volctl.errors import InvalidInput, RosterError, Where
from volctl.i18n import t
from volctl.rosterfile import connect_read_only, disk_full, inspect_file
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


def default_backup_path(roster: Path, folder: Path | None = None) -> Path:
    """``<roster>-<date>-<time>.backup.db`` beside the roster, or in ``folder`` (a USB stick)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{roster.stem}-{stamp}.backup.db"
    return (folder / name) if folder is not None else roster.with_name(name)


def backup_target(roster: Path, given: Path | None) -> Path:
    """Where ``volctl backup [FILE|FOLDER]`` writes: a dated file beside the roster, or in
    the folder given, or the file given."""
    if given is None:
        return default_backup_path(roster)
    if given.is_dir():
        return default_backup_path(roster, given)
    return given


def backup(
    conn: sqlite3.Connection, dest: Path, *, passphrase: str | None = None
) -> dict[str, object]:
    """A consistent copy of the open roster at ``dest`` (never over an existing file);
    with ``passphrase``, encrypted in age's passphrase mode (``volctl.keys``). The backup is
    recorded on the roster (encrypted or not, on removable media or not)."""
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
        if passphrase is None:
            backup_to(conn, dest, exclusive=True, verify=verify)
        else:
            _encrypted_backup(conn, dest, passphrase, found)
    except sqlite3.Error as exc:
        raise _backup_failed(exc, dest) from None
    volunteers = found["volunteers"]
    from volctl import backups

    where = backups.record(conn, dest, _roster_path(conn), encrypted=passphrase is not None)
    return {
        "path": str(dest.resolve()),
        "bytes": dest.stat().st_size,
        "volunteers": volunteers,
        "integrity": "ok",
        **where,
    }


def _roster_path(conn: sqlite3.Connection) -> Path:
    from volctl.keys import roster_file

    return roster_file(conn)


def _encrypted_backup(
    conn: sqlite3.Connection, dest: Path, passphrase: str, found: dict[str, int]
) -> None:
    """The roster copied into memory (never as plain text on the disk or the stick), checked,
    and written to ``dest`` encrypted: the file is whole or not there at all."""
    from volctl import files, keys

    keys.check_passphrase(passphrase)
    copy = sqlite3.connect(":memory:")
    try:
        conn.backup(copy)
        if not integrity(copy).ok:
            raise RosterError("backup.copy_damaged", path=str(dest))
        found["volunteers"] = copy.execute("SELECT count(*) FROM volunteers").fetchone()[0]
        image = bytearray(copy.serialize())
    finally:
        copy.close()
    # The file header's write/read versions (bytes 18-19) say "rollback journal", as
    # `PRAGMA journal_mode = DELETE` makes the plain backups: once decrypted (by volctl or by
    # any age tool) it is one self-contained file, readable on read-only media too.
    image[18:20] = b"\x01\x01"
    sealed = keys.encrypt_with_passphrase(bytes(image), passphrase)
    del image
    with files.open_binary(dest, overwrite=False, where=Where(field="backup_file")) as out:
        out.write(sealed)


def _backup_failed(exc: sqlite3.Error, dest: Path) -> RosterError:
    """The backup could not be written (its file is gone again): say where, and why."""
    from volctl.i18n import t

    text = str(exc).lower()
    full = "full" in text or disk_full(dest)
    reason = t("os.disk_full") if full else str(exc)
    return RosterError("backup.failed", path=str(dest), reason=reason)


def check_backup(path: Path, *, passphrase: str | None = None) -> sqlite3.Connection:
    """Open a backup read-only after checking it is a sound volctl roster this volctl can read
    (an encrypted backup is decrypted into memory with ``passphrase``)."""
    from volctl import keys

    if keys.file_is_encrypted(path):
        return _check_encrypted_backup(path, passphrase)
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


def describe_backup(source: sqlite3.Connection, path: Path) -> dict[str, object]:
    """What a backup holds: whose roster, when it last changed, and its counts."""

    def one(sql: str) -> object:
        try:
            return source.execute(sql).fetchone()[0]
        except sqlite3.Error:  # a table an older roster does not have
            return None

    org = one("SELECT value FROM settings WHERE key = 'org_name'")
    return {
        "path": str(path),
        "org": json.loads(str(org)) if org else "",
        "last_change": one("SELECT max(at) FROM audit_log"),
        "volunteers": one("SELECT count(*) FROM volunteers") or 0,
        "teams": one("SELECT count(*) FROM teams") or 0,
        "activities": one("SELECT count(*) FROM activities") or 0,
        "records": one("SELECT count(*) FROM service_chains WHERE voided = 0") or 0,
    }


def _check_encrypted_backup(path: Path, passphrase: str | None) -> sqlite3.Connection:
    from volctl import keys
    from volctl.errors import file_error
    from volctl.schema import APPLICATION_ID

    where = Where(file=path.name)
    if passphrase is None:
        raise InvalidInput("restore.needs_passphrase", hint="hint.restore_passphrase", where=where)
    try:
        data = keys.decrypt_with_passphrase(path.read_bytes(), passphrase, path)
    except OSError as exc:
        raise file_error(exc, path, "restore.cannot_read", error=RosterError) from None
    source = sqlite3.connect(":memory:")
    try:
        source.deserialize(data)
        del data
        app_id = source.execute("PRAGMA application_id").fetchone()[0]
        version = source.execute("PRAGMA user_version").fetchone()[0]
        checked = integrity(source)
    except sqlite3.DatabaseError:
        source.close()
        raise RosterError(
            "restore.not_roster", path=str(path), kind="corrupt", reason=t("info.state_corrupt")
        ) from None
    if app_id != APPLICATION_ID:
        source.close()
        raise RosterError(
            "restore.not_roster", path=str(path), kind="foreign", reason=t("info.state_foreign")
        )
    if version > LATEST:
        source.close()
        raise RosterError(
            "roster.newer",
            hint="hint.roster_upgrade_volctl",
            path=str(path),
            version=version,
            supported=LATEST,
        )
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
    with saving():  # from here on, the roster holds the backup's content
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

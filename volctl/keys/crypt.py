"""Encryption in the age format: bundles to a recipient's key, backups with a passphrase
(scrypt). ``pyrage`` is imported inside the functions that use it."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import IO, TYPE_CHECKING

from volctl import files
from volctl.errors import InvalidInput, Where, file_error
from volctl.keys.store import own_or_none

if TYPE_CHECKING:
    from volctl.keys.trust import Recipient

AGE_MAGIC = b"age-encryption.org/v1\n"
MIN_PASSPHRASE = 8

# ----------------------------------------------------------------------------- encryption


def is_encrypted(head: bytes) -> bool:
    """Whether a file starting with ``head`` (at least 22 bytes read) is in the age format."""
    return head.startswith(AGE_MAGIC)


def file_is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(AGE_MAGIC)) == AGE_MAGIC
    except OSError:
        return False


def encrypt_stream(source: IO[bytes], dest: IO[bytes], to: Recipient) -> None:
    """Encrypt ``source`` (from its current position) into ``dest`` for ``to``."""
    import pyrage

    pyrage.encrypt_io(source, dest, [pyrage.x25519.Recipient.from_str(to.recipient)])


def decrypt_bundle(conn: sqlite3.Connection, path: Path) -> IO[bytes]:
    """An encrypted bundle decrypted with this roster's key into a nameless temporary file
    (positioned at its start); refused, naming the file, when it is not for this roster or
    was altered."""
    import pyrage

    where = Where(file=path.name)
    keys = own_or_none(conn)
    if keys is None:
        raise InvalidInput("bundle.encrypted_no_keys", hint="hint.keys_init", where=where)
    try:
        source = path.open("rb")
    except OSError as exc:
        raise file_error(exc, path, "bundle.cannot_read", where=where) from None
    scratch = files.scratch()
    try:
        with source:
            pyrage.decrypt_io(source, scratch, [keys.identity, *keys.older_identities])
    except (pyrage.DecryptError, OSError) as exc:
        # The stream's own failures (an altered or cut-short payload) come as OSError.
        scratch.close()
        text = str(exc).lower()
        key = "bundle.not_for_us" if "no matching keys" in text else "bundle.encrypted_damaged"
        raise InvalidInput(key, hint="hint.bundle_ask_again", where=where) from None
    except BaseException:
        scratch.close()
        raise
    scratch.seek(0)
    return scratch


def check_passphrase(passphrase: str, *, where: Where | None = None) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            "backup.passphrase_short",
            where=where or Where(field="passphrase"),
            limit=MIN_PASSPHRASE,
        )
    return passphrase


def encrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    """``data`` in age's passphrase (scrypt) mode."""
    import pyrage

    return bytes(pyrage.passphrase.encrypt(data, check_passphrase(passphrase)))


def decrypt_with_passphrase(data: bytes, passphrase: str, path: Path) -> bytes:
    import pyrage

    try:
        return bytes(pyrage.passphrase.decrypt(data, passphrase))
    except pyrage.DecryptError as exc:
        text = str(exc).lower()
        key = "restore.not_passphrase" if "no matching keys" in text else "restore.wrong_passphrase"
        raise InvalidInput(key, where=Where(file=path.name)) from None


def read_passphrase_file(path: Path) -> tuple[str, bool]:
    """The passphrase in the first line of ``path`` (for scheduled backups), and whether the
    file is readable by other users (it should not be)."""
    where = Where(file=path.name)
    try:
        if path.stat().st_size > 4096:
            raise InvalidInput("backup.passphrase_file_bad", where=where)
        text = path.read_text(encoding="utf-8-sig")
        loose = bool(stat.S_IMODE(path.stat().st_mode) & 0o077)
    except OSError as exc:
        raise file_error(exc, path, "backup.passphrase_file_unreadable", where=where) from None
    except UnicodeDecodeError:
        raise InvalidInput("backup.passphrase_file_bad", where=where) from None
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase:
        raise InvalidInput("backup.passphrase_file_bad", where=where)
    return passphrase, loose and os.name == "posix"

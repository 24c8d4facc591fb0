"""This roster's own keys: the folder beside the roster that holds their private halves
(0700, the files 0600), and the public halves the roster records (``own_keys``)."""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from volctl import audit, files
from volctl.db import transaction
from volctl.errors import Conflict, RosterError, Where, file_error
from volctl.keys.formats import PublicKey

FOLDER_SUFFIX = ".keys"
RECEIVE_FILE = "receive.key"
SIGN_FILE = "sign.key"

# ----------------------------------------------------------------------------- own keys


def roster_file(conn: sqlite3.Connection) -> Path:
    """The file of the open roster."""
    for _seq, name, path in conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and path:
            return Path(path)
    raise RosterError("keys.no_roster_file")


def folder_of(roster: Path) -> Path:
    """Where a roster's private keys live: beside it, ``<roster file>.keys/``."""
    return roster.with_name(roster.name + FOLDER_SUFFIX)


@dataclass
class OwnKeys:
    """This roster's key pairs, loaded from its key folder."""

    folder: Path
    identity: Any  # pyrage.x25519.Identity
    signer: Any  # cryptography Ed25519PrivateKey
    public: PublicKey
    older_identities: list[Any] = field(default_factory=list)  # before keys init --rotate


def _owner_only(path: Path, mode: int) -> None:
    """Tighten a key file or folder that a copy or an unzip left readable by others."""
    try:
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            os.chmod(path, mode)
    except OSError:
        pass


def _read_identity(path: Path) -> Any:
    import pyrage

    text = path.read_text(encoding="ascii")
    lines = [line.strip() for line in text.splitlines()]
    secret = [line for line in lines if line.startswith("AGE-SECRET-KEY-1")]
    if len(secret) != 1:
        raise ValueError("no identity")
    try:
        return pyrage.x25519.Identity.from_str(secret[0])
    except pyrage.IdentityError:
        raise ValueError("bad identity") from None


def _read_signer(path: Path) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_ssh_private_key

    key = load_ssh_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not ed25519")
    return key


def _raw_public(signer: Any) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return bytes(signer.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def load(folder: Path) -> OwnKeys | None:
    """The keys in ``folder``; None when it holds none; a clear error when they are damaged."""
    receive, sign = folder / RECEIVE_FILE, folder / SIGN_FILE
    if not receive.exists() and not sign.exists():
        return None
    _owner_only(folder, 0o700)
    try:
        for path in (receive, sign):
            _owner_only(path, files.PRIVATE_MODE)
        identity = _read_identity(receive)
        signer = _read_signer(sign)
    except FileNotFoundError:
        raise RosterError("keys.damaged", hint="hint.keys_damaged", folder=str(folder)) from None
    except OSError as exc:
        raise file_error(exc, folder, "keys.cannot_read", error=RosterError) from None
    except (ValueError, TypeError, UnicodeDecodeError):
        raise RosterError("keys.damaged", hint="hint.keys_damaged", folder=str(folder)) from None
    older = []
    for entry in sorted(folder.glob("receive-replaced-*.key")):
        try:
            older.append(_read_identity(entry))
        except (OSError, ValueError, UnicodeDecodeError):
            continue  # a damaged old key only loses the bundles sent to it
    public = PublicKey(str(identity.to_public()), _raw_public(signer))
    return OwnKeys(folder, identity, signer, public, older)


def _recorded(conn: sqlite3.Connection) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM own_keys WHERE replaced_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()


def own(conn: sqlite3.Connection) -> OwnKeys:
    """This roster's keys; a clear error when it has none or its key folder is missing."""
    folder = folder_of(roster_file(conn))
    keys = load(folder)
    if keys is not None:
        return keys
    if _recorded(conn) is not None:
        raise RosterError(
            "keys.folder_missing", hint="hint.keys_folder_missing", folder=str(folder)
        )
    raise RosterError("keys.none", hint="hint.keys_init", folder=str(folder))


def own_or_none(conn: sqlite3.Connection) -> OwnKeys | None:
    try:
        return own(conn)
    except RosterError as error:
        if error.key == "keys.none":
            return None
        raise


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as exc:
        raise file_error(exc, folder, "keys.cannot_write", error=RosterError) from None


def _retire(folder: Path) -> list[Path]:
    """Keep the replaced key files under another name (a bundle sent to the old key can
    still be opened); returns their new names."""
    stamp, kept = _stamp(), []
    for name in (RECEIVE_FILE, SIGN_FILE):
        path = folder / name
        if not path.exists():
            continue
        stem = name.removesuffix(".key")
        target, n = folder / f"{stem}-replaced-{stamp}.key", 2
        while target.exists():
            target, n = folder / f"{stem}-replaced-{stamp}-{n}.key", n + 1
        try:
            os.rename(path, target)
        except OSError as exc:
            raise file_error(exc, path, "keys.cannot_write", error=RosterError) from None
        kept.append(target)
    return kept


def _write_keys(folder: Path) -> PublicKey:
    import pyrage
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    identity = pyrage.x25519.Identity.generate()
    signer = Ed25519PrivateKey.generate()
    public = PublicKey(str(identity.to_public()), _raw_public(signer))
    identity_text = (
        "# volctl: this roster's key to receive bundles (an age X25519 identity). Keep it\n"
        "# secret; never send it. Its public half is in `volctl keys show`.\n"
        f"# created: {audit.now_iso()}\n"
        f"# public key: {public.recipient}\n"
        f"{identity}\n"
    )
    where = Where(field="keys")
    with files.open_text(folder / RECEIVE_FILE, private=True, overwrite=False, where=where) as text:
        text.write(identity_text)
    with files.open_binary(folder / SIGN_FILE, private=True, overwrite=False, where=where) as out:
        out.write(signer.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption()))
    return public


def init(conn: sqlite3.Connection, *, rotate: bool = False) -> dict[str, Any]:
    """Give the roster its key pairs (``rotate``: replace them, the old ones kept aside when
    they are still there). Returns the new public key and what was replaced."""
    folder = folder_of(roster_file(conn))
    with transaction(conn):
        recorded = _recorded(conn)
        try:
            existing = load(folder)
        except RosterError:
            if not rotate:
                raise
            existing = None  # damaged keys are what --rotate replaces
        if not rotate and existing is not None:
            raise Conflict(
                "keys.exist", hint="hint.keys_rotate", fingerprint=existing.public.fingerprint
            )
        if not rotate and recorded is not None:
            raise RosterError(
                "keys.folder_missing", hint="hint.keys_folder_missing", folder=str(folder)
            )
        _make_folder(folder)
        kept = _retire(folder) if rotate else []
        public = _write_keys(folder)
        now = audit.now_iso()
        if recorded is not None:
            conn.execute("UPDATE own_keys SET replaced_at = ? WHERE id = ?", (now, recorded["id"]))
        cursor = conn.execute(
            "INSERT INTO own_keys (public_key, fingerprint, created_at, created_by)"
            " VALUES (?, ?, ?, ?)",
            (public.text, public.fingerprint, now, audit.context().operator),
        )
        old_fingerprint = (
            existing.public.fingerprint
            if existing is not None
            else (recorded["fingerprint"] if recorded is not None else None)
        )
        audit.record(
            conn,
            "keys.rotate" if rotate else "keys.init",
            "own_keys",
            cursor.lastrowid,
            fingerprint=public.fingerprint,
            replaced=old_fingerprint,
        )
    return {
        **public.describe(),
        "folder": str(folder),
        "created_at": now,
        "replaced_fingerprint": old_fingerprint,
        "old_key_kept": any(p.name.startswith("receive-") for p in kept),
    }


def ensure(conn: sqlite3.Connection) -> tuple[OwnKeys, bool]:
    """This roster's keys, made now if it never had any (True when they were)."""
    keys = own_or_none(conn)
    if keys is not None:
        return keys, False
    init(conn)
    return own(conn), True


def show(conn: sqlite3.Connection) -> dict[str, Any]:
    """This roster's public key, for ``keys show``."""
    keys = own(conn)
    row = conn.execute(
        "SELECT created_at FROM own_keys WHERE public_key = ?", (keys.public.text,)
    ).fetchone()
    return {
        **keys.public.describe(),
        "folder": str(keys.folder),
        "created_at": row["created_at"] if row is not None else None,
    }

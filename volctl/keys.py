"""Keys and signatures: the roster's key pairs, the other offices' public keys, encryption in
the age format and Ed25519 signatures in the SSH signature format. The bundle and backup
code call this module; nothing else in volctl touches cryptography.

Formats (all established, none made up here):

- **Encryption: age** (https://age-encryption.org/v1), through ``pyrage`` (Python bindings
  of the Rust ``age`` crate). A bundle is encrypted to the receiving roster's X25519
  recipient (``age1…``); an encrypted backup uses age's passphrase (scrypt) mode. Any age
  tool (``age``, ``rage``) decrypts them: ``age -d -i roster.db.keys/receive.key``.
- **Signatures: SSH signatures** (OpenSSH's PROTOCOL.sshsig, the format of ``ssh-keygen -Y
  sign``) with Ed25519, over the bundle's ``manifest.json``, namespace ``volctl-bundle``,
  hash SHA-512, through ``cryptography``'s Ed25519. ``ssh-keygen -Y verify`` checks them.

A roster's keys: an age identity to receive (``receive.key``, the same file ``age-keygen``
writes) and an Ed25519 key to sign (``sign.key``, an OpenSSH private key file), in a folder
beside the roster (``<roster file>.keys/``, 0700, the files 0600). Never inside the roster:
a backup is a copy of the roster file and must not carry them. The roster records the public
halves (``own_keys``) and the other offices' keys it trusts (``trusted_keys``).

The public key a clerk sends to another office is one line, both halves together::

    volctl:age1…(the age recipient):AAAAC3NzaC1lZDI1NTE5…(the ssh-ed25519 public key)

with a short fingerprint (``7F3A-91C0-2D4B-E0A8``) to compare by phone. The heavy libraries
(pyrage, cryptography) are imported inside the functions that need them.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sqlite3
import stat
import struct
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from volctl import audit, files
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, RosterError, Where, file_error

PREFIX = "volctl"
FOLDER_SUFFIX = ".keys"
RECEIVE_FILE = "receive.key"
SIGN_FILE = "sign.key"
AGE_MAGIC = b"age-encryption.org/v1\n"
SSH_ED25519 = b"ssh-ed25519"
SIG_MAGIC = b"SSHSIG"
NAMESPACE = b"volctl-bundle"
ARMOR_BEGIN = b"-----BEGIN SSH SIGNATURE-----"
ARMOR_END = b"-----END SSH SIGNATURE-----"
MAX_SIGNATURE = 8192
MIN_PASSPHRASE = 8
NAME_LIMIT = 100


# ----------------------------------------------------------------------------- public keys


def _string(data: bytes) -> bytes:
    """An SSH wire-format string: its length (4 bytes, big-endian), then the bytes."""
    return struct.pack(">I", len(data)) + data


class _Reader:
    """SSH wire-format fields read one by one, every length checked."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, size: int) -> bytes:
        if size < 0 or self.at + size > len(self.data):
            raise ValueError("truncated")
        chunk = self.data[self.at : self.at + size]
        self.at += size
        return chunk

    def uint32(self) -> int:
        return int(struct.unpack(">I", self.take(4))[0])

    def string(self) -> bytes:
        return self.take(self.uint32())

    def done(self) -> bool:
        return self.at == len(self.data)


def _ed25519_key(blob: bytes) -> bytes:
    """The 32-byte key of an ``ssh-ed25519`` public key blob; ``ValueError`` otherwise."""
    reader = _Reader(blob)
    if reader.string() != SSH_ED25519:
        raise ValueError("not ssh-ed25519")
    key = reader.string()
    if len(key) != 32 or not reader.done():
        raise ValueError("bad key")
    return key


def fingerprint_of(text: str) -> str:
    """A short fingerprint of a public key's text, to compare by phone: 7F3A-91C0-2D4B-E0A8."""
    digest = hashlib.sha256(text.encode("ascii")).hexdigest().upper()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class PublicKey:
    """A roster's public key: the age recipient to encrypt to, the Ed25519 key that signs."""

    recipient: str  # age1…
    signing: bytes  # the raw 32-byte Ed25519 public key

    @property
    def ssh_blob(self) -> bytes:
        return _string(SSH_ED25519) + _string(self.signing)

    @property
    def ssh(self) -> str:
        """The signing half as an OpenSSH public key (for ``ssh-keygen -Y verify``)."""
        return "ssh-ed25519 " + base64.b64encode(self.ssh_blob).decode("ascii")

    @property
    def text(self) -> str:
        return f"{PREFIX}:{self.recipient}:{base64.b64encode(self.ssh_blob).decode('ascii')}"

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.text)

    def describe(self) -> dict[str, str]:
        return {
            "public_key": self.text,
            "fingerprint": self.fingerprint,
            "receive": self.recipient,
            "sign": self.ssh,
        }


def _check_recipient(recipient: str) -> None:
    import pyrage

    try:
        pyrage.x25519.Recipient.from_str(recipient)
    except pyrage.RecipientError:
        raise ValueError("bad recipient") from None


def parse(text: str, *, field_name: str = "public_key") -> PublicKey:
    """A public key as sent by another office (``volctl:age1…:AAAA…``). Spaces, line breaks
    and full-width colons that a chat app or an input method added are ignored."""
    from volctl.text import compact

    value = compact(text)
    parts = value.split(":")
    try:
        if len(parts) != 3 or parts[0].lower() != PREFIX:
            raise ValueError("shape")
        recipient = parts[1].lower()
        if not recipient.startswith("age1"):
            raise ValueError("recipient")
        _check_recipient(recipient)
        signing = _ed25519_key(base64.b64decode(parts[2], validate=True))
    except (ValueError, TypeError):
        raise InvalidInput(
            "keys.bad_public_key", hint="hint.keys_bad_public_key", where=Where(field=field_name)
        ) from None
    return PublicKey(recipient, signing)


def looks_like_key(text: str) -> bool:
    """Whether ``text`` is meant as a key (rather than a name or a file name)."""
    from volctl.text import compact

    value = compact(text).lower()
    return value.startswith((f"{PREFIX}:", "age1"))


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


def _load(folder: Path) -> OwnKeys | None:
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
    keys = _load(folder)
    if keys is not None:
        return keys
    if _recorded(conn) is not None:
        raise RosterError(
            "keys.folder_missing", hint="hint.keys_folder_missing", folder=str(folder)
        )
    raise RosterError("keys.none", hint="hint.keys_init")


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
            existing = _load(folder)
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


# ----------------------------------------------------------------------------- trusted keys


def _name(value: str) -> str:
    from volctl.text import clean

    name = clean(value)
    if not name:
        raise InvalidInput("keys.empty_name", where=Where(field="name"))
    if len(name) > NAME_LIMIT or ":" in name:
        raise InvalidInput("keys.bad_name", where=Where(field="name"), limit=NAME_LIMIT)
    return name


def _status(row: sqlite3.Row) -> str:
    return str(row["ended"] or "trusted")


def _trusted_dict(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "fingerprint": row["fingerprint"],
        "status": _status(row),
        "trusted_at": row["trusted_at"],
        "trusted_by": row["trusted_by"],
        "ended_at": row["ended_at"],
        "public_key": row["public_key"],
    }


def _current(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM trusted_keys WHERE name = ? AND ended IS NULL", (name,)
    ).fetchone()


def read_key_argument(value: str) -> str:
    """A PUBLIC-KEY argument: the key itself, or a file holding it (saved from ``keys show``
    or received by e-mail)."""
    if looks_like_key(value):
        return value
    path = Path(value).expanduser()
    if path.is_file():
        try:
            if path.stat().st_size > 64 * 1024:
                raise InvalidInput("keys.bad_public_key", where=Where(file=path.name))
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise file_error(exc, path, "keys.cannot_read") from None
        except UnicodeDecodeError:
            raise InvalidInput(
                "keys.bad_public_key", hint="hint.keys_bad_public_key", where=Where(file=path.name)
            ) from None
        lines = [line for line in text.splitlines() if looks_like_key(line)]
        if len(lines) != 1:
            raise InvalidInput(
                "keys.bad_public_key", hint="hint.keys_bad_public_key", where=Where(file=path.name)
            )
        return lines[0]
    if path.suffix or os.sep in value or "/" in value:
        raise InvalidInput("keys.file_missing", hint="hint.keys_bad_public_key", path=value)
    return value


def trust(
    conn: sqlite3.Connection, name: str, key_text: str, *, replace: bool = False
) -> dict[str, Any]:
    """Record another office's public key under ``name`` (``replace``: in place of the key
    that name had, which is no longer accepted)."""
    name = _name(name)
    key = parse(key_text)
    mine = {row[0] for row in conn.execute("SELECT public_key FROM own_keys")}
    own_keys = own_or_none(conn)
    if own_keys is not None:
        mine.add(own_keys.public.text)
    if key.text in mine:
        raise InvalidInput("keys.trust_own", where=Where(field="public_key"))
    with transaction(conn):
        current = _current(conn, name)
        if current is not None and current["public_key"] == key.text:
            return {**_trusted_dict(current), "outcome": "unchanged", "replaced": None}
        other = conn.execute(
            "SELECT name FROM trusted_keys WHERE public_key = ? AND ended IS NULL", (key.text,)
        ).fetchone()
        if other is not None:
            raise Conflict("keys.trusted_as", where=Where(field="public_key"), other=other[0])
        if current is not None and not replace:
            raise Conflict(
                "keys.name_taken",
                hint="hint.keys_replace",
                name=name,
                fingerprint=current["fingerprint"],
            )
        now, operator = audit.now_iso(), audit.context().operator
        if current is not None:
            conn.execute(
                "UPDATE trusted_keys SET ended = 'replaced', ended_at = ?, ended_by = ?"
                " WHERE id = ?",
                (now, operator, current["id"]),
            )
        cursor = conn.execute(
            "INSERT INTO trusted_keys (name, public_key, fingerprint, trusted_at, trusted_by)"
            " VALUES (?, ?, ?, ?, ?)",
            (name, key.text, key.fingerprint, now, operator),
        )
        replaced = current["fingerprint"] if current is not None else None
        audit.record(
            conn,
            "keys.trust",
            "trusted_keys",
            cursor.lastrowid,
            name=name,
            fingerprint=key.fingerprint,
            replaced=replaced,
        )
        row = conn.execute(
            "SELECT * FROM trusted_keys WHERE id = ?", (cursor.lastrowid,)
        ).fetchone()
    return {
        **_trusted_dict(row),
        "outcome": "replaced" if replaced else "trusted",
        "replaced": replaced,
    }


def revoke(conn: sqlite3.Connection, name: str) -> dict[str, Any]:
    """Stop trusting ``name``'s key: its bundles are refused, nothing is encrypted to it."""
    name = _name(name)
    with transaction(conn):
        current = _current(conn, name)
        if current is None:
            raise NotFound("keys.unknown_name", hint="hint.keys_list", name=name)
        now = audit.now_iso()
        conn.execute(
            "UPDATE trusted_keys SET ended = 'revoked', ended_at = ?, ended_by = ? WHERE id = ?",
            (now, audit.context().operator, current["id"]),
        )
        audit.record(
            conn,
            "keys.revoke",
            "trusted_keys",
            current["id"],
            name=name,
            fingerprint=current["fingerprint"],
        )
        row = conn.execute("SELECT * FROM trusted_keys WHERE id = ?", (current["id"],)).fetchone()
    return _trusted_dict(row)


def listing(conn: sqlite3.Connection) -> dict[str, Any]:
    """This roster's own key (if any) and every key it trusts or trusted."""
    mine: dict[str, Any] | None
    try:
        mine = show(conn)
    except RosterError as error:
        mine = {"missing": error.key, "folder": str(folder_of(roster_file(conn)))}
    trusted = [
        _trusted_dict(row)
        for row in conn.execute(
            "SELECT * FROM trusted_keys ORDER BY ended IS NOT NULL, name, id DESC"
        )
    ]
    return {"own": mine, "trusted": trusted}


@dataclass(frozen=True)
class Recipient:
    """Whom a bundle is encrypted to: a trusted name, or a key given as it is."""

    recipient: str  # age1…
    name: str | None
    fingerprint: str | None


def recipient(conn: sqlite3.Connection, to: str) -> Recipient:
    """``--to NAME|PUBLIC-KEY``: a trusted name, a volctl public key, or an age recipient."""
    where = Where(field="receiver")
    value = to.strip()
    if looks_like_key(value):
        from volctl.text import compact

        bare = compact(value).lower()
        if bare.startswith("age1"):
            try:
                _check_recipient(bare)
            except ValueError:
                raise InvalidInput(
                    "keys.bad_public_key", hint="hint.keys_bad_public_key", where=where
                ) from None
            return Recipient(bare, None, None)
        key = parse(value, field_name="receiver")
        rows = conn.execute(
            "SELECT * FROM trusted_keys WHERE public_key = ? ORDER BY ended IS NOT NULL, id DESC",
            (key.text,),
        ).fetchall()
        if rows and rows[0]["ended"] is not None:
            raise InvalidInput(
                f"keys.to_{rows[0]['ended']}",
                where=where,
                name=rows[0]["name"],
                at=rows[0]["ended_at"],
            )
        return Recipient(key.recipient, rows[0]["name"] if rows else None, key.fingerprint)
    name = _name(value)
    row = _current(conn, name)
    if row is None:
        ended = conn.execute(
            "SELECT * FROM trusted_keys WHERE name = ? ORDER BY id DESC LIMIT 1", (name,)
        ).fetchone()
        if ended is not None:
            raise InvalidInput(
                f"keys.to_{ended['ended']}", where=where, name=name, at=ended["ended_at"]
            )
        known = [r[0] for r in conn.execute("SELECT name FROM trusted_keys WHERE ended IS NULL")]
        from volctl.i18n import join_list

        raise NotFound(
            "keys.unknown_name",
            hint="hint.keys_trust_first" if not known else "hint.keys_known_names",
            where=where,
            name=name,
            names=join_list(sorted(known)),
        )
    key = parse(row["public_key"])
    return Recipient(key.recipient, row["name"], row["fingerprint"])


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


# ----------------------------------------------------------------------------- signatures


class BadSignature(ValueError):
    """A signature that is malformed or does not match what it signs."""


def _signed_data(namespace: bytes, hash_name: bytes, message: bytes) -> bytes:
    digest = hashlib.new(hash_name.decode("ascii"), message).digest()
    return SIG_MAGIC + _string(namespace) + _string(b"") + _string(hash_name) + _string(digest)


def sign(keys: OwnKeys, message: bytes, *, namespace: bytes = NAMESPACE) -> bytes:
    """An armored SSH signature of ``message`` by the roster's signing key (what
    ``ssh-keygen -Y sign -n volctl-bundle`` writes)."""
    signature = keys.signer.sign(_signed_data(namespace, b"sha512", message))
    blob = (
        SIG_MAGIC
        + struct.pack(">I", 1)
        + _string(keys.public.ssh_blob)
        + _string(namespace)
        + _string(b"")
        + _string(b"sha512")
        + _string(_string(SSH_ED25519) + _string(signature))
    )
    text = base64.b64encode(blob)
    lines = [text[i : i + 70] for i in range(0, len(text), 70)]
    return b"\n".join([ARMOR_BEGIN, *lines, ARMOR_END]) + b"\n"


def verify(armored: bytes, message: bytes, *, namespace: bytes = NAMESPACE) -> bytes:
    """The 32-byte Ed25519 key that made this SSH signature of ``message``;
    ``BadSignature`` when it is malformed, of another namespace or does not match."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        if len(armored) > MAX_SIGNATURE:
            raise ValueError("too long")
        lines = armored.strip().splitlines()
        if len(lines) < 3 or lines[0].strip() != ARMOR_BEGIN or lines[-1].strip() != ARMOR_END:
            raise ValueError("armor")
        blob = base64.b64decode(b"".join(line.strip() for line in lines[1:-1]), validate=True)
        reader = _Reader(blob)
        if reader.take(6) != SIG_MAGIC or reader.uint32() != 1:
            raise ValueError("magic")
        key = _ed25519_key(reader.string())
        signed_namespace = reader.string()
        reader.string()  # reserved
        hash_name = reader.string()
        inner = _Reader(reader.string())
        if not reader.done() or inner.string() != SSH_ED25519:
            raise ValueError("layout")
        signature = inner.string()
        if not inner.done() or len(signature) != 64:
            raise ValueError("signature")
        if signed_namespace != namespace or hash_name not in (b"sha512", b"sha256"):
            raise ValueError("namespace")
        Ed25519PublicKey.from_public_bytes(key).verify(
            signature, _signed_data(signed_namespace, hash_name, message)
        )
    except (ValueError, TypeError, InvalidSignature, struct.error):
        raise BadSignature("bad signature") from None
    return key


@dataclass(frozen=True)
class Signer:
    """Who signed a bundle, as this roster knows them (``status``: ``verified`` or
    ``unsigned``, the latter only with ``--accept-unsigned``)."""

    status: str
    name: str | None = None
    fingerprint: str | None = None


class BundleTrust:
    """Checks a bundle's signature against the keys this roster trusts."""

    def __init__(self, conn: sqlite3.Connection, *, accept_unsigned: bool = False) -> None:
        self.conn = conn
        self.accept_unsigned = accept_unsigned

    def decrypt(self, path: Path) -> IO[bytes]:
        return decrypt_bundle(self.conn, path)

    def check(self, manifest: bytes, signature: bytes | None, file: str) -> Signer:
        where = Where(file=file)
        if signature is None:
            if not self.accept_unsigned:
                raise InvalidInput("bundle.unsigned", hint="hint.bundle_unsigned", where=where)
            return Signer("unsigned")
        try:
            signing = verify(signature, manifest)
        except BadSignature:
            raise InvalidInput(
                "bundle.signature_invalid", hint="hint.bundle_ask_again", where=where
            ) from None
        own = own_or_none(self.conn)
        if own is not None and own.public.signing == signing:  # this roster's own bundle
            from volctl import settings

            name = str(settings.get(self.conn, "org_name") or "") or None
            return Signer("verified", name, own.public.fingerprint)
        rows = []
        for row in self.conn.execute(
            "SELECT * FROM trusted_keys ORDER BY ended IS NOT NULL, id DESC"
        ):
            try:
                if parse(row["public_key"]).signing == signing:
                    rows.append(row)
            except InvalidInput:
                continue
        if not rows:
            raise InvalidInput(
                "bundle.signer_unknown",
                hint="hint.bundle_signer_unknown",
                where=where,
                org=_claimed_org(manifest),
            )
        row = rows[0]
        if row["ended"] is not None:
            raise InvalidInput(
                f"bundle.signer_{row['ended']}",
                hint=f"hint.bundle_signer_{row['ended']}",
                where=where,
                name=row["name"],
                at=row["ended_at"],
            )
        return Signer("verified", row["name"], row["fingerprint"])


def _claimed_org(manifest: bytes) -> str:
    import json

    try:
        return str(json.loads(manifest.decode("utf-8"))["organisation"]["org_name"])[:100]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return "?"


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

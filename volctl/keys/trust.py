"""The other offices' keys this roster trusts (``trusted_keys``), whom a bundle is encrypted
to (``--to``), and who signed a bundle being merged (``BundleTrust``)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from volctl import audit
from volctl.db import transaction
from volctl.errors import Conflict, InvalidInput, NotFound, RosterError, Where, file_error
from volctl.keys.crypt import decrypt_bundle
from volctl.keys.formats import BadSignature, _check_recipient, looks_like_key, parse, verify
from volctl.keys.store import folder_of, own_or_none, roster_file, show

NAME_LIMIT = 100

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

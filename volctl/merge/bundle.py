"""The bundle file: one roster, self-describing, for the level above (``volctl export bundle``).

A bundle is a zip archive of JSON-lines files, one per part (``content.PARTS``), and a
``manifest.json``. Each ``.jsonl`` file's first line is the list of its column names; every
other line is one row as a JSON array in that order (identity numbers and phones are strings,
never numbers). The manifest says where the bundle came from (the roster's identity, its
organisation and region), when and by which volctl it was made, the schema version, the rows
and SHA-256 of every file, and ``content_hash``: the SHA-256 of the manifest's canonical
content (the files' hashes included, the export time and the exporting volctl left out), so
an unchanged roster exported twice has the same content hash.

The manifest is signed by the roster's Ed25519 key: ``manifest.json.sig`` beside it is an SSH
signature (``volctl.keys``) of the manifest's exact bytes, so the signature covers every part
through their hashes. With ``--to``, the whole zip is then encrypted in the age format to the
receiving roster's key: the file is ``age(zip(parts, manifest.json, manifest.json.sig))``.

On reading, everything is checked before a single row is used: an encrypted bundle is
decrypted with this roster's key (age authenticates every byte: an altered file is refused),
the archive itself (zip CRCs: a truncated download is refused), the manifest's signature
against the keys this roster trusts (unsigned, unknown or revoked signers are refused), the
manifest's content hash, that the archive holds exactly the files the manifest lists, and
each file's SHA-256 and row count. A bundle that fails any check is refused whole.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from volctl import __version__, audit, files, keys
from volctl.db import transaction
from volctl.errors import InvalidInput, RosterError, Where, file_error
from volctl.merge import content
from volctl.schema import LATEST

FORMAT = "volctl-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"  # an SSH signature of manifest.json (volctl.keys)
MAX_LINE = 1 << 20  # no row of a roster comes near a megabyte
MAX_MANIFEST = 1 << 20
ZIP_HEADER = b"PK\x03\x04"
BLOCK = 1 << 20
# What the content hash covers (the export time and the volctl that wrote it do not change
# the content).
HASHED = (
    "format",
    "format_version",
    "schema_version",
    "roster_uid",
    "organisation",
    "with_beneficiaries",
    "includes",
    "beneficiaries",
    "files",
)

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def content_hash(manifest: dict[str, Any]) -> str:
    canonical = {key: manifest.get(key) for key in HASHED}
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _lines(
    conn: sqlite3.Connection, part: content.Part, with_beneficiaries: bool, checked: bool
) -> Iterator[bytes]:
    yield (
        _encode(list(content.columns(part, with_beneficiaries=with_beneficiaries))) + "\n"
    ).encode()
    for row in content.rows(conn, part, with_beneficiaries=with_beneficiaries, checked=checked):
        yield (_encode(row) + "\n").encode("utf-8")


def describe(
    conn: sqlite3.Connection,
    *,
    with_beneficiaries: bool,
    sink: Any = None,
) -> dict[str, Any]:
    """The manifest of the roster's bundle; with ``sink(part)`` (a writable binary file for
    each part), the parts are written there as they are hashed."""
    files = []
    for part in content.PARTS:
        digest, count, size = hashlib.sha256(), -1, 0
        out: IO[bytes] | None = sink(part) if sink is not None else None
        try:
            # What is written is held to the rules a merge holds it to.
            for line in _lines(conn, part, with_beneficiaries, out is not None):
                digest.update(line)
                count += 1
                size += len(line)
                if out is not None:
                    out.write(line)
        finally:
            if out is not None:
                out.close()
        files.append(
            {"name": part.file, "rows": count, "bytes": size, "sha256": digest.hexdigest()}
        )
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": LATEST,
        "volctl_version": __version__,
        "roster_uid": content.roster_uid(conn),
        "organisation": content.organisation(conn),
        "exported_at": exported_at(),
        "exported_by": audit.context().operator,
        "with_beneficiaries": with_beneficiaries,
        "includes": content.includes(conn),
        "beneficiaries": content.beneficiary_counts(conn),
        "files": files,
    }
    manifest["content_hash"] = content_hash(manifest)
    return manifest


def exported_at() -> str:
    """Local time with its offset, to the microsecond: two exports never share a time."""
    from datetime import datetime

    return datetime.now().astimezone().isoformat(timespec="microseconds")


def is_older(exported: str, than: str) -> bool:
    """Whether one export time is before another (times in any offset)."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(exported) < datetime.fromisoformat(than)
    except (TypeError, ValueError):
        return exported < than


def counts(manifest: dict[str, Any]) -> dict[str, int]:
    """Rows per part, from a manifest: ``{"volunteers": 40, "records": 612, …}``."""
    return {str(f["name"]).removesuffix(".jsonl"): int(f["rows"]) for f in manifest["files"]}


def write(
    conn: sqlite3.Connection,
    dest: Path,
    *,
    with_beneficiaries: bool = False,
    force: bool = False,
    to: str | None = None,
) -> dict[str, Any]:
    """Write the roster's bundle to ``dest`` (created 0600), signed with the roster's key
    (made now if it has none) and, with ``to`` (a trusted name, a public key or an age
    recipient), encrypted to the receiver. Returns its manifest, with ``signed_by`` (this
    roster's key fingerprint), ``encrypted_to`` (``{name, fingerprint}`` or None) and
    ``keys_created``.

    The roster is read in one snapshot, so the parts agree with each other even while another
    volctl is writing; the export is recorded in the audit log (it carries personal data).
    The file appears whole or not at all: it is written under a temporary name, and renamed
    in the transaction that records the export.
    """
    where = Where(field="output")
    files.check_target(dest, overwrite=force, where=where)
    if not content.organisation(conn)["org_name"]:
        raise InvalidInput("bundle.no_org", hint="hint.bundle_no_org")
    receiver = keys.recipient(conn, to) if to is not None else None
    own, created = keys.ensure(conn)
    encrypted_to = (
        {"name": receiver.name, "fingerprint": receiver.fingerprint} if receiver else None
    )
    manifest: dict[str, Any] = {}

    def record_export() -> None:
        with transaction(conn):
            audit.record(
                conn,
                "bundle.export",
                None,
                None,
                file=str(dest),
                content_hash=manifest["content_hash"],
                with_beneficiaries=with_beneficiaries,
                counts=counts(manifest),
                signed_by=own.public.fingerprint,
                encrypted_to=encrypted_to,
            )

    # The file appears only once its export is in the audit log.
    with files.open_binary(dest, overwrite=force, before_rename=record_export) as raw:
        target = raw if receiver is None else files.scratch()
        try:
            conn.execute("BEGIN")  # one snapshot of every part; writers are not held up
            try:
                with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zipped:

                    def sink(part: content.Part) -> IO[bytes]:
                        return zipped.open(part.file, "w", force_zip64=True)

                    manifest.update(
                        describe(conn, with_beneficiaries=with_beneficiaries, sink=sink)
                    )
                    text = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
                    zipped.writestr(MANIFEST, text)
                    zipped.writestr(SIGNATURE, keys.sign(own, text))
            finally:
                conn.execute("COMMIT")
            if receiver is not None:
                target.seek(0)
                keys.encrypt_stream(target, raw, receiver)
        finally:
            if target is not raw:
                target.close()
    return {
        **manifest,
        "signed_by": own.public.fingerprint,
        "encrypted_to": encrypted_to,
        "keys_created": created,
    }


# ----------------------------------------------------------------------------- reading


def _refuse(key: str, path: Path, **params: object) -> InvalidInput:
    return InvalidInput(key, hint="hint.bundle_ask_again", where=Where(file=path.name), **params)


class Bundle:
    """A verified bundle file, open for reading its parts (``content.Source``).

    ``trust`` checks the manifest's signature against this roster's trusted keys (None: the
    signature is not looked at, for reading a bundle's structure only); ``stream`` is the
    decrypted zip of an encrypted bundle (``path`` then only names it)."""

    def __init__(
        self,
        path: Path,
        *,
        trust: keys.BundleTrust | None = None,
        stream: IO[bytes] | None = None,
    ) -> None:
        self.path = str(path)
        self._file = path
        self._stream = stream
        self.encrypted = stream is not None
        self.signer: keys.Signer | None = None
        try:
            self._zip = zipfile.ZipFile(stream if stream is not None else path)
        except (zipfile.BadZipFile, EOFError, ValueError):
            self._close_stream()
            raise _refuse("bundle.damaged", path) from None
        except OSError as exc:
            self._close_stream()
            raise file_error(exc, path, "bundle.cannot_read", where=Where(file=path.name)) from None
        try:
            self.manifest = self._verify(trust)
        except BaseException:
            self.close()
            raise

    def _close_stream(self) -> None:
        if self._stream is not None:
            self._stream.close()

    def close(self) -> None:
        self._zip.close()
        self._close_stream()

    def _member(self, name: str, limit: int) -> bytes | None:
        """A small member's bytes (None when the archive has none of that name)."""
        path = self._file
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            return None
        if info.file_size > limit:
            raise _refuse("bundle.manifest_invalid", path)
        try:
            return self._zip.read(name)
        except (zipfile.BadZipFile, EOFError, zlib.error):
            raise _refuse("bundle.damaged", path) from None

    def _read_manifest(self, trust: keys.BundleTrust | None) -> dict[str, Any]:
        path = self._file
        raw = self._member(MANIFEST, MAX_MANIFEST)
        if raw is None:
            raise _refuse("bundle.no_manifest", path)
        if trust is not None:  # the signature first: nothing unsigned is even parsed further
            self.signer = trust.check(raw, self._member(SIGNATURE, keys.MAX_SIGNATURE), path.name)
        try:
            manifest = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise _refuse("bundle.manifest_invalid", path) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise _refuse("bundle.manifest_invalid", path)
        version = manifest.get("format_version")
        if not isinstance(version, int):
            raise _refuse("bundle.manifest_invalid", path)
        if version > FORMAT_VERSION:  # the schema version is informative: parts are by name
            raise RosterError(
                "bundle.newer",
                hint="hint.roster_upgrade_volctl",
                where=Where(file=path.name),
                version=str(manifest.get("volctl_version")),
            )
        return manifest

    def _verify(self, trust: keys.BundleTrust | None) -> dict[str, Any]:
        path = self._file
        manifest = self._read_manifest(trust)
        try:
            files = {str(f["name"]): (int(f["rows"]), str(f["sha256"])) for f in manifest["files"]}
            str(manifest["roster_uid"])
            org = manifest["organisation"]["org_name"]
            str(manifest["exported_at"])
            str(manifest["content_hash"])
        except (KeyError, TypeError, ValueError):
            raise _refuse("bundle.manifest_invalid", path) from None
        if not isinstance(org, str) or not org.strip():
            raise _refuse("bundle.manifest_invalid", path)
        if content_hash(manifest) != manifest["content_hash"]:
            raise _refuse("bundle.manifest_altered", path)
        names = set(self._zip.namelist()) - {SIGNATURE}  # checked above when it matters
        expected = set(files) | {MANIFEST}
        missing = sorted({p.file for p in content.PARTS} - set(files))
        if (
            names != expected
            or missing
            or len(set(self._zip.namelist())) != len(self._zip.namelist())
        ):
            odd = sorted((names ^ expected) | set(missing))
            raise _refuse("bundle.files_mismatch", path, files=", ".join(odd) or "-")
        for name, (rows, sha256) in files.items():
            digest, count = hashlib.sha256(), -1
            for line in self._raw_lines(name):
                digest.update(line)
                count += 1
            if digest.hexdigest() != sha256 or count != rows:
                raise _refuse("bundle.part_altered", path, part=name)
        return dict(manifest)

    def _raw_lines(self, name: str) -> Iterator[bytes]:
        """The member's lines (with their newline), read in blocks: a row of more than
        ``MAX_LINE`` bytes, or a last line without its newline, is refused."""
        path = self._file
        try:
            with self._zip.open(name) as stream:
                rest = b""
                while block := stream.read(BLOCK):
                    lines = (rest + block).split(b"\n")
                    rest = lines.pop()
                    if len(rest) > MAX_LINE:
                        raise _refuse("bundle.part_invalid", path, part=name, row="-")
                    for line in lines:
                        if len(line) > MAX_LINE:
                            raise _refuse("bundle.part_invalid", path, part=name, row="-")
                        yield line + b"\n"
                if rest:
                    raise _refuse("bundle.part_invalid", path, part=name, row="-")
        except (zipfile.BadZipFile, EOFError, zlib.error):
            raise _refuse("bundle.damaged", path) from None

    def table(self, part: str) -> tuple[list[str], Iterator[list[Any]]]:
        name = content.PART[part].file
        lines = self._raw_lines(name)
        decode = json.JSONDecoder().decode
        try:
            header = decode(next(lines).decode("utf-8"))
        except (StopIteration, ValueError, UnicodeDecodeError):
            raise _refuse("bundle.part_invalid", self._file, part=name, row=1) from None
        if not isinstance(header, list) or not all(isinstance(h, str) for h in header):
            raise _refuse("bundle.part_invalid", self._file, part=name, row=1)

        def rows() -> Iterator[list[Any]]:
            for number, line in enumerate(lines, start=2):
                try:
                    row = decode(line.decode("utf-8"))
                except (ValueError, UnicodeDecodeError):
                    raise _refuse(
                        "bundle.part_invalid", self._file, part=name, row=number
                    ) from None
                if not isinstance(row, list) or len(row) != len(header):
                    raise _refuse("bundle.part_invalid", self._file, part=name, row=number)
                yield row

        return header, rows()


class RosterFile:
    """Another roster file read directly (``volctl merge ROSTER``), read-only."""

    def __init__(self, path: Path, *, with_beneficiaries: bool) -> None:
        from volctl.rosterfile import connect_read_only, inspect_file

        self.path = str(path)
        self.with_beneficiaries = with_beneficiaries
        self.encrypted = False
        self.signer = keys.Signer("roster")  # a file on this computer: no signature to check
        state = inspect_file(path)
        if state.version != LATEST:
            key = "merge.roster_newer" if state.version > LATEST else "merge.roster_older"
            raise RosterError(key, hint=f"hint.{key.replace('.', '_')}", path=str(path))
        self._conn = connect_read_only(path)  # a community's roster on a read-only stick too
        try:
            self._conn.execute("BEGIN")  # one snapshot for the manifest and every part
            self.manifest = describe(self._conn, with_beneficiaries=with_beneficiaries)
        except sqlite3.Error as exc:
            self._conn.close()
            from volctl.db import translate_sqlite_error

            raise translate_sqlite_error(exc, path) from None
        if not self.manifest["organisation"]["org_name"]:
            self._conn.close()
            raise InvalidInput("bundle.no_org", hint="hint.merge_roster_no_org", path=str(path))

    def table(self, part: str) -> tuple[list[str], Iterator[list[Any]]]:
        spec = content.PART[part]
        names = list(content.columns(spec, with_beneficiaries=self.with_beneficiaries))
        rows = content.rows(self._conn, spec, with_beneficiaries=self.with_beneficiaries)
        return names, (list(r) for r in rows)

    def close(self) -> None:
        self._conn.close()


def open_source(
    path: Path, *, trust: keys.BundleTrust, with_beneficiaries: bool = False
) -> content.Source:
    """A bundle file (decrypted with this roster's key when encrypted, its signature checked
    by ``trust``) or a roster file, checked; refused with a clear message otherwise."""
    from volctl.rosterfile import SQLITE_HEADER, inspect_file

    if not path.exists():
        raise InvalidInput("merge.input_missing", where=Where(file=str(path)))
    if path.is_dir():
        raise InvalidInput("merge.input_not_file", where=Where(file=str(path)))
    try:
        with path.open("rb") as f:
            head = f.read(len(keys.AGE_MAGIC))
    except OSError as exc:
        raise file_error(exc, path, "bundle.cannot_read", where=Where(file=path.name)) from None
    if keys.is_encrypted(head):
        stream = trust.decrypt(path)
        if stream.read(len(ZIP_HEADER)) != ZIP_HEADER:
            stream.close()
            raise InvalidInput(
                "merge.unknown_input", hint="hint.merge_inputs", where=Where(file=path.name)
            )
        stream.seek(0)
        return Bundle(path, trust=trust, stream=stream)
    if head.startswith(SQLITE_HEADER):
        state = inspect_file(path)
        if state.kind != "roster":
            raise InvalidInput("merge.not_a_roster", where=Where(file=path.name), kind=state.kind)
        return RosterFile(path, with_beneficiaries=with_beneficiaries)
    if not head.startswith(ZIP_HEADER) and not zipfile.is_zipfile(path):
        raise InvalidInput(
            "merge.unknown_input", hint="hint.merge_inputs", where=Where(file=path.name)
        )
    return Bundle(path, trust=trust)  # a zip cut short is refused there as damaged

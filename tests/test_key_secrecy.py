"""A roster's private keys stay in its key folder: owner-only there, and in no output, log,
audit entry, roster, bundle or backup."""

from __future__ import annotations

import base64
import io
import stat
import zipfile
from pathlib import Path

from volctl import keys


def secrets_of(roster: Path) -> list[bytes]:
    """The private halves as stored, and in the forms they could leak in."""
    folder = keys.folder_of(roster)
    own = keys.load(folder)
    assert own is not None
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    identity = str(own.identity)
    seed = own.signer.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    pem_lines = [
        line.strip().encode()
        for line in (folder / "sign.key").read_text().splitlines()
        if line.strip() and not line.startswith("-----")
    ]
    return [
        identity.encode(),
        identity.lower().encode(),
        identity[16:40].encode(),
        seed,
        seed.hex().encode(),
        base64.b64encode(seed),
        *pem_lines,
    ]


def test_private_keys_appear_in_no_output_log_audit_entry_bundle_or_backup(
    cli, add_volunteer, roster, tmp_path
) -> None:
    add_volunteer("王秀英")
    street = tmp_path / "street.db"
    outputs: list[str] = []

    def run(*args: str, db: Path = roster, code: int = 0) -> str:
        result = cli(*args, db=db)
        assert result.exit_code == code, (args, result.stderr)
        outputs.extend([result.stdout, result.stderr])
        return result.stdout

    run("keys", "init")
    run("keys", "init", code=5)
    run("init", "--org", "当湖街道", db=street)
    run("keys", "init", db=street)
    run("keys", "trust", "东湖社区", run("keys", "show").strip(), db=street)
    run("keys", "trust", "当湖街道", run("keys", "show", "--qr", db=street).splitlines()[0])
    run("keys", "show", "--qr")
    for fmt in ("table", "json", "csv"):
        run("keys", "list", "--format", fmt)
        run("keys", "show", "--format", fmt)
    bundle = tmp_path / "east.zip.age"
    run("export", "bundle", "--to", "当湖街道", "-o", str(bundle), "--format", "json")
    plain = tmp_path / "east.zip"
    run("export", "bundle", "-o", str(plain))
    run("merge", str(bundle), "--format", "json", db=street)
    run("merge", str(plain), db=street)
    run("audit", "--format", "json", "--show-pii")
    run("audit", "--format", "json", "--show-pii", db=street)
    backup = tmp_path / "backup.db"
    run("backup", str(backup))
    passphrase = tmp_path / "p.txt"
    passphrase.write_text("a long passphrase\n")
    sealed = tmp_path / "backup.db.age"
    run("backup", str(sealed), "--passphrase-file", str(passphrase))
    run("info", "--format", "json")
    run("keys", "init", "--rotate")  # the old keys are kept aside, the new ones written
    run("keys", "show")

    import pyrage

    street_keys = keys.load(keys.folder_of(street))
    assert street_keys is not None
    opened = pyrage.decrypt(bundle.read_bytes(), [street_keys.identity])
    members = b"".join(
        zipfile.ZipFile(io.BytesIO(opened)).read(n)
        for n in zipfile.ZipFile(io.BytesIO(opened)).namelist()
    )
    plain_members = b"".join(
        zipfile.ZipFile(plain).read(n) for n in zipfile.ZipFile(plain).namelist()
    )
    decrypted_backup = pyrage.passphrase.decrypt(sealed.read_bytes(), "a long passphrase")
    logs = list((tmp_path / "config").rglob("*.log"))
    places: dict[str, bytes] = {
        "outputs": "\n".join(outputs).encode(),
        "roster": roster.read_bytes(),
        "street roster": street.read_bytes(),
        "bundle": bundle.read_bytes() + opened + members,
        "plain bundle": plain.read_bytes() + plain_members,
        "backup": backup.read_bytes(),
        "encrypted backup": sealed.read_bytes() + decrypted_backup,
        "logs": b"".join(p.read_bytes() for p in logs),
    }
    for wal in tmp_path.glob("*.db-wal"):
        places[wal.name] = wal.read_bytes()
    # Every key this roster had: the current ones and the ones kept aside by --rotate.
    folder = keys.folder_of(roster)
    secret_sets = [secrets_of(roster)]
    for old in sorted(folder.glob("receive-replaced-*.key")):
        secret_sets.append([old.read_text().splitlines()[-1].encode()])
    for secrets in secret_sets:
        for secret in secrets:
            for place, data in places.items():
                assert secret not in data, (place, secret[:12])
    for path in [folder, *folder.iterdir()]:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path

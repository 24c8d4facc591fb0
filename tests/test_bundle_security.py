"""Bundles that travel safely: encrypted to the receiving office, signed by the sender, and
every bundle that is not what its sender signed refused with the roster byte for byte as it
was."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers_merge import (
    COMMUNITIES,
    PEOPLE,
    build,
    community_keys,
    public_key,
    street,
)
from volctl import keys
from volctl.errors import VolctlError


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("communities")
    return {short: build(folder / f"{short}.db", short) for short in ("东湖", "西湖")}


@pytest.fixture
def here(tmp_path) -> Path:
    """The street's roster: its own keys, the communities' keys trusted."""
    street(tmp_path / "street.db").close()
    return tmp_path / "street.db"


@pytest.fixture
def communities(built, here, tmp_path, cli) -> dict[str, Path]:
    """Copies of the community rosters (with their keys) that trust this street's key."""
    street_key = cli("keys", "show", db=here).stdout.strip()
    copies = {}
    for short, path in built.items():
        copy = Path(shutil.copy(path, tmp_path / f"{short}.db"))
        shutil.copytree(community_keys(short), keys.folder_of(copy))
        assert cli("keys", "trust", "当湖街道", street_key, db=copy).exit_code == 0
        copies[short] = copy
    return copies


def sealed(cli, roster: Path, dest: Path, *extra: str) -> Path:
    done = cli("export", "bundle", "--to", "当湖街道", "-o", str(dest), *extra, db=roster)
    assert done.exit_code == 0, done.stderr
    return dest


def state(roster: Path) -> str:
    """The roster file and its WAL, byte for byte."""
    digest = hashlib.sha256(roster.read_bytes())
    wal = roster.with_name(roster.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def street_identity(here: Path) -> keys.OwnKeys:
    own = keys.load(keys.folder_of(here))
    assert own is not None
    return own


def open_up(here: Path, bundle: Path) -> dict[str, bytes]:
    """What an attacker holding the street's key would see: the zip's members."""
    import pyrage

    plain = pyrage.decrypt(bundle.read_bytes(), [street_identity(here).identity])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def seal_again(here: Path, members: dict[str, bytes], dest: Path) -> Path:
    """Zip and encrypt ``members`` to the street again, as a forger who has its public key."""
    import pyrage

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    recipient = pyrage.x25519.Recipient.from_str(street_identity(here).public.recipient)
    dest.write_bytes(pyrage.encrypt(buffer.getvalue(), [recipient]))
    return dest


def refused(cli, here: Path, bundle: Path, *words: str, code: int = 3, **options: str) -> str:
    before = state(here)
    result = cli("merge", str(bundle), "--parent", "当湖街道中队", *options.values(), db=here)
    assert result.exit_code == code, result.stderr
    assert bundle.name in result.stderr and "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr
    assert state(here) == before
    return result.stderr


def test_community_to_street_round_trip_with_keys_on_both_sides(cli, communities, here, tmp_path):
    east = sealed(cli, communities["东湖"], tmp_path / "东湖社区-2025.zip.age")
    west = sealed(cli, communities["西湖"], tmp_path / "西湖社区-2025.zip.age")
    merged = cli(
        "merge", str(east), str(west), "--parent", "当湖街道中队", "--format", "json", db=here
    )
    assert merged.exit_code == 0, merged.stderr
    report = merged.json()
    assert report["totals"]["volunteers"] == 13
    assert [s["signature"] for s in report["sources"]] == [
        {
            "status": "verified",
            "signed_by": short,
            "fingerprint": keys.fingerprint_of(public_key(short)),
            "encrypted": True,
        }
        for short in ("东湖", "西湖")
    ]
    shown = cli("source", "show", "当湖街道东湖社区", "--format", "json", db=here).json()
    assert shown["signature"] == "verified" and shown["signed_by"] == "东湖"
    assert shown["runs"][-1]["encrypted"] is True
    assert shown["runs"][-1]["signer_fingerprint"] == keys.fingerprint_of(public_key("东湖"))
    audit = cli("audit", "--action", "bundle.export", "--format", "json", db=communities["东湖"])
    entry = audit.json()[-1]["detail"]
    assert entry["encrypted_to"]["name"] == "当湖街道"
    assert entry["signed_by"] == keys.fingerprint_of(public_key("东湖"))


def test_an_intercepted_bundle_reveals_no_name_number_or_phone(cli, communities, here, tmp_path):
    bundle = sealed(cli, communities["东湖"], tmp_path / "east.zip.age", "--with-beneficiaries")
    data = bundle.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n") and b"PK\x03\x04" not in data
    for n in COMMUNITIES["东湖"][1]:
        person = PEOPLE[n]
        for secret in (person.name, person.id_number, person.phone, person.id_number[-6:]):
            assert secret.encode("utf-8") not in data
    for text in ("东湖陈阿婆", "东湖小区", "当湖街道东湖社区", "volunteers.jsonl"):
        assert text.encode("utf-8") not in data
    # Nor can anyone else's key open it: another office with keys of its own is refused.
    stranger = tmp_path / "stranger.db"
    street(stranger).close()
    refused(cli, stranger, bundle, "not encrypted for this roster")
    # A roster without any keys is told so.
    bare = tmp_path / "bare.db"
    assert cli("init", "--org", "某街道", db=bare).exit_code == 0
    refused(cli, bare, bundle, "this roster has no keys")


def test_any_age_tool_decrypts_a_bundle_with_the_receiver_s_key(cli, communities, here, tmp_path):
    import subprocess

    if shutil.which("age") is None:
        pytest.skip("the age command-line tool is not installed")
    bundle = sealed(cli, communities["东湖"], tmp_path / "east.zip.age")
    out = subprocess.run(
        ["age", "-d", "-i", str(keys.folder_of(here) / "receive.key"), str(bundle)],
        capture_output=True,
    )
    assert out.returncode == 0, out.stderr
    with zipfile.ZipFile(io.BytesIO(out.stdout)) as archive:
        assert {"manifest.json", "manifest.json.sig", "volunteers.jsonl"} <= set(archive.namelist())


def test_a_bundle_for_a_bare_age_recipient_is_encrypted_to_it(cli, communities, tmp_path):
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    out = tmp_path / "for-age.zip.age"
    done = cli(
        "export",
        "bundle",
        "--to",
        str(identity.to_public()),
        "-o",
        str(out),
        db=communities["东湖"],
    )
    assert done.exit_code == 0, done.stderr
    assert zipfile.is_zipfile(io.BytesIO(pyrage.decrypt(out.read_bytes(), [identity])))


def test_a_bundle_without_to_is_signed_and_warns_it_is_readable(cli, communities, here, tmp_path):
    out = tmp_path / "plain.zip"
    done = cli("export", "bundle", "-o", str(out), db=communities["东湖"])
    assert done.exit_code == 0
    assert "signed but not encrypted" in done.stderr and "--to" in done.stderr
    assert "manifest.json.sig" in zipfile.ZipFile(out).namelist()
    merged = cli("merge", str(out), "--format", "json", db=here)
    assert merged.exit_code == 0, merged.stderr
    assert merged.json()["sources"][0]["signature"]["encrypted"] is False


def test_to_an_unknown_or_revoked_name_is_refused_before_anything_is_written(
    cli, communities, tmp_path
):
    east = communities["东湖"]
    unknown = cli("export", "bundle", "--to", "平湖市", "-o", str(tmp_path / "x.age"), db=east)
    assert unknown.exit_code == 4 and "当湖街道" in unknown.stderr
    cli("keys", "revoke", "当湖街道", db=east)
    revoked = cli("export", "bundle", "--to", "当湖街道", "-o", str(tmp_path / "x.age"), db=east)
    assert revoked.exit_code == 3 and "revoked" in revoked.stderr
    assert not (tmp_path / "x.age").exists()


def test_a_flipped_byte_anywhere_is_refused(cli, communities, here, tmp_path) -> None:
    bundle = sealed(cli, communities["东湖"], tmp_path / "east.zip.age")
    data = bytearray(bundle.read_bytes())
    for at in (40, len(data) // 2, len(data) - 3):
        changed = tmp_path / f"flipped-{at}.zip.age"
        copy = bytearray(data)
        copy[at] ^= 0x01
        changed.write_bytes(bytes(copy))
        refused(cli, here, changed, "efused")
    cut = tmp_path / "cut.zip.age"
    cut.write_bytes(bytes(data[: len(data) - 100]))
    refused(cli, here, cut, "cannot be decrypted")


def test_a_part_replaced_is_refused_naming_the_part(cli, communities, here, tmp_path) -> None:
    members = open_up(here, sealed(cli, communities["东湖"], tmp_path / "east.zip.age"))
    members["records.jsonl"] = members["records.jsonl"].replace(b",180,", b",1440,", 1)
    forged = seal_again(here, members, tmp_path / "part.zip.age")
    refused(cli, here, forged, "records.jsonl", "altered")


def test_a_recomputed_manifest_breaks_the_signature(cli, communities, here, tmp_path) -> None:
    from volctl.merge import bundle as bundles

    members = open_up(here, sealed(cli, communities["东湖"], tmp_path / "east.zip.age"))
    header, *rows = members["volunteers.jsonl"].decode().splitlines()
    names = json.loads(header)
    first = json.loads(rows[0])
    first[names.index("team_id") if "team_id" in names else names.index("name")] = None
    rows[0] = json.dumps(first, ensure_ascii=False)
    data = ("\n".join([header, *rows]) + "\n").encode()
    manifest = json.loads(members["manifest.json"])
    entry = next(f for f in manifest["files"] if f["name"] == "volunteers.jsonl")
    entry["sha256"] = hashlib.sha256(data).hexdigest()
    manifest["content_hash"] = bundles.content_hash(manifest)
    members["volunteers.jsonl"] = data
    members["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    forged = seal_again(here, members, tmp_path / "recomputed.zip.age")
    refused(cli, here, forged, "signature does not match")


def test_a_signature_by_another_key_is_refused(cli, communities, here, tmp_path) -> None:
    members = open_up(here, sealed(cli, communities["东湖"], tmp_path / "east.zip.age"))
    stranger = tmp_path / "stranger.db"
    assert cli("init", "--org", "冒充者", db=stranger).exit_code == 0
    assert cli("keys", "init", db=stranger).exit_code == 0
    forger = keys.load(keys.folder_of(stranger))
    assert forger is not None
    members["manifest.json.sig"] = keys.sign(forger, members["manifest.json"])
    forged = seal_again(here, members, tmp_path / "other-key.zip.age")
    refused(cli, here, forged, "does not trust", "当湖街道东湖社区", "keys trust")


def test_a_bundle_signed_by_a_revoked_key_is_refused(cli, communities, here, tmp_path) -> None:
    bundle = sealed(cli, communities["东湖"], tmp_path / "east.zip.age")
    assert cli("keys", "revoke", "东湖", db=here).exit_code == 0
    refused(cli, here, bundle, "revoked")


def test_a_trusted_community_cannot_sign_for_another_one(cli, communities, here, tmp_path):
    """西湖 is trusted too, but 东湖's roster, once merged as signed by 东湖, stays 东湖's."""
    first = sealed(cli, communities["东湖"], tmp_path / "east.zip.age")
    assert cli("merge", str(first), db=here).exit_code == 0
    # Its roster file merged directly (no signature to check) does not lose who signs for it.
    assert cli("merge", str(communities["东湖"]), db=here).exit_code == 0
    members = open_up(here, first)
    west = keys.load(community_keys("西湖"))
    assert west is not None
    manifest = json.loads(members["manifest.json"])
    manifest["exported_at"] = "2099-01-01T00:00:00+08:00"
    members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    members["manifest.json.sig"] = keys.sign(west, members["manifest.json"])
    forged = seal_again(here, members, tmp_path / "west-signs-east.zip.age")
    refused(cli, here, forged, "signed by “东湖”", "“西湖”", code=5)


def test_an_unsigned_bundle_is_refused_unless_accepted_and_then_leaves_its_trace(
    cli, communities, here, tmp_path
):
    members = open_up(here, sealed(cli, communities["东湖"], tmp_path / "east.zip.age"))
    del members["manifest.json.sig"]
    old = seal_again(here, members, tmp_path / "old.zip.age")
    refused(cli, here, old, "not signed", "--accept-unsigned")
    accepted = cli("merge", str(old), "--accept-unsigned", "--format", "json", db=here)
    assert accepted.exit_code == 0, accepted.stderr
    assert "old.zip.age is unsigned and was accepted" in accepted.stderr
    assert accepted.json()["sources"][0]["signature"]["status"] == "unsigned"
    entries = [
        e
        for e in cli("audit", "--action", "merge.", "--format", "json", db=here).json()
        if e["action"] in ("merge.unsigned_accepted", "merge.source")
    ]
    assert [e["action"] for e in entries] == ["merge.unsigned_accepted", "merge.source"]
    assert entries[0]["detail"]["file"].endswith("old.zip.age")
    assert entries[1]["detail"]["signature"] == "unsigned"
    shown = cli("source", "show", "当湖街道东湖社区", "--format", "json", db=here).json()
    assert shown["signature"] == "unsigned" and shown["runs"][-1]["signature"] == "unsigned"
    table = cli("source", "show", "当湖街道东湖社区", db=here).stdout
    assert "unsigned (accepted)" in table
    # Once signed bundles came from it, a signature stripped off is refused whatever is said.
    signed = sealed(cli, communities["东湖"], tmp_path / "new.zip.age")
    assert cli("merge", str(signed), db=here).exit_code == 0
    stripped = open_up(here, signed)
    del stripped["manifest.json.sig"]
    again = seal_again(here, stripped, tmp_path / "stripped.zip.age")
    refused(cli, here, again, "signed by “东湖” before", accept="--accept-unsigned")


def test_a_rotated_sender_is_refused_until_trusted_with_replace(cli, communities, here, tmp_path):
    east = communities["东湖"]
    assert cli("merge", str(sealed(cli, east, tmp_path / "1.zip.age")), db=here).exit_code == 0
    new_key = cli("keys", "init", "--rotate", db=east).stdout.strip()
    second = sealed(cli, east, tmp_path / "2.zip.age")
    refused(cli, here, second, "does not trust", "--replace")
    assert cli("keys", "trust", "东湖", new_key, "--replace", db=here).exit_code == 0
    assert cli("merge", str(second), db=here).exit_code == 0
    old = tmp_path / "old-key.zip.age"
    shutil.copy(tmp_path / "1.zip.age", old)
    refused(cli, here, old, "old key, replaced")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_mutation_of_an_encrypted_bundle_is_refused_cleanly(
    data, cli, communities, here, tmp_path
) -> None:
    from volctl.db import open_roster
    from volctl.merge import engine

    bundle = tmp_path / "east.zip.age"
    if not bundle.exists():
        sealed(cli, communities["东湖"], bundle)
    original = bundle.read_bytes()
    kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    at = data.draw(st.integers(0, len(original) - 1))
    if kind == "flip":
        mutated = original[:at] + bytes([original[at] ^ data.draw(st.integers(1, 255))])
        mutated += original[at + 1 :]
    elif kind == "cut":
        mutated = original[:at]
    else:
        mutated = original[:at] + data.draw(st.binary(min_size=1, max_size=8)) + original[at:]
    target = tmp_path / "mutated.zip.age"
    target.write_bytes(mutated)
    before = state(here)
    conn = open_roster(here)
    try:
        with pytest.raises(VolctlError):
            engine.merge(conn, [target], engine.Options(parent="当湖街道中队"))
    finally:
        conn.close()
    assert state(here) == before

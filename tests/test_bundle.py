"""volctl export bundle: a self-describing, verifiable bundle of one roster for the level above."""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from tests.helpers_merge import build, export, resign, street
from volctl.merge import bundle


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("community") / "donghu.db", "东湖")


@pytest.fixture
def roster(community: Path, tmp_path: Path) -> Path:
    """A copy of the community roster this test may change."""
    return Path(shutil.copy(community, tmp_path / "donghu.db"))


def lines(path: Path, name: str) -> list[list[object]]:
    with zipfile.ZipFile(path) as archive:
        return [json.loads(line) for line in archive.read(name).decode().splitlines()]


def rewrite(path: Path, change: dict[str, bytes]) -> None:
    """Replace members of a zip, as someone editing a bundle by hand would."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members.update(change)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if data:
                archive.writestr(name, data)


def test_a_bundle_is_a_zip_readable_by_its_owner_only_with_a_manifest_of_every_part(
    cli, roster, tmp_path
) -> None:
    out = tmp_path / "东湖-2025.zip"
    result = cli("export", "bundle", "-o", str(out), "--format", "json", db=roster)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "personal data" in result.stderr and "readable by you only" in result.stderr
    data = result.json()
    assert data["org_name"] == "当湖街道东湖社区" and data["counts"]["volunteers"] == 8
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    assert (
        manifest["format"] == "volctl-bundle" and manifest["content_hash"] == data["content_hash"]
    )
    for entry in manifest["files"]:
        raw = zipfile.ZipFile(out).read(entry["name"])
        assert hashlib.sha256(raw).hexdigest() == entry["sha256"]
        assert raw.count(b"\n") == entry["rows"] + 1  # the header line names the columns


def test_identity_numbers_and_phones_travel_as_text(roster, tmp_path) -> None:
    out = export(roster, tmp_path / "b.zip")
    header, *rows = lines(out, "volunteers.jsonl")
    number, phone = header.index("id_number"), header.index("phone")
    assert all(isinstance(r[number], str) and isinstance(r[phone], str) for r in rows)


def test_the_same_roster_exported_twice_has_the_same_content_hash(roster, tmp_path) -> None:
    first = json.loads(zipfile.ZipFile(export(roster, tmp_path / "1.zip")).read("manifest.json"))
    again = json.loads(zipfile.ZipFile(export(roster, tmp_path / "2.zip")).read("manifest.json"))
    assert first["content_hash"] == again["content_hash"]
    assert first["exported_at"] <= again["exported_at"]


def test_beneficiaries_travel_as_numbers_and_groups_unless_the_clerk_asks(roster, tmp_path) -> None:
    header, *rows = lines(export(roster, tmp_path / "counts.zip"), "recipients.jsonl")
    assert header == ["id", "recipient_no", "group_name", "status", "registered_on"]
    assert rows[0][2] == "空巢老人"
    full, *people = lines(
        export(roster, tmp_path / "full.zip", with_beneficiaries=True), "recipients.jsonl"
    )
    assert people[0][full.index("name")] == "东湖陈阿婆"
    assert people[0][full.index("address")] == "东湖小区3幢501室"


def test_an_existing_file_is_kept_unless_force_is_given(cli, roster, tmp_path) -> None:
    out = tmp_path / "b.zip"
    out.write_text("keep me")
    refused = cli("export", "bundle", "-o", str(out), db=roster)
    assert (
        refused.exit_code == 3
        and "already exists" in refused.stderr
        and "--force" in refused.stderr
    )
    assert out.read_text() == "keep me"
    assert cli("export", "bundle", "-o", str(out), "--force", db=roster).exit_code == 0
    assert zipfile.is_zipfile(out)


def test_a_roster_without_an_organisation_name_cannot_be_exported(cli, tmp_path) -> None:
    assert cli("init").exit_code == 0
    result = cli("export", "bundle", "-o", str(tmp_path / "b.zip"))
    assert result.exit_code == 3 and "organisation name" in result.stderr
    assert not (tmp_path / "b.zip").exists()


def test_the_export_is_in_the_audit_log(cli, roster, tmp_path) -> None:
    cli("export", "bundle", "-o", str(tmp_path / "b.zip"), db=roster)
    entries = cli("audit", "--action", "bundle.export", "--format", "json", db=roster).json()
    assert entries[-1]["command"] == "volctl export bundle"
    assert entries[-1]["detail"]["counts"]["volunteers"] == 8


def test_a_truncated_bundle_is_refused_and_the_roster_is_unchanged(cli, roster, tmp_path) -> None:
    out = export(roster, tmp_path / "b.zip")
    out.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
    assert cli("init", "--org", "当湖街道", db=tmp_path / "street.db").exit_code == 0
    result = cli("merge", str(out), db=tmp_path / "street.db")
    assert result.exit_code == 3 and "b.zip" in result.stderr
    assert "damaged or incomplete" in result.stderr and "Traceback" not in result.stderr
    info = cli("info", "--format", "json", db=tmp_path / "street.db").json()
    assert info["counts"]["volunteers"] == 0


def test_a_bundle_with_an_edited_row_is_refused_naming_the_part(roster, tmp_path) -> None:
    out = export(roster, tmp_path / "b.zip")
    text = zipfile.ZipFile(out).read("records.jsonl").decode()
    rewrite(out, {"records.jsonl": text.replace(",180,", ",1440,", 1).encode()})
    with pytest.raises(Exception) as refused:
        bundle.Bundle(out)
    assert "records.jsonl" in str(refused.value) and "altered" in str(refused.value)


def test_a_bundle_whose_manifest_was_edited_is_refused(roster, tmp_path) -> None:
    out = export(roster, tmp_path / "b.zip")
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    manifest["organisation"]["org_name"] = "当湖街道西湖社区"
    rewrite(out, {"manifest.json": json.dumps(manifest).encode()})
    with pytest.raises(Exception, match="altered after export"):
        bundle.Bundle(out)


@pytest.mark.parametrize("change", ["extra", "missing"])
def test_a_bundle_with_a_file_added_or_taken_away_is_refused(roster, tmp_path, change) -> None:
    out = export(roster, tmp_path / "b.zip")
    if change == "extra":
        rewrite(out, {"notes.txt": b"hello"})
    else:
        rewrite(out, {"insurance.jsonl": b""})
    with pytest.raises(Exception, match="do not match its manifest"):
        bundle.Bundle(out)


def test_a_bundle_from_a_newer_volctl_is_refused(cli, roster, tmp_path) -> None:
    out = export(roster, tmp_path / "b.zip")
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    manifest["format_version"] = bundle.FORMAT_VERSION + 1
    manifest["volctl_version"] = "9.0"
    manifest["content_hash"] = bundle.content_hash(manifest)
    rewrite(out, {"manifest.json": json.dumps(manifest).encode()})
    resign(out, "东湖")
    street(tmp_path / "street.db").close()
    result = cli("merge", str(out), db=tmp_path / "street.db")
    assert result.exit_code == 6 and "newer volctl (9.0)" in result.stderr


def test_a_forged_bundle_with_a_consistent_hash_but_broken_rows_is_refused_cleanly(
    cli, roster, tmp_path
) -> None:
    out = export(roster, tmp_path / "b.zip")
    header, *rows = lines(out, "volunteers.jsonl")
    rows[0][header.index("name")] = ""  # a volunteer without a name
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [header, *rows]).encode()
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    entry = next(f for f in manifest["files"] if f["name"] == "volunteers.jsonl")
    entry["sha256"] = hashlib.sha256(data).hexdigest()
    manifest["content_hash"] = bundle.content_hash(manifest)
    rewrite(out, {"volunteers.jsonl": data, "manifest.json": json.dumps(manifest).encode()})
    resign(out, "东湖")  # the sender itself, so the signature holds and the rows are checked
    street(tmp_path / "street.db").close()
    result = cli("merge", str(out), db=tmp_path / "street.db")
    assert result.exit_code == 3 and "volunteers.jsonl" in result.stderr
    assert "Traceback" not in result.stderr
    info = cli("info", "--format", "json", db=tmp_path / "street.db").json()
    assert info["counts"]["volunteers"] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"just some text\n", "Neither a volctl bundle"), (b"", "Neither a volctl bundle")],
)
def test_a_file_that_is_not_a_bundle_is_refused_clearly(cli, tmp_path, content, message) -> None:
    other = tmp_path / "notes.zip"
    other.write_bytes(content)
    assert cli("init", "--org", "当湖街道").exit_code == 0
    result = cli("merge", str(other))
    assert result.exit_code == 3 and message in result.stderr and "notes.zip" in result.stderr


def test_every_part_of_a_bundle_has_a_name_in_both_languages() -> None:
    from volctl.i18n import catalogue
    from volctl.merge.content import PARTS

    assert {f"bundle.part_{part.name}" for part in PARTS} <= set(catalogue())

"""volctl keys: a roster's key pairs beside it, the other offices' keys it trusts, rotation."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from volctl import keys

KEY_LINE = re.compile(r"^volctl:age1[0-9a-z]{58}:AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}$")


@pytest.fixture
def other(cli, tmp_path) -> Path:
    """A second roster (the street), with its keys."""
    path = tmp_path / "street.db"
    assert cli("init", "--org", "当湖街道", db=path).exit_code == 0
    assert cli("keys", "init", db=path).exit_code == 0
    return path


def test_keys_init_keeps_the_private_halves_beside_the_roster_owner_only(cli, roster) -> None:
    made = cli("keys", "init")
    assert made.exit_code == 0, made.stderr
    assert KEY_LINE.match(made.stdout.strip())
    folder = roster.with_name(roster.name + ".keys")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert sorted(p.name for p in folder.iterdir()) == ["receive.key", "sign.key"]
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "AGE-SECRET-KEY-1" in (folder / "receive.key").read_text()
    assert (folder / "sign.key").read_text().startswith("-----BEGIN OPENSSH PRIVATE KEY-----")
    assert "readable by you only" in made.stderr and "Fingerprint:" in made.stderr
    # The roster holds the public half only.
    assert b"AGE-SECRET-KEY" not in roster.read_bytes()


def test_keys_show_prints_one_line_to_send_and_the_fingerprint_to_compare(cli, roster) -> None:
    made = cli("keys", "init").stdout.strip()
    shown = cli("keys", "show")
    assert shown.exit_code == 0
    assert shown.stdout.splitlines() == [made]
    data = cli("keys", "show", "--format", "json").json()
    assert data["public_key"] == made
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", data["fingerprint"])
    assert data["fingerprint"] in shown.stderr
    assert data["receive"].startswith("age1") and data["sign"].startswith("ssh-ed25519 AAAA")
    assert made == f"volctl:{data['receive']}:{data['sign'].split()[1]}"


def test_keys_show_draws_a_qr_code_of_the_same_line_when_asked(cli, roster) -> None:
    made = cli("keys", "init").stdout.strip()
    shown = cli("keys", "show", "--qr")
    first, *drawing = shown.stdout.splitlines()
    assert first == made
    assert len(drawing) > 20 and all(len(line) <= 80 for line in drawing)
    assert "█" in shown.stdout


def test_a_second_keys_init_changes_nothing_and_points_at_rotate(cli, roster) -> None:
    first = cli("keys", "init").stdout
    again = cli("keys", "init")
    assert again.exit_code == 5 and "already has keys" in again.stderr
    assert "--rotate" in again.stderr
    assert cli("keys", "show").stdout == first


def test_a_roster_without_keys_says_how_to_make_them(cli, roster) -> None:
    shown = cli("keys", "show")
    assert shown.exit_code == 6 and "has no keys yet" in shown.stderr
    assert "volctl keys init" in shown.stderr


def test_a_roster_copied_without_its_key_folder_is_told_to_bring_it_or_rotate(
    cli, roster, tmp_path
) -> None:
    cli("keys", "init")
    moved = tmp_path / "elsewhere" / "roster.db"
    moved.parent.mkdir()
    shutil.copy(roster, moved)
    shown = cli("keys", "show", db=moved)
    assert shown.exit_code == 6 and "folder" in shown.stderr and "--rotate" in shown.stderr
    # Making fresh keys silently would split the roster's identity: init refuses too.
    assert cli("keys", "init", db=moved).exit_code == 6
    assert cli("keys", "init", "--rotate", db=moved).exit_code == 0


def test_trust_records_a_key_under_a_name_from_the_line_or_a_file(cli, roster, other, tmp_path):
    cli("keys", "init")
    street_key = cli("keys", "show", db=other).stdout.strip()
    saved = tmp_path / "当湖街道.txt"
    saved.write_text(f"当湖街道的公钥：\n{street_key}\n", encoding="utf-8")
    done = cli("keys", "trust", "当湖街道", str(saved), "--format", "json")
    assert done.exit_code == 0, done.stderr
    assert done.json()["outcome"] == "trusted" and done.json()["public_key"] == street_key
    listed = cli("keys", "list", "--format", "json").json()
    assert [(k["name"], k["status"]) for k in listed["trusted"]] == [("当湖街道", "trusted")]
    assert listed["own"]["public_key"] == cli("keys", "show").stdout.strip()
    same = cli("keys", "trust", "当湖街道", street_key)
    assert same.exit_code == 0 and "already trusted" in same.stderr


def test_a_key_mangled_by_a_chat_app_is_still_read(cli, roster, other) -> None:
    street_key = cli("keys", "show", db=other).stdout.strip()
    mangled = street_key.replace(":", "：", 1)[:40] + " \n" + street_key[40:]
    done = cli("keys", "trust", "当湖街道", mangled, "--format", "json")
    assert done.exit_code == 0, done.stderr
    assert done.json()["public_key"] == street_key


@pytest.mark.parametrize(
    "bad",
    ["volctl:age1xyz:AAAA", "age1zs66yverg4snq50", "hello", "volctl:::"],
    ids=["short", "age-only", "word", "empty-parts"],
)
def test_a_malformed_key_is_refused_with_what_it_should_look_like(cli, roster, bad) -> None:
    refused = cli("keys", "trust", "某社区", bad)
    assert refused.exit_code == 3 and "not a volctl public key" in refused.stderr
    assert cli("keys", "list", "--format", "json").json()["trusted"] == []


def test_a_key_file_that_is_not_there_is_named(cli, roster, tmp_path) -> None:
    refused = cli("keys", "trust", "当湖街道", str(tmp_path / "当湖街道.key"))
    assert refused.exit_code == 3 and "当湖街道.key" in refused.stderr


def test_trust_refuses_the_roster_s_own_key_and_one_key_under_two_names(cli, roster, other):
    own = cli("keys", "init").stdout.strip()
    assert cli("keys", "trust", "我自己", own).exit_code == 3
    street_key = cli("keys", "show", db=other).stdout.strip()
    assert cli("keys", "trust", "当湖街道", street_key).exit_code == 0
    twice = cli("keys", "trust", "街道办", street_key)
    assert twice.exit_code == 5 and "already trusted as “当湖街道”" in twice.stderr


def test_a_name_s_key_is_replaced_only_with_replace(cli, roster, other, tmp_path) -> None:
    street_key = cli("keys", "show", db=other).stdout.strip()
    cli("keys", "trust", "当湖街道", street_key)
    rotated = cli("keys", "init", "--rotate", db=other).stdout.strip()
    refused = cli("keys", "trust", "当湖街道", rotated)
    assert refused.exit_code == 5 and "--replace" in refused.stderr
    done = cli("keys", "trust", "当湖街道", rotated, "--replace", "--format", "json").json()
    assert done["outcome"] == "replaced" and done["replaced"] == keys.fingerprint_of(street_key)
    statuses = [
        (k["name"], k["status"]) for k in cli("keys", "list", "--format", "json").json()["trusted"]
    ]
    assert statuses == [("当湖街道", "trusted"), ("当湖街道", "replaced")]


def test_revoke_ends_a_trust_that_stays_on_record(cli, roster, other) -> None:
    street_key = cli("keys", "show", db=other).stdout.strip()
    cli("keys", "trust", "当湖街道", street_key)
    done = cli("keys", "revoke", "当湖街道")
    assert done.exit_code == 0 and "revoked" in done.stderr
    listed = cli("keys", "list", "--format", "json").json()["trusted"]
    assert [(k["name"], k["status"]) for k in listed] == [("当湖街道", "revoked")]
    assert cli("keys", "revoke", "当湖街道").exit_code == 4
    entries = cli("audit", "--action", "keys.", "--format", "json").json()
    assert [e["action"] for e in entries] == ["keys.trust", "keys.revoke"]
    # The history cannot be rewritten behind volctl's back.
    import sqlite3

    conn = sqlite3.connect(roster)
    with pytest.raises(sqlite3.DatabaseError, match="key history is kept"):
        conn.execute("DELETE FROM trusted_keys")
    with pytest.raises(sqlite3.DatabaseError, match="key history is kept"):
        conn.execute("UPDATE trusted_keys SET ended = NULL")
    conn.close()


def test_rotate_keeps_the_old_receive_key_and_says_what_to_tell_the_others(cli, roster) -> None:
    first = cli("keys", "init").stdout.strip()
    rotated = cli("keys", "init", "--rotate")
    assert rotated.exit_code == 0
    new = rotated.stdout.strip()
    assert new != first and KEY_LINE.match(new)
    assert "keys trust 东湖社区 NEW-KEY --replace" in rotated.stderr
    folder = roster.with_name(roster.name + ".keys")
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4 and {"receive.key", "sign.key"} < set(names)
    assert {n.split("-replaced-")[0] for n in names if "-replaced-" in n} == {"receive", "sign"}
    assert all(stat.S_IMODE((folder / n).stat().st_mode) == 0o600 for n in names)
    entries = cli("audit", "--action", "keys.", "--format", "json").json()
    assert [e["action"] for e in entries] == ["keys.init", "keys.rotate"]
    assert entries[1]["detail"]["replaced"] == keys.fingerprint_of(first)


def test_a_lost_key_is_rotated_and_the_clerk_is_told_old_bundles_cannot_be_opened(
    cli, roster
) -> None:
    cli("keys", "init")
    shutil.rmtree(roster.with_name(roster.name + ".keys"))
    rotated = cli("keys", "init", "--rotate")
    assert rotated.exit_code == 0
    assert "cannot be opened any more" in rotated.stderr


def test_keys_that_a_copy_left_readable_by_others_are_made_owner_only(cli, roster) -> None:
    cli("keys", "init")
    folder = roster.with_name(roster.name + ".keys")
    os.chmod(folder, 0o755)
    os.chmod(folder / "receive.key", 0o644)
    assert cli("keys", "show").exit_code == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "receive.key").stat().st_mode) == 0o600


def test_damaged_keys_are_named_and_can_be_rotated(cli, roster) -> None:
    cli("keys", "init")
    (roster.with_name(roster.name + ".keys") / "sign.key").write_text("garbage")
    shown = cli("keys", "show")
    assert shown.exit_code == 6 and "incomplete or damaged" in shown.stderr
    assert "Traceback" not in shown.stderr
    assert cli("keys", "init", "--rotate").exit_code == 0


def test_help_and_other_commands_do_not_load_the_cryptography_libraries(roster) -> None:
    for args in (["--help"], ["--db", str(roster), "info"]):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "volctl", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "VOLCTL_LANG": "en"},
        )
        assert done.returncode == 0, done.stderr
        loaded = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
        assert not {"pyrage", "cryptography", "segno", "volctl.keys"} & loaded, args


def test_the_signature_format_is_openssh_s_both_ways(cli, roster, tmp_path) -> None:
    """volctl's signatures verify with ssh-keygen -Y verify, and ssh-keygen's with volctl."""
    if shutil.which("ssh-keygen") is None:
        pytest.skip("ssh-keygen (OpenSSH) is not installed")
    cli("keys", "init")
    shown = cli("keys", "show", "--format", "json").json()
    own = keys.load(roster.with_name(roster.name + ".keys"))
    assert own is not None
    message = tmp_path / "manifest.json"
    message.write_bytes('{"org": "东湖社区"}'.encode())
    (tmp_path / "manifest.json.sig").write_bytes(keys.sign(own, message.read_bytes()))
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(f"donghu {shown['sign']}\n")
    checked = subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "verify",
            "-f",
            str(allowed),
            "-I",
            "donghu",
            "-n",
            "volctl-bundle",
            "-s",
            str(tmp_path / "manifest.json.sig"),
        ],
        input=message.read_bytes(),
        capture_output=True,
    )
    assert checked.returncode == 0, checked.stderr
    other = tmp_path / "other.txt"
    other.write_bytes(b"something else")
    signed = subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "sign",
            "-f",
            str(own.folder / "sign.key"),
            "-n",
            "volctl-bundle",
            str(other),
        ],
        capture_output=True,
    )
    assert signed.returncode == 0, signed.stderr
    signature = (tmp_path / "other.txt.sig").read_bytes()
    assert keys.verify(signature, other.read_bytes()) == own.public.signing
    with pytest.raises(keys.BadSignature):
        keys.verify(signature, b"something else!")
    with pytest.raises(keys.BadSignature):
        keys.verify(signature, other.read_bytes(), namespace=b"file")

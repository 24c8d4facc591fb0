"""Encrypted backups (age's passphrase mode) and what the roster remembers of its backups: the
reminder that the last one on removable media was readable by whoever finds it."""

from __future__ import annotations

import hashlib
import shlex
import sqlite3
import stat
from pathlib import Path

import pytest

from volctl import backups

PASSPHRASE = "东湖 backup 2025!"


@pytest.fixture
def passphrase_file(tmp_path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


@pytest.fixture
def people(add_volunteer) -> list[dict]:
    return [add_volunteer("王秀英"), add_volunteer("李建国")]


def state(roster: Path) -> str:
    digest = hashlib.sha256(roster.read_bytes())
    wal = roster.with_name(roster.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def test_an_encrypted_backup_restores_with_its_passphrase_and_nothing_else(
    cli, roster, people, passphrase_file, add_volunteer, tmp_path
) -> None:
    dest = tmp_path / "东湖-2025.db.age"
    made = cli("backup", str(dest), "--encrypt", "--passphrase-file", str(passphrase_file))
    assert made.exit_code == 0, made.stderr
    assert "encrypted" in made.stderr
    data = dest.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    for person in people:
        for secret in (person["name"], person["id_number"], person["phone"]):
            assert secret.encode("utf-8") not in data
    assert b"SQLite format 3" not in data

    add_volunteer("后来者")  # the roster moves on after the backup
    changed = state(roster)
    # No terminal and no passphrase file: refused, nothing touched.
    asked = cli("restore", str(dest), "--yes")
    assert asked.exit_code == 3 and "passphrase" in asked.stderr
    assert "--passphrase-file" in asked.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    refused = cli("restore", str(dest), "--yes", "--passphrase-file", str(wrong))
    assert refused.exit_code == 3 and "Wrong passphrase" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert state(roster) == changed
    assert not list(tmp_path.glob("roster-replaced-*"))

    done = cli("restore", str(dest), "--yes", "--passphrase-file", str(passphrase_file))
    assert done.exit_code == 0, done.stderr
    names = [v["name"] for v in cli("register", "list", "--format", "json").json()]
    assert names == ["王秀英", "李建国"]


def test_the_decrypted_backup_is_a_plain_self_contained_roster(
    cli, roster, people, passphrase_file, tmp_path
) -> None:
    import pyrage

    dest = tmp_path / "b.db.age"
    cli("backup", str(dest), "--passphrase-file", str(passphrase_file))  # implies --encrypt
    plain = tmp_path / "plain.db"
    plain.write_bytes(pyrage.passphrase.decrypt(dest.read_bytes(), PASSPHRASE))
    header = plain.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # a rollback-journal file, as plain backups are
    conn = sqlite3.connect(f"{plain.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 2
    finally:
        conn.close()


def test_an_encrypted_backup_needs_a_passphrase_it_can_get(cli, roster, tmp_path) -> None:
    dest = tmp_path / "b.db.age"
    asked = cli("backup", str(dest), "--encrypt")
    assert asked.exit_code == 3 and "--passphrase-file" in asked.stderr
    short = tmp_path / "short.txt"
    short.write_text("1234\n")
    refused = cli("backup", str(dest), "--passphrase-file", str(short))
    assert refused.exit_code == 3 and "at least 8" in refused.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    assert cli("backup", str(dest), "--passphrase-file", str(empty)).exit_code == 3
    missing = cli("backup", str(dest), "--passphrase-file", str(tmp_path / "nowhere.txt"))
    assert missing.exit_code == 3 and "nowhere.txt" in missing.stderr
    assert not dest.exists()


def test_a_passphrase_file_others_can_read_is_pointed_out(cli, roster, tmp_path) -> None:
    loose = tmp_path / "loose.txt"
    loose.write_text(PASSPHRASE)
    loose.chmod(0o644)
    done = cli("backup", str(tmp_path / "b.age"), "--passphrase-file", str(loose))
    assert done.exit_code == 0 and "readable by other users" in done.stderr


def test_a_backup_encrypted_to_a_key_is_not_taken_for_a_passphrase_one(cli, roster, tmp_path):
    import pyrage

    other = tmp_path / "keyed.age"
    identity = pyrage.x25519.Identity.generate()
    other.write_bytes(pyrage.encrypt(b"SQLite format 3\x00", [identity.to_public()]))
    pf = tmp_path / "p.txt"
    pf.write_text(PASSPHRASE)
    refused = cli("restore", str(other), "--yes", "--passphrase-file", str(pf))
    assert refused.exit_code == 3 and "not encrypted with a passphrase" in refused.stderr


def test_every_backup_is_recorded_and_the_last_one_on_removable_media_is_checked(
    cli, roster, people, passphrase_file, tmp_path, monkeypatch
) -> None:
    from volctl.db import open_roster

    media = tmp_path / "media"
    (media / "usb").mkdir(parents=True)
    monkeypatch.setattr(backups, "MEDIA_ROOTS", (str(media),))
    local = cli("backup", str(tmp_path / "local.db"))
    assert local.exit_code == 0 and "removable media" not in local.stderr
    stick = media / "usb" / "东湖.db"
    plain = cli("backup", str(stick))
    assert plain.exit_code == 0 and "removable media" in plain.stderr

    conn = open_roster(roster)
    try:
        item = backups.unencrypted_on_removable_media(conn)
        assert item is not None and item["path"] == str(stick)
        assert item["message"] == "backups.removable_unencrypted"
        assert item["command"] == "volctl backup --encrypt " + shlex.quote(f"{stick}.age")
        from volctl.i18n import t

        assert str(stick) in t(item["message"], **item["params"])
    finally:
        conn.close()

    sealed = cli("backup", str(stick) + ".age", "--passphrase-file", str(passphrase_file))
    assert sealed.exit_code == 0 and "removable media" not in sealed.stderr
    conn = open_roster(roster)
    try:
        assert backups.unencrypted_on_removable_media(conn) is None
        assert backups.last(conn)["encrypted"] is True  # type: ignore[index]
        rows = conn.execute("SELECT encrypted, removable FROM backups ORDER BY id").fetchall()
        assert [tuple(r) for r in rows] == [(0, 0), (0, 1), (1, 1)]
    finally:
        conn.close()
    entries = cli("audit", "--action", "backup.", "--format", "json").json()
    assert [(e["detail"]["encrypted"], e["detail"]["removable"]) for e in entries] == [
        (False, False),
        (False, True),
        (True, True),
    ]


def test_a_backup_on_another_device_counts_as_removable(small_disk, cli, roster) -> None:
    from volctl.db import open_roster

    done = cli("backup", str(small_disk / "b.db"))
    assert done.exit_code == 0, done.stderr
    assert "removable media" in done.stderr
    conn = open_roster(roster)
    try:
        assert backups.last(conn)["removable"] is True  # type: ignore[index]
    finally:
        conn.close()


def test_no_backup_means_no_reminder(roster) -> None:
    from volctl.db import open_roster

    conn = open_roster(roster)
    try:
        assert backups.unencrypted_on_removable_media(conn) is None
        assert backups.last(conn) is None
    finally:
        conn.close()


def _at_a_terminal(db: Path, args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run volctl on a pseudo-terminal, typing ``answers`` one per prompt; its exit code and
    what the terminal showed."""
    import os
    import pty
    import sys
    import time

    pid, fd = pty.fork()
    if pid == 0:  # the child: volctl, its stdin a terminal
        env = {**os.environ, "VOLCTL_LANG": "en"}
        os.execvpe(sys.executable, [sys.executable, "-m", "volctl", "--db", str(db), *args], env)
    import select

    shown, pending, answered = b"", list(answers), 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child is gone
            break
        if not chunk:
            break
        shown += chunk
        # Answer each prompt once it is on the screen (getpass flushes what was typed ahead).
        if pending and shown[answered:].rstrip().endswith(b":"):
            time.sleep(0.2)
            os.write(fd, pending.pop(0).encode() + b"\n")
            answered = len(shown)
    else:
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")


def test_at_a_terminal_the_passphrase_is_asked_twice_and_again_when_they_differ(
    roster, people, tmp_path
) -> None:
    dest = tmp_path / "typed.db.age"
    code, shown = _at_a_terminal(
        roster,
        ["backup", "--encrypt", str(dest)],
        ["short", "long enough 1", "long enough 2", "long enough 1", "long enough 1"],
    )
    assert code == 0, shown
    assert "too short" in shown and "differ" in shown
    assert shown.count("Backup passphrase:") == 3 and "long enough" not in shown
    code, shown = _at_a_terminal(roster, ["restore", str(dest), "--yes"], ["long enough 1"])
    assert code == 0, shown
    assert "Restored from" in shown

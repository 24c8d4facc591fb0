"""Backups are consistent single files; a restore checks first and keeps what it replaces."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from volctl.errors import EXIT_CANCELLED, InvalidInput, RosterError


def names(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    rows = [r[0] for r in conn.execute("SELECT name FROM volunteers ORDER BY id")]
    conn.close()
    return rows


def test_a_backup_is_a_sound_owner_only_copy(cli, add_volunteer, tmp_path: Path) -> None:
    add_volunteer("王秀英")
    dest = tmp_path / "backup.db"
    result = cli("backup", str(dest))
    assert result.exit_code == 0, result.stderr
    assert "1 volunteer" in result.stderr and "integrity checked" in result.stderr
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert not Path(f"{dest}-wal").exists()
    assert names(dest) == ["王秀英"]


def test_a_backup_never_overwrites_a_file(cli, roster, tmp_path: Path) -> None:
    dest = tmp_path / "existing.db"
    dest.write_text("keep me")
    result = cli("backup", str(dest))
    assert result.exit_code == InvalidInput.exit_code and "will not be overwritten" in result.stderr
    assert dest.read_text() == "keep me"


def test_a_backup_without_a_name_goes_beside_the_roster(cli, roster) -> None:
    assert cli("backup").exit_code == 0
    assert len(list(roster.parent.glob("roster-*.backup.db"))) == 1


def test_restore_brings_back_the_backup_and_keeps_the_replaced_roster(
    cli, add_volunteer, tmp_path, roster
) -> None:
    add_volunteer("王秀英")
    backup = tmp_path / "backup.db"
    cli("backup", str(backup))
    add_volunteer("李四")
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.stderr
    assert names(roster) == ["王秀英"]
    kept = next(roster.parent.glob("roster-replaced-*.db"))
    assert names(kept) == ["王秀英", "李四"]
    audit = cli("audit", "--action", "roster.restore", "--format", "json").json()
    assert len(audit) == 1


def test_restore_asks_first_and_a_no_changes_nothing(cli, add_volunteer, tmp_path, roster) -> None:
    add_volunteer("王秀英")
    backup = tmp_path / "backup.db"
    cli("backup", str(backup))
    add_volunteer("李四")
    result = cli("restore", str(backup), input="n\n")
    assert result.exit_code == EXIT_CANCELLED and "cancel" in result.stderr.lower()
    assert names(roster) == ["王秀英", "李四"]


def test_restore_refuses_a_file_that_is_not_a_roster(cli, roster, add_volunteer, tmp_path) -> None:
    add_volunteer("王秀英")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    result = cli("restore", str(other), "--yes")
    assert (
        result.exit_code == RosterError.exit_code and "not a volctl roster backup" in result.stderr
    )
    assert names(roster) == ["王秀英"]


def test_restore_refuses_a_damaged_backup(cli, add_volunteer, tmp_path, roster) -> None:
    add_volunteer("王秀英")
    backup = tmp_path / "backup.db"
    cli("backup", str(backup))
    data = bytearray(backup.read_bytes())
    for page_start in range(4096, len(data), 4096):  # scribble over every b-tree page header
        data[page_start : page_start + 12] = b"\xff" * 12
    backup.write_bytes(bytes(data))
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == RosterError.exit_code
    assert names(roster) == ["王秀英"]


@pytest.mark.parametrize(
    ("lang", "reason"), [("zh", "（不是数据库文件）"), ("en", "(not a database file)")]
)
def test_restore_says_in_words_why_a_file_is_not_a_roster(cli, roster, tmp_path, lang, reason):
    other = tmp_path / "notroster.db"
    other.write_text("hello", encoding="utf-8")
    result = cli("--lang", lang, "restore", str(other), "--yes")
    assert result.exit_code == RosterError.exit_code
    assert reason in result.stderr and "not_sqlite" not in result.stderr

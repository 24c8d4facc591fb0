"""The roster file: created safely, recognised, never clobbered, upgraded with a backup."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from volctl.db import open_roster
from volctl.errors import RosterError
from volctl.schema import APPLICATION_ID, LATEST, STEPS


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    conn.close()
    return rows


def test_init_creates_a_roster_readable_only_by_its_owner(cli, db_path: Path) -> None:
    result = cli("init", "--org", "东湖社区")
    assert result.exit_code == 0
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    conn = open_roster(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_init_twice_changes_nothing(cli, roster: Path) -> None:
    before = schema(roster)
    result = cli("init")
    assert result.exit_code == 0
    assert "already exists" in result.stderr
    assert schema(roster) == before


def test_a_roster_uses_wal_foreign_keys_and_a_busy_timeout(roster: Path) -> None:
    conn = open_roster(roster)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


@pytest.mark.parametrize("command", [["init"], ["register", "list"], ["info", "--format", "json"]])
def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(
    cli, tmp_path: Path, command
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("这是会议记录，不是数据库。\n", encoding="utf-8")
    before = digest(notes)
    result = cli(*command, db=notes)
    if command[0] == "info":
        assert result.exit_code == 0 and result.json()["state"] == "not_sqlite"
    else:
        assert result.exit_code == RosterError.exit_code
        assert "not an SQLite database" in result.stderr
    assert digest(notes) == before


def test_another_programs_sqlite_database_is_refused_and_left_untouched(
    cli, tmp_path: Path
) -> None:
    other = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(other)
    for command in (["init"], ["register", "list"]):
        result = cli(*command, db=other)
        assert result.exit_code == RosterError.exit_code
        assert "another program's SQLite database" in result.stderr
    assert digest(other) == before
    assert not Path(f"{other}-wal").exists()


def test_a_roster_from_a_newer_volctl_is_refused_and_left_untouched(cli, roster: Path) -> None:
    conn = sqlite3.connect(roster)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    before = digest(roster)
    result = cli("register", "list")
    assert result.exit_code == RosterError.exit_code
    assert "newer volctl" in result.stderr and "pip install --upgrade" in result.stderr
    assert digest(roster) == before


def test_a_roster_with_steps_this_volctl_does_not_know_is_refused_naming_them(
    cli, roster: Path
) -> None:
    conn = sqlite3.connect(roster)
    last = conn.execute("SELECT max(rowid) FROM _sqlite_migrations").fetchone()[0]
    conn.execute("UPDATE _sqlite_migrations SET name = 'm099_elsewhere' WHERE rowid = ?", (last,))
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(roster)
    result = cli("register", "list")
    assert result.exit_code == RosterError.exit_code
    assert "m099_elsewhere" in result.stderr and "newer" not in result.stderr
    assert digest(roster) == before


def test_a_missing_roster_says_how_to_create_one(cli, db_path: Path) -> None:
    result = cli("register", "list")
    assert result.exit_code == RosterError.exit_code
    assert "volctl init" in result.stderr
    assert not db_path.exists()


def test_a_truncated_roster_is_refused_as_damaged(cli, roster: Path, add_volunteer) -> None:
    add_volunteer()
    conn = sqlite3.connect(roster)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = roster.read_bytes()
    roster.write_bytes(data[: len(data) // 3])
    result = cli("register", "list")
    assert result.exit_code == RosterError.exit_code
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_folder_is_named_in_the_message(cli, tmp_path: Path) -> None:
    result = cli("init", db=tmp_path / "no-such-folder" / "roster.db")
    assert result.exit_code == RosterError.exit_code
    assert "no-such-folder" in result.stderr and "does not exist" in result.stderr


@pytest.mark.parametrize("applied", range(1, LATEST))
def test_an_older_roster_is_backed_up_then_upgraded_with_its_data(
    tmp_path: Path, applied: int
) -> None:
    """Each released schema version upgrades to the latest and ends identical to a fresh one."""
    from volctl.db import create_file, migrate

    old = tmp_path / "old.db"
    create_file(old)
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, stop_before=STEPS[applied])
    conn.execute(
        "INSERT INTO volunteers (volunteer_no, name, id_number, registered_on, created_at,"
        " updated_at) VALUES ('V000001', '王秀英', '330482195803120387', '2024-03-05', 'x', 'x')"
    )
    conn.close()
    notices: list[str] = []
    upgraded = open_roster(old, notify=lambda key, params: notices.append(key))
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert upgraded.execute("SELECT name FROM volunteers").fetchone()[0] == "王秀英"
    assert notices == ["roster.backup_before_migration", "roster.migrated"]
    backups = list(tmp_path.glob("old.db.v*.bak"))
    assert len(backups) == 1 and stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    fresh = tmp_path / "fresh.db"
    open_roster(fresh, create=True).close()
    assert schema(old) == schema(fresh)


def test_every_schema_step_is_recorded_by_name(roster: Path) -> None:
    conn = sqlite3.connect(roster)
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    assert names == list(STEPS)


def test_the_audit_log_refuses_to_be_rewritten(roster: Path, add_volunteer) -> None:
    add_volunteer()
    conn = open_roster(roster)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_log SET operator = 'someone else'")


def test_init_on_an_existing_empty_file_makes_it_readable_only_by_its_owner(
    cli, db_path: Path
) -> None:
    db_path.touch(mode=0o644)
    db_path.chmod(0o644)
    result = cli("init")
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600

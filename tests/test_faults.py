"""Faults of real offices: a busy roster, a read-only or full disk. Nothing lost, one message."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import fill, make_id, make_phone
from tests.conftest import volctl_process as volctl
from volctl.errors import InvalidInput, RosterError


def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that holds the roster's write lock, then lets go."""
    script = textwrap.dedent(f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        time.sleep({seconds})
        conn.execute("COMMIT")
    """)
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def count(db: Path, *, media_read_only: bool = False) -> int:
    uri = f"{db.as_uri()}?immutable=1" if media_read_only else f"{db.as_uri()}"
    conn = sqlite3.connect(uri, uri=True)
    n = conn.execute("SELECT count(*) FROM volunteers").fetchone()[0]
    conn.close()
    return n


def add_args(n: int) -> list[str]:
    return [
        "register",
        "add",
        "--name",
        f"志愿者{n}",
        "--id-number",
        make_id(seq=n),
        "--phone",
        make_phone(n),
    ]


def test_a_second_writer_waits_says_so_and_succeeds(roster: Path) -> None:
    holder = hold_write_lock(roster, 4)  # long enough for a slow start on a busy machine
    result = volctl(roster, *add_args(1), VOLCTL_BUSY_TIMEOUT="30")
    holder.wait()
    assert result.returncode == 0, result.stderr
    assert "waiting" in result.stderr
    assert count(roster) == 1


def test_a_writer_that_waits_too_long_gives_up_with_nothing_written(roster: Path) -> None:
    holder = hold_write_lock(roster, 4)
    result = volctl(roster, *add_args(1), VOLCTL_BUSY_TIMEOUT="1")
    holder.wait()
    assert result.returncode == RosterError.exit_code
    assert "Another volctl is using this roster" in result.stderr
    assert "Traceback" not in result.stderr
    assert count(roster) == 0


def test_two_processes_adding_at_once_lose_nothing(roster: Path) -> None:
    script = textwrap.dedent("""
        import subprocess, sys
        db, start = sys.argv[1], int(sys.argv[2])
        from tests.conftest import make_id, make_phone
        for n in range(start, start + 8):
            r = subprocess.run([sys.executable, "-m", "volctl", "--db", db, "register", "add",
                                "--name", f"志愿者{n}", "--id-number", make_id(seq=n),
                                "--phone", make_phone(n)], capture_output=True, text=True)
            assert r.returncode == 0, r.stderr
    """)
    root = Path(__file__).resolve().parents[1]
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(roster), str(start)], cwd=root)
        for start in (1, 51)
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    assert count(roster) == 16


def test_a_read_only_roster_says_so_and_is_unchanged(small_disk: Path) -> None:
    db = small_disk / "roster.db"
    assert volctl(db, "init").returncode == 0
    assert volctl(db, *add_args(1)).returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = volctl(db, *add_args(2))
    assert result.returncode == RosterError.exit_code
    assert "read-only" in result.stderr
    assert "Traceback" not in result.stderr
    assert count(db, media_read_only=True) == 1


@pytest.mark.parametrize("left_free", [0, 36 * 1024], ids=["nothing-free", "room-to-open-only"])
def test_a_full_disk_says_so_and_the_roster_stays_sound(small_disk: Path, left_free: int) -> None:
    db = small_disk / "roster.db"
    assert volctl(db, "init").returncode == 0
    filler = fill(small_disk, left_free=left_free)
    result = volctl(db, *add_args(1), "--notes", "备注" * 500)
    assert result.returncode == RosterError.exit_code, result.stderr
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr
    filler.unlink()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert count(db) == 0
    assert volctl(db, *add_args(1)).returncode == 0


def test_the_roster_file_disappearing_folder_is_named(tmp_path: Path) -> None:
    result = volctl(tmp_path / "gone" / "roster.db", "register", "list")
    assert result.returncode == RosterError.exit_code
    assert "does not exist" in result.stderr


@pytest.fixture(scope="module")
def demo_roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example community's year, on an ordinary disk (read, never changed, by the tests)."""
    folder = tmp_path_factory.mktemp("demo") / "demo"
    done = subprocess.run(
        [sys.executable, "-m", "volctl", "demo", "--dir", str(folder)],
        capture_output=True,
        text=True,
        env={**os.environ, "VOLCTL_LANG": "en"},
    )
    assert done.returncode == 0, done.stderr
    return folder / "roster.db"


OUTPUTS = {
    "ledger-form": ("export", "form", "ledger", "--year", "2025", "-o", "l.xlsx"),
    "certificate": ("export", "certificate", "V000001", "--year", "2025", "-o", "c.xlsx"),
    "summary-workbook": ("report", "summary", "--year", "2025", "-o", "s.xlsx"),
    "table-workbook": ("export", "table", "volunteers", "-o", "t.xlsx"),
    "text-report": ("report", "summary", "--year", "2025", "-o", "s.md"),
    "bundle": ("export", "bundle", "-o", "b.zip"),
}


@pytest.mark.parametrize("args", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_a_file_written_to_a_full_disk_is_named_in_one_message_and_nothing_is_left(
    small_disk: Path, demo_roster: Path, args: tuple[str, ...]
) -> None:
    fill(small_disk)
    target = small_disk / args[-1]
    certificates = _certificates(demo_roster)
    result = volctl(demo_roster, *args[:-1], str(target))
    assert result.returncode == InvalidInput.exit_code, result.stderr
    assert f"Cannot write {target}: the disk is full" in result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert result.stderr.count("Error:") == 1
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]  # no temporary file
    assert _certificates(demo_roster) == certificates  # none issued without its file


def _certificates(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM certificates").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("left_free", [0, 256 * 1024], ids=["nothing-free", "room-for-part"])
def test_a_backup_to_a_full_disk_leaves_no_file_and_can_be_tried_again(
    small_disk: Path, demo_roster: Path, left_free: int
) -> None:
    filler = fill(small_disk, left_free=left_free)
    dest = small_disk / "b.db"
    result = volctl(demo_roster, "backup", str(dest))
    assert result.returncode == RosterError.exit_code, result.stderr
    assert f"Could not write the backup {dest}: the disk is full" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
    filler.unlink()
    again = volctl(demo_roster, "backup", str(dest))
    assert again.returncode == 0, again.stderr
    assert count(dest) == count(demo_roster)


STDOUT_COMMANDS = {
    "json": ("register", "list", "--format", "json"),
    "table": ("register", "list"),
    "raw-csv": ("export", "table", "volunteers", "--format", "csv"),
}


@pytest.mark.parametrize("args", STDOUT_COMMANDS.values(), ids=STDOUT_COMMANDS.keys())
def test_data_sent_through_stdout_to_a_full_disk_is_one_message(
    demo_roster: Path, args: tuple[str, ...]
) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full (a device that is always full)")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "volctl", "--db", str(demo_roster), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "VOLCTL_LANG": "en", "COLUMNS": "200"},
        )
    assert result.returncode == InvalidInput.exit_code, result.stderr
    assert result.stderr.strip() == "Error: Cannot write the standard output: the disk is full"

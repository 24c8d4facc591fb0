"""Faults of real offices: a busy roster, a read-only or full disk. Nothing lost, one message."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_id, make_phone
from volctl.errors import RosterError


def volctl(
    db: Path, *args: str, timeout: float = 60, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run volctl as a real process, as a second terminal would."""
    environment = {**os.environ, "VOLCTL_LANG": "en", **env}
    return subprocess.run(
        [sys.executable, "-m", "volctl", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
    )


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


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB filesystem (tmpfs) the test can fill or make read-only; needs root."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("mounting a small filesystem needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


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
    filler = small_disk / "filler"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:  # ENOSPC: the disk is now full
        pass
    finally:
        os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - left_free))
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

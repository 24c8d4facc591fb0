"""A killed writer leaves nothing at its target: a backup or an export killed (SIGKILL, the
power cut's twin) at any moment is either not there at all or whole and sound, never half a
file that blocks the next run; what a killed run left beside the target (its temporary file,
SQLite's journal of it) is cleaned up by the next run that writes there."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers_intake import person, sheet, write_xlsx
from tests.test_crash_safety import big_sheet, count, volctl

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def full_roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A roster of 20,000 volunteers: big enough that copying it takes a while."""
    folder = tmp_path_factory.mktemp("full")
    db = folder / "roster.db"
    assert volctl(db, "init", "--org", "东湖社区").wait(timeout=60) == 0
    importing = volctl(db, "register", "import", str(big_sheet(folder / "big.csv", 20_000)))
    _out, err = importing.communicate(timeout=600)
    assert importing.returncode == 0, err
    return db


def dead_pid() -> int:
    """The number of a process that has ended (what a killed run's leftovers are named by)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    return int(done.stdout)


def leftovers(folder: Path, name: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(f".{name}."))


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.5, 1.0])
def test_a_killed_backup_leaves_nothing_at_its_target_and_can_be_run_again(
    full_roster: Path, tmp_path: Path, delay: float
) -> None:
    target = tmp_path / "b.db"
    running = volctl(full_roster, "backup", str(target))
    time.sleep(delay)
    running.send_signal(signal.SIGKILL)
    running.wait()
    for sidecar in ("-journal", "-wal", "-shm"):
        assert not Path(f"{target}{sidecar}").exists()
    if target.exists():  # it had finished: then it is whole and sound
        conn = sqlite3.connect(target)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        assert count(target) == 20_000
        return
    again = volctl(full_roster, "backup", str(target))
    _out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert count(target) == 20_000 and leftovers(tmp_path, "b.db") == []


def test_leftovers_of_a_killed_backup_are_removed_by_the_next_one(roster, tmp_path: Path) -> None:
    pid = dead_pid()
    left = [tmp_path / f".b.db.{pid}.tmp", tmp_path / f".b.db.{pid}.tmp-journal"]
    for path in left:
        path.write_bytes(b"half a copy")
    live = tmp_path / f".b.db.{os.getpid()}.tmp"  # a run still going: not ours to remove
    live.write_bytes(b"")
    done = volctl(roster, "backup", str(tmp_path / "b.db"))
    _out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    assert leftovers(tmp_path, "b.db") == [live]
    restored = volctl(roster, "restore", str(tmp_path / "b.db"), "--yes")
    _out, err = restored.communicate(timeout=120)
    assert restored.returncode == 0, err


@pytest.mark.parametrize("delay", [0.1, 0.4, 1.0])
def test_a_killed_import_leaves_no_rejects_workbook_behind(
    roster: Path, tmp_path: Path, delay: float
) -> None:
    rows = [person(n) for n in range(1, 3000)] + [person(9000 + n, id="123") for n in range(500)]
    source = write_xlsx(tmp_path / "in.xlsx", sheet(rows))
    rejects = tmp_path / "in.rejects.xlsx"
    running = volctl(roster, "register", "import", str(source))
    time.sleep(delay)
    running.send_signal(signal.SIGKILL)
    running.wait()
    if not rejects.exists():  # killed before the end: no rejects workbook, half or whole
        again = volctl(roster, "register", "import", str(source))
        _out, err = again.communicate(timeout=300)
        assert again.returncode == 0, err
    assert rejects.exists() and leftovers(tmp_path, "in.rejects.xlsx") == []
    from openpyxl import load_workbook

    assert load_workbook(rejects).active.max_row > 1  # a whole workbook, not half of one


def test_an_export_killed_leaves_no_file_and_its_leftovers_are_cleaned(
    full_roster: Path, tmp_path: Path
) -> None:
    target = tmp_path / "volunteers.csv"
    pid = dead_pid()
    (tmp_path / f".volunteers.csv.{pid}.tmp").write_text("half")
    running = volctl(full_roster, "export", "table", "volunteers", "-o", str(target))
    time.sleep(0.3)
    running.send_signal(signal.SIGKILL)
    running.wait()
    assert not target.exists() or target.read_text(encoding="utf-8-sig").count("\n") == 20_001
    done = volctl(full_roster, "export", "table", "volunteers", "-o", str(target))
    _out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    assert leftovers(tmp_path, "volunteers.csv") == []

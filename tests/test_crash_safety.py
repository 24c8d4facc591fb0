"""A killed import leaves the roster untouched or complete; a second terminal waits its turn."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import make_id

ROOT = Path(__file__).resolve().parents[1]


def volctl(db: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "VOLCTL_LANG": "en", "VOLCTL_BUSY_TIMEOUT": "120"}
    return subprocess.Popen(
        [sys.executable, "-m", "volctl", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def big_sheet(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", "身份证号码", "手机号码"])
        for n in range(rows):
            born = date(1950, 1, 1) + timedelta(days=n)  # one person per birth date
            writer.writerow([f"志愿者{n}", make_id(f"{born:%Y%m%d}"), f"139{n:08d}"])
    return path


def count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM volunteers").fetchone()[0]
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return big_sheet(tmp_path_factory.mktemp("sheet") / "big.csv", 20_000)


@pytest.fixture(scope="module")
def full(sheet: Path, tmp_path_factory: pytest.TempPathFactory) -> int:
    """How many volunteers the whole import registers (measured once on its own roster)."""
    reference = tmp_path_factory.mktemp("reference") / "roster.db"
    assert (
        subprocess.run(
            [sys.executable, "-m", "volctl", "--db", str(reference), "init"],
            capture_output=True,
            cwd=ROOT,
        ).returncode
        == 0
    )
    return complete_count(reference, sheet)


def complete_count(db: Path, sheet: Path) -> int:
    done = volctl(db, "register", "import", str(sheet), "--format", "json")
    _out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    return count(db)


@pytest.mark.parametrize("delay", [0.4, 1.0, 2.0, 3.5])
def test_an_import_killed_midway_leaves_nothing_or_everything(roster, sheet, full, delay) -> None:
    assert full == 20_000
    running = volctl(roster, "register", "import", str(sheet))
    time.sleep(delay)
    running.send_signal(signal.SIGKILL)
    running.wait()
    assert integrity(roster) == "ok"
    assert count(roster) in (0, full)
    assert complete_count(roster, sheet) == full  # the same import then completes (or is a no-op)


def test_an_import_and_log_hours_at_once_both_succeed(cli, add_volunteer, roster, sheet) -> None:
    add_volunteer("王秀英", registered_on="2025-01-01")
    number = cli(
        "activity",
        "add",
        "慰问",
        "--date",
        "2025-07-19",
        "--category",
        "社区服务",
        "--format",
        "json",
    ).json()["activity_no"]
    importing = volctl(roster, "register", "import", str(sheet))
    time.sleep(0.3)
    logging = volctl(roster, "log-hours", "add", "王秀英", "--activity", number, "--hours", "2")
    _, log_err = logging.communicate(timeout=300)
    _, import_err = importing.communicate(timeout=300)
    assert importing.returncode == 0, import_err
    assert logging.returncode == 0, log_err
    conn = sqlite3.connect(roster)
    assert conn.execute("SELECT count(*) FROM service_records").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM volunteers").fetchone()[0] > 10_000
    conn.close()

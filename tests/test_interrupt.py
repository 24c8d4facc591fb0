"""Ctrl-C says what is true: before the roster saved the change, "not changed" (and nothing
is); after it, "saved" (and the roster holds it), whatever was still to come. Real processes,
real SIGINT."""

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
from tests.helpers_intake import count

ROOT = Path(__file__).resolve().parents[1]
INTERRUPTED = 130


def sign_up_sheet(path: Path, good: int, bad: int = 0) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", "身份证号码", "手机号码"])
        for n in range(good):
            born = date(1950, 1, 1) + timedelta(days=n)
            writer.writerow([f"志愿者{n}", make_id(f"{born:%Y%m%d}"), f"139{n:08d}"])
        for n in range(bad):
            writer.writerow([f"错行{n}", f"1234{n}", "1"])
    return path


def _as_at_a_terminal() -> None:
    # Ctrl-C at a terminal interrupts; a shell starting these tests in the background (without
    # job control) has them ignore SIGINT, which a child would inherit and keep.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "volctl", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "VOLCTL_LANG": "en"},
        cwd=ROOT,
        preexec_fn=_as_at_a_terminal,
    )


def batches(db: Path) -> int:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM import_batches").fetchone()[0])
    except sqlite3.OperationalError:  # busy: not yet
        return -1
    finally:
        conn.close()


def test_ctrl_c_after_the_import_was_saved_says_it_was_saved(roster, tmp_path: Path) -> None:
    # The rejected rows make the JSON summary far larger than a pipe holds: unread, it keeps
    # the process waiting after the commit, where Ctrl-C then lands.
    sheet = sign_up_sheet(tmp_path / "sheet.csv", 3000, bad=2000)
    running = start(roster, "register", "import", str(sheet), "--format", "json")
    deadline = time.monotonic() + 300
    while batches(roster) < 1:
        assert running.poll() is None, running.communicate()[1]
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.5)  # writing the summary, blocked on the full pipe
    assert running.poll() is None
    running.send_signal(signal.SIGINT)
    _out, err = running.communicate(timeout=120)
    assert running.returncode == INTERRUPTED, err
    assert "saved" in err and "not changed" not in err and "Traceback" not in err
    assert count(roster) == 3000


def test_ctrl_c_before_the_import_was_saved_says_nothing_changed(roster, tmp_path: Path) -> None:
    sheet = sign_up_sheet(tmp_path / "sheet.csv", 100_000)
    running = start(roster, "register", "import", str(sheet))
    time.sleep(1.5)  # reading and checking 100,000 rows takes far longer
    assert running.poll() is None
    running.send_signal(signal.SIGINT)
    _out, err = running.communicate(timeout=120)
    assert running.returncode == INTERRUPTED, err
    assert "not changed" in err and "saved" not in err and "Traceback" not in err
    assert count(roster) == 0 and batches(roster) == 0


@pytest.mark.parametrize("saved", [False, True])
def test_the_message_follows_the_roster_not_the_moment(cli, roster, saved: bool) -> None:
    """In-process: the guard reads whether a change was saved in this command."""
    from volctl import db

    conn = sqlite3.connect(roster, isolation_level=None)
    try:
        db.forget_saved()
        if saved:
            with db.transaction(conn):
                conn.execute("INSERT INTO counters (name, value) VALUES ('x', 1)")
        assert db.changes_saved() is saved
    finally:
        conn.close()

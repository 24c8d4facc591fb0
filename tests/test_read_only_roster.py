"""A roster on read-only media (a write-protected stick, a read-only share, a folder and file
the clerk may not change): every reading command works; a change is refused, nothing written."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_id, make_phone
from tests.conftest import volctl_process as volctl
from volctl.db import open_roster
from volctl.errors import RosterError
from volctl.schema import STEPS


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` and what it holds read-only for real: as root (who ignores permission
    bits) a read-only bind mount of it; otherwise mode 0444 on its files and 0555 on it."""
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip("root, but a read-only bind mount is not allowed here (no CAP_SYS_ADMIN)")
        try:
            subprocess.run(
                ["mount", "-o", "remount,bind,ro", str(folder)], check=True, capture_output=True
            )
            yield
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        return
    files = list(folder.iterdir())
    for path in files:
        path.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)
        for path in files:
            path.chmod(0o644)


@pytest.fixture
def media(tmp_path: Path) -> Iterator[Path]:
    """A roster with two volunteers and an hour entry, then made read-only with its folder."""
    folder = tmp_path / "media"
    folder.mkdir()
    db = folder / "roster.db"
    assert volctl(db, "init", "--org", "东湖社区").returncode == 0
    for n in (1, 2):
        args = ["--name", f"志愿者{n}", "--id-number", make_id(seq=n), "--phone", make_phone(n)]
        assert volctl(db, "register", "add", *args).returncode == 0
    assert [p.name for p in folder.iterdir()] == ["roster.db"]  # WAL closed cleanly: no -shm
    with read_only(folder):
        yield folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_volunteers_of_a_read_only_roster_are_listed_with_a_notice(media: Path) -> None:
    db = media / "roster.db"
    result = volctl(db, "register", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [v["name"] for v in json.loads(result.stdout)] == ["志愿者1", "志愿者2"]
    assert "is read-only: it can be read and backed up, not changed" in result.stderr
    assert sorted(p.name for p in media.iterdir()) == ["roster.db"]


@pytest.mark.parametrize(
    "args",
    [("report", "summary", "--format", "json"), ("check",), ("info",), ("team", "list")],
    ids=["report", "check", "info", "team-list"],
)
def test_reading_commands_work_on_a_read_only_roster(media: Path, args: tuple[str, ...]) -> None:
    result = volctl(media / "roster.db", *args)
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr


def test_a_read_only_roster_can_be_backed_up_elsewhere(media: Path, tmp_path: Path) -> None:
    dest = tmp_path / "copy.db"
    result = volctl(media / "roster.db", "backup", str(dest))
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(dest)
    assert conn.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 2
    conn.close()
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "args",
    [
        (
            "register",
            "add",
            "--name",
            "志愿者3",
            "--id-number",
            make_id(seq=3),
            "--phone",
            make_phone(3),
        ),
        ("register", "deactivate", "V000001", "--reason", "搬家"),
        ("settings", "org_name", "西湖社区"),
    ],
    ids=["add", "deactivate", "settings"],
)
def test_a_change_to_a_read_only_roster_is_refused_and_nothing_is_written(
    media: Path, args: tuple[str, ...]
) -> None:
    db = media / "roster.db"
    before = _digest(db)
    result = volctl(db, *args)
    assert result.returncode == RosterError.exit_code, result.stderr
    assert f"The roster {db} is read-only; nothing was written." in result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(db) == before
    assert sorted(p.name for p in media.iterdir()) == ["roster.db"]


def test_a_read_only_roster_that_needs_upgrading_says_to_copy_it_first(tmp_path: Path) -> None:
    from volctl.db import create_file, migrate

    folder = tmp_path / "old"
    folder.mkdir()
    db = folder / "roster.db"
    create_file(db)
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, stop_before=STEPS[-1])
    conn.close()
    with read_only(folder):
        with pytest.raises(RosterError) as refused:
            open_roster(db)
        assert refused.value.key == "roster.readonly"
        assert refused.value.hint == "hint.roster_readonly_upgrade"
        assert sorted(p.name for p in folder.iterdir()) == ["roster.db"]
